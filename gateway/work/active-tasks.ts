/**
 * The task each technician is working on now, kept in the gateway's database so it survives a
 * restart. Readings from a device go to the active task of the technician holding that device
 * (deviceIds), or, when only one technician has an active task, to that one. A reading stamped by
 * hand through the local API follows the same binding (manualStampRefusal).
 */
import type Database from "better-sqlite3";
import type { Task } from "../../model/entities/task.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { WorkOrders } from "./work-orders.js";

export interface ActiveTask {
	technicianId: string;
	workOrderId: string;
	taskId: string;
	setAt: number;
	/** Devices this technician is using; empty means "any device" while only one task is active. */
	deviceIds: string[];
}

interface Row {
	technician_id: string;
	work_order_id: string;
	task_id: string;
	device_ids: string;
	set_at: number;
}

export class ActiveTasks {
	constructor(
		private readonly db: Database.Database,
		private readonly workOrders: WorkOrders,
	) {}

	set(technicianId: string, workOrderId: string, taskId: string, now: number, deviceIds: string[] = []): ActiveTask {
		const task = this.workOrders.task(taskId);
		if (!task || task.workOrderId !== workOrderId) {
			throw new FieldchainError(ErrorCodes.FC_MODEL_NOT_FOUND, `Task "${taskId}" of work order "${workOrderId}" is not assigned to this gateway.`, {
				hint: "GET /api/v1/work-orders lists the work orders this gateway holds.",
			});
		}
		this.db
			.prepare(
				`INSERT INTO active_tasks (technician_id, work_order_id, task_id, device_ids, set_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (technician_id) DO UPDATE SET work_order_id = excluded.work_order_id, task_id = excluded.task_id,
					device_ids = excluded.device_ids, set_at = excluded.set_at`,
			)
			.run(technicianId, workOrderId, taskId, JSON.stringify(deviceIds), now);
		return { technicianId, workOrderId, taskId, setAt: now, deviceIds };
	}

	clear(technicianId: string): void {
		this.db.prepare("DELETE FROM active_tasks WHERE technician_id = ?").run(technicianId);
	}

	get(technicianId: string): ActiveTask | undefined {
		const row = this.db.prepare("SELECT * FROM active_tasks WHERE technician_id = ?").get(technicianId) as Row | undefined;
		return row ? this.toActive(row) : undefined;
	}

	/** Prepared once: forDevice() asks on every commit of readings, and preparing costs more than the query. */
	private selectAll: Database.Statement | undefined;

	all(): ActiveTask[] {
		this.selectAll ??= this.db.prepare("SELECT * FROM active_tasks ORDER BY technician_id");
		return (this.selectAll.all() as Row[]).map((row) => this.toActive(row));
	}

	/** Whose active task a reading from this device belongs to, if anyone's. */
	forDevice(deviceId: string): ActiveTask | undefined {
		const active = this.all();
		const holding = active.find((entry) => entry.deviceIds.includes(deviceId));
		if (holding) return holding;
		const unbound = active.filter((entry) => entry.deviceIds.length === 0);
		return active.length === 1 && unbound.length === 1 ? unbound[0] : undefined;
	}

	/**
	 * Why the technician may not stamp this stored reading on this task by hand, or undefined when
	 * they may. The reading's device must not be bound to another technician's active task (named
	 * in its deviceIds, or that task is the one unbound active task: automatic stamping gives it
	 * that device's readings). Then:
	 * - With an active task (auto-stamp on), only on that task, and only from a device bound to it:
	 *   named in its deviceIds, or, when its deviceIds are empty ("any device"), only while it is
	 *   the one active task and only readings received since it became active, the readings the
	 *   automatic stamping would have given it.
	 * - Without one (auto-stamp off, the technician app stamps by hand), only on a task in progress,
	 *   and only readings received since it started: no reaching back to another job's readings.
	 */
	manualStampRefusal(technicianId: string, task: Task, reading: { deviceId: string; receivedAt: number }): FieldchainError | undefined {
		const all = this.all();
		const active = all.find((entry) => entry.technicianId === technicianId);
		const { deviceId } = reading;
		const notBound = (why: string, hint: string) =>
			new FieldchainError(ErrorCodes.FC_EVIDENCE_DEVICE_NOT_BOUND, `Device "${deviceId}" ${why}; its reading cannot be stamped on task "${task.id}".`, {
				hint,
			});
		const others = all.filter((entry) => entry !== active);
		const heldBy = others.filter((entry) => entry.deviceIds.includes(deviceId) || (all.length === 1 && entry.deviceIds.length === 0));
		if (heldBy.length > 0) {
			return notBound(
				`is bound to the active task of ${heldBy.map((entry) => `"${entry.technicianId}"`).join(", ")}`,
				"A device is bound to one technician's active task at a time.",
			);
		}
		if (!active) {
			if (task.status !== "in-progress" || task.startedAt === null) {
				return new FieldchainError(ErrorCodes.FC_EVIDENCE_TASK_NOT_ACTIVE, `Task "${task.id}" is ${task.status}; readings are stamped on a task in progress.`, {
					hint: "Start the task first.",
				});
			}
			if (reading.receivedAt < task.startedAt) return notBound("sent this reading before the task started", "Stamp a reading taken during the task.");
			return undefined;
		}
		if (active.taskId !== task.id || active.workOrderId !== task.workOrderId) {
			return new FieldchainError(
				ErrorCodes.FC_EVIDENCE_TASK_NOT_ACTIVE,
				`Task "${task.id}" of work order "${task.workOrderId}" is not technician "${technicianId}"'s active task (${active.taskId}); with an active task, readings are stamped by hand only on it.`,
				{ hint: `Stamp on the active task, or turn auto-stamp off: DELETE /api/v1/technicians/${technicianId}/active-task.` },
			);
		}
		const nameIt = `Name the device in deviceIds: PUT /api/v1/technicians/${technicianId}/active-task with "deviceIds": ["${deviceId}"].`;
		if (active.deviceIds.length > 0) {
			return active.deviceIds.includes(deviceId) ? undefined : notBound(`is not among the devices of ${technicianId}'s active task`, nameIt);
		}
		if (others.length > 0) return notBound("is not named by the active task, and other technicians have active tasks", nameIt);
		if (reading.receivedAt < active.setAt) return notBound("is not named by the active task, and this reading came before the task became active", nameIt);
		return undefined;
	}

	private toActive(row: Row): ActiveTask {
		return {
			technicianId: row.technician_id,
			workOrderId: row.work_order_id,
			taskId: row.task_id,
			setAt: row.set_at,
			deviceIds: JSON.parse(row.device_ids) as string[],
		};
	}
}
