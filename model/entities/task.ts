import type { PolicyRef } from "../policies/types.js";
import type { EpochMs, SkillLevel, Versioned } from "./common.js";

export type TaskStatus = "pending" | "in-progress" | "completed" | "cancelled";

export type ChecklistRequirement =
	| {
			kind: "reading";
			/** Lower snake case, as the device Capability.quantity ("insulation_resistance"). */
			quantity: string;
			/** UCUM code the limits are in; a reading in any convertible unit is accepted. */
			unit: string;
			min: number | null;
			max: number | null;
			/** The device must have been in calibration when the reading was captured. */
			calibratedDevice: boolean;
	  }
	| { kind: "photo" }
	| { kind: "note" }
	| { kind: "acknowledgement"; statement: string }
	| { kind: "signature"; signerRole: "customer" | "technician" };

export type ChecklistKind = ChecklistRequirement["kind"];

export interface ChecklistItem {
	/** Unique within its task. */
	id: string;
	label: string;
	required: boolean;
	/** Safety acknowledgements that must exist before the task may start. */
	beforeStart: boolean;
	requirement: ChecklistRequirement;
}

export interface Task extends Versioned {
	workOrderId: string;
	sequence: number;
	title: string;
	requiredSkills: SkillLevel[];
	estimatedMinutes: number;
	checklist: ChecklistItem[];
	status: TaskStatus;
	startedAt: EpochMs | null;
	completedAt: EpochMs | null;
	/** The checklist template version its checklist came from (model/policies); absent for tasks made before templates. */
	checklistTemplate?: PolicyRef;
}
