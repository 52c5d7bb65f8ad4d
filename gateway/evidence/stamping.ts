/**
 * Stamping: readings matched to the active task's checklist, and evidence posted through the local
 * API or a flow, become records of the gateway's one hash chain (protocol/evidence/README.md has
 * the formats). Readings are stamped inside the transaction that stores them, and the records of
 * one commit are stored as one batch row (evidence-batches.ts); the chain head lives in memory for
 * speed, and reload() takes it back from the database when a transaction fails.
 */
import type Database from "better-sqlite3";
import type { ChecklistItem, Task } from "../../model/entities/task.js";
import type { Clock } from "../../platform/clock.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { Logger } from "../../platform/logger.js";
import { ReadingFlag } from "../../protocol/codec.js";
import { type ChainedBytes, type ChainState, EvidenceChain, type EvidenceRecordInit, initialChainState } from "../../protocol/evidence/chain.js";
import { ReadingRecordTemplate, type ReadingTemplateFields, type ReadingVaryingFields, SignerRole, type TimeQuality } from "../../protocol/evidence/record.js";
import { type GatewayTime, QUALITY_CODES, type TimeStamp } from "../clock/gateway-time.js";
import type { DeviceRecord, ReadingRow } from "../store/reading-store.js";
import type { ActiveTask, ActiveTasks } from "../work/active-tasks.js";
import type { WorkOrders } from "../work/work-orders.js";
import type { AttachmentInfo } from "./attachments.js";
import type { BatchEntry, EvidenceBatches, StoredRecord } from "./evidence-batches.js";
import type { GatewayManifests } from "./manifests.js";
import { matchReading, type ReadingOutcome } from "./match-reading.js";
import { type EvidenceOutcome, KIND_CODES, type ManualEvidenceKind, OUTCOME_CODES } from "./record-codes.js";
import { StampedReadings } from "./stamped-readings.js";
import { uuidV7 } from "./uuid.js";

export interface ManualEvidenceInput {
	technicianId: string;
	workOrderId: string;
	task: Task;
	checklistItemId: string;
	kind: ManualEvidenceKind;
	text?: string;
	signerRole?: "customer" | "technician";
	attachment?: AttachmentInfo;
	/** A customer's signature that also signs off this deliverable of the work order. */
	deliverableId?: string;
}

/** A stored reading that a caller (a Node-RED flow) stamps on a checklist item it names. */
export interface ReadingEvidenceInput {
	technicianId: string;
	task: Task;
	checklistItemId: string;
	reading: ReadingRow;
}

export interface StampingOptions {
	db: Database.Database;
	batches: EvidenceBatches;
	gatewayId: string;
	workOrders: WorkOrders;
	activeTasks: ActiveTasks;
	device: (deviceId: string) => DeviceRecord | undefined;
	clock: Clock;
	logger: Logger;
	stats: { stamped: number; unmatched: number; stampFailures: number };
	/** Notes each record for its work order's manifest (evidence-log.ts shares it with the sealer). */
	manifests?: GatewayManifests;
	/** The gateway's time and its quality (gateway/clock); without it records carry wall time only (format 1). */
	time?: GatewayTime;
}

interface StampContext {
	active: ActiveTask | undefined;
	task: Task | undefined;
	device: DeviceRecord | undefined;
	/** Per checklist item and boot, for this commit only (a new hello may change the identity). */
	templates: Map<string, SharedTemplate>;
	/** The template the previous reading used: readings of one commit nearly always share it (no key built). */
	last: { item: ChecklistItem; bootId: string; shared: SharedTemplate } | undefined;
}

interface SharedTemplate {
	template: ReadingRecordTemplate;
	ids: RecordIds;
}

interface RecordIds {
	workOrderId: string;
	taskId: string;
	checklistItemId: string;
}

