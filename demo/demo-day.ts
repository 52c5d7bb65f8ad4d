/**
 * Seed data for the one-command demo: one technician's day on today's date. Three visits: an
 * insulation test (in progress, with a billing milestone over its task and the customer's sign-off
 * deliverable), an emergency-lighting check, and a follow-up visit chained to the first (it may
 * start once the first has; the first completes after it). Written as a model
 * snapshot, checked by the model's validator when the gateway loads it.
 */

import { emptySnapshot, type ModelSnapshot } from "../model/entities/kinds.js";
import type { ChecklistItem } from "../model/entities/task.js";

export const DEMO_TECHNICIAN_ID = "tech-ana";
export const DEMO_WORK_ORDER_ID = "WO-1041";
export const DEMO_TASK_ID = "WO-1041-T1";
export const DEMO_MILESTONE_ID = "M-1041-1";
export const DEMO_DELIVERABLE_ID = "D-1041-1";

const HOUR = 3_600_000;

function versioned(id: string, at: number) {
	return { id, version: 1, createdAt: at, updatedAt: at };
}

const safety = (id: string, statement: string): ChecklistItem => ({
	id,
	label: statement,
	required: true,
	beforeStart: true,
	requirement: { kind: "acknowledgement", statement },
});
const customerSignature: ChecklistItem = {
	id: "customer-signature",
	label: "Customer signature",
	required: true,
	beforeStart: false,
	requirement: { kind: "signature", signerRole: "customer" },
};

