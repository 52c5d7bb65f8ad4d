/**
 * A field-service problem from the work-order model: the technicians' working weeks become shifts
 * (in their own time zone) over the scope's days, each open work order one visit (duration: its
 * open tasks' estimates, or ten minutes per checklist item when a task has none; skills: the
 * highest level any task needs), dispatched or started appointments become pins, dependencies on
 * orders inside the scope become relations, and those on orders outside it become the window they
 * imply (after the predecessor's planned or actual finish plus lag) or a reason to leave the order out.
 * A follow-up visit (`parentId` in scope) goes to the same technician as the visit it follows.
 */
import type { ModelSnapshot } from "../../model/entities/kinds.js";
import type { Technician } from "../../model/entities/technician.js";
import type { WorkOrder } from "../../model/entities/work-order.js";
import type { FieldDependency, FieldJob, FieldProblem, FieldShift, FieldTechnician, Unassigned, Weights } from "./types.js";

const DAY = 86_400_000;
const MINUTE = 60_000;

export interface ModelScope {
	/** Days from `from` (inclusive) to `to` (exclusive), epoch ms; shifts are cut from these days. */
	from: number;
	to: number;
	/** Default: every active technician. */
	technicianIds?: string[];
	/** Default: every draft or scheduled work order. */
	workOrderIds?: string[];
	maxOvertimeMinutes?: number;
	weights?: Partial<Weights>;
}

export interface ModelProblem {
	problem: FieldProblem;
	/** Orders in scope that cannot be planned at all, with the reason. */
	excluded: Unassigned[];
}

export function fieldProblemFromModel(snapshot: ModelSnapshot, scope: ModelScope): ModelProblem {
	const technicians: FieldTechnician[] = snapshot.technicians
		.filter((technician) => (scope.technicianIds ? scope.technicianIds.includes(technician.id) : technician.active))
		.map((technician) => ({
			id: technician.id,
			skills: technician.skills,
			home: technician.homeBase.location,
			shifts: shiftsOf(technician, scope.from, scope.to),
			dailyCapacityMinutes: technician.dailyCapacityMinutes,
			maxOvertimeMinutes: scope.maxOvertimeMinutes ?? 0,
		}));
	const orders = snapshot.workOrders.filter((order) =>
		scope.workOrderIds ? scope.workOrderIds.includes(order.id) : order.status === "draft" || order.status === "scheduled",
	);
	const inScope = new Set(orders.map((order) => order.id));
	const byId = new Map(snapshot.workOrders.map((order) => [order.id, order]));
	const sites = new Map(snapshot.sites.map((site) => [site.id, site]));
	const excluded: Unassigned[] = [];
	const jobs: FieldJob[] = [];
	for (const order of orders) {
		const site = sites.get(order.siteId);
		if (!site) {
			excluded.push({ jobId: order.id, reason: "no-time", message: `site ${order.siteId} is unknown` });
			continue;
		}
		const tasks = snapshot.tasks.filter((task) => task.workOrderId === order.id && task.status !== "completed" && task.status !== "cancelled");
		const skills = new Map<string, number>();
		for (const task of tasks) for (const need of task.requiredSkills) skills.set(need.skill, Math.max(skills.get(need.skill) ?? 0, need.level));
		const durationMinutes = tasks.reduce((sum, task) => sum + (task.estimatedMinutes > 0 ? task.estimatedMinutes : 10 * task.checklist.length), 0) || 30;
		const job: FieldJob = {
			id: order.id,
			location: site.location,
			durationMinutes,
			requiredSkills: [...skills].map(([skill, level]) => ({ skill, level })),
			priority: order.priority,
			sla: order.sla,
		};
		const dependencies: FieldDependency[] = [];
		let windowStart = scope.from;
		let blocked: string | null = null;
		for (const dependency of order.dependencies) {
			const predecessor = byId.get(dependency.predecessorId);
			if (inScope.has(dependency.predecessorId)) {
				dependencies.push({ predecessorId: dependency.predecessorId, kind: dependency.kind, lagMs: dependency.lagMs });
				continue;
			}
			if (!predecessor || predecessor.status === "cancelled") continue;
			const bound = outsideBound(predecessor, dependency.kind, dependency.lagMs);
			if (bound === null) blocked = `depends on ${predecessor.id}, which is neither done nor planned`;
			else windowStart = Math.max(windowStart, bound);
		}
		if (order.parentId && inScope.has(order.parentId) && !dependencies.some((d) => d.predecessorId === order.parentId))
			dependencies.push({ predecessorId: order.parentId, kind: "same-technician" });
		if (blocked) {
			excluded.push({ jobId: order.id, reason: "dependency", message: blocked });
			continue;
		}
		if (dependencies.length) job.dependencies = dependencies;
		if (windowStart > scope.from) job.window = { start: windowStart, end: scope.to };
		const locked = snapshot.appointments.find(
			(appointment) => appointment.workOrderId === order.id && ["dispatched", "en-route", "on-site"].includes(appointment.status),
		);
		if (locked) job.pinned = { technicianId: locked.technicianId, start: locked.window.start };
		jobs.push(job);
	}
	// A dependency on an excluded order cannot be met either.
	const planned = new Set(jobs.map((job) => job.id));
	const kept = jobs.filter((job) => {
		const missing = job.dependencies?.find((dependency) => !planned.has(dependency.predecessorId));
		if (missing) excluded.push({ jobId: job.id, reason: "dependency", message: `depends on ${missing.predecessorId}, which cannot be planned` });
		return !missing;
	});
	return { problem: { technicians, jobs: kept, horizonStart: scope.from, weights: scope.weights }, excluded };
}

