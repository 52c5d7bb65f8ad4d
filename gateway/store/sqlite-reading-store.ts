/**
 * ReadingStore on SQLite (better-sqlite3) in WAL mode. Every commit() is one transaction, so a
 * reading and the watermark that acknowledges it become durable together: after a crash the
 * gateway never acks a reading it does not hold.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { TransportKind } from "../../protocol/link.js";
import { migrate } from "./migrations.js";
import type { BootState, CommitOutcome, DeviceIdentity, DeviceRecord, ReadingQuery, ReadingRow, ReadingStore, WatermarkUpdate } from "./reading-store.js";

/** How long a write waits for another connection's lock before it fails with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 100;

export interface SqliteReadingStoreOptions {
	/** Database file; ":memory:" for throw-away tests. */
	path: string;
	/**
	 * "full" (default) fsyncs every commit: a reading acked to a device survives a power cut.
	 * "normal" survives a process crash but not a power cut; faster on slow flash.
	 */
	durability?: "full" | "normal";
	/** Opens the connection; default better-sqlite3. node:sqlite's adapter (node-sqlite-compat.ts) is measured against it. */
	open?: (path: string) => Database.Database;
}

interface DeviceRow {
	device_id: string;
	model: string;
	hardware_revision: string;
	firmware_version: string;
	serial_number: string;
	protocol_major: number;
	protocol_minor: number;
	capabilities: string;
	calibration: string | null;
	last_boot_id: string;
	transport: string;
	first_seen_at: number;
	last_seen_at: number;
	readings_stored: number;
}

/** Boot refs (device, boot) -> boots.id cached in memory. */
const MAX_CACHED_BOOT_REFS = 4096;

export class SqliteReadingStore implements ReadingStore {
	private readonly db: Database.Database;
	private readonly bootRefs = new Map<string, number>();
	private readonly statements;
	private readonly commitTransaction: (rows: readonly ReadingRow[], watermarks: readonly WatermarkUpdate[], alsoInTransaction?: () => void) => CommitOutcome;