/** The day's snapshot; `now` fixes "today" (local time) and the SLA clocks. */
export function demoDay(now: number): ModelSnapshot {
	const midnight = new Date(now);
	midnight.setHours(0, 0, 0, 0);
	const at = (hours: number) => midnight.getTime() + hours * HOUR;
	const created = now - 3 * 24 * HOUR;
	const snapshot = emptySnapshot();
	snapshot.customers.push(
		{ ...versioned("C-NORTHGRID", created), name: "Northgrid Utilities", currency: "EUR", billingEmail: "ap@northgrid.example" },
		{ ...versioned("C-HARBOUR", created), name: "Harbour Hospital", currency: "EUR", billingEmail: null },
	);
	const site = (id: string, customerId: string, name: string, line1: string) => ({
		...versioned(id, created),
		customerId,
		name,
		address: { line1, line2: null, city: "Ghent", postalCode: "9000", country: "BE" },
		location: { latitude: 51.05, longitude: 3.72 },
		timeZone: "Europe/Brussels",
		accessWindows: [],
	});
	snapshot.sites.push(
		site("S-NORTH", "C-NORTHGRID", "Substation North", "1 Grid Road"),
		site("S-HARBOUR", "C-HARBOUR", "Harbour Hospital, block B", "12 Quay Street"),
	);
	snapshot.assets.push(
		{
			...versioned("A-SWB3", created),
			customerId: "C-NORTHGRID",
			siteId: "S-NORTH",
			name: "Switchboard 3",
			kind: "switchboard",
			serialNumber: "SWB-3-2291",
			parentAssetId: null,
		},
		{
			...versioned("A-EMLIGHT", created),
			customerId: "C-HARBOUR",
			siteId: "S-HARBOUR",
			name: "Emergency lighting circuit B2",
			kind: "lighting",
			serialNumber: null,
			parentAssetId: null,
		},
	);
	snapshot.rateCards.push({ ...versioned("RC-STD", created), name: "Standard", currency: "EUR", ratesPerHourMinor: { work: 9000, travel: 6000 } });
	snapshot.technicians.push({
		...versioned(DEMO_TECHNICIAN_ID, created),
		name: "Ana Ferreira",
		skills: [{ skill: "electrical", level: 3 }],
		homeBase: { location: { latitude: 51, longitude: 3.7 }, label: "Ghent depot" },
		calendar: { timeZone: "Europe/Brussels", workingWeek: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 480, endMinute: 1020 })) },
		dailyCapacityMinutes: 480,
		hourlyCostMinor: 4000,
		currency: "EUR",
		rateCardId: "RC-STD",
		active: true,
	});
	const order = (id: string, o: Partial<ModelSnapshot["workOrders"][number]>) => ({
		...versioned(id, created),
		customerId: "C-NORTHGRID",
		siteId: "S-NORTH",
		assetId: "A-SWB3",
		title: "",
		priority: "normal" as const,
		sla: { respondBy: now + 2 * HOUR, resolveBy: now + 8 * HOUR },
		status: "scheduled" as const,
		parentId: null,
		rootId: id,
		dependencies: [],
		plannedStart: null,
		plannedEnd: null,
		currency: "EUR",
		contractValueMinor: 48000,
		startedAt: null,
		completedAt: null,
		...o,
	});
	snapshot.workOrders.push(
		order(DEMO_WORK_ORDER_ID, {
			title: "Quarterly insulation test, switchboard 3",
			priority: "high",
			status: "in-progress",
			// Resolve by five hours from now, but never before the 09:00 response deadline: just
			// after midnight "now + 5 h" is earlier than that, which the model refuses.
			sla: { respondBy: at(9), resolveBy: Math.max(now + 5 * HOUR, at(13)) },
			plannedStart: at(8),
			plannedEnd: at(10),
			startedAt: Math.min(now, at(8)),
		}),
		order("WO-1052", {
			customerId: "C-HARBOUR",
			siteId: "S-HARBOUR",
			assetId: "A-EMLIGHT",
			title: "Emergency lighting inspection, block B",
			sla: { respondBy: now + 1 * HOUR, resolveBy: now + 26 * HOUR },
			plannedStart: at(10.5),
			plannedEnd: at(12),
		}),
		order("WO-1041-F1", {
			title: "Follow-up: replace breaker Q3 on switchboard 3",
			parentId: DEMO_WORK_ORDER_ID,
			rootId: DEMO_WORK_ORDER_ID,
			// Start-to-start: the follow-up may start once the test has; the test's order completes
			// after its follow-up child (children complete before their parent), so a finish-to-start
			// link here could never be met.
			dependencies: [{ predecessorId: DEMO_WORK_ORDER_ID, kind: "start-to-start", lagMs: 0 }],
			sla: { respondBy: now + 6 * HOUR, resolveBy: now + 48 * HOUR },
			plannedStart: at(13.5),
			plannedEnd: at(16),
		}),
	);
	const task = (id: string, workOrderId: string, title: string, checklist: ChecklistItem[], estimatedMinutes: number) => ({
		...versioned(id, created),
		workOrderId,
		sequence: 1,
		title,
		requiredSkills: [{ skill: "electrical", level: 2 }],
		estimatedMinutes,
		checklist,
		status: "pending" as const,
		startedAt: null,
		completedAt: null,
	});
	snapshot.tasks.push(
		task(
			DEMO_TASK_ID,
			DEMO_WORK_ORDER_ID,
			"Insulation resistance test",
			[
				safety("isolation", "Circuit isolated, locked out and tagged"),
				safety("ppe", "Insulated gloves and face shield worn"),
				{
					id: "insulation-l1",
					label: "Insulation L1–earth ≥ 1 MΩ",
					required: true,
					beforeStart: false,
					requirement: { kind: "reading", quantity: "insulation_resistance", unit: "MOhm", min: 1, max: null, calibratedDevice: true },
				},
				{ id: "notes", label: "Notes for the customer", required: false, beforeStart: false, requirement: { kind: "note" } },
				customerSignature,
			],
			60,
		),
		task(
			"WO-1052-T1",
			"WO-1052",
			"Emergency lighting duration test",
			[
				safety("ppe", "Site induction done, hospital escort present"),
				{ id: "photo", label: "Photo of the test log", required: true, beforeStart: false, requirement: { kind: "photo" } },
				customerSignature,
			],
			90,
		),
		task(
			"WO-1041-F1-T1",
			"WO-1041-F1",
			"Replace breaker Q3",
			[
				safety("isolation", "Circuit isolated, locked out and tagged"),
				{ id: "photo", label: "Photo of the new breaker", required: true, beforeStart: false, requirement: { kind: "photo" } },
				customerSignature,
			],
			120,
		),
	);
	const appointment = (id: string, workOrderId: string, start: number, end: number, status: "on-site" | "scheduled") => ({
		...versioned(id, created),
		workOrderId,
		technicianId: DEMO_TECHNICIAN_ID,
		window: { start, end },
		status,
		dispatchedAt: status === "on-site" ? start - HOUR / 2 : null,
		arrivedAt: status === "on-site" ? start : null,
		finishedAt: null,
	});
	snapshot.appointments.push(
		appointment("AP-1", DEMO_WORK_ORDER_ID, at(8), at(10), "on-site"),
		appointment("AP-2", "WO-1052", at(10.5), at(12), "scheduled"),
		appointment("AP-3", "WO-1041-F1", at(13.5), at(16), "scheduled"),
	);
	// What the customer signs off before billing: the app's signature signs it (gateway/work/deliverable-signoffs.ts).
	snapshot.deliverables.push({
		...versioned(DEMO_DELIVERABLE_ID, created),
		workOrderId: DEMO_WORK_ORDER_ID,
		kind: "sign-off",
		title: "Customer sign-off of the insulation test",
		status: "pending",
		signatureEvidenceId: null,
		signedOffBy: null,
		signedOffAt: null,
	});
	snapshot.milestones.push({
		...versioned(DEMO_MILESTONE_ID, created),
		workOrderId: DEMO_WORK_ORDER_ID,
		name: "Insulation test done and signed",
		amount: { kind: "fixed", amountMinor: 48000 },
		taskIds: [DEMO_TASK_ID],
		deliverableIds: [DEMO_DELIVERABLE_ID],
		status: "awaiting-evidence",
		invoiceId: null,
	});
	return snapshot;
}
