/**
 * The work orders, tasks and technicians this gateway serves, loaded from a JSON file shaped as a
 * model snapshot (the cloud sync will fill the same structure from the billing service).
 * The gateway only reads them: the rules of the execution model stay in model.
 */
import { readFileSync } from "node:fs";
import { emptySnapshot, type ModelSnapshot } from "../../model/entities/kinds.js";
import type { Task } from "../../model/entities/task.js";
import type { WorkOrder } from "../../model/entities/work-order.js";
import { validateSnapshot } from "../../model/validation/validate.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";

export class WorkOrders {
	private readonly tasksById: Map<string, Task>;
	private readonly workOrdersById: Map<string, WorkOrder>;

	constructor(readonly snapshot: ModelSnapshot) {
		this.tasksById = new Map(snapshot.tasks.map((task) => [task.id, task]));
		this.workOrdersById = new Map(snapshot.workOrders.map((workOrder) => [workOrder.id, workOrder]));
	}

	static empty(): WorkOrders {
		return new WorkOrders(emptySnapshot());
	}

	/** Reads and validates a snapshot file; missing collections are empty. */
	static fromFile(path: string): WorkOrders {
		let raw: unknown;
		try {
			raw = JSON.parse(readFileSync(path, "utf8"));
		} catch (cause) {
			throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `Cannot read the work orders file ${path}: ${(cause as Error).message}.`, {
				cause,
				hint: "Pass a JSON model snapshot ({ workOrders, tasks, technicians, ... }) to --work-orders.",
			});
		}
		if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
			throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `The work orders file ${path} must hold a JSON object.`);
		}
		const snapshot = { ...emptySnapshot(), ...(raw as Partial<ModelSnapshot>) };
		const problems = validateSnapshot(snapshot);
		if (problems.length > 0) {
			const shown = problems
				.slice(0, 5)
				.map((problem) => JSON.stringify(problem))
				.join("; ");
			throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `The work orders file ${path} is not consistent (${problems.length} problems): ${shown}.`);
		}
		return new WorkOrders(snapshot);
	}

	private readonly overlays: Array<(snapshot: ModelSnapshot) => void> = [];

	/**
	 * Lays what the field changed (visits, work orders, sign-offs: field-states.ts) over the plan now
	 * and over every plan `replace` takes from now on.
	 */
	addOverlay(overlay: (snapshot: ModelSnapshot) => void): void {
		this.overlays.push(overlay);
		overlay(this.snapshot);
	}

	/** Takes a new snapshot in place (the cloud downlink): everyone holding this object sees it. */
	replace(snapshot: ModelSnapshot): void {
		for (const overlay of this.overlays) overlay(snapshot);
		Object.assign(this.snapshot, snapshot);
		this.tasksById.clear();
		for (const task of snapshot.tasks) this.tasksById.set(task.id, task);
		this.workOrdersById.clear();
		for (const workOrder of snapshot.workOrders) this.workOrdersById.set(workOrder.id, workOrder);
	}

	task(taskId: string): Task | undefined {
		return this.tasksById.get(taskId);
	}

	workOrder(workOrderId: string): WorkOrder | undefined {
		return this.workOrdersById.get(workOrderId);
	}

	tasksOf(workOrderId: string): Task[] {
		return this.snapshot.tasks.filter((task) => task.workOrderId === workOrderId).sort((a, b) => a.sequence - b.sequence);
	}
}
