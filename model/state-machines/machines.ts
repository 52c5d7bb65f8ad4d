/** Every lifecycle of the model. README.md shows the same tables. */
import type { AppointmentStatus } from "../entities/appointment.js";
import type { DeliverableStatus } from "../entities/deliverable.js";
import type { EvidenceStatus } from "../entities/evidence.js";
import type { LineItemStatus } from "../entities/line-item.js";
import type { MilestoneStatus } from "../entities/milestone.js";
import type { TaskStatus } from "../entities/task.js";
import type { TimeEntryStatus } from "../entities/time-entry.js";
import type { WorkOrderStatus } from "../entities/work-order.js";
import { defineStateMachine } from "./machine.js";

export const workOrderMachine = defineStateMachine<WorkOrderStatus>("work order", {
	draft: ["scheduled", "cancelled"],
	scheduled: ["draft", "in-progress", "cancelled"],
	"in-progress": ["on-hold", "completed", "cancelled"],
	"on-hold": ["in-progress", "cancelled"],
	completed: [],
	cancelled: [],
});

export const taskMachine = defineStateMachine<TaskStatus>("task", {
	pending: ["in-progress", "cancelled"],
	"in-progress": ["completed", "cancelled"],
	completed: [],
	cancelled: [],
});

export const appointmentMachine = defineStateMachine<AppointmentStatus>("appointment", {
	scheduled: ["dispatched", "cancelled"],
	dispatched: ["en-route", "cancelled"],
	"en-route": ["on-site", "cancelled"],
	"on-site": ["completed", "cancelled"],
	completed: [],
	cancelled: [],
});

/** approved -> invoiced is the only move out of approved, and it changes nothing but the status. */
export const timeEntryMachine = defineStateMachine<TimeEntryStatus>("time entry", {
	running: ["draft"],
	draft: ["submitted"],
	submitted: ["approved", "rejected"],
	rejected: ["draft"],
	approved: ["invoiced"],
	invoiced: [],
});

export const lineItemMachine = defineStateMachine<LineItemStatus>("line item", {
	estimated: ["used"],
	used: ["billed"],
	billed: [],
});

/** Rejected evidence stays as a record; the technician captures new evidence instead. */
export const evidenceMachine = defineStateMachine<EvidenceStatus>("evidence", {
	captured: ["accepted", "rejected"],
	accepted: [],
	rejected: [],
});

export const deliverableMachine = defineStateMachine<DeliverableStatus>("deliverable", {
	pending: ["delivered"],
	delivered: ["signed-off", "refused"],
	refused: ["pending"],
	"signed-off": [],
});

/** Blocked (before release) and disputed (after) both send the milestone back to gathering evidence. */
export const milestoneMachine = defineStateMachine<MilestoneStatus>("billing milestone", {
	planned: ["awaiting-evidence"],
	"awaiting-evidence": ["ready-for-approval", "blocked"],
	"ready-for-approval": ["approved", "blocked"],
	approved: ["released", "blocked"],
	released: ["invoiced", "disputed"],
	invoiced: ["disputed"],
	blocked: ["awaiting-evidence"],
	disputed: ["awaiting-evidence"],
});
