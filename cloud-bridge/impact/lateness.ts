/**
 * Which open appointments are late for their order's SLA, before and after a change, through the
 * scheduling engine's re-timing of fixed routes (scheduling/field/retime.ts): each technician's
 * day is one fixed route in appointment order, each visit may start no earlier than its window,
 * and the engine reports the visits that start after respond-by or finish after resolve-by.
 * A day is re-timed on its own, so the cost grows with the number of days, not their product.
 */
import type { ServiceAppointment } from "../../model/entities/appointment.js";
import type { ModelSnapshot } from "../../model/entities/kinds.js";
import type { WorkOrder } from "../../model/entities/work-order.js";
import { retime } from "../../scheduling/field/retime.js";
import type { FieldJob, FieldProblem } from "../../scheduling/field/types.js";

const MINUTE = 60_000;
const DAY = 86_400_000;

export const OPEN_APPOINTMENT_STATUSES = new Set(["scheduled", "dispatched", "en-route", "on-site"]);

export interface AppointmentLateness {
	/** The engine's SLA findings for the visit; empty when it is on time. */
	sla: string[];
	/** When the re-timed visit starts and ends. */
	start: number;
	end: number;
}

/**
 * Re-times the days of the given appointments with the SLA `slaOf` gives each order; returns the
 * findings by appointment id.
 */
export async function appointmentLateness(
	snapshot: Pick<ModelSnapshot, "sites" | "technicians">,
	appointments: readonly ServiceAppointment[],
	orders: ReadonlyMap<string, WorkOrder>,
	slaOf: (order: WorkOrder) => WorkOrder["sla"],
): Promise<Map<string, AppointmentLateness>> {
	const sites = new Map(snapshot.sites.map((s) => [s.id, s]));
	const technicians = new Map(snapshot.technicians.map((t) => [t.id, t]));
	const days = new Map<string, ServiceAppointment[]>();
	for (const appointment of appointments) {
		const key = `${appointment.technicianId}/${Math.floor(appointment.window.start / DAY)}`;
		const list = days.get(key) ?? [];
		list.push(appointment);
		days.set(key, list);
	}
	const out = new Map<string, AppointmentLateness>();
	for (const day of days.values()) {
		day.sort((a, b) => a.window.start - b.window.start || a.id.localeCompare(b.id));
		const technician = technicians.get(day[0].technicianId);
		const jobs: FieldJob[] = [];
		for (const appointment of day) {
			const order = orders.get(appointment.workOrderId);
			const site = order ? sites.get(order.siteId) : undefined;
			if (!order || !site) continue;
			jobs.push({
				id: appointment.id,
				location: site.location,
				durationMinutes: Math.max(1, Math.round((appointment.window.end - appointment.window.start) / MINUTE)),
				requiredSkills: [],
				priority: order.priority,
				sla: slaOf(order),
				window: { start: appointment.window.start, end: appointment.window.end },
			});
		}
		if (jobs.length === 0 || !technician) continue;
		// The shift is the day the visits fill (from the first window's start to a day later), so the
		// engine judges the SLA and the sequence, not the technician's calendar.
		const shiftStart = Math.min(...day.map((a) => a.window.start));
		const shiftEnd = Math.max(...day.map((a) => a.window.end)) + DAY;
		// A day whose every deadline falls after the day's end cannot miss one: no need to re-time it.
		if (jobs.every((job) => job.sla && Math.min(job.sla.respondBy, job.sla.resolveBy) >= shiftEnd)) {
			for (const appointment of day) out.set(appointment.id, { sla: [], start: appointment.window.start, end: appointment.window.end });
			continue;
		}
		const problem: FieldProblem = {
			horizonStart: shiftStart,
			technicians: [
				{
					id: technician.id,
					skills: technician.skills,
					// Starting at the first site: travel from home is not what the change is about.
					home: jobs[0].location,
					shifts: [{ start: shiftStart, end: shiftEnd }],
					dailyCapacityMinutes: 24 * 60,
					maxOvertimeMinutes: 0,
				},
			],
			jobs,
		};
		const result = await retime(problem, [{ technicianId: technician.id, shiftStart, jobIds: jobs.map((j) => j.id) }]);
		for (const visit of result.visits) out.set(visit.jobId, { sla: [], start: visit.start, end: visit.end });
		for (const violation of result.violations) {
			if (violation.kind !== "sla" || violation.jobId === null) continue;
			out.get(violation.jobId)?.sla.push(violation.message);
		}
	}
	return out;
}
