/**
 * SLA deadlines from an SLA policy: respond-by and resolve-by counted from when the order was opened,
 * in business minutes when the policy has business hours (UTC weekly windows), else in clock
 * minutes. Pure; the same order and policy always give the same deadlines.
 */
import type { EpochMs, WeeklyWindow } from "../entities/common.js";
import type { WorkOrder } from "../entities/work-order.js";
import type { SlaPolicy } from "./types.js";

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const WEEK = 7 * DAY;

export function slaPolicyCovers(policy: SlaPolicy, order: Pick<WorkOrder, "customerId">): boolean {
	return policy.customerIds.length === 0 || policy.customerIds.includes(order.customerId);
}

/** The deadlines the policy gives the order, or null when it has no target for the order's priority. */
export function slaDeadlines(policy: SlaPolicy, order: Pick<WorkOrder, "priority" | "createdAt">): WorkOrder["sla"] | null {
	const target = policy.targets.find((t) => t.priority === order.priority);
	if (!target) return null;
	return {
		respondBy: addBusinessMinutes(order.createdAt, target.respondMinutes, policy.businessHours),
		resolveBy: addBusinessMinutes(order.createdAt, target.resolveMinutes, policy.businessHours),
	};
}

/** `from` plus `minutes` counted only inside the windows (UTC); all the clock when there are none. */
export function addBusinessMinutes(from: EpochMs, minutes: number, windows: readonly WeeklyWindow[]): EpochMs {
	if (windows.length === 0 || minutes <= 0) return from + minutes * MINUTE;
	const weekly = windows.reduce((sum, w) => sum + Math.max(0, w.endMinute - w.startMinute), 0);
	if (weekly === 0) return from + minutes * MINUTE;
	let left = minutes * MINUTE;
	// Whole weeks first, so a target of months does not walk day by day.
	const weeks = Math.floor(left / (weekly * MINUTE));
	let at = from + weeks * WEEK;
	left -= weeks * weekly * MINUTE;
	if (left === 0) return at;
	for (let day = Math.floor(at / DAY) * DAY; ; day += DAY) {
		const weekday = new Date(day).getUTCDay();
		const today = windows.filter((w) => w.weekday === weekday).sort((a, b) => a.startMinute - b.startMinute);
		for (const w of today) {
			const open = Math.max(day + w.startMinute * MINUTE, at);
			const close = day + w.endMinute * MINUTE;
			if (close <= open) continue;
			if (close - open >= left) return open + left;
			left -= close - open;
			at = close;
		}
	}
}
