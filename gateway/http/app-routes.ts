/**
 * Local API routes the technician app needs beyond the work routes: the technician's day, task
 * start and completion under the model's rules, stamping a chosen stored reading on an item, the
 * milestone state of a work order, the day's time entries and their submission, and sync state.
 */
import type { FastifyInstance } from "fastify";
import type { Task } from "../../model/entities/task.js";
import { BILLING_STEP_MS } from "../../model/rules/billable-time.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { GatewayParts } from "../parts.js";
import type { SnapshotParts } from "../work/gateway-snapshot.js";
import { milestoneStates } from "../work/milestone-state.js";
import type { SyncStateTracker } from "../work/sync-state.js";
import type { TaskAction, TaskFacts } from "../work/task-states.js";
import { technicianDay } from "../work/technician-day.js";
import type { Visits } from "../work/visits.js";
import { withHuman } from "./roundtrip-routes.js";
import { access } from "./route-access.js";

export interface AppRouteDependencies
	extends Pick<GatewayParts, "workOrders" | "batches" | "activeTasks" | "evidence" | "timeEntries" | "taskStates" | "store" | "events" | "clock">,
		Pick<SnapshotParts, "submissions"> {
	sync: SyncStateTracker;
	/** The visits' next steps on the day view (absent: the day lists visits without them). */
	visits?: Visits;
}

/** The rule that turns recorded time into billed time, as the technician reads it (model/rules/billable-time.ts). */
const BILLING_ROUNDING = {
	stepMinutes: BILLING_STEP_MS / 60_000,
	text: "Billed per entry in 6-minute steps (0.1 h), rounded to the nearest step; the invoice line shows recorded and billed time.",
};

type Body = Record<string, unknown>;

function text(body: unknown, name: string): string {
	const value = typeof body === "object" && body !== null ? (body as Body)[name] : undefined;
	if (typeof value !== "string" || value === "") throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, `Body field "${name}" must be a non-empty string.`);
	return value;
}

function epochQuery(value: string | undefined, name: string, fallback: number): number {
	if (value === undefined || value === "") return fallback;
	const parsed = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
	if (!Number.isFinite(parsed))
		throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, `Query parameter ${name} must be an ISO date-time or epoch milliseconds (got "${value}").`);
	return parsed;
}

/** Midnight to midnight of the gateway's local day. */
function today(now: number): { from: number; to: number } {
	const start = new Date(now);
	start.setHours(0, 0, 0, 0);
	const end = new Date(start);
	end.setDate(end.getDate() + 1);
	return { from: start.getTime(), to: end.getTime() };
}

