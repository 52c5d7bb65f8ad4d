/**
 * Group commit: readings from every device session are queued and written to the store in one
 * transaction per event-loop turn (or sooner when the batch is full). Only after that
 * transaction returns does each session learn its new watermark and ack its device, so an acked
 * reading is always on disk, and one fsync pays for hundreds of readings.
 */
import { EventEmitter } from "node:events";
import { ErrorCodes, FieldchainError, isFieldchainError, toError } from "../../platform/errors.js";
import type { ReadingRow, ReadingStore, WatermarkUpdate } from "../store/reading-store.js";
import { BootWatermark } from "./boot-watermark.js";

/** Told the boot's watermark once the readings it submitted are durable (or were already). */
export type DurableListener = (ackedUpTo: number) => void;

export interface GroupCommitterOptions {
	store: ReadingStore;
	/** Flush at once when this many readings are queued. */
	maxBatch?: number;
	/** How a flush is deferred to the end of the current event-loop turn; tests may pass their own. */
	schedule?: (flush: () => void) => void;
	/**
	 * Runs inside each commit's transaction with the new rows, each reading once (evidence
	 * stamping). It must not throw for bad data (it would roll back the readings); see
	 * gateway/evidence/evidence-log.ts.
	 */
	stamp?: (rows: readonly ReadingRow[]) => void;
}

export interface CommitStats {
	commits: number;
	inserted: number;
	duplicates: number;
	failedCommits: number;
	lastCommitMs: number;
}

export interface CommittedEvent {
	inserted: number;
	duplicates: number;
	durationMs: number;
}

interface QueuedReading {
	row: ReadingRow;
	listener: DurableListener;
}

interface TouchedBoot {
	deviceId: string;
	bootId: string;
	watermark: BootWatermark;
	newSeqs: number[];
	listeners: Set<DurableListener>;
}

export class GroupCommitter extends EventEmitter<{ committed: [CommittedEvent]; commitError: [FieldchainError] }> {
	readonly stats: CommitStats = { commits: 0, inserted: 0, duplicates: 0, failedCommits: 0, lastCommitMs: 0 };
	private queue: QueuedReading[] = [];
	private flushScheduled = false;
	private readonly watermarks = new Map<string, BootWatermark>();
	private readonly store: ReadingStore;
	private readonly maxBatch: number;
	private readonly schedule: (flush: () => void) => void;
	private readonly stamp: ((rows: readonly ReadingRow[]) => void) | undefined;

	constructor(options: GroupCommitterOptions) {
		super();
		this.store = options.store;
		this.maxBatch = options.maxBatch ?? 8192;
		this.schedule = options.schedule ?? ((flush) => setImmediate(flush));
		this.stamp = options.stamp;
	}

	get queued(): number {
		return this.queue.length;
	}

	/** Where a boot stands, loading it from the store on first use. */
	watermark(deviceId: string, bootId: string): BootWatermark {
		const key = `${deviceId}\u0000${bootId}`;
		let watermark = this.watermarks.get(key);
		if (!watermark) {
			watermark = new BootWatermark(this.store.loadBoot(deviceId, bootId));
			this.watermarks.set(key, watermark);
		}
		return watermark;
	}

	submit(row: ReadingRow, listener: DurableListener): void {
		this.queue.push({ row, listener });
		if (this.queue.length >= this.maxBatch) {
			this.flush();
			return;
		}
		if (!this.flushScheduled) {
			this.flushScheduled = true;
			this.schedule(() => {
				this.flushScheduled = false;
				this.flush();
			});
		}
	}

	/** Writes everything queued in one transaction, then tells the listeners. Never throws. */
	flush(): void {
		if (this.queue.length === 0) return;
		const batch = this.queue;
		this.queue = [];
		const touched = new Map<BootWatermark, TouchedBoot>();
		const rows: ReadingRow[] = [];
		let knownDuplicates = 0;
		for (const { row, listener } of batch) {
			const watermark = this.watermark(row.deviceId, row.bootId);
			let boot = touched.get(watermark);
			if (!boot) {
				boot = { deviceId: row.deviceId, bootId: row.bootId, watermark, newSeqs: [], listeners: new Set() };
				touched.set(watermark, boot);
			}
			boot.listeners.add(listener);
			// Marked at once, so a reading re-sent while its first copy is still queued is a
			// duplicate here too: the store and the stamp hook see each reading once. If the
			// commit fails, these watermarks are thrown away (below).
			if (watermark.has(row.seq)) {
				knownDuplicates++;
				continue;
			}
			watermark.add(row.seq);
			rows.push(row);
			boot.newSeqs.push(row.seq);
		}

		const updates: WatermarkUpdate[] = [];
		for (const boot of touched.values()) {
			if (boot.newSeqs.length === 0) continue;
			updates.push({ deviceId: boot.deviceId, bootId: boot.bootId, ackedUpTo: boot.watermark.ackedUpTo });
		}

		const started = performance.now();
		try {
			const stamp = this.stamp;
			const outcome = rows.length > 0 ? this.store.commit(rows, updates, stamp && (() => stamp(rows))) : { inserted: 0, duplicates: 0 };
			const durationMs = performance.now() - started;
			this.stats.commits++;
			this.stats.inserted += outcome.inserted;
			this.stats.duplicates += outcome.duplicates + knownDuplicates;
			this.stats.lastCommitMs = durationMs;
			this.emit("committed", { inserted: outcome.inserted, duplicates: outcome.duplicates + knownDuplicates, durationMs });
		} catch (cause) {
			// Nothing of this batch is acked; the in-memory watermarks may be ahead of the disk, so
			// forget them and reload from the store next time. Devices re-send what was not acked.
			for (const boot of touched.values()) this.watermarks.delete(`${boot.deviceId}\u0000${boot.bootId}`);
			this.stats.failedCommits++;
			const error = isFieldchainError(cause)
				? cause
				: new FieldchainError(ErrorCodes.FC_STORE_WRITE, `Group commit of ${rows.length} readings failed: ${toError(cause).message}`, { cause });
			this.emit("commitError", error);
			return;
		}
		for (const boot of touched.values()) {
			for (const listener of boot.listeners) listener(boot.watermark.ackedUpTo);
		}
	}
}
