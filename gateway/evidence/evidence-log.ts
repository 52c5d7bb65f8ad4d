/**
 * The gateway's evidence log: one object the gateway, the local API, the uplink and the flows hold,
 * over its three parts: stamping (readings and posted evidence become chained records,
 * stamping.ts), the sealing policy (when a checkpoint is signed, sealing.ts), and the read view
 * (records of a task with outcome and status, checklist state, evidence-view.ts).
 */
import type Database from "better-sqlite3";
import type { Task } from "../../model/entities/task.js";
import type { Clock } from "../../platform/clock.js";
import type { Logger } from "../../platform/logger.js";
import { CheckpointPolicy } from "../../protocol/evidence/checkpoint.js";
import type { GatewayKey } from "../../protocol/evidence/keys.js";
import type { GatewayTime } from "../clock/gateway-time.js";
import type { DeviceRecord, ReadingRow } from "../store/reading-store.js";
import type { ActiveTasks } from "../work/active-tasks.js";
import type { WorkOrders } from "../work/work-orders.js";
import type { EvidenceBatches } from "./evidence-batches.js";
import { type ChecklistItemState, EvidenceReadView, type EvidenceView, type UplinkProgress } from "./evidence-view.js";
import { GatewayManifests } from "./manifests.js";
import { EvidenceSealer } from "./sealing.js";
import { EvidenceStamper, type ManualEvidenceInput, type ReadingEvidenceInput } from "./stamping.js";

export type { EvidenceView, UplinkProgress, UplinkStatus } from "./evidence-view.js";
export type { EvidenceOutcome, ManualEvidenceKind } from "./record-codes.js";
export type { ManualEvidenceInput, ReadingEvidenceInput } from "./stamping.js";
export { uuidV7 } from "./uuid.js";

export interface EvidenceLogOptions {
	db: Database.Database;
	/** The evidence tables over the same database, built once by the gateway and shared. */
	batches: EvidenceBatches;
	gatewayId: string;
	key: GatewayKey;
	workOrders: WorkOrders;
	activeTasks: ActiveTasks;
	device: (deviceId: string) => DeviceRecord | undefined;
	clock: Clock;
	/** The gateway's time and its quality (gateway/clock): records carry it (format 2). */
	time?: GatewayTime;
	logger: Logger;
	/** Seal at least every this many records... */
	sealEveryRecords?: number;
	/** ...or this many milliseconds after the first unsealed one. */
	sealEveryMs?: number;
	/** The uplink's cursor, for each record's status (without an uplink every record is "stored"). */
	uplinkProgress?: () => UplinkProgress;
	/** Told after a checkpoint covers records afterSeq+1..upToSeq (inside its transaction: only note it). */
	onSealed?: (afterSeq: number, upToSeq: number) => void;
}

export class EvidenceLog {
	readonly stats = { stamped: 0, unmatched: 0, stampFailures: 0, checkpoints: 0 };
	private readonly stamper: EvidenceStamper;
	private readonly sealer: EvidenceSealer;
	private readonly view: EvidenceReadView;

	constructor(options: EvidenceLogOptions) {
		const { sealEveryRecords: everyRecords, sealEveryMs: everyMs } = options;
		const policy = new CheckpointPolicy({ ...(everyRecords !== undefined ? { everyRecords } : {}), ...(everyMs !== undefined ? { everyMs } : {}) });
		const manifests = new GatewayManifests(options.db, options.batches);
		this.stamper = new EvidenceStamper({ ...options, manifests, stats: this.stats });
		this.sealer = new EvidenceSealer({ ...options, manifests, policy, head: () => this.stamper.head, headSeq: () => this.stamper.headSeq, stats: this.stats });
		this.view = new EvidenceReadView(options.batches, () => this.sealer.sealedUpTo, options.uplinkProgress);
		this.sealer.reload();
		// Records left unsealed by a crash are sealed soon after start, not only once new ones come
		// (the uplink sends sealed records only).
		this.sealer.arm();
	}

	/** Takes the chain head and caches back from the database (after a failed transaction). */
	reload(): void {
		this.stamper.reload();
		this.sealer.reload();
	}

	get headSeq(): number {
		return this.stamper.headSeq;
	}

	/**
	 * Called inside the readings transaction with the commit's new readings (the committer passes
	 * each reading once). A reading that cannot be stamped is logged and stays a plain reading;
	 * only a failure to store the batch or its checkpoint throws, which rolls the readings back too
	 * (nothing is acked, the devices re-send, and reload() puts the chain head back).
	 */
	stampReadings(rows: readonly ReadingRow[]): ReadingRow[] {
		const stamped = this.stamper.stampReadings(rows, () => this.sealer.sealIfFull());
		this.sealer.sealIfFull();
		this.sealer.arm();
		return stamped;
	}

	add(input: ManualEvidenceInput): EvidenceView {
		const stored = this.stamper.add(input);
		// Sign-off: a signature is sealed, with its work order's manifest, at once.
		if (input.kind === "signature") this.sealer.sealNow();
		else this.sealer.arm();
		return this.view.toView(stored);
	}

	/**
	 * Stamps a stored reading on the checklist item the caller names, with the outcome the
	 * matcher gives for that item; chained and sealed like every other record.
	 */
	addReading(input: ReadingEvidenceInput): EvidenceView {
		const stored = this.stamper.addReading(input);
		this.sealer.arm();
		return this.view.toView(stored);
	}

	/** Records afterSeq+1..upToSeq in chain order. */
	range(afterSeq: number, upToSeq: number): EvidenceView[] {
		return this.view.range(afterSeq, upToSeq);
	}

	forTask(workOrderId: string, taskId: string): EvidenceView[] {
		return this.view.forTask(workOrderId, taskId);
	}

	/** Each checklist item of the task and whether valid evidence satisfies it. */
	checklistState(task: Task): ChecklistItemState[] {
		return this.view.checklistState(task);
	}

	/** Signs a checkpoint over the chain head, if anything is unsealed. */
	seal(): void {
		this.sealer.seal();
	}

	/** Seals what is left and stops the timer. */
	close(): void {
		this.sealer.close();
	}
}