	constructor(options: SqliteReadingStoreOptions) {
		this.db = openDatabase(options.path, options.open);
		this.db.pragma("journal_mode = WAL");
		this.db.pragma(`synchronous = ${options.durability === "normal" ? "NORMAL" : "FULL"}`);
		// better-sqlite3 waits for a lock synchronously, on the event loop: while another process holds
		// the write lock, every wait stalls the whole gateway (API, broker, serial). So the wait is short
		// and SQLITE_BUSY is a failed write like any other: the group commit acks nothing of it and the
		// devices re-send (gateway/ingest/group-committer.ts). Readers never wait in WAL mode.
		this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
		migrate(this.db);
		const db = this.db;
		this.statements = {
			upsertDevice: db.prepare(`
				INSERT INTO devices (device_id, model, hardware_revision, firmware_version, serial_number, protocol_major,
					protocol_minor, capabilities, calibration, last_boot_id, transport, first_seen_at, last_seen_at)
				VALUES (@deviceId, @model, @hardwareRevision, @firmwareVersion, @serialNumber, @protocolMajor,
					@protocolMinor, @capabilities, @calibration, @bootId, @transport, @seenAt, @seenAt)
				ON CONFLICT (device_id) DO UPDATE SET model = excluded.model, hardware_revision = excluded.hardware_revision,
					firmware_version = excluded.firmware_version, serial_number = excluded.serial_number,
					protocol_major = excluded.protocol_major, protocol_minor = excluded.protocol_minor,
					capabilities = excluded.capabilities, calibration = excluded.calibration,
					last_boot_id = excluded.last_boot_id, transport = excluded.transport, last_seen_at = excluded.last_seen_at`),
			insertBoot: db.prepare("INSERT OR IGNORE INTO boots (device_id, boot_id) VALUES (?, ?)"),
			selectBoot: db.prepare("SELECT id, acked_up_to FROM boots WHERE device_id = ? AND boot_id = ?"),
			storedAbove: db.prepare("SELECT seq FROM readings WHERE boot_ref = ? AND seq > ? ORDER BY seq").pluck(),
			insertReading: db.prepare(`
				INSERT OR IGNORE INTO readings (boot_ref, seq, device_time_us, quantity, value, unit, flags, channel, received_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
			updateWatermark: db.prepare("UPDATE boots SET acked_up_to = max(acked_up_to, ?) WHERE id = ?"),
			addStored: db.prepare("UPDATE devices SET readings_stored = readings_stored + ? WHERE device_id = ?"),
			getDevice: db.prepare("SELECT * FROM devices WHERE device_id = ?"),
			listDevices: db.prepare("SELECT * FROM devices ORDER BY device_id"),
			listReadings: db.prepare(`
				SELECT seq, device_time_us, quantity, value, unit, flags, channel, received_at FROM readings
				WHERE boot_ref = ? AND seq > ? ORDER BY seq LIMIT ?`),
			countReadings: db.prepare("SELECT count(*) FROM readings").pluck(),
		};
		this.commitTransaction = db.transaction((rows: readonly ReadingRow[], watermarks: readonly WatermarkUpdate[], alsoInTransaction?: () => void) => {
			const insert = this.statements.insertReading;
			const insertedPerDevice = new Map<string, number>();
			let inserted = 0;
			for (const row of rows) {
				const ref = this.bootRef(row.deviceId, row.bootId);
				const changes = insert.run(ref, row.seq, row.deviceTimeUs, row.quantity, row.value, row.unit, row.flags, row.channel, row.receivedAt).changes;
				if (changes === 0) continue;
				inserted++;
				insertedPerDevice.set(row.deviceId, (insertedPerDevice.get(row.deviceId) ?? 0) + 1);
			}
			for (const [deviceId, count] of insertedPerDevice) this.statements.addStored.run(count, deviceId);
			for (const update of watermarks) this.statements.updateWatermark.run(update.ackedUpTo, this.bootRef(update.deviceId, update.bootId));
			alsoInTransaction?.();
			return { inserted, duplicates: rows.length - inserted };
		});
	}

	recordHello(identity: DeviceIdentity): void {
		this.write(() => {
			this.statements.upsertDevice.run({
				...identity,
				capabilities: JSON.stringify(identity.capabilities),
				calibration: identity.calibration ? JSON.stringify(identity.calibration) : null,
			});
			this.bootRef(identity.deviceId, identity.bootId);
		});
	}

	loadBoot(deviceId: string, bootId: string): BootState {
		const boot = this.statements.selectBoot.get(deviceId, bootId) as { id: number; acked_up_to: number } | undefined;
		if (!boot) return { ackedUpTo: 0, storedAbove: [] };
		return { ackedUpTo: boot.acked_up_to, storedAbove: this.statements.storedAbove.all(boot.id, boot.acked_up_to) as number[] };
	}

	commit(rows: readonly ReadingRow[], watermarks: readonly WatermarkUpdate[], alsoInTransaction?: () => void): CommitOutcome {
		return this.write(() => this.commitTransaction(rows, watermarks, alsoInTransaction));
	}

	/** The connection, for stores that must write in the same transactions (evidence). */
	get database(): Database.Database {
		return this.db;
	}

	getDevice(deviceId: string): DeviceRecord | undefined {
		const row = this.statements.getDevice.get(deviceId) as DeviceRow | undefined;
		return row ? toDeviceRecord(row) : undefined;
	}

	listDevices(): DeviceRecord[] {
		return (this.statements.listDevices.all() as DeviceRow[]).map(toDeviceRecord);
	}

	listReadings(deviceId: string, query: ReadingQuery = {}): ReadingRow[] {
		const bootId = query.bootId ?? this.getDevice(deviceId)?.bootId;
		if (bootId === undefined) return [];
		const boot = this.statements.selectBoot.get(deviceId, bootId) as { id: number } | undefined;
		if (!boot) return [];
		const rows = this.statements.listReadings.all(boot.id, query.afterSeq ?? 0, query.limit ?? 1000) as Array<{
			seq: number;
			device_time_us: number;
			quantity: string;
			value: number | null;
			unit: string;
			flags: number;
			channel: string;
			received_at: number;
		}>;
		return rows.map((row) => ({
			deviceId,
			bootId,
			seq: row.seq,
			deviceTimeUs: row.device_time_us,
			quantity: row.quantity,
			value: row.value ?? Number.NaN,
			unit: row.unit,
			flags: row.flags,
			channel: row.channel,
			receivedAt: row.received_at,
		}));
	}

	countReadings(): number {
		return this.statements.countReadings.get() as number;
	}

	close(): void {
		if (this.db.open) this.db.close();
	}

	private bootRef(deviceId: string, bootId: string): number {
		const key = `${deviceId}\u0000${bootId}`;
		let ref = this.bootRefs.get(key);
		if (ref === undefined) {
			this.statements.insertBoot.run(deviceId, bootId);
			ref = (this.statements.selectBoot.get(deviceId, bootId) as { id: number }).id;
			// A cache, bounded: a device churning boot ids must not grow it (the oldest entry goes; the row stays).
			if (this.bootRefs.size >= MAX_CACHED_BOOT_REFS) this.bootRefs.delete(this.bootRefs.keys().next().value as string);
			this.bootRefs.set(key, ref);
		}
		return ref;
	}

	/** Turns SQLite failures into FC_STORE_WRITE with advice; the caller keeps its data. */
	private write<T>(work: () => T): T {
		if (!this.db.open) throw new FieldchainError(ErrorCodes.FC_STORE_CLOSED, "The reading store is closed.");
		try {
			return work();
		} catch (cause) {
			const code = (cause as { code?: string }).code ?? "";
			const hint =
				code === "SQLITE_FULL"
					? "The disk is full: free space in the data directory. Devices keep their unacknowledged readings meanwhile."
					: code === "SQLITE_READONLY"
						? "The data directory is read-only: check its permissions."
						: code.startsWith("SQLITE_BUSY")
							? "Another process holds the database's write lock (a sqlite3 shell, a backup?); nothing was acknowledged and devices will send the readings again once it lets go."
							: "Nothing was acknowledged; devices will send the readings again.";
			throw new FieldchainError(ErrorCodes.FC_STORE_WRITE, `Could not write to the reading store (${code || (cause as Error).message}).`, {
				cause,
				hint,
			});
		}
	}
}

function openDatabase(path: string, open: (path: string) => Database.Database = (file) => new Database(file)): Database.Database {
	try {
		if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
		return open(path);
	} catch (cause) {
		throw new FieldchainError(ErrorCodes.FC_STORE_OPEN, `Cannot open the database ${path}: ${(cause as Error).message}.`, {
			cause,
			hint: "Check that --data-dir points to a writable directory.",
		});
	}
}

function toDeviceRecord(row: DeviceRow): DeviceRecord {
	return {
		deviceId: row.device_id,
		model: row.model,
		hardwareRevision: row.hardware_revision,
		firmwareVersion: row.firmware_version,
		serialNumber: row.serial_number,
		protocolMajor: row.protocol_major,
		protocolMinor: row.protocol_minor,
		capabilities: JSON.parse(row.capabilities),
		calibration: row.calibration ? JSON.parse(row.calibration) : undefined,
		bootId: row.last_boot_id,
		transport: row.transport as TransportKind,
		firstSeenAt: row.first_seen_at,
		lastSeenAt: row.last_seen_at,
		readingsStored: row.readings_stored,
	};
}
