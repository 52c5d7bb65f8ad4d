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

export interface UplinkRouteDependencies extends UplinkStatusSources, Pick<GatewayParts, "evidence" | "capacity"> {
	downlink: () => Downlink | undefined;
}

export function uplinkRoutes(deps: UplinkRouteDependencies) {
	return (app: FastifyInstance): void => {
		app.addHook("onRequest", async (request, reply) => {
			if (request.method === "GET" || request.method === "HEAD" || !request.url.startsWith("/api/")) return;
			const refusal = deps.capacity.refusesEvidence();
			if (refusal) return sendError(reply, new FieldchainError(ErrorCodes.FC_CAPACITY_DISK_FULL, refusal));
		});
		app.get("/api/v1/uplink", async () => ({ ...uplinkStatus(deps), downlink: deps.downlink()?.stats ?? null }));
		app.get("/api/v1/uplink/conflicts", async () => ({
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
		app.get<{ Params: { wo: string; task: string } }>("/api/v1/work-orders/:wo/tasks/:task/uplink", async (request) =>
			taskUplinkStatus(deps.evidence, deps.outbox, request.params.wo, request.params.task),
		);
		app.get("/api/v1/capacity", async () => deps.capacity.status());
	};
}
