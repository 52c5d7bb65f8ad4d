/**
 * JSON Schemas of the model's entities as the API returns them (model/entities). The
 * OpenAPI document, the request validation and the contract tests all use these objects.
 */
import { arr, bool, hex64, id, int, minor, ms, nullable, num, obj, oneOfValues, type Schema, str, versioned } from "./schema-helpers.js";

const window = obj({ start: ms(), end: ms() });
const skill = obj({ skill: str({ minLength: 1 }), level: int({ minimum: 1, maximum: 5 }) });

export const WorkOrderStatus = ["draft", "scheduled", "in-progress", "on-hold", "completed", "cancelled"] as const;
export const Dependency = obj({ predecessorId: id(), kind: oneOfValues(["finish-to-start", "start-to-start", "same-day"]), lagMs: int() });

export const WorkOrder = obj(
	{
		...versioned,
		customerId: id(),
		siteId: id(),
		assetId: nullable(id()),
		title: str({ minLength: 1 }),
		priority: oneOfValues(["low", "normal", "high", "emergency"]),
		sla: obj({ respondBy: ms(), resolveBy: ms() }),
		status: oneOfValues(WorkOrderStatus),
		parentId: nullable(id()),
		rootId: id(),
		dependencies: arr(Dependency),
		plannedStart: nullable(ms()),
		plannedEnd: nullable(ms()),
		currency: str({ pattern: "^[A-Z]{3}$" }),
		contractValueMinor: nullable(minor()),
		startedAt: nullable(ms()),
		completedAt: nullable(ms()),
		// The SLA policy version the deadlines came from (POST /v1/impact/previews/{id}/apply records a new one).
		slaPolicy: obj({ id: id(), version: int({ minimum: 1 }) }),
	},
	["slaPolicy"],
);

export const ChecklistRequirement: Schema = {
	oneOf: [
		obj({
			kind: { const: "reading" },
			quantity: str({ minLength: 1 }),
			unit: str({ minLength: 1 }),
			min: nullable(num()),
			max: nullable(num()),
			calibratedDevice: bool(),
		}),
		obj({ kind: { const: "photo" } }),
		obj({ kind: { const: "note" } }),
		obj({ kind: { const: "acknowledgement" }, statement: str({ minLength: 1 }) }),
		obj({ kind: { const: "signature" }, signerRole: oneOfValues(["customer", "technician"]) }),
	],
};

export const ChecklistItem = obj({ id: id(), label: str({ minLength: 1 }), required: bool(), beforeStart: bool(), requirement: ChecklistRequirement });

export const Task = obj(
	{
		...versioned,
		workOrderId: id(),
		sequence: int({ minimum: 0 }),
		title: str({ minLength: 1 }),
		requiredSkills: arr(skill),
		estimatedMinutes: int({ minimum: 0 }),
		checklist: arr(ChecklistItem),
		status: oneOfValues(["pending", "in-progress", "completed", "cancelled"]),
		startedAt: nullable(ms()),
		completedAt: nullable(ms()),
		// The checklist template version the checklist came from (model/policies).
		checklistTemplate: obj({ id: id(), version: int({ minimum: 1 }) }),
	},
	["checklistTemplate"],
);

export const AppointmentStatus = ["scheduled", "dispatched", "en-route", "on-site", "completed", "cancelled"] as const;
export const Appointment = obj(
	{
		...versioned,
		workOrderId: id(),
		technicianId: id(),
		window,
		status: oneOfValues(AppointmentStatus),
		dispatchedAt: nullable(ms()),
		arrivedAt: nullable(ms()),
		finishedAt: nullable(ms()),
		// The last move by dispatch (POST /v1/schedule/plans/{id}/apply, .../reschedule, a predecessor late).
		lastMove: obj({ at: ms(), previousWindow: window, previousTechnicianId: id(), cause: str(), reason: str() }),
	},
	["lastMove"],
);

export const LineItem = obj({
	...versioned,
	workOrderId: id(),
	taskId: id(),
	kind: oneOfValues(["labour", "part", "service"]),
	description: str(),
	sku: nullable(str()),
	unit: str({ minLength: 1 }),
	estimatedQuantity: num({ minimum: 0 }),
	usedQuantity: nullable(num({ minimum: 0 })),
	unitCostMinor: minor(),
	unitPriceMinor: minor(),
	currency: str(),
	status: oneOfValues(["estimated", "used", "billed"]),
});

