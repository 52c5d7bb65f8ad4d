/**
 * Local API of the uplink and the disk quota:
 *   GET /api/v1/uplink                                   queue, cursors, breaker, failures by reason
 *   GET /api/v1/uplink/conflicts                         changes the cloud refused or changed too (both versions)
 *   GET /api/v1/work-orders/{wo}/tasks/{task}/uplink     per task: evidence stored / uploaded / receipted
 *   GET /api/v1/capacity                                 quota level, bytes, refused readings, aged-out readings
 * At "disk-full" every write to /api is answered 507 with the reason (nothing is half-stored).
 */
import type { FastifyInstance } from "fastify";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { sendError } from "../../platform/http-errors.js";
import type { GatewayParts } from "../parts.js";
import type { Downlink } from "../uplink/downlink.js";
import { taskUplinkStatus, type UplinkStatusSources, uplinkStatus } from "../uplink/uplink-status.js";
import { access } from "./route-access.js";

export interface UplinkRouteDependencies extends UplinkStatusSources, Pick<GatewayParts, "evidence" | "capacity"> {
	downlink: () => Downlink | undefined;
}

export function uplinkRoutes(deps: UplinkRouteDependencies) {
	return (app: FastifyInstance): void => {
		// Decided on the matched route (its method and pattern), never on the raw URL.
		app.addHook("onRequest", async (request, reply) => {
			const route = request.routeOptions;
			if (request.is404 || route.method === "GET" || route.method === "HEAD" || !route.url?.startsWith("/api/")) return;
			const refusal = deps.capacity.refusesEvidence();
			if (refusal) return sendError(reply, new FieldchainError(ErrorCodes.FC_CAPACITY_DISK_FULL, refusal));
		});
		app.get("/api/v1/uplink", access("session-or-token"), async () => ({ ...uplinkStatus(deps), downlink: deps.downlink()?.stats ?? null }));
		app.get("/api/v1/uplink/conflicts", access("session-or-token"), async () => ({
			downlink: deps.downlink()?.conflicts() ?? [],
			conflicts: deps.outbox.conflicts().map((entry) => ({
				kind: entry.kind,
				recordId: entry.recordId,
				workOrderId: entry.workOrderId,
				taskId: entry.taskId,
				ours: entry.payload,
				cloud: entry.lastError,
				at: entry.receiptedAt,
			})),
		}));
		app.get<{ Params: { wo: string; task: string } }>("/api/v1/work-orders/:wo/tasks/:task/uplink", access("session-or-token"), async (request) =>
			taskUplinkStatus(deps.evidence, deps.outbox, request.params.wo, request.params.task),
		);
		app.get("/api/v1/capacity", access("session-or-token"), async () => deps.capacity.status());
	};
}
