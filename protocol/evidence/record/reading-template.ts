/**
 * Reading records of one commit repeat most of their fields. A template encodes those once, with
 * encodeRecord itself (so they are validated and canonical), and each record then writes only
 * what varies around them into the shared RecordWriter: ~4x less work than encoding the whole
 * record. The bytes are exactly encodeRecord's (record.test.ts checks it on random records);
 * anything the fast path cannot write goes to encodeRecord, which encodes it or throws the
 * precise error.
 */
import { encodeRecord, recordWriter } from "./encode.js";
import { GIVE_UP, LENGTH_DELIMITED, OUTCOMES } from "./record-writer.js";
import {
	type DeviceIdentity,
	type EvidenceOutcome,
	type EvidenceRecordFields,
	ev1,
	HASH_LENGTH,
	invalid,
	type MonotonicAnchor,
	type Requirement,
	type TimeQuality,
} from "./schema.js";

/** What repeats on every reading record of one checklist item, technician and device boot. */
export interface ReadingTemplateFields {
	gatewayId: string;
	workOrderId: string;
	taskId: string;
	checklistItemId: string;
	technicianId: string;
	/** The device identity without readingSeq. */
	device: Omit<DeviceIdentity, "readingSeq">;
	requirement?: Requirement;
}

/** What changes from one reading record to the next. */
export interface ReadingVaryingFields {
	id: string;
	readingSeq: number;
	deviceTimeUs: number;
	gatewayTimeMs: number;
	clockSkewMs: number;
	quantity: string;
	/** Left out when the reading had no finite value. */
	value?: number;
	unit: string;
	outcome: EvidenceOutcome;
	/** Format 2 (README.md, "Time"): the gateway clock's quality, its source, the boot anchor, the device-time flag. */
	timeQuality?: TimeQuality;
	timeSource?: string;
	monotonic?: MonotonicAnchor;
	deviceTimeImplausible?: boolean;
}

/** The bytes of a record with chain_seq 1 and a 32-byte prev_hash, and nothing else, are 36 long. */
const CHAIN_FIELDS_LENGTH = 2 + 2 + HASH_LENGTH;
const DEVICE_TAG = (11 << 3) | LENGTH_DELIMITED;

export class ReadingRecordTemplate {
	/** Fields 4..10: gateway, work order, task, item, technician, kind. */
	private readonly shared: Buffer;
	/** DeviceIdentity fields 1..5 and 7..10, around reading_seq (6). */
	private readonly devicePrefix: Buffer;
	private readonly deviceSuffix: Buffer;
	/** Field 18 whole (tag, length, body), or nothing. */
	private readonly requirement: Buffer;

	constructor(readonly fields: ReadingTemplateFields) {
		const { device, requirement, ...ids } = fields;
		if ("readingSeq" in device) throw invalid("ReadingTemplateFields.device.readingSeq", "varies per record: give it to encode(), not to the template");
		this.shared = fieldsAfterChain({ ...ids, kind: ev1.EvidenceRecord.Kind.KIND_READING });
		const { calibrationCertificateId, calibratedAtMs, calibrationDueAtMs, calibrationLaboratory, ...beforeSeq } = device;
		this.devicePrefix = deviceBody(beforeSeq);
		this.deviceSuffix = deviceBody({ calibrationCertificateId, calibratedAtMs, calibrationDueAtMs, calibrationLaboratory });
		this.requirement = requirement === undefined ? Buffer.alloc(0) : fieldsAfterChain({ requirement });
	}

	/** Canonical bytes of the reading record with these chain fields. */
	encode(varying: ReadingVaryingFields, chainSeq: number, prevHash: Uint8Array): Uint8Array {
		return this.encodeFast(varying, chainSeq, prevHash) ?? encodeRecord(this.wholeRecord(varying, chainSeq, prevHash));
	}

	/** The record encodeRecord would take: what the fast path must match byte for byte. */
	wholeRecord(varying: ReadingVaryingFields, chainSeq: number, prevHash: Uint8Array): EvidenceRecordFields {
		const { id, readingSeq, outcome, ...measured } = varying;
		return {
			id,
			chainSeq,
			prevHash,
			...this.fields,
			kind: ev1.EvidenceRecord.Kind.KIND_READING,
			device: { ...this.fields.device, readingSeq },
			...measured,
			outcome,
		};
	}

	private encodeFast(varying: ReadingVaryingFields, chainSeq: number, prevHash: Uint8Array): Buffer | undefined {
		if (!(chainSeq >= 1) || !(prevHash instanceof Uint8Array) || prevHash.length !== HASH_LENGTH) return undefined;
		const writer = recordWriter;
		if (!writer.begin()) return undefined;
		try {
			let present = writer.putString(1, varying.id);
			present += writer.putUint64(2, chainSeq);
			present += writer.putBytes(3, prevHash, HASH_LENGTH);
			writer.putSegment(this.shared);
			present += this.putDevice(varying.readingSeq);
			present += writer.putUint64(12, varying.deviceTimeUs);
			present += writer.putUint64(13, varying.gatewayTimeMs);
			present += writer.putSint64(14, varying.clockSkewMs);
			present += writer.putString(15, varying.quantity);
			present += writer.putDouble(16, varying.value, false);
			present += writer.putString(17, varying.unit);
			writer.putSegment(this.requirement);
			present += writer.putEnum(19, varying.outcome, OUTCOMES);
			present += writer.putTimeFields(varying as unknown as Record<string, unknown>);
			return present < 0 ? undefined : writer.finish();
		} finally {
			writer.end();
		}
	}

	/** Field 11: the template's identity with this reading's seq between its two halves. */
	private putDevice(readingSeq: number): number {
		if (typeof readingSeq !== "number" || !Number.isSafeInteger(readingSeq) || readingSeq < 0) return GIVE_UP;
		const seqLength = readingSeq === 0 ? 0 : 1 + varintLength(readingSeq);
		const length = this.devicePrefix.length + seqLength + this.deviceSuffix.length;
		if (length === 0) return 1; // all defaults: the canonical form leaves the message out
		const writer = recordWriter;
		writer.reserve(1 + 5 + length);
		writer.putByte(DEVICE_TAG);
		writer.putVarint(length);
		writer.putSegment(this.devicePrefix);
		writer.putUint64(6, readingSeq);
		writer.putSegment(this.deviceSuffix);
		return 1;
	}
}

/** The canonical bytes of these fields alone (encoded after placeholder chain fields, then cut). */
function fieldsAfterChain(fields: Omit<EvidenceRecordFields, "chainSeq" | "prevHash">): Buffer {
	const bytes = encodeRecord({ ...fields, chainSeq: 1, prevHash: Buffer.alloc(HASH_LENGTH) });
	return Buffer.from(bytes.subarray(CHAIN_FIELDS_LENGTH));
}

/** The body (no tag, no length) of a DeviceIdentity with only these fields. */
function deviceBody(device: DeviceIdentity): Buffer {
	const field = fieldsAfterChain({ device });
	if (field.length === 0) return field;
	let offset = 1; // the tag, one byte for field 11
	while (field[offset] & 0x80) offset++;
	return field.subarray(offset + 1);
}

function varintLength(value: number): number {
	let length = 1;
	while (value >= 0x80) {
		value = Math.floor(value / 0x80);
		length++;
	}
	return length;
}
