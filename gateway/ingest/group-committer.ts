/**
 * Group commit: readings from every device session are queued and written to the store in one
 * transaction per event-loop turn (or sooner when the batch is full). Only after that
 * transaction returns does each session learn its new watermark and ack its device, so an acked
 * reading is always on disk, and one fsync pays for hundreds of readings. The watermarks kept in
 * memory are bounded (MAX_TRACKED_BOOTS, least recently used first out: the store has them), and
 * so are the gaps within one boot (BootWatermark): a device churning boot ids or skipping seqs
 * cannot grow the gateway's memory.
 */
import { EventEmitter } from "node:events";
import { ErrorCodes, FieldchainError, isFieldchainError, toError } from "../../platform/errors.js";
import type { ReadingRow, ReadingStore, WatermarkUpdate } from "../store/reading-store.js";
import { BootWatermark } from "./boot-watermark.js";

/**
 * Told the boot's watermark once the readings it submitted are durable (or were already), with
 * the lowest runs stored above a gap (at most MAX_SACK_RANGES; empty when there is no gap) and
 * the boot they belong to. Called once per commit that touched the boot, so while a gap is open
 * every commit yields a (duplicate) ack: the device's signal to re-send what is missing.
 */
export type DurableListener = (ackedUpTo: number, storedAbove: readonly SeqRange[], bootId: string) => void;

/** An inclusive run of stored seqs above the watermark. */
export interface SeqRange {
	first: number;
	last: number;
}

/** Runs reported per ack (protocol/README.md, "Fast recovery": the lowest runs, as many as fit). */
export const MAX_SACK_RANGES = 64;

/** Told of a reading not stored because its boot has too many gaps (the device re-sends it later). */
export type RefusedListener = (row: ReadingRow) => void;

const NO_RANGES: readonly SeqRange[] = Object.freeze([]);

/** Boots whose watermark stays in memory; one evicted is loaded from the store again when needed. */
export const MAX_TRACKED_BOOTS = 1024;

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
	/** Watermarks kept in memory (default MAX_TRACKED_BOOTS). */
	maxTrackedBoots?: number;
}

export interface CommitStats {
	commits: number;
	inserted: number;
	duplicates: number;
	failedCommits: number;
	lastCommitMs: number;
	/** Readings not stored because their boot had too many gaps (BootWatermark's bound). */
	refusedGaps: number;
}

export interface CommittedEvent {
	inserted: number;
	duplicates: number;
	durationMs: number;
}

interface QueuedReading {
	row: ReadingRow;
	listener: DurableListener;
	refused: RefusedListener | undefined;
}

interface TouchedBoot {
	deviceId: string;
	bootId: string;
	watermark: BootWatermark;
	newSeqs: number[];
	listeners: Set<DurableListener>;
}

export class GroupCommitter extends EventEmitter<{ committed: [CommittedEvent]; commitError: [FieldchainError] }> {
	readonly stats: CommitStats = { commits: 0, inserted: 0, duplicates: 0, failedCommits: 0, lastCommitMs: 0, refusedGaps: 0 };
	private queue: QueuedReading[] = [];
	private flushScheduled = false;
	private readonly watermarks = new Map<string, BootWatermark>();
	private readonly store: ReadingStore;
	private readonly maxBatch: number;
	private readonly schedule: (flush: () => void) => void;
	private readonly stamp: ((rows: readonly ReadingRow[]) => void) | undefined;
	private readonly maxTrackedBoots: number;
	private flushing = false;

	constructor(options: GroupCommitterOptions) {
		super();
		this.store = options.store;
		this.maxBatch = options.maxBatch ?? 8192;
		this.schedule = options.schedule ?? ((flush) => setImmediate(flush));
		this.stamp = options.stamp;
		this.maxTrackedBoots = options.maxTrackedBoots ?? MAX_TRACKED_BOOTS;
	}

	/** Watermarks held in memory (bounded by maxTrackedBoots between flushes). */
	get trackedBoots(): number {
		return this.watermarks.size;
	}

	get queued(): number {
		return this.queue.length;
	}

	/** Where a boot stands, loading it from the store on first use. */
	watermark(deviceId: string, bootId: string): BootWatermark {
		const key = `${deviceId}\u0000${bootId}`;
		const watermark = this.lookup(key, deviceId, bootId);
		// Most recently used last; the least recently used go first when over the bound.
		this.watermarks.delete(key);
		this.watermarks.set(key, watermark);
		this.trim();
		return watermark;
	}

	submit(row: ReadingRow, listener: DurableListener, refused?: RefusedListener): void {
		this.queue.push({ row, listener, refused });
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
		this.flushing = true;
		try {
			this.flushBatch();
		} finally {
			this.flushing = false;
			this.trim();
		}
	}

	private flushBatch(): void {
		const batch = this.queue;
		this.queue = [];
		const touched = new Map<BootWatermark, TouchedBoot>();
		const rows: ReadingRow[] = [];
		let knownDuplicates = 0;
		for (const { row, listener, refused } of batch) {
			const key = `${row.deviceId}\u0000${row.bootId}`;
			const watermark = this.lookup(key, row.deviceId, row.bootId);
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
			if (!watermark.accepts(row.seq)) {
				// Too many gaps in this boot: not stored, not acked; the device re-sends it later.
				this.stats.refusedGaps++;
				refused?.(row);
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
			// Touched boots become the most recently used.
			const key = `${boot.deviceId}\u0000${boot.bootId}`;
			if (this.watermarks.get(key) === boot.watermark) {
				this.watermarks.delete(key);
				this.watermarks.set(key, boot.watermark);
			}
			// Read after the commit returned: every seq in these runs is on disk (durable before ack).
			const storedAbove = boot.watermark.gapRuns > 0 ? boot.watermark.ranges(MAX_SACK_RANGES) : NO_RANGES;
			for (const listener of boot.listeners) listener(boot.watermark.ackedUpTo, storedAbove, boot.bootId);
		}
	}

	private lookup(key: string, deviceId: string, bootId: string): BootWatermark {
		let watermark = this.watermarks.get(key);
		if (!watermark) {
			watermark = new BootWatermark(this.store.loadBoot(deviceId, bootId));
			this.watermarks.set(key, watermark);
		}
		return watermark;
	}

	/** Drops the least recently used watermarks over the bound; never during a flush (its batch holds them). */
	private trim(): void {
		if (this.flushing) return;
		for (const key of this.watermarks.keys()) {
			if (this.watermarks.size <= this.maxTrackedBoots) return;
			this.watermarks.delete(key);
		}
	}
}
