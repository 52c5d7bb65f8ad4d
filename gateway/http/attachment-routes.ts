/**
 * The bytes behind a photo or signature evidence record, for the technician app to show ("Signed
 * by Jo Peeters" with the signature drawn): GET /api/v1/work-orders/:wo/evidence/:id/attachment.
 *
 * Invariant: only what the evidence record commits to is served (its attachment hash, looked up in
 * the content-addressed store), and never as something the browser would run: raster images are
 * served as themselves, anything else (SVG, HTML, unknown) as a download, always with nosniff and a
 * sandboxing CSP, since the bytes come from a client and are served on the app's own origin.
 */
import type { FastifyInstance } from "fastify";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { GatewayParts } from "../parts.js";
import { access } from "./route-access.js";

export type AttachmentRouteDependencies = Pick<GatewayParts, "workOrders" | "evidence" | "attachments">;

/** Shown inline: raster images only (an SVG can carry script). */
const INLINE_TYPES = new Set(["image/png", "image/jpeg", "image/webp", "image/gif"]);

export function attachmentRoutes(deps: AttachmentRouteDependencies) {
	return (app: FastifyInstance): void => {
		app.get<{ Params: { wo: string; id: string } }>("/api/v1/work-orders/:wo/evidence/:id/attachment", access("session-or-token"), async (request, reply) => {
			const { wo, id } = request.params;
			if (!deps.workOrders.workOrder(wo)) throw new FieldchainError(ErrorCodes.FC_HTTP_NOT_FOUND, `Work order "${wo}" is not held by this gateway.`);
			const record = deps.workOrders
				.tasksOf(wo)
				.flatMap((task) => deps.evidence.forTask(wo, task.id))
				.find((view) => view.id === id);
			if (!record) throw new FieldchainError(ErrorCodes.FC_HTTP_NOT_FOUND, `Evidence "${id}" of work order "${wo}" is not held by this gateway.`);
			const stored = record.attachment ? deps.attachments.get(record.attachment.sha256) : undefined;
			if (!stored) throw new FieldchainError(ErrorCodes.FC_HTTP_NOT_FOUND, `Evidence "${id}" has no photo or signature stored on this gateway.`);
			const inline = INLINE_TYPES.has(stored.mediaType.toLowerCase());
			return (
				reply
					.header("content-type", inline ? stored.mediaType : "application/octet-stream")
					.header("content-disposition", inline ? "inline" : `attachment; filename="${id}"`)
					.header("x-content-type-options", "nosniff")
					.header("content-security-policy", "default-src 'none'; sandbox")
					// Content-addressed: the bytes behind an evidence id never change.
					.header("cache-control", "private, max-age=31536000, immutable")
					.header("etag", `"${stored.sha256}"`)
					.send(stored.data)
			);
		});
	};
}