export const TimeEntry = obj({
	...versioned,
	workOrderId: id(),
	taskId: id(),
	technicianId: id(),
	kind: oneOfValues(["work", "travel"]),
	billable: bool(),
	start: ms(),
	end: nullable(ms()),
	status: oneOfValues(["running", "draft", "submitted", "approved", "rejected", "invoiced"]),
	note: str(),
});

const calibration = obj({ certificateId: str(), calibratedAt: ms(), dueAt: ms(), laboratory: str() });

export const EvidencePayload: Schema = {
	oneOf: [
		obj({ kind: { const: "reading" }, quantity: str(), value: num(), unit: str(), deviceId: str(), calibration: nullable(calibration) }),
		obj({ kind: { const: "photo" }, mediaType: str(), byteLength: int({ minimum: 0 }) }),
		obj({ kind: { const: "note" }, text: str() }),
		obj({ kind: { const: "acknowledgement" }, statement: str() }),
		obj({ kind: { const: "signature" }, signerName: str(), signerRole: oneOfValues(["customer", "technician"]) }),
	],
};

export const Evidence = obj({
	...versioned,
	workOrderId: id(),
	taskId: nullable(id()),
	checklistItemId: nullable(id()),
	deliverableId: nullable(id()),
	payload: EvidencePayload,
	capturedBy: obj({ kind: oneOfValues(["technician", "device", "customer"]), id: str() }),
	capturedAt: ms(),
	contentHash: str(),
	status: oneOfValues(["captured", "accepted", "rejected"]),
	signature: nullable(str()),
	previousHash: nullable(str()),
});

export const Deliverable = obj({
	...versioned,
	workOrderId: id(),
	kind: oneOfValues(["sign-off", "report"]),
	title: str({ minLength: 1 }),
	status: oneOfValues(["pending", "delivered", "signed-off", "refused"]),
	signatureEvidenceId: nullable(id()),
	signedOffBy: nullable(str()),
	signedOffAt: nullable(ms()),
});

export const MilestoneAmount: Schema = {
	oneOf: [
		obj({ kind: { const: "fixed" }, amountMinor: minor() }),
		obj({ kind: { const: "percent" }, basisPoints: int({ minimum: 0, maximum: 10000 }) }),
		obj({ kind: { const: "actuals" } }),
	],
};

export const Milestone = obj({
	...versioned,
	workOrderId: id(),
	name: str({ minLength: 1 }),
	amount: MilestoneAmount,
	taskIds: arr(id()),
	deliverableIds: arr(id()),
	status: oneOfValues(["planned", "awaiting-evidence", "ready-for-approval", "approved", "released", "invoiced", "blocked", "disputed"]),
	invoiceId: nullable(id()),
});

export const Approval = obj({
	...versioned,
	workOrderId: id(),
	kind: oneOfValues(["time-entry", "milestone", "margin-override", "evidence"]),
	subjectId: id(),
	decision: oneOfValues(["approved", "rejected"]),
	approverId: str(),
	decidedAt: ms(),
	reason: str(),
});

const margin = obj({ priceMinor: int(), costMinor: int(), marginMinor: int(), marginBasisPoints: nullable(int()) });

export const InvoiceLine = obj({
	lineNo: int({ minimum: 1 }),
	kind: oneOfValues(["work", "travel", "labour", "part", "service", "milestone-adjustment"]),
	description: str(),
	taskId: nullable(id()),
	quantity: num(),
	unit: str(),
	unitPriceMinor: int(),
	amountMinor: int(),
	source: obj({ kind: oneOfValues(["time-entry", "line-item", "milestone"]), id: id() }),
	evidenceIds: arr(id()),
	approvalIds: arr(id()),
});

export const Invoice = obj({
	...versioned,
	workOrderId: id(),
	milestoneId: id(),
	customerId: id(),
	currency: str(),
	issuedAt: ms(),
	lines: arr(InvoiceLine),
	totalMinor: int(),
	deliverableIds: arr(id()),
	approvalIds: arr(id()),
	margin,
});

export const Reason = obj({ code: str(), message: str(), entity: str(), id: str() });

const taskMargin = obj({ ...(margin.properties as Record<string, Schema>), taskId: id(), labourCostMinor: int(), partsCostMinor: int() });
export const MarginReport = obj({ ...(margin.properties as Record<string, Schema>), workOrderId: id(), tasks: arr(taskMargin) });

export { hex64 };
