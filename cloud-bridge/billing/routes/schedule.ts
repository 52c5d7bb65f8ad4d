/**
 * Dispatch: plans (propose, read, apply — never in place), the board, and a manual move that
 * pushes dependent visits along (cloud-bridge/billing/schedule/). Plans and moves are the
 * dispatcher's: the `dispatch` scope (a dispatcher's console role) or `admin`; the board is readable
 * with any reading scope. A gateway token reaches none of these (gateway-binding.ts refuses it).
 */
import { randomUUID } from "node:crypto";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import { builtInScheduler, type Scheduler } from "../../../scheduling/scheduler.js";
import type { BillingContext } from "../context.js";
import { Appointment } from "../openapi/entity-schemas.js";
import { arr, id, int, ms, nullable, num, obj, oneOfValues, str } from "../openapi/schema-helpers.js";
import { applyPlan } from "../schedule/apply-plan.js";
import { dispatchChange, moved } from "../schedule/dispatch-change.js";
import { makePlan, type PlanRequest } from "../schedule/make-plan.js";
import { DAY, loadPlanningSnapshot, readSet } from "../schedule/planning-data.js";
import type { SchedulePlanRecord } from "../store/types.js";
import { actor, DISPATCH, idParams, READ } from "./common.js";
import { ManualMoveBody, readManualMove, window } from "./manual-move.js";
import { created, ok, type RouteSpec } from "./route-spec.js";

const ids = arr(id(), { maxItems: 5000 });
export const Kpis = obj({
	assigned: int(),
	unassigned: int(),
	slaBreaches: int(),
	travelMinutes: num(),
	overtimeMinutes: num(),
	utilisation: num(),
	cost: num(),
});
const Score = obj({ travel: num(), sla: num(), asap: num(), preferred: num(), skillMatch: num(), total: num(), reasons: arr(str()) });
const Change = obj({
	workOrderId: id(),
	appointmentId: nullable(id()),
	technicianId: id(),
	window,
	previous: nullable(obj({ technicianId: id(), window })),
	travelMinutes: num(),
	slaBreachMinutes: num(),
	score: Score,
});
const Plan = obj({
	id: id(),
	status: oneOfValues(["proposed", "applied"]),
	createdAt: ms(),
	createdBy: str(),
	appliedAt: nullable(ms()),
	appliedBy: nullable(str()),
	basis: str(),
	engine: str(),
	scope: obj({ from: ms(), to: ms(), technicianIds: arr(id()), workOrderIds: arr(id()), movableAppointmentIds: arr(id()) }),
	changes: arr(Change),
	unchanged: arr(id()),
	unassigned: arr(obj({ workOrderId: id(), reason: str(), message: str() })),
	kpis: obj({ before: Kpis, after: Kpis }),
	seconds: num(),
	iterations: int(),
});
const Moved = obj({ appointmentId: id(), workOrderId: id(), technicianId: id(), window, cause: str(), reason: str() });
export const Violation = obj({ jobId: nullable(str()), technicianId: str(), kind: str(), message: str() });
const DispatchResult = {
	appointments: arr(Appointment),
	moves: arr(Moved),
	violations: arr(Violation),
	pushedGateways: arr(id()),
};
const EPOCH = "^[0-9]{1,15}$";
const MAX_BOARD = 31 * DAY;

/** The plan as the API answers it: the record's fields and its body, without the read set. */
function planView(plan: SchedulePlanRecord): Record<string, unknown> {
	const { read: _read, ...body } = plan.body;
	return {
		id: plan.id,
		status: plan.appliedAt === null ? "proposed" : "applied",
		createdAt: plan.createdAt,
		createdBy: plan.createdBy,
		appliedAt: plan.appliedAt,
		appliedBy: plan.appliedBy,
		basis: plan.basis,
		...body,
	};
}

async function requirePlan(ctx: BillingContext, planId: string): Promise<SchedulePlanRecord> {
	const plan = await ctx.store.getSchedulePlan(planId);
	if (!plan)
		throw new FieldchainError(ErrorCodes.FC_BILLING_NOT_FOUND, `Schedule plan ${planId} does not exist.`, { hint: "POST /v1/schedule/plans makes one." });
	return plan;
}

