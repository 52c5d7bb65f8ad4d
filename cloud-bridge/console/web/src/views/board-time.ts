/**
 * The board's arithmetic, apart from its drawing: the range a day or week view covers (in the
 * browser's time zone, as the dispatcher reads a clock), where on a lane an instant falls, and
 * how close a visit runs to its SLA. Invariant: one instant ↔ one position, both ways.
 */
import type { BoardAppointment, ScheduledWorkOrder } from "../types.js";

export type Span = "day" | "week";
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
/** Drops and typed times snap to this, the grain a dispatcher books in. */
export const SNAP = 15 * MINUTE;

export function startOfDay(ms: number): number {
	const day = new Date(ms);
	day.setHours(0, 0, 0, 0);
	return day.getTime();
}

export function addDays(ms: number, days: number): number {
	const day = new Date(ms);
	day.setDate(day.getDate() + days);
	return day.getTime();
}

/** The board's range: the day, or the Monday-to-Sunday week, that holds `anchor`. */
export function rangeOf(span: Span, anchor: number): { from: number; to: number } {
	const day = startOfDay(anchor);
	if (span === "day") return { from: day, to: addDays(day, 1) };
	const monday = addDays(day, -((new Date(day).getDay() + 6) % 7));
	return { from: monday, to: addDays(monday, 7) };
}

/** The hours a day lane shows: the working day (07–19), stretched to whatever is booked outside it. */
export function dayHours(from: number, visits: readonly BoardAppointment[]): { first: number; last: number } {
	let first = 7;
	let last = 19;
	for (const visit of visits) {
		first = Math.min(first, Math.floor((visit.window.start - from) / HOUR));
		last = Math.max(last, Math.ceil((visit.window.end - from) / HOUR));
	}
	return { first: Math.max(0, first), last: Math.min(24, last) };
}

/** Position (0–1) of an instant on a lane from `start` to `end`, clamped. */
export function fraction(ms: number, start: number, end: number): number {
	return Math.min(1, Math.max(0, (ms - start) / (end - start)));
}

export function snap(ms: number): number {
	return Math.round(ms / SNAP) * SNAP;
}

export type SlaRisk = "breach" | "risk" | null;
/** A visit at risk ends within two hours of its resolve-by time; one ending after it breaches. */
const RISK_MARGIN = 2 * HOUR;

export function slaRisk(visit: BoardAppointment, order: ScheduledWorkOrder | undefined): SlaRisk {
	if (!order || visit.status === "completed") return null;
	if (visit.window.end > order.sla.resolveBy) return "breach";
	if (visit.window.end > order.sla.resolveBy - RISK_MARGIN || visit.window.start > order.sla.respondBy) return "risk";
	return null;
}

export const SLA_TEXT: Record<Exclude<SlaRisk, null>, string> = { breach: "SLA breached", risk: "SLA at risk" };

const STATUS_TEXT: Record<BoardAppointment["status"], string> = {
	scheduled: "scheduled",
	dispatched: "dispatched",
	"en-route": "en route",
	"on-site": "on site",
	completed: "done",
	cancelled: "cancelled",
};
export const statusText = (status: BoardAppointment["status"]): string => STATUS_TEXT[status];

/** Value for <input type="date"> / type="time"> in local time, and back. */
export function dateInput(ms: number): string {
	const d = new Date(ms);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
export function timeInput(ms: number): string {
	const d = new Date(ms);
	return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}
/** Local date and time fields to epoch ms; null when either does not parse. */
export function fromInputs(date: string, time: string): number | null {
	const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	const t = /^(\d{2}):(\d{2})$/.exec(time);
	if (!d || !t) return null;
	const value = new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2])).getTime();
	return Number.isFinite(value) ? value : null;
}
