/**
 * The gateway's evidence log: readings matched to the active task's checklist, and evidence
 * posted through the local API, become records in one hash chain per gateway, stored in SQLite
 * and sealed by signed checkpoints (protocol/evidence/README.md has the formats).
 *
 * Readings are stamped inside the same transaction that stores them (GroupCommitter's stamp
 * hook), so a reading and its evidence are durable together; the records of one commit are
 * stored as one batch row (evidence-batches.ts). The chain head lives in memory for speed; when
 * a transaction fails, reload() takes it back from the database.
 */
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type { Clock } from "../../platform/clock.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { type ChainedBytes, contentHash, EvidenceChain, type EvidenceRecordInit, initialChainState } from "../../protocol/evidence/chain.js";
import { signCheckpoint } from "../../protocol/evidence/checkpoint.js";
import type { GatewayKey } from "../../protocol/evidence/keys.js";
import {
	decodeRecord,
	EvidenceKind as Kind,
	EvidenceOutcome as Outcome,
	ReadingRecordTemplate,
	type ReadingTemplateFields,
	type ReadingVaryingFields,
	SignerRole,
} from "../../protocol/evidence/record.js";
import type { ChecklistItem, Task } from "../../model/entities/task.js";
import type { Logger } from "../../platform/logger.js";
import type { DeviceRecord, ReadingRow } from "../store/reading-store.js";
import type { ActiveTask, ActiveTasks } from "../work/active-tasks.js";
import type { WorkOrders } from "../work/work-orders.js";
import type { AttachmentInfo } from "./attachments.js";
import { type BatchEntry, EvidenceBatches, type StoredRecord } from "./evidence-batches.js";
import { matchReading, type ReadingOutcome } from "./match-reading.js";

type RecordInit = EvidenceRecordInit;

export type ManualEvidenceKind = "photo" | "note" | "acknowledgement" | "signature";
export type UplinkStatus = "stored" | "uploaded" | "receipted";

/** How far the uplink has taken the chain (gateway/uplink); chain seqs at or below are uploaded / receipted. */
export interface UplinkProgress {
	uploadedUpTo: number;
	receiptedUpTo: number;
}
export type EvidenceOutcome = ReadingOutcome | "recorded";

export interface EvidenceView {
	id: string;
	chainSeq: number;
	workOrderId: string;
	taskId: string;
	checklistItemId: string;
	kind: string;
	outcome: EvidenceOutcome;
	/** stored on this gateway; uploaded: sent to the cloud, no receipt yet; receipted: the cloud's receipt covers it. */
	status: UplinkStatus;
	sealed: boolean;
	contentHash: string;
	createdAt: string;
}

export interface ManualEvidenceInput {
	technicianId: string;
	workOrderId: string;
	task: Task;
	checklistItemId: string;
	kind: ManualEvidenceKind;
	text?: string;
	signerRole?: "customer" | "technician";
	attachment?: AttachmentInfo;
}

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

/** A stored reading that a caller (a Node-RED flow) stamps on a checklist item it names. */
export interface ReadingEvidenceInput {
	technicianId: string;
	task: Task;
	checklistItemId: string;
	reading: ReadingRow;
}

const OUTCOME_CODES: Record<EvidenceOutcome, number> = {
	pass: Outcome.OUTCOME_PASS,
	"fail-out-of-range": Outcome.OUTCOME_FAIL_OUT_OF_RANGE,
	"fail-out-of-calibration": Outcome.OUTCOME_FAIL_OUT_OF_CALIBRATION,
	recorded: Outcome.OUTCOME_NOT_EVALUATED,
};

const KIND_CODES: Record<string, number> = {
	reading: Kind.KIND_READING,
	photo: Kind.KIND_PHOTO,
	note: Kind.KIND_NOTE,
	acknowledgement: Kind.KIND_ACKNOWLEDGEMENT,
	signature: Kind.KIND_SIGNATURE,
};

const OUTCOME_NAMES = new Map<number, EvidenceOutcome>(Object.entries(OUTCOME_CODES).map(([name, code]) => [code, name as EvidenceOutcome]));
const KIND_NAMES = new Map<number, string>(Object.entries(KIND_CODES).map(([name, code]) => [code, name]));