export function scheduleRoutes(ctx: BillingContext, scheduler: Scheduler = builtInScheduler()): RouteSpec[] {
	return [
		{
			method: "POST",
			url: "/v1/schedule/plans",
			operationId: "createSchedulePlan",
			summary: "Propose a schedule for technicians and days: the changes with their score breakdown, KPIs before and after",
			tag: "schedule",
			scopes: DISPATCH,
			body: obj(
				{
					from: ms(),
					to: ms(),
					technicianIds: ids,
					workOrderIds: ids,
					movableAppointmentIds: ids,
					seconds: num({ minimum: 0, maximum: 30 }),
					seed: int({ minimum: 0 }),
					maxIterations: int({ minimum: 0 }),
				},
				["technicianIds", "workOrderIds", "movableAppointmentIds", "seconds", "seed", "maxIterations"],
			),
			responses: { 201: { description: "The proposed plan (nothing is changed until it is applied)", schema: Plan } },
			async handler(input) {
				const snapshot = await loadPlanningSnapshot(ctx.repo);
				const { body, basis } = await makePlan(snapshot, input.body as PlanRequest, scheduler);
				const record: SchedulePlanRecord = {
					id: `plan-${randomUUID()}`,
					createdAt: ctx.clock.now(),
					createdBy: actor(input),
					basis,
					appliedAt: null,
					appliedBy: null,
					body: { ...body, read: readSet(snapshot, body.scope) } as unknown as Record<string, unknown>,
				};
				await ctx.store.createSchedulePlan(record);
				return created(planView(record));
			},
		},
		{
			method: "GET",
			url: "/v1/schedule/plans/:id",
			operationId: "getSchedulePlan",
			summary: "A schedule plan, proposed or applied",
			tag: "schedule",
			scopes: DISPATCH,
			params: idParams,
			responses: { 200: { description: "The plan", schema: Plan } },
			async handler(input) {
				return ok(planView(await requirePlan(ctx, input.params.id)));
			},
		},
		{
			method: "POST",
			url: "/v1/schedule/plans/:id/apply",
			operationId: "applySchedulePlan",
			summary: "Apply a plan: book and move its visits, push dependent ones along; 409 when anything it read changed since",
			tag: "schedule",
			scopes: DISPATCH,
			params: idParams,
			responses: {
				200: { description: "The plan as applied and every visit it booked or moved", schema: obj({ plan: Plan, ...DispatchResult }) },
			},
			async handler(input) {
				const plan = await requirePlan(ctx, input.params.id);
				const result = await applyPlan(ctx, plan, actor(input));
				return ok({ plan: planView(await requirePlan(ctx, plan.id)), ...result });
			},
		},
		{
			method: "GET",
			url: "/v1/schedule/board",
			operationId: "getScheduleBoard",
			summary: "The dispatch board: open and done visits per technician between from and to",
			tag: "schedule",
			scopes: READ,
			querystring: obj({ from: str({ pattern: EPOCH }), to: str({ pattern: EPOCH }), technicianId: id() }, ["technicianId"]),
			responses: {
				200: {
					description: "Visits starting in [from, to), by technician",
					schema: obj({ from: ms(), to: ms(), technicians: arr(obj({ technicianId: id(), name: str(), appointments: arr(Appointment) })) }),
				},
			},
			async handler(input) {
				const from = Number(input.query.from);
				const to = Number(input.query.to);
				if (!(to > from) || to - from > MAX_BOARD)
					throw new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, "The board needs from < to, at most 31 days apart (epoch milliseconds).");
				const technicians = (await ctx.repo.list("technician")).filter((t) => (input.query.technicianId ? t.id === input.query.technicianId : true));
				if (input.query.technicianId && technicians.length === 0)
					throw new FieldchainError(ErrorCodes.FC_BILLING_NOT_FOUND, `Technician ${input.query.technicianId} does not exist.`);
				const rows = [];
				for (const technician of technicians) {
					const appointments = (await ctx.repo.list("appointment", { technicianId: technician.id }))
						.filter((visit) => visit.window.start >= from && visit.window.start < to && visit.status !== "cancelled")
						.sort((a, b) => a.window.start - b.window.start || a.id.localeCompare(b.id));
					rows.push({ technicianId: technician.id, name: technician.name, appointments });
				}
				return ok({ from, to, technicians: rows });
			},
		},
		{
			method: "POST",
			url: "/v1/appointments/:id/reschedule",
			operationId: "rescheduleAppointmentAndPropagate",
			summary: "Move a visit (dispatcher's manual move) and push the visits that depend on it along",
			tag: "schedule",
			scopes: DISPATCH,
			params: idParams,
			body: ManualMoveBody,
			ifMatch: true,
			responses: { 200: { description: "Every visit moved, this one first", schema: obj(DispatchResult) } },
			async handler(input) {
				const { snapshot, current, to, reason } = await readManualMove(ctx, input);
				const move = moved(current, to, "manual", reason, ctx.clock.now());
				return ok(await dispatchChange(ctx, snapshot, actor(input), [move], { cause: "dependency", verb: "moved" }));
			},
		},
	];
}