/** When an outside predecessor lets the order start: its actual or planned finish / start plus lag; null when unknown. */
function outsideBound(predecessor: WorkOrder, kind: string, lagMs: number): number | null {
	if (kind === "same-day") return predecessor.plannedStart ?? predecessor.startedAt ?? null;
	if (kind === "start-to-start") {
		const start = predecessor.startedAt ?? predecessor.plannedStart;
		return start === null ? null : start + lagMs;
	}
	if (predecessor.status === "completed") return (predecessor.completedAt ?? 0) + lagMs;
	return predecessor.plannedEnd === null ? null : predecessor.plannedEnd + lagMs;
}

/** The technician's working week cut into shifts over [from, to), in their time zone. */
export function shiftsOf(technician: Technician, from: number, to: number): FieldShift[] {
	const shifts: FieldShift[] = [];
	for (let day = Math.floor(from / DAY) * DAY; day < to; day += DAY) {
		const date = new Date(day);
		const weekday = date.getUTCDay();
		for (const window of technician.calendar.workingWeek) {
			if (window.weekday !== weekday) continue;
			const start = zonedTime(date, window.startMinute, technician.calendar.timeZone);
			const end = zonedTime(date, window.endMinute, technician.calendar.timeZone);
			if (end > from && start < to) shifts.push({ start: Math.max(start, from), end: Math.min(end, to) });
		}
	}
	return shifts;
}

/** One formatter per zone: building one costs far more than using it. */
const formats = new Map<string, Intl.DateTimeFormat>();

/** Epoch ms of `minute` past local midnight of the calendar date (UTC fields of `date`) in `timeZone`. */
function zonedTime(date: Date, minute: number, timeZone: string): number {
	const guess = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) + minute * MINUTE;
	let format = formats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
		formats.set(timeZone, format);
	}
	const offset = (at: number) => {
		const name = format.formatToParts(new Date(at)).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
		const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
		return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0)) * MINUTE : 0;
	};
	// Twice, so a time near a daylight-saving change lands on the right side of it.
	const first = guess - offset(guess);
	return guess - offset(first);
}