export class EvidenceLog {
	readonly stats = { stamped: 0, unmatched: 0, stampFailures: 0, checkpoints: 0 };
	private chain!: EvidenceChain;
	private sealedUpTo = 0;
	private readonly satisfied = new Map<string, Set<string>>();
	private sealTimer: ReturnType<Clock["setTimeout"]> | undefined;
	private readonly statements;
	private readonly batches: EvidenceBatches;
	/** Records chained in the current transaction, stored as one batch when it ends. */
	private pending: BatchEntry[] = [];
	private lastBoot = { hex: "", bytes: Buffer.alloc(0) };
	private readonly sealEveryRecords: number;
	private readonly sealEveryMs: number;

	constructor(private readonly options: EvidenceLogOptions) {
		const db = options.db;
		this.sealEveryRecords = options.sealEveryRecords ?? 1000;
		this.sealEveryMs = options.sealEveryMs ?? 1000;
		this.batches = options.batches;
		this.statements = {
			lastCheckpoint: db.prepare("SELECT max(chain_seq) FROM evidence_checkpoints").pluck(),
			insertCheckpoint: db.prepare("INSERT INTO evidence_checkpoints (chain_seq, canonical, created_at) VALUES (?, ?, ?)"),
		};
		this.reload();
		// Records left unsealed by a crash are sealed soon after start, not only once new ones come
		// (the uplink sends sealed records only).
		this.armSealTimer();
	}

	/** Takes the chain head and caches back from the database (after a failed transaction). */
	reload(): void {
		const head = this.batches.head();
		this.chain = new EvidenceChain(head ? { nextSeq: head.chainSeq + 1, headHash: head.entryHash } : initialChainState());
		this.pending = [];
		this.sealedUpTo = (this.statements.lastCheckpoint.get() as number | null) ?? 0;
		this.satisfied.clear();
	}

	get headSeq(): number {
		return this.chain.state.nextSeq - 1;
	}

	/**
	 * Called inside the readings transaction with the commit's new readings (the committer passes
	 * each reading once). A reading that cannot be stamped is logged and stays a plain reading;
	 * only a failure to store the batch throws, which rolls the readings back too (nothing is
	 * acked, the devices re-send, and reload() puts the chain head back).
	 */
	stampReadings(rows: readonly ReadingRow[]): ReadingRow[] {
		// Per commit, not per reading: who holds each device, and what the device said in its hello.
		const context = new Map<string, StampContext>();
		const stamped: ReadingRow[] = [];
		for (const row of rows) {
			try {
				let device = context.get(row.deviceId);
				if (!device) {
					device = this.contextFor(row.deviceId);
					context.set(row.deviceId, device);
				}
				if (this.stampReading(row, device)) stamped.push(row);
			} catch (error) {
				this.stats.stampFailures++;
				this.options.logger.error({ err: error, deviceId: row.deviceId, seq: row.seq }, "could not stamp a reading as evidence; it stays stored as a reading");
			}
			// A checkpoint never covers more than sealEveryRecords records, even in a big commit: the
			// uplink sends whole checkpoint spans, and the cloud caps a batch's size. A failure here
			// rolls the commit back (nothing acked), like the seal after the loop.
			if (this.headSeq - this.sealedUpTo >= this.sealEveryRecords) this.seal();
		}
		this.storePending();
		if (this.headSeq - this.sealedUpTo >= this.sealEveryRecords) this.seal();
		this.armSealTimer();
		return stamped;
	}

