/**
 * Local API for the technician's day: work orders held by the gateway, the active task per
 * technician, evidence of a task (readings stamped from devices, and photos, notes,
 * acknowledgements and signatures posted here), and task timers.
 */
import type { FastifyInstance } from "fastify";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { ManualEvidenceKind } from "../evidence/evidence-log.js";
import type { GatewayParts } from "../parts.js";
import { access } from "./route-access.js";

export type WorkRouteDependencies = Pick<GatewayParts, "workOrders" | "activeTasks" | "evidence" | "attachments" | "timeEntries" | "clock">;

type Body = Record<string, unknown>;

function field(body: unknown, name: string, required: true): string;
function field(body: unknown, name: string, required: false): string | undefined;
function field(body: unknown, name: string, required: boolean): string | undefined {
	const value = typeof body === "object" && body !== null ? (body as Body)[name] : undefined;
	if (value === undefined && !required) return undefined;
	if (typeof value !== "string" || value === "") {
		throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, `Body field "${name}" must be a non-empty string.`);
	}
	return value;
}

function taskOf(deps: WorkRouteDependencies, workOrderId: string, taskId: string) {
	const task = deps.workOrders.task(taskId);
	if (!task || task.workOrderId !== workOrderId) {
		throw new FieldchainError(ErrorCodes.FC_HTTP_NOT_FOUND, `Task "${taskId}" of work order "${workOrderId}" is not held by this gateway.`);
	}
	return task;
}

const MANUAL_KINDS: readonly ManualEvidenceKind[] = ["photo", "note", "acknowledgement", "signature"];

export function workRoutes(deps: WorkRouteDependencies) {
	return (app: FastifyInstance): void => {
		app.get("/api/v1/work-orders", access("session-or-token"), async () => ({
			workOrders: deps.workOrders.snapshot.workOrders.map((workOrder) => ({
				...workOrder,
				tasks: deps.workOrders.tasksOf(workOrder.id).map((task) => ({ id: task.id, title: task.title, sequence: task.sequence, status: task.status })),
			})),
		}));

		app.get<{ Params: { wo: string; task: string } }>("/api/v1/work-orders/:wo/tasks/:task", access("session-or-token"), async (request) => {
			const task = taskOf(deps, request.params.wo, request.params.task);
			return { ...task, checklistState: deps.evidence.checklistState(task) };
		});

		app.get<{ Params: { id: string } }>("/api/v1/technicians/:id/active-task", access("session-or-token", { param: "id" }), async (request) => {
			const active = deps.activeTasks.get(request.params.id);
			if (!active) throw new FieldchainError(ErrorCodes.FC_HTTP_NOT_FOUND, `Technician "${request.params.id}" has no active task.`, { hint: "PUT one first." });
			return active;
		});

		app.put<{ Params: { id: string }; Body: Body }>("/api/v1/technicians/:id/active-task", access("session-or-token", { param: "id" }), async (request) => {
			const deviceIds = request.body?.deviceIds ?? [];
			if (!Array.isArray(deviceIds) || !deviceIds.every((id) => typeof id === "string")) {
				throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, 'Body field "deviceIds" must be an array of device ids.');
			}
			return deps.activeTasks.set(
				request.params.id,
				field(request.body, "workOrderId", true),
				field(request.body, "taskId", true),
				deps.clock.now(),
				deviceIds,
			);
		});

		app.delete<{ Params: { id: string } }>("/api/v1/technicians/:id/active-task", access("session-or-token", { param: "id" }), async (request, reply) => {
			deps.activeTasks.clear(request.params.id);
			return reply.code(204).send();
		});

		app.get<{ Params: { wo: string; task: string } }>("/api/v1/work-orders/:wo/tasks/:task/evidence", access("session-or-token"), async (request) => {
			taskOf(deps, request.params.wo, request.params.task);
			return { evidence: deps.evidence.forTask(request.params.wo, request.params.task) };
		});

		app.post<{ Params: { wo: string; task: string }; Body: Body }>(
			"/api/v1/work-orders/:wo/tasks/:task/evidence",
			{ bodyLimit: 16 * 1024 * 1024, ...access("session-or-token", { body: "technicianId" }) },
			async (request, reply) => {
				const task = taskOf(deps, request.params.wo, request.params.task);
				const kind = field(request.body, "kind", true) as ManualEvidenceKind;
				if (!MANUAL_KINDS.includes(kind)) {
					throw new FieldchainError(
						ErrorCodes.FC_HTTP_BAD_REQUEST,
						`Body field "kind" must be one of ${MANUAL_KINDS.join(", ")} (readings come from devices).`,
					);
				}
				const dataBase64 = field(request.body, "dataBase64", false);
				const attachment = dataBase64
					? deps.attachments.put(Buffer.from(dataBase64, "base64"), field(request.body, "mediaType", true), deps.clock.now())
					: undefined;
				if ((kind === "photo" || kind === "signature") && !attachment) {
					throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, `A ${kind} needs its image: send "dataBase64" and "mediaType".`);
				}
				const signerRole = field(request.body, "signerRole", false);
				if (signerRole !== undefined && signerRole !== "customer" && signerRole !== "technician") {
					throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, 'Body field "signerRole" must be "customer" or "technician".');
				}
				const view = deps.evidence.add({
					technicianId: field(request.body, "technicianId", true),
					workOrderId: task.workOrderId,
					task,
					checklistItemId: field(request.body, "checklistItemId", true),
					kind,
					text: field(request.body, "text", false),
					signerRole,
					attachment,
				});
				return reply.code(201).send(view);
			},
		);

		app.post<{ Params: { wo: string; task: string }; Body: Body }>(
			"/api/v1/work-orders/:wo/tasks/:task/time-entries/start",
			access("session-or-token", { body: "technicianId" }),
			async (request, reply) => {
				taskOf(deps, request.params.wo, request.params.task);
				const kind = field(request.body, "kind", false) ?? "work";
				if (kind !== "work" && kind !== "travel") throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, 'Body field "kind" must be "work" or "travel".');
				const entry = deps.timeEntries.start(field(request.body, "technicianId", true), request.params.wo, request.params.task, kind, deps.clock.now());
				return reply.code(201).send(entry);
			},
		);

		app.post<{ Params: { wo: string; task: string }; Body: Body }>(
			"/api/v1/work-orders/:wo/tasks/:task/time-entries/stop",
			access("session-or-token", { body: "technicianId" }),
			async (request) => {
				taskOf(deps, request.params.wo, request.params.task);
				return deps.timeEntries.stop(field(request.body, "technicianId", true), deps.clock.now());
			},
		);

		app.get<{ Params: { wo: string; task: string } }>("/api/v1/work-orders/:wo/tasks/:task/time-entries", access("session-or-token"), async (request) => {
			taskOf(deps, request.params.wo, request.params.task);
			return { timeEntries: deps.timeEntries.forTask(request.params.wo, request.params.task) };
		});
	};
}
