/**
 * What dispatch reads from the model: technicians, sites, work orders, their tasks and
 * appointments (never evidence, time or invoices), and the basis of a plan — a SHA-256 over the
 * kind, id and version of every entity a plan read, so applying it can tell that nothing it
 * touched changed since (invariant: same entities at the same versions, same basis).
 */
import { createHash } from "node:crypto";
import type { ServiceAppointment } from "../../../model/entities/appointment.js";
import { emptySnapshot, type ModelSnapshot } from "../../../model/entities/kinds.js";
import type { Repository } from "../../../model/repository/types.js";

export const DAY = 86_400_000;
export const MINUTE = 60_000;
const OPEN = new Set(["scheduled", "dispatched", "en-route", "on-site"]);
/** Dispatch moves only visits nobody has set out for. */
export const MOVABLE = new Set(["scheduled", "dispatched"]);

export async function loadPlanningSnapshot(repo: Repository): Promise<ModelSnapshot> {
	return {
		...emptySnapshot(),
		technicians: await repo.list("technician"),
		sites: await repo.list("site"),
		workOrders: await repo.list("workOrder"),
		tasks: await repo.list("task"),
		appointments: await repo.list("appointment"),
	};
}

export const isOpen = (appointment: ServiceAppointment): boolean => OPEN.has(appointment.status);

/** The open visit of a work order (the latest, when there are several). */
export function openAppointmentOf(snapshot: ModelSnapshot, workOrderId: string): ServiceAppointment | undefined {
	return snapshot.appointments
		.filter((appointment) => appointment.workOrderId === workOrderId && isOpen(appointment))
		.sort((a, b) => b.window.start - a.window.start)[0];
}

export interface PlanScope {
	from: number;
	to: number;
	technicianIds: string[];
	workOrderIds: string[];
}

/**
 * Every entity a plan over `scope` reads: its technicians, its work orders with their tasks and
 * appointments, and every open visit of its technicians in the range (a visit booked meanwhile
 * takes the time a plan gave away).
 */
export function readSet(snapshot: ModelSnapshot, scope: PlanScope): string[] {
	const orders = new Set(scope.workOrderIds);
	const technicians = new Set(scope.technicianIds);
	const keys = [
		...snapshot.technicians.filter((t) => technicians.has(t.id)).map((t) => `technician:${t.id}:${t.version}`),
		...snapshot.workOrders.filter((o) => orders.has(o.id)).map((o) => `workOrder:${o.id}:${o.version}`),
		...snapshot.tasks.filter((t) => orders.has(t.workOrderId)).map((t) => `task:${t.id}:${t.version}`),
		...snapshot.appointments
			.filter((a) => orders.has(a.workOrderId) || (technicians.has(a.technicianId) && isOpen(a) && a.window.end > scope.from && a.window.start < scope.to))
			.map((a) => `appointment:${a.id}:${a.version}`),
	];
	return [...new Set(keys)].sort();
}

export function basisOf(keys: readonly string[]): string {
	return createHash("sha256").update(keys.join("\n")).digest("hex");
}