export class EvidenceStamper {
	private chain!: EvidenceChain;
	/** Records chained in the current transaction, stored as one batch when it ends. */
	private pending: BatchEntry[] = [];
	private readonly satisfied = new Map<string, Set<string>>();
	private lastBoot = { hex: "", bytes: Buffer.alloc(0) };
	/** Which readings are evidence already (each becomes evidence at most once). */
	private readonly stampedReadings: StampedReadings;
	/**
	 * The chain seq of the last record chained, kept beside the chain: `chain.state` copies the head
	 * hash, and the sealer asks for the head seq after every reading.
	 */
	private lastSeq = 0;

	constructor(private readonly options: StampingOptions) {
		this.stampedReadings = new StampedReadings(options.db);
		this.reload();
	}

	/** Takes the chain head and caches back from the database (after a failed transaction). */
	reload(): void {
		this.options.manifests?.reload();
		const head = this.options.batches.head();
		this.chain = new EvidenceChain(head ? { nextSeq: head.chainSeq + 1, headHash: head.entryHash } : initialChainState());
		this.lastSeq = head ? head.chainSeq : 0;
		this.pending = [];
		this.satisfied.clear();
	}

	get head(): ChainState {
		return this.chain.state;
	}

	get headSeq(): number {
		return this.lastSeq;
	}

