/**
 * Entities with sensible defaults for tests: each builder takes overrides, so a test states only
 * what it is about.
 */
import type { ServiceAppointment } from "../entities/appointment.js";
import type { Approval } from "../entities/approval.js";
import type { Versioned } from "../entities/common.js";
import type { Deliverable } from "../entities/deliverable.js";
import type { CalibrationRecord, Evidence } from "../entities/evidence.js";
import { emptySnapshot, type ModelSnapshot } from "../entities/kinds.js";
import type { LineItem } from "../entities/line-item.js";
import type { BillingMilestone } from "../entities/milestone.js";
import type { Asset, Customer, Site } from "../entities/parties.js";
import type { ChecklistItem, Task } from "../entities/task.js";
import type { RateCard, Technician } from "../entities/technician.js";
import type { TimeEntry } from "../entities/time-entry.js";
import type { WorkOrder } from "../entities/work-order.js";

export const T0 = 1_764_000_000_000;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function hash(n: number): string {
	return n.toString(16).padStart(64, "0");
}

function base(id: string, version = 1): Versioned {
	return { id, version, createdAt: T0, updatedAt: T0 };
}

export const CALIBRATION: CalibrationRecord = { certificateId: "CAL-1", calibratedAt: T0 - 100 * DAY, dueAt: T0 + 265 * DAY, laboratory: "Lab" };

export const make = {
	customer: (o: Partial<Customer> = {}): Customer => ({ ...base("C1"), name: "Acme Utilities", currency: "EUR", billingEmail: null, ...o }),
	site: (o: Partial<Site> = {}): Site => ({
		...base("S1"),
		customerId: "C1",
		name: "Substation North",
		address: { line1: "1 Grid Road", line2: null, city: "Ghent", postalCode: "9000", country: "BE" },
		location: { latitude: 51.05, longitude: 3.72 },
		timeZone: "Europe/Brussels",
		accessWindows: [],
		...o,
	}),
	asset: (o: Partial<Asset> = {}): Asset => ({
		...base("A1"),
		customerId: "C1",
		siteId: "S1",
		name: "Switchboard 1",
		kind: "switchboard",
		serialNumber: null,
		parentAssetId: null,
		...o,
	}),
	rateCard: (o: Partial<RateCard> = {}): RateCard => ({
		...base("RC1"),
		name: "Standard",
		currency: "EUR",
		ratesPerHourMinor: { work: 9000, travel: 6000 },
		...o,
	}),
	technician: (o: Partial<Technician> = {}): Technician => ({
		...base("TECH1"),
		name: "Ana Field",
		skills: [{ skill: "electrical", level: 3 }],
		homeBase: { location: { latitude: 51, longitude: 3.7 }, label: "Ghent depot" },
		calendar: { timeZone: "Europe/Brussels", workingWeek: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 480, endMinute: 1020 })) },
		dailyCapacityMinutes: 480,
		hourlyCostMinor: 4000,
		currency: "EUR",
		rateCardId: "RC1",
		active: true,
		...o,
	}),
	workOrder: (o: Partial<WorkOrder> = {}): WorkOrder => ({
		...base("WO1"),
		customerId: "C1",
		siteId: "S1",
		assetId: "A1",
		title: "Annual inspection",
		priority: "normal",
		sla: { respondBy: T0 + DAY, resolveBy: T0 + 7 * DAY },
		status: "scheduled",
		parentId: null,
		rootId: o.id ?? "WO1",
		dependencies: [],
		plannedStart: T0 + DAY,
		plannedEnd: T0 + DAY + 4 * HOUR,
		currency: "EUR",
		contractValueMinor: null,
		startedAt: null,
		completedAt: null,
		...o,
	}),
	task: (o: Partial<Task> = {}): Task => ({
		...base("T1"),
		workOrderId: "WO1",
		sequence: 1,
		title: "Insulation test",
		requiredSkills: [{ skill: "electrical", level: 2 }],
		estimatedMinutes: 60,
		checklist: [items.safety(), items.insulation()],
		status: "pending",
		startedAt: null,
		completedAt: null,
		...o,
	}),
	appointment: (o: Partial<ServiceAppointment> = {}): ServiceAppointment => ({
		...base("AP1"),
		workOrderId: "WO1",
		technicianId: "TECH1",
		window: { start: T0 + DAY, end: T0 + DAY + 4 * HOUR },
		status: "scheduled",
		dispatchedAt: null,
		arrivedAt: null,
		finishedAt: null,
		...o,
	}),
	timeEntry: (o: Partial<TimeEntry> = {}): TimeEntry => ({
		...base("TE1"),
		workOrderId: "WO1",
		taskId: "T1",
		technicianId: "TECH1",
		kind: "work",
		billable: true,
		start: T0,
		end: T0 + 2 * HOUR,
		status: "draft",
		note: "",
		...o,
	}),
	lineItem: (o: Partial<LineItem> = {}): LineItem => ({
		...base("LI1"),
		workOrderId: "WO1",
		taskId: "T1",
		kind: "part",
		description: "Fuse 10 A",
		sku: "FUSE-10",
		unit: "ea",
		estimatedQuantity: 2,
		usedQuantity: null,
		unitCostMinor: 300,
		unitPriceMinor: 750,
		currency: "EUR",
		status: "estimated",
		...o,
	}),
	evidence: (o: Partial<Evidence> = {}): Evidence => ({
		...base("E1"),
		workOrderId: "WO1",
		taskId: "T1",
		checklistItemId: "insulation",
		deliverableId: null,
		payload: { kind: "reading", quantity: "insulation_resistance", value: 550, unit: "MOhm", deviceId: "MEGGER-1", calibration: CALIBRATION },
		capturedBy: { kind: "device", id: "MEGGER-1" },
		capturedAt: T0,
		contentHash: hash(1),
		status: "captured",
		signature: null,
		previousHash: null,
		...o,
	}),
	deliverable: (o: Partial<Deliverable> = {}): Deliverable => ({
		...base("D1"),
		workOrderId: "WO1",
		kind: "sign-off",
		title: "Customer sign-off",
		status: "pending",
		signatureEvidenceId: null,
		signedOffBy: null,
		signedOffAt: null,
		...o,
	}),
	milestone: (o: Partial<BillingMilestone> = {}): BillingMilestone => ({
		...base("M1"),
		workOrderId: "WO1",
		name: "Inspection complete",
		amount: { kind: "actuals" },
		taskIds: ["T1"],
		deliverableIds: ["D1"],
		status: "planned",
		invoiceId: null,
		...o,
	}),
	approval: (o: Partial<Approval> = {}): Approval => ({
		...base("AP-1"),
		workOrderId: "WO1",
		kind: "time-entry",
		subjectId: "TE1",
		decision: "approved",
		approverId: "SUP1",
		decidedAt: T0,
		reason: "ok",
		...o,
	}),
};

