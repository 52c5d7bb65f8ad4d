import { builtInScheduler, type Scheduler } from "../../../scheduling/scheduler.js";
import type { BillingContext } from "../context.js";
import { arr, id, ms, obj, str } from "../openapi/schema-helpers.js";
import { previewMove } from "../schedule/move-preview.js";
import { DISPATCH, idParams } from "./common.js";
import { ManualMoveBody, readManualMove, window } from "./manual-move.js";
import { ok, type RouteSpec } from "./route-spec.js";
import { Kpis, Violation } from "./schedule.js";

const PreviewedMove = obj({
	appointmentId: id(),
	workOrderId: id(),
	technicianId: id(),
	window,
	previous: obj({ technicianId: id(), window }),
	cause: str(),
	reason: str(),
});

export function scheduleMovePreviewRoutes(ctx: BillingContext, scheduler: Scheduler = builtInScheduler()): RouteSpec[] {
	return [
		{
			method: "POST",
			url: "/v1/appointments/:id/reschedule/preview",
			operationId: "previewAppointmentReschedule",
			summary: "What moving a visit would do (the visits pushed along, KPIs before and after), without moving anything",
			tag: "schedule",
			scopes: DISPATCH,
			params: idParams,
			body: ManualMoveBody,
			ifMatch: true,
			responses: {
				200: {
					description: "Every visit the move would change, this one first, and the KPIs of the technicians and days it touches",
					schema: obj({
						moves: arr(PreviewedMove),
						violations: arr(Violation),
						kpis: obj({ before: Kpis, after: Kpis }),
						scope: obj({ from: ms(), to: ms(), technicianIds: arr(id()) }),
					}),
				},
			},
			async handler(input) {
				const { snapshot, current, to, reason } = await readManualMove(ctx, input);
				return ok(await previewMove(snapshot, current, to, reason, ctx.clock.now(), scheduler));
			},
		},
	];
}
