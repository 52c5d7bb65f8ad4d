/** The shapes the gateway's API answers with (see gateway/http/*-routes.ts). */

export type Requirement =
	| { kind: "reading"; quantity: string; unit: string; min: number | null; max: number | null; calibratedDevice: boolean }
	| { kind: "photo" }
	| { kind: "note" }
	| { kind: "acknowledgement"; statement: string }
	| { kind: "signature"; signerRole: "customer" | "technician" };

export interface ChecklistItem {
	id: string;
	label: string;
	required: boolean;
	beforeStart: boolean;
	requirement: Requirement;
}

export interface TaskDetail {
	id: string;
	workOrderId: string;
	title: string;
	status: string;
	estimatedMinutes: number;
	checklist: ChecklistItem[];
	checklistState: Array<{ id: string; satisfied: boolean }>;
}

export interface Reason {
	code: string;
	/** The model's own words (logs, support); the app shows gateway/work/human-messages.ts instead. */
	message: string;
	entity: string;
	id: string;
	humanMessage?: string;
}

export interface TaskRules {
	status: string;
	canStart: Reason[];
	canComplete: Reason[];
}

export interface EvidenceView {
	id: string;
	chainSeq: number;
	checklistItemId: string;
	kind: string;
	outcome: "pass" | "fail-out-of-range" | "fail-out-of-calibration" | "recorded";
	status: string;
	sealed: boolean;
	contentHash: string;
	createdAt: string;
	reading?: { deviceId: string; quantity: string; value: number; unit: string };
	text?: string;
	deliverableId?: string;
	attachment?: { sha256: string; mediaType: string };
}

export interface ChainLink {
	id: string;
	title: string;
	status: string;
}

export type AppointmentStep = "dispatched" | "en-route" | "on-site" | "completed";

export interface AppointmentAction {
	status: AppointmentStep;
	allowed: boolean;
	reasons: Reason[];
}

export interface DayEntry {
	appointment: {
		id: string;
		window: { start: number; end: number };
		status: string;
		/** The last time dispatch moved the visit, and why (absent when it never moved, or on an older service). */
		lastMove?: { at: number; previousWindow: { start: number; end: number }; previousTechnicianId: string; cause: string; reason: string };
	};
	/** The visit's next legal step(s); absent on an older gateway. */
	actions?: AppointmentAction[];
	workOrder: {
		id: string;
		title: string;
		priority: string;
		status: string;
		sla: { respondBy: number; resolveBy: number };
		startedAt: number | null;
		completedAt?: number | null;
		customerName: string | null;
		siteName: string | null;
	};
	chain: {
		position: number;
		length: number;
		parent: ChainLink | null;
		children: ChainLink[];
		waitingOn: Array<ChainLink & { kind: string }>;
		blocks: ChainLink[];
	};
	tasks: Array<{ id: string; title: string; status: string; estimatedMinutes: number; checklistItems: number }>;
}

export interface TechnicianDay {
	technicianId: string;
	name: string | null;
	activeTask: { workOrderId: string; taskId: string; deviceIds: string[] } | null;
	entries: DayEntry[];
}

export interface Device {
	id: string;
	connected: boolean;
	transport: string;
	model: string;
	firmwareVersion: string;
	serialNumber: string;
	calibration: { certificateId: string; calibratedAt: number; dueAt: number; laboratory: string } | null;
	readingsStored: number;
	readingsReceived: number;
	errors: Record<string, number>;
	lastError: string | null;
	lastSeenAt: string;
}

export interface Reading {
	deviceId: string;
	model: string;
	bootId: string;
	seq: number;
	quantity: string;
	value: number | null;
	unit: string;
	receivedAt: number;
}

export type TimeEntryStatus = "running" | "draft" | "submitted" | "approved" | "rejected" | "invoiced";

/** One id with the billing service's entry. */
export interface TimeEntry {
	id: string;
	workOrderId: string;
	taskId: string;
	kind: string;
	startedAt: number;
	endedAt: number | null;
	status: TimeEntryStatus;
	submittedAt?: number | null;
	/** The office's reason when it rejected the entry. */
	rejectionReason?: string | null;
	decidedAt?: number | null;
	decidedBy?: string | null;
	/** False while the latest change still waits to reach billing. */
	synced?: boolean;
	/** Hours the invoice bills for the entry under the rounding rule. */
	billedHours?: number | null;
}

export interface TimeEntries {
	timeEntries: TimeEntry[];
	/** The billable-time rounding rule, as the technician reads it. */
	rounding?: { stepMinutes: number; text: string };
}

export interface Deliverable {
	id: string;
	workOrderId: string;
	kind: "sign-off" | "report";
	title: string;
	status: "pending" | "delivered" | "signed-off" | "refused";
	signerName: string | null;
	signedOffAt: number | null;
	signatureEvidenceId: string | null;
	milestoneIds: string[];
}

export interface SyncState {
	configured: boolean;
	state: string;
	queueDepth: number | null;
	lastReceiptAt: string | null;
	online: boolean;
}

export interface MilestoneState {
	id: string;
	name: string;
	status: string;
	readyForApproval: boolean;
	missing: Reason[];
	awaitingApproval: Reason[];
	deliverableIds?: string[];
	/** One word for the badge: the office's decision wins over the field's readiness. */
	stage?: "in-progress" | "awaiting-time-approval" | "ready-for-approval" | "approved" | "released" | "invoiced";
	invoice?: { id: string; number: string; totalMinor: number; currency: string; issuedAt: number } | null;
}
