/**
 * The gateway's evidence log: readings matched to the active task's checklist, and evidence
 * posted through the local API, become records in one hash chain per gateway, stored in SQLite
 * and sealed by signed checkpoints (protocol/evidence/README.md has the formats).
 *
 * Readings are stamped inside the same transaction that stores them (GroupCommitter's stamp
 * hook), so a reading and its evidence are durable together. The chain head lives in memory for
 * speed; when a transaction fails, reload() takes it back from the database.
 */
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type { Clock } from "../../protocol/clock.js";
import { ErrorCodes, FieldchainError } from "../../protocol/errors.js";
import { contentHash, EvidenceChain, type EvidenceRecordInit, initialChainState } from "../../protocol/evidence/chain.js";
import { signCheckpoint } from "../../protocol/evidence/checkpoint.js";
import type { GatewayKey } from "../../protocol/evidence/keys.js";
import { EvidenceKind as Kind, EvidenceOutcome as Outcome, SignerRole } from "../../protocol/evidence/record.js";
import type { ChecklistItem, Task } from "../../protocol/model/entities/task.js";
import type { Logger } from "../logger.js";
import type { DeviceRecord, ReadingRow } from "../store/reading-store.js";
import type { ActiveTask, ActiveTasks } from "../work/active-tasks.js";
import type { WorkOrders } from "../work/work-orders.js";
import type { AttachmentInfo } from "./attachments.js";
import { matchReading, type ReadingMatch, type ReadingOutcome } from "./match-reading.js";

type RecordInit = EvidenceRecordInit;

export type ManualEvidenceKind = "photo" | "note" | "acknowledgement" | "signature";
export type EvidenceOutcome = ReadingOutcome | "recorded";

export interface EvidenceView {
	id: string;
	chainSeq: number;
	workOrderId: string;
	taskId: string;
	checklistItemId: string;
	kind: string;
	outcome: EvidenceOutcome;
	/** stored on this gateway; uploaded and receipted come with the uplink. */
	status: "stored";
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

export class EvidenceLog {
	readonly stats = { stamped: 0, unmatched: 0, stampFailures: 0, checkpoints: 0 };
	private chain!: EvidenceChain;
	private sealedUpTo = 0;
	private readonly satisfied = new Map<string, Set<string>>();
	private sealTimer: ReturnType<Clock["setTimeout"]> | undefined;
	private readonly statements;
	private readonly sealEveryRecords: number;
	private readonly sealEveryMs: number;
	private rangeStatement: Database.Statement | undefined;

