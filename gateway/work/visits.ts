/**
 * A technician's visits (service appointments) moved through the model's appointment machine on
 * the gateway: scheduled → dispatched → en route → on site → completed, with the work order
 * following the model's rules (model/actions/appointments.ts, work-orders.ts): arriving on site
 * starts a scheduled work order (its predecessors permitting); completing the visit needs the
 * order's tasks done and completes the order when the model allows it (and then its parent, when
 * that was only waiting for this child). Every change is kept in field_states and sent to the
 * billing service through the outbox in one transaction; the field's progress is laid over every
 * plan the downlink brings, unless the office cancelled the visit.
 */
import type Database from "better-sqlite3";
import { moveAppointment } from "../../model/actions/appointments.js";
import type { ActionContext } from "../../model/actions/context.js";
import { completeWorkOrder, startWorkOrder } from "../../model/actions/work-orders.js";
import type { AppointmentStatus, ServiceAppointment } from "../../model/entities/appointment.js";
import type { ModelSnapshot } from "../../model/entities/kinds.js";
import type { WorkOrder, WorkOrderStatus } from "../../model/entities/work-order.js";
import { applyWrites } from "../../model/repository/apply.js";
import { type Reason, reason } from "../../model/rules/reasons.js";
import { explainCompleteWorkOrder, explainStartWorkOrder } from "../../model/rules/work-order-rules.js";
import { appointmentMachine } from "../../model/state-machines/machines.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { FieldStates } from "./field-states.js";
import type { TimeEntryOutbox } from "./time-entries.js";
import type { WorkOrders } from "./work-orders.js";

export type VisitStep = Exclude<AppointmentStatus, "scheduled" | "cancelled">;
export const VISIT_STEPS: readonly VisitStep[] = ["dispatched", "en-route", "on-site", "completed"];

const APPOINTMENT_RANK: Record<AppointmentStatus, number> = { scheduled: 0, dispatched: 1, "en-route": 2, "on-site": 3, completed: 4, cancelled: 5 };
const ORDER_RANK: Record<WorkOrderStatus, number> = { draft: 0, scheduled: 1, "in-progress": 2, "on-hold": 2, completed: 3, cancelled: 4 };

export interface VisitAction {
	status: VisitStep;
	allowed: boolean;
	reasons: Reason[];
}

export interface VisitMove {
	appointment: ServiceAppointment;
	workOrder: { id: string; status: WorkOrderStatus };
	actions: VisitAction[];
}

export class Visits {
	constructor(
		private readonly db: Database.Database,
		private readonly workOrders: WorkOrders,
		private readonly fieldStates: FieldStates,
		private readonly uplink?: TimeEntryOutbox,
	) {
		workOrders.addOverlay((snapshot) => this.overlay(snapshot));
	}

	/** The field's progress over a plan: the further state wins; the office's cancellation wins. */
	private overlay(snapshot: ModelSnapshot): void {
		for (const state of this.fieldStates.all("appointment")) {
			const appointment = snapshot.appointments.find((candidate) => candidate.id === state.entityId);
			const to = state.status as AppointmentStatus;
			if (!appointment || appointment.status === "cancelled" || APPOINTMENT_RANK[appointment.status] >= APPOINTMENT_RANK[to]) continue;
			Object.assign(appointment, { status: to, ...state.data });
		}
		for (const state of this.fieldStates.all("workOrder")) {
			const order = snapshot.workOrders.find((candidate) => candidate.id === state.entityId);
			const to = state.status as WorkOrderStatus;
			if (!order || order.status === "cancelled" || ORDER_RANK[order.status] >= ORDER_RANK[to]) continue;
			Object.assign(order, { status: to, ...state.data });
		}
	}

	appointment(id: string): ServiceAppointment | undefined {
		return this.workOrders.snapshot.appointments.find((candidate) => candidate.id === id);
	}

	/** Why the visit may not move to `to` now (empty: it may). Illegal steps are not listed here: see actions(). */
	explain(appointment: ServiceAppointment, to: VisitStep): Reason[] {
		const snapshot = this.workOrders.snapshot;
		const order = this.workOrders.workOrder(appointment.workOrderId);
		if (!order) return [reason("work-order-missing", "appointment", appointment.id, `work order ${appointment.workOrderId} is not held by this gateway`)];
		const reasons: Reason[] = [];
		if (to === "dispatched" && order.status !== "scheduled" && order.status !== "in-progress")
			reasons.push(reason("work-order-not-open", "workOrder", order.id, `work order ${order.id} is ${order.status}; its visit cannot be dispatched`));
		if (to === "on-site") {
			if (order.status === "scheduled") reasons.push(...explainStartWorkOrder(snapshot, order.id));
			else if (order.status !== "in-progress")
				reasons.push(reason("work-order-not-open", "workOrder", order.id, `work order ${order.id} is ${order.status}; it cannot be worked on`));
		}
		if (to === "completed") {
			for (const task of this.workOrders.tasksOf(order.id)) {
				if (task.status !== "completed" && task.status !== "cancelled")
					reasons.push(reason("task-open", "task", task.id, `task ${task.id} is ${task.status}, not completed or cancelled`));
			}
		}
		return reasons;
	}

