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
	message: string;
	entity: string;
	id: string;
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
}

export interface ChainLink {
	id: string;
	title: string;
	status: string;
}

export interface DayEntry {
	appointment: { id: string; window: { start: number; end: number }; status: string };
	workOrder: {
		id: string;
		title: string;
		priority: string;
		status: string;
		sla: { respondBy: number; resolveBy: number };
		startedAt: number | null;
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

export interface TimeEntry {
	id: string;
	workOrderId: string;
	taskId: string;
	kind: string;
	startedAt: number;
	endedAt: number | null;
	status: "running" | "draft" | "submitted";
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
}
