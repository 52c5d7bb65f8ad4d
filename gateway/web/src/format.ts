/** Time, date and value formatting for a small screen, in the technician's locale. */
import { unitSymbol, withUnit } from "./units.js";

/**
 * 24-hour unless the technician chose 12-hour (localStorage "fieldchain.hourCycle" = "h12"):
 * "08:00–10:00" fits a narrow column where "08:00 AM–10:00 AM" wraps. The locale is the
 * browser's (navigator.languages), so day and month come in the order the technician reads them.
 */
function hourCycle(): "h23" | "h12" {
	try {
		return localStorage.getItem("fieldchain.hourCycle") === "h12" ? "h12" : "h23";
	} catch {
		return "h23";
	}
}

/** The technician's choice, kept on this device. */
export function setHourCycle(cycle: "h23" | "h12"): void {
	if (cycle === "h12") localStorage.setItem("fieldchain.hourCycle", "h12");
	else localStorage.removeItem("fieldchain.hourCycle");
}

export function usesTwelveHourClock(): boolean {
	return hourCycle() === "h12";
}

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: "clock" | "seconds" | "date" | "dateTime"): Intl.DateTimeFormat {
	const cycle = hourCycle();
	const key = `${kind}/${cycle}`;
	let format = formats.get(key);
	if (!format) {
		const options: Intl.DateTimeFormatOptions =
			kind === "clock"
				? { hour: "2-digit", minute: "2-digit", hourCycle: cycle }
				: kind === "seconds"
					? { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: cycle }
					: kind === "date"
						? { dateStyle: "medium" }
						: { dateStyle: "medium", timeStyle: "short", hourCycle: cycle };
		format = new Intl.DateTimeFormat(navigator.languages?.length ? [...navigator.languages] : undefined, options);
		formats.set(key, format);
	}
	return format;
}

/** "08:05" */
export function clock(ms: number): string {
	return formatter("clock").format(ms);
}

/** "08:05:12" */
export function clockSeconds(ms: number): string {
	return formatter("seconds").format(ms);
}

/** "5 Dec 2027" (en-GB), "Dec 5, 2027" (en-US): the month is named, never "12/5/2027". */
export function date(ms: number): string {
	return formatter("date").format(ms);
}

/** "5 Dec 2027, 14:05" */
export function dateTime(ms: number): string {
	return formatter("dateTime").format(ms);
}

/** "12 s ago", "3 min ago", or the date and time when older than a day. */
export function ago(ms: number, now: number): string {
	const seconds = Math.max(0, Math.round((now - ms) / 1000));
	if (seconds < 5) return "just now";
	if (seconds < 60) return `${seconds} s ago`;
	if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
	if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, "0")} min ago`;
	return dateTime(ms);
}

export function duration(ms: number): string {
	const total = Math.max(0, Math.round(ms / 1000));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	if (h > 0) return `${h} h ${String(m).padStart(2, "0")} min`;
	return m > 0 ? `${m} min ${String(s).padStart(2, "0")} s` : `${s} s`;
}

/** "due in 2 h 05 min" or "overdue by 12 min". */
export function slaText(deadline: number, now: number): { text: string; overdue: boolean; soon: boolean } {
	const left = deadline - now;
	const minutes = Math.round(Math.abs(left) / 60_000);
	const span = minutes >= 60 ? `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min` : `${minutes} min`;
	return left < 0 ? { text: `overdue by ${span}`, overdue: true, soon: false } : { text: `in ${span}`, overdue: false, soon: left < 60 * 60_000 };
}

export function value(number: number | null, unit: string): string {
	if (number === null) return "overload";
	const digits = Math.abs(number) >= 100 ? 0 : Math.abs(number) >= 10 ? 1 : 2;
	return withUnit(number.toFixed(digits), unit);
}

export function requirementText(requirement: import("./types.js").Requirement): string {
	switch (requirement.kind) {
		case "reading": {
			const unit = unitSymbol(requirement.unit);
			const range =
				requirement.min !== null && requirement.max !== null
					? `${requirement.min}–${requirement.max} ${unit}`
					: requirement.min !== null
						? `≥ ${requirement.min} ${unit}`
						: requirement.max !== null
							? `≤ ${requirement.max} ${unit}`
							: unit;
			return `Reading: ${requirement.quantity.replace(/_/g, " ")} ${range}${requirement.calibratedDevice ? ", calibrated tool" : ""}`;
		}
		case "acknowledgement":
			return `Acknowledge: ${requirement.statement}`;
		case "signature":
			return `Signature of the ${requirement.signerRole}`;
		case "photo":
			return "Photo";
		case "note":
			return "Note";
	}
}

export const OUTCOME_TEXT: Record<string, string> = {
	pass: "Pass",
	"fail-out-of-range": "Out of range",
	"fail-out-of-calibration": "Tool out of calibration",
	recorded: "Recorded",
};

/** Work order and task states in the technician's words (the classes keep the model's names). */
const STATUS_TEXT: Record<string, string> = {
	draft: "Draft",
	scheduled: "Scheduled",
	pending: "Not started",
	"in-progress": "In progress",
	"on-hold": "On hold",
	completed: "Completed",
	cancelled: "Cancelled",
};

export function statusText(status: string): string {
	return STATUS_TEXT[status] ?? status;
}