	/** The next legal step(s) of the visit, each with what stands in its way. */
	actions(appointment: ServiceAppointment): VisitAction[] {
		return VISIT_STEPS.filter((to) => appointmentMachine.can(appointment.status, to)).map((to) => {
			const reasons = this.explain(appointment, to);
			return { status: to, allowed: reasons.length === 0, reasons };
		});
	}

	/** Moves the visit (and its work order as the model says) or throws naming every reason. */
	move(appointmentId: string, to: VisitStep, technicianId: string, now: number): VisitMove {
		const appointment = this.appointment(appointmentId);
		if (!appointment)
			throw new FieldchainError(ErrorCodes.FC_MODEL_NOT_FOUND, `Appointment "${appointmentId}" is not held by this gateway.`, {
				hint: "GET /api/v1/technicians/{id}/day lists the day's visits.",
			});
		if (appointment.technicianId !== technicianId)
			throw new FieldchainError(ErrorCodes.FC_APP_FORBIDDEN, `Appointment ${appointment.id} is ${appointment.technicianId}'s visit, not ${technicianId}'s.`);
		appointmentMachine.assert(appointment.id, appointment.status, to);
		const reasons = this.explain(appointment, to);
		if (reasons.length > 0)
			throw new FieldchainError(
				ErrorCodes.FC_MODEL_RULE_REFUSED,
				`Cannot move appointment ${appointment.id} to ${to}: ${reasons.map((r) => r.message).join("; ")}.`,
				{
					details: { action: `move appointment ${appointment.id} to ${to}`, reasons },
				},
			);
		const ctx: ActionContext = { now, actorId: technicianId, newId: () => "" };
		let snapshot: ModelSnapshot = this.workOrders.snapshot;
		const writes = [...moveAppointment(snapshot, appointment.id, to, ctx).writes];
		snapshot = applyWrites(snapshot, writes);
		const orderId = appointment.workOrderId;
		const order = snapshot.workOrders.find((candidate) => candidate.id === orderId) as WorkOrder;
		if (to === "on-site" && order.status === "scheduled") {
			const started = startWorkOrder(snapshot, orderId, ctx);
			writes.push(...started.writes);
			snapshot = applyWrites(snapshot, started.writes);
		}
		if (to === "completed") {
			// The order completes when nothing else holds it (children, other visits); its parent
			// likewise when this was the last thing it waited for.
			for (const id of [orderId, order.parentId]) {
				const current = id ? snapshot.workOrders.find((candidate) => candidate.id === id) : undefined;
				if (current?.status !== "in-progress" || explainCompleteWorkOrder(snapshot, current.id).length > 0) break;
				const completed = completeWorkOrder(snapshot, current.id, ctx);
				writes.push(...completed.writes);
				snapshot = applyWrites(snapshot, completed.writes);
			}
		}
		this.db.transaction(() => {
			for (const change of writes) {
				if (change.kind === "appointment") {
					const next = change.entity as ServiceAppointment;
					const data = { dispatchedAt: next.dispatchedAt, arrivedAt: next.arrivedAt, finishedAt: next.finishedAt, updatedAt: now };
					this.fieldStates.put({ entity: "appointment", entityId: next.id, status: next.status, data, changedBy: technicianId, changedAt: now });
					this.send(
						"appointment-status",
						`appointment-status:${next.id}:${next.status}`,
						next.workOrderId,
						{ appointmentId: next.id, status: next.status },
						now,
					);
				} else if (change.kind === "workOrder") {
					const next = change.entity as WorkOrder;
					const data = { startedAt: next.startedAt, completedAt: next.completedAt, updatedAt: now };
					this.fieldStates.put({ entity: "workOrder", entityId: next.id, status: next.status, data, changedBy: technicianId, changedAt: now });
					this.send("work-order-status", `work-order-status:${next.id}:${next.status}`, next.id, { workOrderId: next.id, status: next.status }, now);
				}
			}
		})();
		// The plan held in memory follows (the same objects every route reads).
		this.overlay(this.workOrders.snapshot);
		const moved = this.appointment(appointment.id) as ServiceAppointment;
		const after = this.workOrders.workOrder(orderId) as WorkOrder;
		return { appointment: moved, workOrder: { id: after.id, status: after.status }, actions: this.actions(moved) };
	}

	private send(kind: "appointment-status" | "work-order-status", recordId: string, workOrderId: string, payload: Record<string, unknown>, now: number): void {
		this.uplink?.outbox.add({
			kind,
			recordId,
			workOrderId,
			taskId: "",
			payload: { ...payload, at: now, afterChainSeq: this.uplink.chainHead() },
			createdAt: now,
		});
	}
}
