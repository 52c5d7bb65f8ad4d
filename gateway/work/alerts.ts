/**
 * Alerts for the technician (threshold crossed, probe missing, a flow's own warnings), raised by
 * flows or POST /api/v1/alerts and listed by GET /api/v1/alerts for the technician app. Kept in
 * the gateway's database, so an alert raised offline is still there after a restart.
 */
import type Database from "better-sqlite3";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { GatewayAlert } from "../events.js";

export type AlertSeverity = GatewayAlert["severity"];
export const ALERT_SEVERITIES: readonly AlertSeverity[] = ["info", "warning", "critical"];

export interface AlertInput {
	severity: AlertSeverity;
	title: string;
	message?: string;
	source: string;
	deviceId?: string;
	workOrderId?: string;
	taskId?: string;
	technicianId?: string;
	data?: unknown;
}

interface Row {
	id: number;
	severity: AlertSeverity;
	title: string;
	message: string;
	source: string;
	device_id: string | null;
	work_order_id: string | null;
	task_id: string | null;
	technician_id: string | null;
	data: string | null;
	created_at: number;
}

/** 16 KiB of JSON is plenty for context; an alert is not a data channel. */
const MAX_DATA_BYTES = 16 * 1024;

export class Alerts {
	constructor(private readonly db: Database.Database) {
		// Its table: gateway/store/migrations.ts, version 6.
	}

	raise(input: AlertInput, now: number): GatewayAlert {
		if (!ALERT_SEVERITIES.includes(input.severity)) {
			throw new FieldchainError(ErrorCodes.FC_ALERT_INVALID, `Alert severity must be one of ${ALERT_SEVERITIES.join(", ")} (got "${String(input.severity)}").`);
		}
		if (typeof input.title !== "string" || input.title.trim() === "" || input.title.length > 200) {
			throw new FieldchainError(ErrorCodes.FC_ALERT_INVALID, "Alert title must be a non-empty string of at most 200 characters.");
		}
		const data = input.data === undefined ? null : JSON.stringify(input.data);
		if (data !== null && Buffer.byteLength(data) > MAX_DATA_BYTES) {
			throw new FieldchainError(ErrorCodes.FC_ALERT_INVALID, `Alert data is ${Buffer.byteLength(data)} bytes of JSON; the limit is ${MAX_DATA_BYTES}.`);
		}
		const info = this.db
			.prepare(
				"INSERT INTO alerts (severity, title, message, source, device_id, work_order_id, task_id, technician_id, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			)
			.run(
				input.severity,
				input.title,
				input.message ?? "",
				input.source,
				input.deviceId ?? null,
				input.workOrderId ?? null,
				input.taskId ?? null,
				input.technicianId ?? null,
				data,
				now,
			);
		return this.get(Number(info.lastInsertRowid))!;
	}

	get(id: number): GatewayAlert | undefined {
		const row = this.db.prepare("SELECT * FROM alerts WHERE id = ?").get(id) as Row | undefined;
		return row ? fromRow(row) : undefined;
	}

	/** Newest last; `afterId` pages forward (an app polls with the last id it saw). */
	list(options: { afterId?: number; limit?: number; technicianId?: string } = {}): GatewayAlert[] {
		const rows = this.db
			.prepare("SELECT * FROM alerts WHERE id > ? AND (? IS NULL OR technician_id IS NULL OR technician_id = ?) ORDER BY id LIMIT ?")
			.all(options.afterId ?? 0, options.technicianId ?? null, options.technicianId ?? null, options.limit ?? 100) as Row[];
		return rows.map(fromRow);
	}
}

function fromRow(row: Row): GatewayAlert {
	return {
		id: row.id,
		severity: row.severity,
		title: row.title,
		message: row.message,
		source: row.source,
		deviceId: row.device_id,
		workOrderId: row.work_order_id,
		taskId: row.task_id,
		technicianId: row.technician_id,
		data: row.data === null ? null : JSON.parse(row.data),
		createdAt: new Date(row.created_at).toISOString(),
	};
}