export const items = {
	safety: (o: Partial<ChecklistItem> = {}): ChecklistItem => ({
		id: "safety",
		label: "isolation confirmed",
		required: true,
		beforeStart: true,
		requirement: { kind: "acknowledgement", statement: "Circuit isolated and locked out" },
		...o,
	}),
	insulation: (o: Partial<ChecklistItem> = {}): ChecklistItem => ({
		id: "insulation",
		label: "insulation",
		required: true,
		beforeStart: false,
		requirement: { kind: "reading", quantity: "insulation_resistance", unit: "MOhm", min: 1, max: null, calibratedDevice: true },
		...o,
	}),
	photo: (o: Partial<ChecklistItem> = {}): ChecklistItem => ({
		id: "photo",
		label: "panel photo",
		required: true,
		beforeStart: false,
		requirement: { kind: "photo" },
		...o,
	}),
};

/** One customer, site, asset, rate card, two technicians and a supervisor-free snapshot to add to. */
export function baseSnapshot(extra: Partial<ModelSnapshot> = {}): ModelSnapshot {
	return {
		...emptySnapshot(),
		customers: [make.customer()],
		sites: [make.site()],
		assets: [make.asset()],
		rateCards: [make.rateCard()],
		technicians: [make.technician(), make.technician({ id: "TECH2", name: "Ben Volt", hourlyCostMinor: 5000 })],
		...extra,
	};
}