	add(input: ManualEvidenceInput): EvidenceView {
		const item = findItem(input.task, input.checklistItemId);
		if (item.requirement.kind !== input.kind) {
			throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, `Checklist item "${item.id}" asks for a ${item.requirement.kind}, not a ${input.kind}.`);
		}
		const now = this.options.clock.now();
		const record: RecordInit = {
			id: uuidV7(now),
			gatewayId: this.options.gatewayId,
			workOrderId: input.workOrderId,
			taskId: input.task.id,
			checklistItemId: item.id,
			technicianId: input.technicianId,
			kind: KIND_CODES[input.kind],
			gatewayTimeMs: now,
			outcome: OUTCOME_CODES.recorded,
			text: input.text ?? (item.requirement.kind === "acknowledgement" ? item.requirement.statement : ""),
			signerRole: input.signerRole === "customer" ? SignerRole.SIGNER_ROLE_CUSTOMER : input.signerRole === "technician" ? SignerRole.SIGNER_ROLE_TECHNICIAN : SignerRole.SIGNER_ROLE_UNSPECIFIED,
			...(input.attachment
				? { attachmentSha256: Buffer.from(input.attachment.sha256, "hex"), attachmentMediaType: input.attachment.mediaType, attachmentSize: input.attachment.size }
				: {}),
		};
		return this.appendOne(() => this.chain.append(record), { workOrderId: input.workOrderId, taskId: input.task.id, checklistItemId: item.id }, "recorded");
	}

	/**
	 * Stamps a stored reading on the checklist item the caller names, with the outcome the
	 * matcher gives for that item; chained and sealed like every other record.
	 */
	addReading(input: ReadingEvidenceInput): EvidenceView {
		const item = findItem(input.task, input.checklistItemId);
		const row = input.reading;
		if (item.requirement.kind !== "reading") {
			throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, `Checklist item "${item.id}" asks for a ${item.requirement.kind}, not a reading.`);
		}
		const device = this.options.device(row.deviceId);
		const match = matchReading(
			{ ...input.task, checklist: [item] },
			{ quantity: row.quantity, value: row.value, unit: row.unit, capturedAt: row.receivedAt, calibrationDueAt: device?.calibration?.dueAt || undefined },
			new Set(),
		);
		if (!match) {
			const wanted = item.requirement;
			throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, `Checklist item "${item.id}" needs ${wanted.quantity} in a unit convertible to ${wanted.unit}; the reading is ${row.quantity} in ${row.unit || "no unit"}.`);
		}
		const template = new ReadingRecordTemplate(this.templateFields(row, device, input.task, match.item, input.technicianId));
		const varying = varyingFields(row, match.outcome);
		const ids = { workOrderId: input.task.workOrderId, taskId: input.task.id, checklistItemId: item.id };
		return this.appendOne(() => this.chain.appendEncoded((chainSeq, prevHash) => template.encode(varying, chainSeq, prevHash)), ids, match.outcome);
	}

	/** Records afterSeq+1..upToSeq in chain order. */
	range(afterSeq: number, upToSeq: number): EvidenceView[] {
		const progress = this.options.uplinkProgress?.();
		return this.batches.between(afterSeq + 1, upToSeq).map((stored) => this.toView(stored, progress));
	}

	forTask(workOrderId: string, taskId: string): EvidenceView[] {
		const views: EvidenceView[] = [];
		const progress = this.options.uplinkProgress?.();
		for (const stored of this.batches.batchRecordsOfTask(workOrderId, taskId)) {
			const view = this.toView(stored, progress);
			if (view.taskId === taskId && view.workOrderId === workOrderId) views.push(view);
		}
		return views;
	}

	/** Each checklist item of the task and whether valid evidence satisfies it. */
	checklistState(task: Task): Array<{ id: string; label: string; kind: string; required: boolean; satisfied: boolean }> {
		const satisfied = new Set(this.batches.satisfiedItems(task.id));
		return task.checklist.map((item) => ({ id: item.id, label: item.label, kind: item.requirement.kind, required: item.required, satisfied: satisfied.has(item.id) }));
	}

	/** Signs a checkpoint over the chain head, if anything is unsealed. */
	seal(): void {
		const head = this.chain.state;
		const chainSeq = head.nextSeq - 1;
		if (chainSeq <= this.sealedUpTo) return;
		const now = this.options.clock.now();
		const checkpoint = signCheckpoint(
			{ gatewayId: this.options.gatewayId, chainSeq, headHash: head.headHash, recordCount: chainSeq, createdAtMs: now, keyId: this.options.key.keyId },
			this.options.key.privateKey,
		);
		this.statements.insertCheckpoint.run(chainSeq, Buffer.from(checkpoint.bytes), now);
		const afterSeq = this.sealedUpTo;
		this.sealedUpTo = chainSeq;
		this.stats.checkpoints++;
		this.options.onSealed?.(afterSeq, chainSeq);
	}

	/** Seals what is left and stops the timer. */
	close(): void {
		this.options.clock.clearTimeout(this.sealTimer);
		this.sealTimer = undefined;
		try {
			this.seal();
		} catch (error) {
			this.options.logger.error({ err: error }, "final evidence checkpoint failed");
		}
	}

	private contextFor(deviceId: string): StampContext {
		const active = this.options.activeTasks.forDevice(deviceId);
		const task = active && this.options.workOrders.task(active.taskId);
		return { active, task, device: this.options.device(deviceId), templates: new Map() };
	}

	/** True when the reading became a record. */
	private stampReading(row: ReadingRow, context: StampContext): boolean {
		const { active, task, device } = context;
		if (!active || !task) {
			this.stats.unmatched++;
			return false;
		}
		const match = matchReading(
			task,
			{ quantity: row.quantity, value: row.value, unit: row.unit, capturedAt: row.receivedAt, calibrationDueAt: device?.calibration?.dueAt || undefined },
			this.satisfiedFor(task.id),
		);
		if (!match) {
			this.stats.unmatched++;
			return false;
		}
		// Readings of one commit share item, technician and device boot: encode those once.
		const templateKey = `${match.item.id}\u0000${row.bootId}`;
		let shared = context.templates.get(templateKey);
		if (!shared) {
			shared = {
				template: new ReadingRecordTemplate(this.templateFields(row, device, task, match.item, active.technicianId)),
				ids: { workOrderId: task.workOrderId, taskId: task.id, checklistItemId: match.item.id },
			};
			context.templates.set(templateKey, shared);
		}
		const { template, ids } = shared;
		const varying = varyingFields(row, match.outcome);
		const chained = this.chain.appendEncoded((chainSeq, prevHash) => template.encode(varying, chainSeq, prevHash));
		this.enqueue(chained, ids, match.outcome);
		this.stats.stamped++;
		return true;
	}

	/** A boot id repeats on every reading of the boot: decode its hex once (the bytes are only read). */
	private bootIdBytes(hex: string): Buffer {
		if (hex !== this.lastBoot.hex) this.lastBoot = { hex, bytes: Buffer.from(hex, "hex") };
		return this.lastBoot.bytes;
	}

	/** The fields of a reading record that stay the same for one item, technician and device boot. */
	private templateFields(row: ReadingRow, device: DeviceRecord | undefined, task: Task, item: ChecklistItem, technicianId: string): ReadingTemplateFields {
		const calibration = device?.calibration;
		const requirement = item.requirement.kind === "reading" ? item.requirement : undefined;
		return {
			gatewayId: this.options.gatewayId,
			workOrderId: task.workOrderId,
			taskId: task.id,
			checklistItemId: item.id,
			technicianId,
			device: {
				deviceId: row.deviceId,
				model: device?.model ?? "",
				firmwareVersion: device?.firmwareVersion ?? "",
				serialNumber: device?.serialNumber ?? "",
				bootId: this.bootIdBytes(row.bootId),
				calibrationCertificateId: calibration?.certificateId ?? "",
				calibratedAtMs: calibration?.calibratedAt ?? 0,
				calibrationDueAtMs: calibration?.dueAt ?? 0,
				calibrationLaboratory: calibration?.laboratory ?? "",
			},
			requirement: requirement
				? { ...(requirement.min !== null ? { min: requirement.min } : {}), ...(requirement.max !== null ? { max: requirement.max } : {}), unit: requirement.unit, calibratedRequired: requirement.calibratedDevice }
				: undefined,
		};
	}

	/**
	 * Queues a chained record for this transaction's batch; storePending() writes the batch.
	 * Outcomes that satisfy an item are written through at once (one row per item, ever).
	 */
	private enqueue(chained: ChainedBytes, ids: RecordIds, outcome: EvidenceOutcome): BatchEntry {
		const entry: BatchEntry = { chainSeq: chained.chainSeq, bytes: chained.bytes, entryHash: chained.entryHash, workOrderId: ids.workOrderId, taskId: ids.taskId };
		this.pending.push(entry);
		if ((outcome === "pass" || outcome === "recorded") && ids.taskId && ids.checklistItemId) {
			const satisfied = this.satisfiedFor(ids.taskId);
			if (!satisfied.has(ids.checklistItemId)) {
				this.batches.markSatisfied(ids.taskId, ids.checklistItemId);
				satisfied.add(ids.checklistItemId);
			}
		}
		return entry;
	}

	/** Writes the records chained in this transaction as one batch row. Throws if it cannot. */
	private storePending(): void {
		if (this.pending.length === 0) return;
		const entries = this.pending;
		this.pending = [];
		this.batches.append(entries);
	}

	/** One record in a transaction of its own (evidence from the local API or a flow). */
	private appendOne(chainOne: () => ChainedBytes, ids: RecordIds, outcome: EvidenceOutcome): EvidenceView {
		let entry: BatchEntry | undefined;
		try {
			this.options.db.transaction(() => {
				entry = this.enqueue(chainOne(), ids, outcome);
				this.storePending();
			})();
		} catch (error) {
			this.reload();
			throw error;
		}
		this.armSealTimer();
		const stored = entry as BatchEntry;
		return this.toView({ chainSeq: stored.chainSeq, bytes: Buffer.from(stored.bytes.buffer, stored.bytes.byteOffset, stored.bytes.byteLength) });
	}

	private satisfiedFor(taskId: string): Set<string> {
		let set = this.satisfied.get(taskId);
		if (!set) {
			set = new Set(this.batches.satisfiedItems(taskId));
			this.satisfied.set(taskId, set);
		}
		return set;
	}

	private armSealTimer(): void {
		if (this.sealTimer || this.headSeq <= this.sealedUpTo) return;
		this.sealTimer = this.options.clock.setTimeout(() => {
			this.sealTimer = undefined;
			try {
				this.options.db.transaction(() => this.seal())();
			} catch (error) {
				this.options.logger.error({ err: error }, "evidence checkpoint failed; will retry");
				this.armSealTimer();
			}
		}, this.sealEveryMs);
	}

	private toView(stored: StoredRecord, progress = this.options.uplinkProgress?.()): EvidenceView {
		const record = decodeRecord(stored.bytes);
		return {
			id: record.id,
			chainSeq: stored.chainSeq,
			workOrderId: record.workOrderId,
			taskId: record.taskId,
			checklistItemId: record.checklistItemId,
			kind: KIND_NAMES.get(record.kind) ?? "unknown",
			outcome: OUTCOME_NAMES.get(record.outcome) ?? "recorded",
			status: progress === undefined ? "stored" : stored.chainSeq <= progress.receiptedUpTo ? "receipted" : stored.chainSeq <= progress.uploadedUpTo ? "uploaded" : "stored",
			sealed: stored.chainSeq <= this.sealedUpTo,
			contentHash: contentHash(stored.bytes).toString("hex"),
			createdAt: new Date(Number(record.gatewayTimeMs)).toISOString(),
		};
	}
}