export function appRoutes(deps: AppRouteDependencies) {
	const taskOf = (workOrderId: string, taskId: string): Task => {
		const task = deps.workOrders.task(taskId);
		if (!task || task.workOrderId !== workOrderId)
			throw new FieldchainError(ErrorCodes.FC_HTTP_NOT_FOUND, `Task "${taskId}" of work order "${workOrderId}" is not held by this gateway.`);
		return task;
	};
	const facts = (task: Task): TaskFacts => ({
		satisfiedItems: new Set(
			deps.evidence
				.checklistState(task)
				.filter((item) => item.satisfied)
				.map((item) => item.id),
		),
		timerRunning: deps.timeEntries.forTask(task.workOrderId, task.id).some((entry) => entry.endedAt === null),
	});
	const rules = (task: Task) => ({
		status: task.status,
		canStart: deps.taskStates.explain("start", task, facts(task)).map(withHuman),
		canComplete: deps.taskStates.explain("complete", task, facts(task)).map(withHuman),
	});

	return (app: FastifyInstance): void => {
		app.get<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>(
			"/api/v1/technicians/:id/day",
			access("session-or-token", { param: "id" }),
			async (request) => {
				const window = today(deps.clock.now());
				const from = epochQuery(request.query.from, "from", window.from);
				const to = epochQuery(request.query.to, "to", window.to);
				const day = technicianDay(deps.workOrders, request.params.id, from, to, deps.activeTasks.get(request.params.id));
				// Each visit's next step(s) and what stands in the way (gateway/work/visits.ts).
				const visits = deps.visits;
				if (!visits) return day;
				return {
					...day,
					entries: day.entries.map((entry) => ({
						...entry,
						actions: visits.actions(entry.appointment).map((action) => ({ ...action, reasons: action.reasons.map(withHuman) })),
					})),
				};
			},
		);

		app.get<{ Params: { wo: string; task: string } }>("/api/v1/work-orders/:wo/tasks/:task/rules", access("session-or-token"), async (request) =>
			rules(taskOf(request.params.wo, request.params.task)),
		);

		for (const action of ["start", "complete"] as const satisfies readonly TaskAction[]) {
			app.post<{ Params: { wo: string; task: string }; Body: Body }>(
				`/api/v1/work-orders/:wo/tasks/:task/${action}`,
				access("session-or-token", { body: "technicianId" }),
				async (request) => {
					const task = taskOf(request.params.wo, request.params.task);
					const technicianId = text(request.body, "technicianId");
					const now = deps.clock.now();
					deps.taskStates.apply(action, task.id, facts(task), technicianId, now);
					deps.events.emit("taskChanged", { workOrderId: task.workOrderId, taskId: task.id, status: task.status, by: technicianId, at: now });
					return rules(task);
				},
			);
		}

		app.post<{ Params: { wo: string; task: string }; Body: Body }>(
			"/api/v1/work-orders/:wo/tasks/:task/readings",
			access("session-or-token", { body: "technicianId" }),
			async (request, reply) => {
				const task = taskOf(request.params.wo, request.params.task);
				const deviceId = text(request.body, "deviceId");
				const seq = (request.body as Body).seq;
				if (typeof seq !== "number" || !Number.isSafeInteger(seq) || seq < 1)
					throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, 'Body field "seq" must be the reading\'s positive integer seq.');
				const device = deps.store.getDevice(deviceId);
				if (!device) throw new FieldchainError(ErrorCodes.FC_HTTP_NOT_FOUND, `No device "${deviceId}" has been seen by this gateway.`);
				const bootId = typeof (request.body as Body).bootId === "string" ? ((request.body as Body).bootId as string) : device.bootId;
				const [row] = deps.store.listReadings(deviceId, { bootId, afterSeq: seq - 1, limit: 1 });
				if (!row || row.seq !== seq)
					throw new FieldchainError(ErrorCodes.FC_HTTP_NOT_FOUND, `Reading ${seq} of device "${deviceId}" (boot ${bootId}) is not stored on this gateway.`);
				const technicianId = text(request.body, "technicianId");
				// From a device bound to the technician's active task, or, without one, on a task in progress (gateway/work/active-tasks.ts);
				// a reading that is evidence already is refused by the evidence log (FC_EVIDENCE_DUPLICATE, 409).
				const refusal = deps.activeTasks.manualStampRefusal(technicianId, task, row);
				if (refusal) throw refusal;
				const view = deps.evidence.addReading({
					technicianId,
					task,
					checklistItemId: text(request.body, "checklistItemId"),
					reading: row,
				});
				return reply.code(201).send(view);
			},
		);

		app.get<{ Params: { wo: string } }>("/api/v1/work-orders/:wo/milestones", access("session-or-token"), async (request) => {
			if (!deps.workOrders.workOrder(request.params.wo))
				throw new FieldchainError(ErrorCodes.FC_HTTP_NOT_FOUND, `Work order "${request.params.wo}" is not held by this gateway.`);
			return {
				milestones: milestoneStates(deps, request.params.wo).map((milestone) => ({
					...milestone,
					missing: milestone.missing.map(withHuman),
					awaitingApproval: milestone.awaitingApproval.map(withHuman),
				})),
			};
		});

		app.get<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>(
			"/api/v1/technicians/:id/time-entries",
			access("session-or-token", { param: "id" }),
			async (request) => {
				const day = today(deps.clock.now());
				const from = epochQuery(request.query.from, "from", day.from);
				const to = epochQuery(request.query.to, "to", day.to);
				return { timeEntries: deps.submissions.list(request.params.id, from, to), rounding: BILLING_ROUNDING };
			},
		);

		app.post<{ Params: { id: string }; Body: Body }>(
			"/api/v1/technicians/:id/time-entries/submit",
			access("session-or-token", { param: "id" }),
			async (request) => {
				const ids = (request.body as Body | undefined)?.ids;
				if (ids !== undefined && (!Array.isArray(ids) || !ids.every((id) => typeof id === "string"))) {
					throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, 'Body field "ids" must be an array of time entry ids (or absent: every stopped entry).');
				}
				return { submitted: deps.submissions.submit(request.params.id, deps.clock.now(), ids as string[] | undefined), sync: deps.sync.read() };
			},
		);

		app.get("/api/v1/sync", access("session-or-token"), async () => deps.sync.read());
	};
}