	/**
	 * Stamps the commit's new readings, inside its transaction. A reading that cannot be stamped is
	 * logged and stays a plain reading; only a failure to store the batch (or to seal, which
	 * `afterEach` may do) throws, which rolls the readings back too.
	 */
	stampReadings(rows: readonly ReadingRow[], afterEach: () => void): ReadingRow[] {
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
				this.options.stats.stampFailures++;
				this.options.logger.error({ err: error, deviceId: row.deviceId, seq: row.seq }, "could not stamp a reading as evidence; it stays stored as a reading");
			}
			afterEach();
		}
		this.stampedReadings.record(stamped);
		this.storePending();
		return stamped;
	}

	/** Chains manual evidence (photo, note, acknowledgement, signature) in a transaction of its own. */
	add(input: ManualEvidenceInput): StoredRecord {
		const item = findItem(input.task, input.checklistItemId);
		if (item.requirement.kind !== input.kind) {
			throw new FieldchainError(ErrorCodes.FC_EVIDENCE_INVALID, `Checklist item "${item.id}" asks for a ${item.requirement.kind}, not a ${input.kind}.`);
		}
		const stamp = this.options.time?.stamp();
		const now = stamp ? stamp.timeMs : this.options.clock.now();
		const record: EvidenceRecordInit = {
			...(stamp ? recordTime(stamp) : {}),
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
			signerRole:
				input.signerRole === "customer"
					? SignerRole.SIGNER_ROLE_CUSTOMER
					: input.signerRole === "technician"
						? SignerRole.SIGNER_ROLE_TECHNICIAN
						: SignerRole.SIGNER_ROLE_UNSPECIFIED,
			...(input.deliverableId ? { deliverableId: input.deliverableId } : {}),
			...(input.attachment
				? {
						attachmentSha256: Buffer.from(input.attachment.sha256, "hex"),
						attachmentMediaType: input.attachment.mediaType,
						attachmentSize: input.attachment.size,
					}
				: {}),
		};
		return this.appendOne(() => this.chain.append(record), { workOrderId: input.workOrderId, taskId: input.task.id, checklistItemId: item.id }, "recorded");
	}

	/**
	 * Stamps a stored reading on the checklist item the caller names, with the outcome the
	 * matcher gives for that item, in a transaction of its own. A reading that is evidence
	 * already (stamped at ingest or by an earlier call) is refused with FC_EVIDENCE_DUPLICATE.
	 */
	addReading(input: ReadingEvidenceInput): StoredRecord {
		const item = findItem(input.task, input.checklistItemId);
		const row = input.reading;
		if (item.requirement.kind !== "reading") {
			throw new FieldchainError(ErrorCodes.FC_EVIDENCE_INVALID, `Checklist item "${item.id}" asks for a ${item.requirement.kind}, not a reading.`);
		}
		const device = this.options.device(row.deviceId);
		const match = matchReading(
			{ ...input.task, checklist: [item] },
			{ quantity: row.quantity, value: row.value, unit: row.unit, capturedAt: row.receivedAt, calibrationDueAt: device?.calibration?.dueAt || undefined },
			new Set(),
		);
		if (!match) {
			const wanted = item.requirement;
			throw new FieldchainError(
				ErrorCodes.FC_EVIDENCE_INVALID,
				`Checklist item "${item.id}" needs ${wanted.quantity} in a unit convertible to ${wanted.unit}; the reading is ${row.quantity} in ${row.unit || "no unit"}.`,
			);
		}
		const template = new ReadingRecordTemplate(this.templateFields(row, device, input.task, match.item, input.technicianId));
		const varying = varyingFields(row, match.outcome);
		const ids = { workOrderId: input.task.workOrderId, taskId: input.task.id, checklistItemId: item.id };
		return this.appendOne(() => this.chain.appendEncoded((chainSeq, prevHash) => template.encode(varying, chainSeq, prevHash)), ids, match.outcome, row);
	}

	private contextFor(deviceId: string): StampContext {
		const active = this.options.activeTasks.forDevice(deviceId);
		const task = active && this.options.workOrders.task(active.taskId);
		return { active, task, device: this.options.device(deviceId), templates: new Map(), last: undefined };
	}

	/** True when the reading became a record. */
	private stampReading(row: ReadingRow, context: StampContext): boolean {
		const { active, task, device } = context;
		const { stats } = this.options;
		if (!active || !task) {
			stats.unmatched++;
			return false;
		}
		const match = matchReading(
			task,
			{ quantity: row.quantity, value: row.value, unit: row.unit, capturedAt: row.receivedAt, calibrationDueAt: device?.calibration?.dueAt || undefined },
			this.satisfiedFor(task.id),
		);
		if (!match) {
			stats.unmatched++;
			return false;
		}
		// Readings of one commit share item, technician and device boot: encode those once.
		const last = context.last;
		let shared = last && last.item === match.item && last.bootId === row.bootId ? last.shared : undefined;
		if (!shared) {
			const templateKey = `${match.item.id}\u0000${row.bootId}`;
			shared = context.templates.get(templateKey);
			if (!shared) {
				shared = {
					template: new ReadingRecordTemplate(this.templateFields(row, device, task, match.item, active.technicianId)),
					ids: { workOrderId: task.workOrderId, taskId: task.id, checklistItemId: match.item.id },
				};
				context.templates.set(templateKey, shared);
			}
			context.last = { item: match.item, bootId: row.bootId, shared };
		}
		const { template, ids } = shared;
		const varying = varyingFields(row, match.outcome);
		const chained = this.chain.appendEncoded((chainSeq, prevHash) => template.encode(varying, chainSeq, prevHash));
		this.enqueue(chained, ids, match.outcome);
		stats.stamped++;
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
				? {
						...(requirement.min !== null ? { min: requirement.min } : {}),
						...(requirement.max !== null ? { max: requirement.max } : {}),
						unit: requirement.unit,
						calibratedRequired: requirement.calibratedDevice,
					}
				: undefined,
		};
	}

	/**
	 * Queues a chained record for this transaction's batch; storePending() writes the batch.
	 * Outcomes that satisfy an item are written through at once (one row per item, ever).
	 */
	private enqueue(chained: ChainedBytes, ids: RecordIds, outcome: EvidenceOutcome): BatchEntry {
		const entry: BatchEntry = {
			chainSeq: chained.chainSeq,
			bytes: chained.bytes,
			entryHash: chained.entryHash,
			workOrderId: ids.workOrderId,
			taskId: ids.taskId,
		};
		this.pending.push(entry);
		this.lastSeq = chained.chainSeq;
		this.options.manifests?.note(ids.workOrderId, chained.chainSeq, chained.entryHash);
		if ((outcome === "pass" || outcome === "recorded") && ids.taskId && ids.checklistItemId) {
			const satisfied = this.satisfiedFor(ids.taskId);
			if (!satisfied.has(ids.checklistItemId)) {
				this.options.batches.markSatisfied(ids.taskId, ids.checklistItemId);
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
		this.options.batches.append(entries);
	}

	/**
	 * One record in a transaction of its own (evidence from the local API or a flow). For a stored
	 * reading, the check that it is not evidence yet and the note that it is now are in the same
	 * transaction as the record: two calls racing for one reading cannot both win.
	 */
	private appendOne(chainOne: () => ChainedBytes, ids: RecordIds, outcome: EvidenceOutcome, reading?: ReadingRow): StoredRecord {
		let entry: BatchEntry | undefined;
		try {
			this.options.db.transaction(() => {
				if (reading && this.stampedReadings.has(reading.deviceId, reading.bootId, reading.seq)) throw duplicateReading(reading);
				entry = this.enqueue(chainOne(), ids, outcome);
				if (reading) this.stampedReadings.record([reading]);
				this.storePending();
			})();
		} catch (error) {
			this.reload();
			throw error;
		}
		const stored = entry as BatchEntry;
		return { chainSeq: stored.chainSeq, bytes: Buffer.from(stored.bytes.buffer, stored.bytes.byteOffset, stored.bytes.byteLength) };
	}

	private satisfiedFor(taskId: string): Set<string> {
		let set = this.satisfied.get(taskId);
		if (!set) {
			set = new Set(this.options.batches.satisfiedItems(taskId));
			this.satisfied.set(taskId, set);
		}
		return set;
	}
}

/** The fields of a reading record that change from one reading to the next. */
function varyingFields(row: ReadingRow, outcome: ReadingOutcome): ReadingVaryingFields {
	const time = row.time;
	// A since-boot device time says nothing about the device's clock against the gateway's.
	const deviceTimeMs = row.flags & ReadingFlag.READING_FLAG_CLOCK_SINCE_BOOT ? 0 : Math.floor(row.deviceTimeUs / 1000);
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
		// Written out rather than spread from recordTime(): one object shape for every reading, with
		// or without a time stamp (a spread costs a copy and, in V8, a hidden class per combination).
		// Undefined is absent to the encoder, so the bytes are the same.
		timeQuality: time ? (QUALITY_CODES[time.quality] as TimeQuality) : undefined,
		timeSource: time?.source,
		monotonic: time ? { bootId: time.bootId, offsetMs: time.monotonicMs } : undefined,
		deviceTimeImplausible: row.deviceTimeImplausible,
	};
}

/** The format-2 time fields of a record (protocol/evidence/README.md, "Time"). */
function recordTime(stamp: TimeStamp): Pick<ReadingVaryingFields, "timeQuality" | "timeSource" | "monotonic"> {
	return {
		timeQuality: QUALITY_CODES[stamp.quality] as TimeQuality,
		timeSource: stamp.source,
		monotonic: { bootId: stamp.bootId, offsetMs: stamp.monotonicMs },
	};
}

function duplicateReading(row: ReadingRow): FieldchainError {
	return new FieldchainError(
		ErrorCodes.FC_EVIDENCE_DUPLICATE,
		`Reading ${row.seq} of device "${row.deviceId}" (boot ${row.bootId}) is evidence already; a reading is stamped at most once.`,
		{ hint: "GET the task's evidence to see its record; take a new reading to record the item again." },
	);
}

function findItem(task: Task, checklistItemId: string): ChecklistItem {
	const item = task.checklist.find((candidate) => candidate.id === checklistItemId);
	if (!item) throw new FieldchainError(ErrorCodes.FC_MODEL_NOT_FOUND, `Task "${task.id}" has no checklist item "${checklistItemId}".`);
	return item;
}
