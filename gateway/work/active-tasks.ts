/**
 * The task each technician is working on now, kept in the gateway's database so it survives a
 * restart. Readings from a device go to the active task of the technician holding that device
 * (deviceIds), or, when only one technician has an active task, to that one.
 */
import type Database from "better-sqlite3";
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

	all(): ActiveTask[] {
		return (this.db.prepare("SELECT * FROM active_tasks ORDER BY technician_id").all() as Row[]).map((row) => this.toActive(row));
	}

	/** Whose active task a reading from this device belongs to, if anyone's. */
	forDevice(deviceId: string): ActiveTask | undefined {
		const active = this.all();
		const holding = active.find((entry) => entry.deviceIds.includes(deviceId));
		if (holding) return holding;
		const unbound = active.filter((entry) => entry.deviceIds.length === 0);
		return active.length === 1 && unbound.length === 1 ? unbound[0] : undefined;
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