	constructor(private readonly options: EvidenceLogOptions) {
		const db = options.db;
		this.sealEveryRecords = options.sealEveryRecords ?? 1000;
		this.sealEveryMs = options.sealEveryMs ?? 1000;
		this.statements = {
			insert: db.prepare(`INSERT INTO evidence (chain_seq, id, work_order_id, task_id, checklist_item_id, kind, outcome,
				canonical, entry_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
			head: db.prepare("SELECT chain_seq, entry_hash FROM evidence ORDER BY chain_seq DESC LIMIT 1"),
			lastCheckpoint: db.prepare("SELECT max(chain_seq) FROM evidence_checkpoints").pluck(),
			insertCheckpoint: db.prepare("INSERT INTO evidence_checkpoints (chain_seq, canonical, created_at) VALUES (?, ?, ?)"),
			satisfiedItems: db.prepare("SELECT DISTINCT checklist_item_id FROM evidence WHERE task_id = ? AND outcome IN ('pass', 'recorded')").pluck(),
			forTask: db.prepare("SELECT chain_seq, id, work_order_id, task_id, checklist_item_id, kind, outcome, canonical, created_at FROM evidence WHERE task_id = ? AND work_order_id = ? ORDER BY chain_seq"),
		};
		this.reload();
	}

	/** Takes the chain head and caches back from the database (after a failed transaction). */
	reload(): void {
		const head = this.statements.head.get() as { chain_seq: number; entry_hash: Buffer } | undefined;
		this.chain = new EvidenceChain(head ? { nextSeq: head.chain_seq + 1, headHash: head.entry_hash } : initialChainState());
		this.sealedUpTo = (this.statements.lastCheckpoint.get() as number | null) ?? 0;
		this.satisfied.clear();
	}

	get headSeq(): number {
		return this.chain.state.nextSeq - 1;
	}

	/** Called inside the readings transaction. Never throws: a reading must be stored regardless. */
	stampReadings(rows: readonly ReadingRow[]): void {
		// Per commit, not per reading: who holds each device, and what the device said in its hello.
		const context = new Map<string, StampContext>();
		// A re-sent reading can appear twice in one batch; earlier batches never reach us again
		// (the committer drops what its watermark already holds).
		const seen = new Set<string>();
		for (const row of rows) {
			const readingKey = `${row.deviceId}/${row.bootId}/${row.seq}`;
			if (seen.has(readingKey)) continue;
			seen.add(readingKey);
			try {
				let device = context.get(row.deviceId);
				if (!device) {
					device = this.contextFor(row.deviceId);
					context.set(row.deviceId, device);
				}
				this.stampReading(row, device);
			} catch (error) {
				this.stats.stampFailures++;
				this.options.logger.error({ err: error, deviceId: row.deviceId, seq: row.seq }, "could not stamp a reading as evidence; it stays stored as a reading");
			}
		}
		if (this.headSeq - this.sealedUpTo >= this.sealEveryRecords) this.seal();
		this.armSealTimer();
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
		let appended: ReturnType<EvidenceLog["append"]> | undefined;
		try {
			this.options.db.transaction(() => {
				appended = this.append(record, input.kind, "recorded");
			})();
		} catch (error) {
			this.reload();
			throw error;
		}
		this.armSealTimer();
		return this.toView({
			chain_seq: appended!.chainSeq,
			id: record.id ?? "",
			work_order_id: input.workOrderId,
			task_id: input.task.id,
			checklist_item_id: item.id,
			kind: input.kind,
			outcome: "recorded",
			canonical: appended!.canonical,
			created_at: appended!.createdAt,
		});
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
		const record = this.readingRecord(row, device, input.task, match, input.technicianId);
		let appended: ReturnType<EvidenceLog["append"]> | undefined;
		try {
			this.options.db.transaction(() => {
				appended = this.append(record, "reading", match.outcome);
			})();
		} catch (error) {
			this.reload();
			throw error;
		}
		if (match.outcome === "pass") this.satisfiedFor(input.task.id).add(item.id);
		this.armSealTimer();
		return this.toView({
			chain_seq: appended!.chainSeq,
			id: record.id ?? "",
			work_order_id: input.task.workOrderId,
			task_id: input.task.id,
			checklist_item_id: item.id,
			kind: "reading",
			outcome: match.outcome,
			canonical: appended!.canonical,
			created_at: appended!.createdAt,
		});
	}

	/** Records afterSeq+1..upToSeq in chain order. */
	range(afterSeq: number, upToSeq: number): EvidenceView[] {
		// Prepared on first use: only the Node-RED bridge asks, and only while a flow listens.
		this.rangeStatement ??= this.options.db.prepare(
			"SELECT chain_seq, id, work_order_id, task_id, checklist_item_id, kind, outcome, canonical, created_at FROM evidence WHERE chain_seq > ? AND chain_seq <= ? ORDER BY chain_seq",
		);
		return (this.rangeStatement.all(afterSeq, upToSeq) as EvidenceRow[]).map((row) => this.toView(row));
	}

	forTask(workOrderId: string, taskId: string): EvidenceView[] {
		const rows = this.statements.forTask.all(taskId, workOrderId) as EvidenceRow[];
		return rows.map((row) => this.toView(row));
	}

	/** Each checklist item of the task and whether valid evidence satisfies it. */
	checklistState(task: Task): Array<{ id: string; label: string; kind: string; required: boolean; satisfied: boolean }> {
		const satisfied = new Set(this.statements.satisfiedItems.all(task.id) as string[]);
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
		return { active, task, device: this.options.device(deviceId) };
	}

	private stampReading(row: ReadingRow, { active, task, device }: StampContext): void {
		if (!active || !task) {
			this.stats.unmatched++;
			return;
		}
		const calibration = device?.calibration;
		const match = matchReading(
			task,
			{ quantity: row.quantity, value: row.value, unit: row.unit, capturedAt: row.receivedAt, calibrationDueAt: calibration?.dueAt || undefined },
			this.satisfiedFor(task.id),
		);
		if (!match) {
			this.stats.unmatched++;
			return;
		}
		const record = this.readingRecord(row, device, task, match, active.technicianId);
		this.append(record, "reading", match.outcome);
		this.stats.stamped++;
		if (match.outcome === "pass") this.satisfiedFor(task.id).add(match.item.id);
	}

	private readingRecord(row: ReadingRow, device: DeviceRecord | undefined, task: Task, match: ReadingMatch, technicianId: string): RecordInit {
		const calibration = device?.calibration;
		const requirement = match.item.requirement.kind === "reading" ? match.item.requirement : undefined;
		const deviceTimeMs = Math.floor(row.deviceTimeUs / 1000);
		return {
			id: uuidV7(row.receivedAt),
			gatewayId: this.options.gatewayId,
			workOrderId: task.workOrderId,
			taskId: task.id,
			checklistItemId: match.item.id,
			technicianId,
			kind: Kind.KIND_READING,
			device: {
				deviceId: row.deviceId,
				model: device?.model ?? "",
				firmwareVersion: device?.firmwareVersion ?? "",
				serialNumber: device?.serialNumber ?? "",
				bootId: Buffer.from(row.bootId, "hex"),
				readingSeq: row.seq,
				calibrationCertificateId: calibration?.certificateId ?? "",
				calibratedAtMs: calibration?.calibratedAt ?? 0,
				calibrationDueAtMs: calibration?.dueAt ?? 0,
				calibrationLaboratory: calibration?.laboratory ?? "",
			},
			deviceTimeUs: row.deviceTimeUs,
			gatewayTimeMs: row.receivedAt,
			// Device clock minus gateway clock at capture; large values flag a device with a wrong clock.
			clockSkewMs: deviceTimeMs > 0 ? deviceTimeMs - row.receivedAt : 0,
			quantity: row.quantity,
			// NaN or infinity (an overloaded input) has no canonical encoding: leave the value out;
			// the outcome already says it failed.
			...(Number.isFinite(row.value) ? { value: row.value } : {}),
			unit: row.unit,
			requirement: requirement
				? { ...(requirement.min !== null ? { min: requirement.min } : {}), ...(requirement.max !== null ? { max: requirement.max } : {}), unit: requirement.unit, calibratedRequired: requirement.calibratedDevice }
				: undefined,
			outcome: OUTCOME_CODES[match.outcome],
		};
	}

	/** Chains and stores one record; the caller's transaction makes it durable. */
	private append(record: RecordInit, kind: string, outcome: EvidenceOutcome): { chainSeq: number; canonical: Buffer; createdAt: number } {
		const entry = this.chain.append(record);
		const createdAt = this.options.clock.now();
		// A view, not a copy: better-sqlite3 binds Buffers only.
		const canonical = Buffer.from(entry.bytes.buffer, entry.bytes.byteOffset, entry.bytes.byteLength);
		this.statements.insert.run(
			entry.chainSeq,
			record.id,
			record.workOrderId,
			record.taskId,
			record.checklistItemId,
			kind,
			outcome,
			canonical,
			entry.entryHash,
			createdAt,
		);
		if (outcome === "recorded" && record.taskId) this.satisfiedFor(record.taskId).add(record.checklistItemId ?? "");
		return { chainSeq: entry.chainSeq, canonical, createdAt };
	}

	private satisfiedFor(taskId: string): Set<string> {
		let set = this.satisfied.get(taskId);
		if (!set) {
			set = new Set(this.statements.satisfiedItems.all(taskId) as string[]);
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

	private toView(row: EvidenceRow): EvidenceView {
		return {
			id: row.id,
			chainSeq: row.chain_seq,
			workOrderId: row.work_order_id,
			taskId: row.task_id,
			checklistItemId: row.checklist_item_id,
			kind: row.kind,
			outcome: row.outcome as EvidenceOutcome,
			status: "stored",
			sealed: row.chain_seq <= this.sealedUpTo,
			contentHash: contentHash(row.canonical).toString("hex"),
			createdAt: new Date(row.created_at).toISOString(),
		};
	}
}

interface StampContext {
	active: ActiveTask | undefined;
	task: Task | undefined;
	device: DeviceRecord | undefined;
}

interface EvidenceRow {
	chain_seq: number;
	id: string;
	work_order_id: string;
	task_id: string;
	checklist_item_id: string;
	kind: string;
	outcome: string;
	canonical: Buffer;
	created_at: number;
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
	const v4 = randomUUID();
	const time = nowMs.toString(16).padStart(12, "0");
	return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${v4.slice(15)}`;
}
