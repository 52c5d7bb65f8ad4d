/** Time and value formatting for a small screen. */

export function clock(ms: number): string {
	// 24-hour: "08:00–10:00" fits a narrow column where "08:00 AM–10:00 AM" wraps.
	return new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
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
	return `${number.toFixed(digits)} ${unit}`;
}

export function requirementText(requirement: import("./types.js").Requirement): string {
	switch (requirement.kind) {
		case "reading": {
			const range =
				requirement.min !== null && requirement.max !== null
					? `${requirement.min}–${requirement.max} ${requirement.unit}`
					: requirement.min !== null
						? `≥ ${requirement.min} ${requirement.unit}`
						: requirement.max !== null
							? `≤ ${requirement.max} ${requirement.unit}`
							: requirement.unit;
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
