/** The shapes the console reads from the billing API (see /openapi.json). */
export type Role = "dispatcher" | "approver" | "billing" | "admin";

export interface ConsoleUser {
	id: string;
	username: string;
	displayName: string;
	role: Role;
	technicianId: string | null;
	createdAt: number;
	disabledAt: number | null;
}

export interface Session {
	user: ConsoleUser | null;
	name: string;
	scopes: string[];
	expiresAt: number | null;
}

export interface WorkOrder {
	id: string;
	version: number;
	title: string;
	status: string;
	customerId: string;
	currency: string;
	priority: string;
}

export interface ChecklistItem {
	id: string;
	label: string;
	required: boolean;
}

export interface Task {
	id: string;
	title: string;
	status: string;
	checklist: ChecklistItem[];
}

export interface TimeEntry {
	id: string;
	version: number;
	workOrderId: string;
	taskId: string;
	technicianId: string;
	kind: "work" | "travel";
	billable: boolean;
	start: number;
	end: number | null;
	status: string;
	note: string;
}

export type EvidencePayload =
	| { kind: "reading"; quantity: string; value: number; unit: string; deviceId: string }
	| { kind: "photo"; mediaType: string; byteLength: number }
	| { kind: "note"; text: string }
	| { kind: "acknowledgement"; statement: string }
	| { kind: "signature"; signerName: string; signerRole: string };

export interface Evidence {
	id: string;
	taskId: string | null;
	checklistItemId: string | null;
	payload: EvidencePayload;
	capturedAt: number;
	contentHash: string;
	status: string;
}

export interface QueueGroup {
	workOrder: WorkOrder;
	entries: { timeEntry: TimeEntry; task: Task | null; evidence: Evidence[]; own: boolean }[];
}

export interface Margin {
	priceMinor: number;
	costMinor: number;
	marginMinor: number;
	marginBasisPoints: number | null;
}

export interface Milestone {
	id: string;
	version: number;
	workOrderId: string;
	name: string;
	status: string;
	invoiceId: string | null;
	taskIds: string[];
}

export interface Reason {
	code: string;
	message: string;
	entity: string;
	id: string;
}

export interface Readiness {
	milestoneId: string;
	status: string;
	ready: boolean;
	missing: Reason[];
	releasable: boolean;
	releaseBlockers: Reason[];
}

export interface InvoiceLine {
	lineNo: number;
	kind: string;
	description: string;
	quantity: number;
	unit: string;
	unitPriceMinor: number;
	amountMinor: number;
	source: { kind: string; id: string };
}

export interface Invoice {
	id: string;
	workOrderId: string;
	milestoneId: string;
	customerId: string;
	currency: string;
	issuedAt: number;
	lines: InvoiceLine[];
	totalMinor: number;
	margin: Margin;
}

export interface Approval {
	id: string;
	kind: string;
	subjectId: string;
	decision: "approved" | "rejected";
	approverId: string;
	decidedAt: number;
	reason: string;
}

export interface Trace {
	invoice: Invoice;
	lines: { lineNo: number; timeEntry: TimeEntry | null; lineItem: { id: string; description?: string } | null; evidence: Evidence[]; approvals: Approval[] }[];
}

/** The schedule board (GET /v1/schedule/board) and dispatch (plans, move previews). */
export type TimeWindow = { start: number; end: number };

export interface BoardAppointment {
	id: string;
	version: number;
	workOrderId: string;
	technicianId: string;
	window: TimeWindow;
	status: "scheduled" | "dispatched" | "en-route" | "on-site" | "completed" | "cancelled";
	lastMove?: { at: number; previousWindow: TimeWindow; previousTechnicianId: string; cause: string; reason: string };
}

export interface Board {
	from: number;
	to: number;
	technicians: { technicianId: string; name: string; appointments: BoardAppointment[] }[];
}

/** A work order with what dispatch reads: its SLA and the orders it waits for. */
export interface ScheduledWorkOrder extends WorkOrder {
	sla: { respondBy: number; resolveBy: number };
	dependencies: { predecessorId: string; kind: string; lagMs: number }[];
}

export interface Kpis {
	assigned: number;
	unassigned: number;
	slaBreaches: number;
	travelMinutes: number;
	overtimeMinutes: number;
	utilisation: number;
	cost: number;
}

export interface SchedulePlan {
	id: string;
	status: "proposed" | "applied";
	changes: {
		workOrderId: string;
		appointmentId: string | null;
		technicianId: string;
		window: TimeWindow;
		previous: { technicianId: string; window: TimeWindow } | null;
		slaBreachMinutes: number;
		score: { reasons: string[] };
	}[];
	unassigned: { workOrderId: string; reason: string; message: string }[];
	kpis: { before: Kpis; after: Kpis };
}

export interface MovePreview {
	moves: {
		appointmentId: string;
		workOrderId: string;
		technicianId: string;
		window: TimeWindow;
		previous: { technicianId: string; window: TimeWindow };
		cause: string;
		reason: string;
	}[];
	violations: { jobId: string | null; technicianId: string; kind: string; message: string }[];
	kpis: { before: Kpis; after: Kpis };
}

export interface DispatchResult {
	appointments: BoardAppointment[];
	moves: { appointmentId: string; workOrderId: string; technicianId: string; window: TimeWindow; cause: string; reason: string }[];
	violations: MovePreview["violations"];
	pushedGateways: string[];
}