interface StampContext {
	active: ActiveTask | undefined;
	task: Task | undefined;
	device: DeviceRecord | undefined;
	/** Per checklist item and boot, for this commit only (a new hello may change the identity). */
	templates: Map<string, { template: ReadingRecordTemplate; ids: RecordIds }>;
}

interface RecordIds {
	workOrderId: string;
	taskId: string;
	checklistItemId: string;
}

/** The fields of a reading record that change from one reading to the next. */
function varyingFields(row: ReadingRow, outcome: ReadingOutcome): ReadingVaryingFields {
	const deviceTimeMs = Math.floor(row.deviceTimeUs / 1000);
	return {
		id: uuidV7(row.receivedAt),
		readingSeq: row.seq,
		deviceTimeUs: row.deviceTimeUs,
		gatewayTimeMs: row.receivedAt,
		// Device clock minus gateway clock at capture; large values flag a device with a wrong clock.
		clockSkewMs: deviceTimeMs > 0 ? deviceTimeMs - row.receivedAt : 0,
		quantity: row.quantity,
		// NaN or infinity (an overloaded input) has no canonical encoding: leave the value out
		// (undefined is absent to the encoder); the outcome already says it failed. A conditional
		// spread here would allocate a second object per reading.
		value: Number.isFinite(row.value) ? row.value : undefined,
		unit: row.unit,
		outcome: OUTCOME_CODES[outcome],
	};
}

function findItem(task: Task, checklistItemId: string): ChecklistItem {
	const item = task.checklist.find((candidate) => candidate.id === checklistItemId);
	if (!item) throw new FieldchainError(ErrorCodes.FC_HTTP_NOT_FOUND, `Task "${task.id}" has no checklist item "${checklistItemId}".`);
	return item;
}

/**
 * UUIDv7 (RFC 9562 section 5.7): 48-bit Unix ms timestamp, version 7, then random bits, so ids
 * sort by time. Built from a v4 UUID, whose variant bits and 74 random bits it keeps: this runs
 * once per evidence record, at reading rate.
 */
export function uuidV7(nowMs: number): string {
	// Readings of one commit share their arrival millisecond: format its prefix once.
	if (nowMs !== uuidPrefixMs) {
		const time = nowMs.toString(16).padStart(12, "0");
		uuidPrefix = `${time.slice(0, 8)}-${time.slice(8, 12)}-7`;
		uuidPrefixMs = nowMs;
	}
	return uuidPrefix + randomUUID().slice(15);
}
let uuidPrefixMs = -1;
let uuidPrefix = "";
