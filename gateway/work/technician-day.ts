/**
 * A technician's day for the app's Today view: the appointments in the day, in time order, each
 * with its work order, the order's place in its multi-visit chain (parent, children, what it waits
 * on and what waits on it) and its tasks.
 */
import type { ServiceAppointment } from "../../model/entities/appointment.js";
import type { WorkOrder } from "../../model/entities/work-order.js";
import type { ActiveTask } from "./active-tasks.js";
import type { WorkOrders } from "./work-orders.js";

export interface ChainLink {
	id: string;
	title: string;
	status: string;
}

export interface DayEntry {
	appointment: ServiceAppointment;
	workOrder: WorkOrder & { customerName: string | null; siteName: string | null };
	chain: {
		/** 1-based place in the chain (visits ordered by planned start), and the chain's length. */
		position: number;
		length: number;
		parent: ChainLink | null;
		children: ChainLink[];
		/** Predecessors not yet completed: this order waits on them. */
		waitingOn: Array<ChainLink & { kind: string }>;
		/** Orders that depend on this one. */
		blocks: ChainLink[];
	};
	tasks: Array<{ id: string; title: string; sequence: number; status: string; estimatedMinutes: number; checklistItems: number }>;
}

export interface TechnicianDay {
	technicianId: string;
	name: string | null;
	from: string;
	to: string;
	activeTask: ActiveTask | null;
	entries: DayEntry[];
}

function link(order: WorkOrder): ChainLink {
	return { id: order.id, title: order.title, status: order.status };
}

function chainOf(workOrders: WorkOrders, order: WorkOrder): DayEntry["chain"] {
	const all = workOrders.snapshot.workOrders;
	const chain = all
		.filter((candidate) => candidate.rootId === order.rootId)
		.sort((a, b) => (a.plannedStart ?? Infinity) - (b.plannedStart ?? Infinity) || a.id.localeCompare(b.id));
	const parent = order.parentId ? workOrders.workOrder(order.parentId) : undefined;
	const waitingOn = order.dependencies.flatMap((dependency) => {
		const predecessor = workOrders.workOrder(dependency.predecessorId);
		return predecessor && predecessor.status !== "completed" ? [{ ...link(predecessor), kind: dependency.kind }] : [];
	});
	return {
		position: chain.findIndex((candidate) => candidate.id === order.id) + 1,
		length: chain.length,
		parent: parent ? link(parent) : null,
		children: all.filter((candidate) => candidate.parentId === order.id).map(link),
		waitingOn,
		blocks: all.filter((candidate) => candidate.dependencies.some((dependency) => dependency.predecessorId === order.id)).map(link),
	};
}

export function technicianDay(workOrders: WorkOrders, technicianId: string, from: number, to: number, activeTask: ActiveTask | undefined): TechnicianDay {
	const snapshot = workOrders.snapshot;
	const appointments = snapshot.appointments
		.filter(
			(appointment) =>
				appointment.technicianId === technicianId && appointment.window.start < to && appointment.window.end > from && appointment.status !== "cancelled",
		)
		.sort((a, b) => a.window.start - b.window.start);
	const entries: DayEntry[] = [];
	for (const appointment of appointments) {
		const order = workOrders.workOrder(appointment.workOrderId);
		if (!order) continue;
		entries.push({
			appointment,
			workOrder: {
				...order,
				customerName: snapshot.customers.find((customer) => customer.id === order.customerId)?.name ?? null,
				siteName: snapshot.sites.find((site) => site.id === order.siteId)?.name ?? null,
			},
			chain: chainOf(workOrders, order),
			tasks: workOrders.tasksOf(order.id).map((task) => ({
				id: task.id,
				title: task.title,
				sequence: task.sequence,
				status: task.status,
				estimatedMinutes: task.estimatedMinutes,
				checklistItems: task.checklist.length,
			})),
		});
	}
	return {
		technicianId,
		name: snapshot.technicians.find((technician) => technician.id === technicianId)?.name ?? null,
		from: new Date(from).toISOString(),
		to: new Date(to).toISOString(),
		activeTask: activeTask ?? null,
		entries,
	};
}
