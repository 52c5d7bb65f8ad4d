/**
 * Local API routes of the field–office round trip: a rejected time entry corrected and
 * resubmitted, a visit moved through dispatched → en route → on site → completed (its work order
 * following the model's rules), and a work order's deliverables signed off by the customer's
 * signature. Every change goes to the billing service through the outbox; the office's answers
 * come back with the downlink (gateway/uplink/downlink.ts). Refusals carry the model's reasons,
 * each with a human sentence beside the machine one (gateway/work/human-messages.ts).
 */
import type { FastifyInstance } from "fastify";
import type { Reason } from "../../model/rules/reasons.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { GatewayParts } from "../parts.js";
import { humanMessage } from "../work/human-messages.js";
import { VISIT_STEPS, type VisitStep } from "../work/visits.js";
import { access } from "./route-access.js";

export type RoundtripRouteDependencies = Pick<GatewayParts, "timeSubmissions" | "visits" | "signOffs" | "attachments" | "workOrders" | "clock">;

type Body = Record<string, unknown>;

function text(body: unknown, name: string, required: boolean): string | undefined {
	const value = typeof body === "object" && body !== null ? (body as Body)[name] : undefined;
	if (value === undefined && !required) return undefined;
	if (typeof value !== "string" || value.trim() === "")
		throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, `Body field "${name}" must be a non-empty string.`);
	return value;
}

function epoch(body: unknown, name: string): number | undefined {
	const value = typeof body === "object" && body !== null ? (body as Body)[name] : undefined;
	if (value === undefined) return undefined;
	const parsed = typeof value === "number" ? value : typeof value === "string" ? Date.parse(value) : Number.NaN;
	if (!Number.isSafeInteger(parsed) || parsed < 0)
		throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, `Body field "${name}" must be epoch milliseconds or an ISO date-time.`);
	return parsed;
}

/** A reason with the technician's sentence beside the machine one. */
export function withHuman(reason: Reason): Reason & { humanMessage: string } {
	return { ...reason, humanMessage: humanMessage(reason) };
}

/** Adds the human sentence to the reasons a refusal carries, leaving everything else as it was. */
function humanized(error: unknown): unknown {
	if (!(error instanceof FieldchainError)) return error;
	const reasons = error.details?.reasons;
	if (Array.isArray(reasons)) (error.details as Record<string, unknown>).reasons = (reasons as Reason[]).map(withHuman);
	return error;
}

async function humanizing<T>(work: () => T): Promise<T> {
	try {
		return work();
	} catch (error) {
		throw humanized(error);
	}
}

export function roundtripRoutes(deps: RoundtripRouteDependencies) {
	return (app: FastifyInstance): void => {
		app.post<{ Params: { id: string; entry: string }; Body: Body }>(
			"/api/v1/technicians/:id/time-entries/:entry/resubmit",
			access("session-or-token", { param: "id" }),
			async (request) => {
				const body = request.body ?? {};
				const kind = text(body, "kind", false);
				if (kind !== undefined && kind !== "work" && kind !== "travel")
					throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, 'Body field "kind" must be "work" or "travel".');
				return deps.timeSubmissions.resubmit(
					request.params.id,
					request.params.entry,
					{ startedAt: epoch(body, "startedAt"), endedAt: epoch(body, "endedAt"), kind },
					deps.clock.now(),
				);
			},
		);

		app.post<{ Params: { id: string }; Body: Body }>(
			"/api/v1/appointments/:id/status",
			access("session-or-token", { body: "technicianId" }),
			async (request) => {
				const status = text(request.body, "status", true) as VisitStep;
				if (!VISIT_STEPS.includes(status))
					throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, `Body field "status" must be one of ${VISIT_STEPS.join(", ")}.`);
				const technicianId = text(request.body, "technicianId", true) as string;
				const moved = await humanizing(() => deps.visits.move(request.params.id, status, technicianId, deps.clock.now()));
				return { ...moved, actions: moved.actions.map((action) => ({ ...action, reasons: action.reasons.map(withHuman) })) };
			},
		);

		app.get<{ Params: { wo: string } }>("/api/v1/work-orders/:wo/deliverables", access("session-or-token"), async (request) => {
			if (!deps.workOrders.workOrder(request.params.wo))
				throw new FieldchainError(ErrorCodes.FC_HTTP_NOT_FOUND, `Work order "${request.params.wo}" is not held by this gateway.`);
			return { deliverables: deps.signOffs.list(request.params.wo) };
		});

		app.post<{ Params: { wo: string; id: string }; Body: Body }>(
			"/api/v1/work-orders/:wo/deliverables/:id/sign-off",
			{ bodyLimit: 16 * 1024 * 1024, ...access("session-or-token", { body: "technicianId" }) },
			async (request, reply) => {
				const body = request.body ?? {};
				const signerName = (text(body, "signerName", true) as string).trim();
				if (signerName.length > 200) throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, 'Body field "signerName" must be at most 200 characters.');
				const data = Buffer.from(text(body, "dataBase64", true) as string, "base64");
				if (data.length === 0) throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, 'Body field "dataBase64" must hold the signature image.');
				const mediaType = text(body, "mediaType", true) as string;
				if (!mediaType.startsWith("image/")) throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, 'Body field "mediaType" must be an image type.');
				const now = deps.clock.now();
				const signed = deps.signOffs.signOff(
					{
						workOrderId: request.params.wo,
						deliverableId: request.params.id,
						technicianId: text(body, "technicianId", true) as string,
						signerName,
						attachment: deps.attachments.put(data, mediaType, now),
						taskId: text(body, "taskId", false),
						checklistItemId: text(body, "checklistItemId", false),
					},
					now,
				);
				return reply.code(201).send(signed);
			},
		);
	};
}
