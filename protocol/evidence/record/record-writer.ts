/**
 * The fast writer of canonical record bytes. Chaining a record must cost a few microseconds (the
 * gateway stamps tens of thousands of readings a second), and the table-driven encoder costs
 * ~5 µs: it copies every record into a new object, then protobufjs allocates a write operation
 * per field. A RecordWriter validates and writes in one pass, with the same rules, straight into
 * a reused buffer (a slab) that it owns. It only takes the common case: plain objects (prototype
 * Object.prototype, so a property read finds an own property or nothing) with valid values and no
 * unknown keys. On anything else it gives up (undefined), and the caller takes the table-driven
 * path, which gives the same bytes or throws the precise error. record.test.ts checks that both
 * give identical bytes.
 *
 * Records are handed out as views of the slab, as Buffer.allocUnsafe hands out views of its pool:
 * no copy. A slab stays alive while a record in it does; a full slab is replaced, never reused.
 */
import { DEVICE, type EvidenceRecordFields, ev1, FIELD_FORMATS, HASH_LENGTH, isWellFormedUtf16, MONOTONIC_ANCHOR, RECORD, REQUIREMENT } from "./schema.js";

/** The format-2 record fields this writer writes itself (putTimeFields), with their numbers. */
const TIME_FIELD_KEYS = { timeQuality: 25, timeSource: 26, monotonic: 27, deviceTimeImplausible: 28 };

/** A put* method's result when the fast path cannot take the value; it swamps any count. */
export const GIVE_UP = -1_000_000;
const VARINT = 0;
const FIXED64 = 1;
export const LENGTH_DELIMITED = 2;

const RECORD_KEYS: ReadonlySet<string> = new Set(Object.keys(RECORD));
/** Record fields of format 2 or later: this writer does not write them (nor format_version), so it gives up on them. */
const LATER_FORMAT_KEYS: readonly string[] = FIELD_FORMATS.filter((f) => f.message === "EvidenceRecord" && !(f.field in TIME_FIELD_KEYS)).map((f) => f.field);
const DEVICE_KEYS: ReadonlySet<string> = new Set(Object.keys(DEVICE));
const REQUIREMENT_KEYS: ReadonlySet<string> = new Set(Object.keys(REQUIREMENT));
const KINDS: ReadonlySet<unknown> = new Set(Object.values(ev1.EvidenceRecord.Kind));
export const OUTCOMES: ReadonlySet<unknown> = new Set(Object.values(ev1.EvidenceRecord.Outcome));
const SIGNER_ROLES: ReadonlySet<unknown> = new Set(Object.values(ev1.EvidenceRecord.SignerRole));
const TIME_QUALITIES: ReadonlySet<unknown> = new Set(Object.values(ev1.EvidenceRecord.TimeQuality));
const MONOTONIC_KEYS: ReadonlySet<string> = new Set(Object.keys(MONOTONIC_ANCHOR));
/** The format of fields 25..28, from the one table that declares formats (format_version written after them). */
const TIME_FIELDS_FORMAT = Math.max(...FIELD_FORMATS.filter((f) => f.message === "EvidenceRecord" && f.field in TIME_FIELD_KEYS).map((f) => f.format));

const SLAB_SIZE = 16 * 1024;

/**
 * Writing one record: begin(), the put* methods, then finish() for the bytes, and end() in a
 * finally block whatever happened. Each put* method takes a field's value as read from the input
 * and returns 0 when it is undefined (the key does not count as present), 1 when it is written or
 * left out as a default, GIVE_UP when the table-driven path must decide. After GIVE_UP the bytes
 * written are garbage, which end() drops.
 */
export class RecordWriter {
	private slab = Buffer.allocUnsafeSlow(SLAB_SIZE);
	private view = new DataView(this.slab.buffer);
	/** Where the record being written starts, and where the next byte goes. */
	private start = 0;
	private pos = 0;
	/** A getter on the input could call the writer again while a record is being written. */
	private busy = false;
	// Bound once: putMessage calls them for the sub-messages.
	private readonly deviceFields = (device: Record<string, unknown>) => this.putDevice(device);
	private readonly requirementFields = (requirement: Record<string, unknown>) => this.putRequirement(requirement);
	private readonly monotonicFields = (anchor: Record<string, unknown>) => this.putMonotonic(anchor);

	/** Canonical bytes of the record, or undefined when the table-driven path must encode it. */
	writeRecord(record: EvidenceRecordFields): Buffer | undefined {
		if (typeof record !== "object" || record === null || Object.getPrototypeOf(record) !== Object.prototype || !this.begin()) return undefined;
		try {
			return this.putRecord(record as Record<string, unknown>) ? this.finish() : undefined;
		} finally {
			this.end();
		}
	}

	/** Starts a record; false while another one is being written (a getter re-entered). */
	begin(): boolean {
		if (this.busy) return false;
		this.busy = true;
		this.start = this.pos;
		return true;
	}

	/** The record written since begin(), as a view of the slab. */
	finish(): Buffer {
		const bytes = Buffer.from(this.slab.buffer, this.start, this.pos - this.start);
		this.start = this.pos;
		return bytes;
	}

	/** Ends the record: the bytes of one given up on are garbage, overwritten next time. */
	end(): void {
		this.pos = this.start;
		this.busy = false;
	}

	reserve(bytes: number): void {
		if (this.pos + bytes <= this.slab.length) return;
		// A fresh slab, with the record so far moved to its start.
		const written = this.pos - this.start;
		const next = Buffer.allocUnsafeSlow(Math.max(SLAB_SIZE, 2 * (written + bytes)));
		this.slab.copy(next, 0, this.start, this.pos);
		this.slab = next;
		this.view = new DataView(next.buffer);
		this.start = 0;
		this.pos = written;
	}

	/** Varint of a non-negative safe integer. The caller has reserved 10 bytes. */
	putVarint(value: number): void {
		const slab = this.slab;
		let pos = this.pos;
		while (value > 0x7fff_ffff) {
			// `&` sees the low 32 bits, which hold the low 7; the division is exact.
			slab[pos++] = (value & 0x7f) | 0x80;
			value = (value - (value & 0x7f)) / 0x80;
		}
		while (value > 0x7f) {
			slab[pos++] = (value & 0x7f) | 0x80;
			value >>>= 7;
		}
		slab[pos++] = value;
		this.pos = pos;
	}

	/** A byte the caller has reserved room for. */
	putByte(value: number): void {
		this.slab[this.pos++] = value;
	}

	/** Bytes already canonical (a template's shared fields). */
	putSegment(bytes: Buffer): void {
		this.reserve(bytes.length);
		this.slab.set(bytes, this.pos);
		this.pos += bytes.length;
	}

	/** The caller has reserved 2 bytes (field numbers are below 2^11). */
	private putTag(field: number, wireType: number): void {
		const tag = (field << 3) | wireType;
		if (tag < 0x80) {
			this.slab[this.pos++] = tag;
		} else {
			this.slab[this.pos++] = (tag & 0x7f) | 0x80;
			this.slab[this.pos++] = tag >>> 7;
		}
	}

	putString(field: number, value: unknown): number {
		if (value === undefined) return 0;
		if (value === null) return 1;
		if (typeof value !== "string") return GIVE_UP;
		const length = value.length;
		if (length === 0) return 1;
		this.reserve(3 + 5 + 3 * length); // tag, length, at most 3 UTF-8 bytes per UTF-16 code unit
		this.putTag(field, LENGTH_DELIMITED);
		if (length <= 42) {
			// The UTF-8 length is at most 126, so its varint is one byte: write the text after it
			// directly while it is ASCII (which is also well-formed, no isWellFormed needed).
			const buffer = this.slab;
			const pos = this.pos;
			let at = pos + 1;
			const end = at + length;
			for (let i = 0; at < end; i++, at++) {
				const code = value.charCodeAt(i);
				if (code >= 0x80) break;
				buffer[at] = code;
			}
			if (at === end) {
				buffer[pos] = length;
				this.pos = end;
				return 1;
			}
		}
		if (!isWellFormedUtf16(value)) return GIVE_UP;
		const bytes = Buffer.byteLength(value, "utf8");
		this.putVarint(bytes);
		this.pos += this.slab.write(value, this.pos, "utf8");
		return 1;
	}

	putUint64(field: number, value: unknown): number {
		if (value === undefined) return 0;
		if (value === null) return 1;
		if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) return GIVE_UP;
		if (value !== 0) {
			this.reserve(12);
			this.putTag(field, VARINT);
			this.putVarint(value);
		}
		return 1;
	}

	putSint64(field: number, value: unknown): number {
		if (value === undefined) return 0;
		if (value === null) return 1;
		if (typeof value !== "number" || !Number.isSafeInteger(value)) return GIVE_UP;
		if (value !== 0) {
			this.reserve(12);
			this.putTag(field, VARINT);
			// ZigZag: 2k + sign with k = |value| - sign. 2k + 1 can pass 2^53, where doubles lose the
			// low bit, so write the first 7 bits from k's low 6 bits and the sign, then k / 64.
			const sign = value < 0 ? 1 : 0;
			const k = sign ? -value - 1 : value;
			const rest = (k - (k & 0x3f)) / 0x40;
			this.slab[this.pos++] = ((k & 0x3f) << 1) | sign | (rest > 0 ? 0x80 : 0);
			if (rest > 0) this.putVarint(rest);
		}
		return 1;
	}

	/** `optional` doubles are written whenever set; plain ones omit +0 only (-0 has other bits). */
	putDouble(field: number, value: unknown, optional: boolean): number {
		if (value === undefined) return 0;
		if (value === null) return 1;
		if (typeof value !== "number" || !Number.isFinite(value)) return GIVE_UP;
		if (optional || !Object.is(value, 0)) {
			this.reserve(10);
			this.putTag(field, FIXED64);
			this.view.setFloat64(this.pos, value, true);
			this.pos += 8;
		}
		return 1;
	}

	putBool(field: number, value: unknown): number {
		if (value === undefined) return 0;
		if (value === null) return 1;
		if (typeof value !== "boolean") return GIVE_UP;
		if (value) {
			this.reserve(3);
			this.putTag(field, VARINT);
			this.slab[this.pos++] = 1;
		}
		return 1;
	}

	/** `hashLength` 32: exactly 32 bytes; -32: 32 bytes or none; 0: any length. */
	putBytes(field: number, value: unknown, hashLength: 0 | 32 | -32): number {
		if (value === undefined) return 0;
		if (value === null) return 1;
		if (!(value instanceof Uint8Array)) return GIVE_UP;
		const length = value.length;
		if (hashLength === 32 ? length !== 32 : hashLength === -32 && length !== 32 && length !== 0) return GIVE_UP;
		if (length !== 0) {
			this.reserve(3 + 5 + length);
			this.putTag(field, LENGTH_DELIMITED);
			this.putVarint(length);
			this.slab.set(value, this.pos);
			this.pos += length;
		}
		return 1;
	}

	putEnum(field: number, value: unknown, values: ReadonlySet<unknown>): number {
		if (value === undefined) return 0;
		if (value === null) return 1;
		if (!values.has(value)) return GIVE_UP;
		if (value !== 0) {
			this.reserve(12);
			this.putTag(field, VARINT);
			this.putVarint(value as number);
		}
		return 1;
	}

	private putMessage(field: number, value: unknown, putFields: (message: Record<string, unknown>) => number): number {
		if (value === undefined) return 0;
		if (value === null) return 1;
		if (typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return GIVE_UP;
		this.reserve(3 + 1);
		// Offsets from the record's start: reserve() may move the record to a new slab meanwhile.
		const tagOffset = this.pos - this.start;
		this.putTag(field, LENGTH_DELIMITED);
		// One byte for the length, as most sub-messages are shorter than 128 bytes; moved if not.
		const bodyOffset = ++this.pos - this.start;
		if (putFields(value as Record<string, unknown>) < 0) return GIVE_UP;
		const length = this.pos - (this.start + bodyOffset);
		if (length === 0) {
			this.pos = this.start + tagOffset; // all defaults: the canonical form leaves the message out
		} else if (length < 0x80) {
			this.slab[this.start + bodyOffset - 1] = length;
		} else {
			const extra = (length < 0x4000 ? 2 : length < 0x20_0000 ? 3 : length < 0x1000_0000 ? 4 : 5) - 1;
			this.reserve(extra);
			const bodyStart = this.start + bodyOffset;
			this.slab.copyWithin(bodyStart + extra, bodyStart, this.pos);
			this.pos = bodyStart - 1;
			this.putVarint(length);
			this.pos += length;
		}
		return 1;
	}

	/**
	 * Fields 25..28 (format 2: time quality, time source, monotonic anchor, implausible device time)
	 * and then format_version (100) = their format when any of them was written, as the
	 * table-driven encoder does (README.md, "Format evolution"). Returns how many are present, or GIVE_UP.
	 */
	putTimeFields(record: Record<string, unknown>): number {
		const before = this.pos;
		let present = this.putEnum(25, record.timeQuality, TIME_QUALITIES);
		present += this.putString(26, record.timeSource);
		present += this.putMessage(27, record.monotonic, this.monotonicFields);
		present += this.putBool(28, record.deviceTimeImplausible);
		if (present > 0 && this.pos !== before) {
			this.reserve(2 + 1);
			this.putTag(100, VARINT);
			this.putVarint(TIME_FIELDS_FORMAT);
		}
		return present;
	}

	private putMonotonic(anchor: Record<string, unknown>): number {
		let present = this.putBytes(1, anchor.bootId, 0);
		present += this.putUint64(2, anchor.offsetMs);
		return present >= 0 && onlyKnownKeys(anchor, present, MONOTONIC_KEYS) ? 1 : GIVE_UP;
	}

	private putDevice(device: Record<string, unknown>): number {
		let present = this.putString(1, device.deviceId);
		present += this.putString(2, device.model);
		present += this.putString(3, device.firmwareVersion);
		present += this.putString(4, device.serialNumber);
		present += this.putBytes(5, device.bootId, 0);
		present += this.putUint64(6, device.readingSeq);
		present += this.putString(7, device.calibrationCertificateId);
		present += this.putUint64(8, device.calibratedAtMs);
		present += this.putUint64(9, device.calibrationDueAtMs);
		present += this.putString(10, device.calibrationLaboratory);
		return present >= 0 && onlyKnownKeys(device, present, DEVICE_KEYS) ? 1 : GIVE_UP;
	}

	private putRequirement(requirement: Record<string, unknown>): number {
		let present = this.putDouble(1, requirement.min, true);
		present += this.putDouble(2, requirement.max, true);
		present += this.putString(3, requirement.unit);
		present += this.putBool(4, requirement.calibratedRequired);
		return present >= 0 && onlyKnownKeys(requirement, present, REQUIREMENT_KEYS) ? 1 : GIVE_UP;
	}

	/** Writes the record's canonical bytes after begin(); false when the table-driven path must. */
	private putRecord(record: Record<string, unknown>): boolean {
		const { chainSeq, prevHash } = record;
		// Both are required; the table-driven path says what is wrong with them.
		if (typeof chainSeq !== "number" || !(chainSeq >= 1) || !(prevHash instanceof Uint8Array) || prevHash.length !== HASH_LENGTH) return false;
		// format_version (README.md, "Format evolution") is the table-driven encoder's to decide.
		if (record.formatVersion !== undefined) return false;
		for (const key of LATER_FORMAT_KEYS) if (record[key] !== undefined) return false;
		let present = this.putString(1, record.id);
		present += this.putUint64(2, chainSeq);
		present += this.putBytes(3, prevHash, HASH_LENGTH);
		present += this.putString(4, record.gatewayId);
		present += this.putString(5, record.workOrderId);
		present += this.putString(6, record.taskId);
		present += this.putString(7, record.checklistItemId);
		present += this.putString(8, record.deliverableId);
		present += this.putString(9, record.technicianId);
		present += this.putEnum(10, record.kind, KINDS);
		present += this.putMessage(11, record.device, this.deviceFields);
		present += this.putUint64(12, record.deviceTimeUs);
		present += this.putUint64(13, record.gatewayTimeMs);
		present += this.putSint64(14, record.clockSkewMs);
		present += this.putString(15, record.quantity);
		present += this.putDouble(16, record.value, false);
		present += this.putString(17, record.unit);
		present += this.putMessage(18, record.requirement, this.requirementFields);
		present += this.putEnum(19, record.outcome, OUTCOMES);
		present += this.putBytes(20, record.attachmentSha256, -HASH_LENGTH as -32);
		present += this.putString(21, record.attachmentMediaType);
		present += this.putUint64(22, record.attachmentSize);
		present += this.putString(23, record.text);
		present += this.putEnum(24, record.signerRole, SIGNER_ROLES);
		present += this.putTimeFields(record);
		return present >= 0 && onlyKnownKeys(record, present, RECORD_KEYS);
	}
}

/**
 * `present` counts the known fields the message has (not undefined). If it has no more own
 * enumerable keys than that, those keys are the known fields: nothing unknown. Otherwise scan,
 * as the table-driven encoder does (an unknown key is allowed when its value is undefined).
 */
function onlyKnownKeys(message: Record<string, unknown>, present: number, known: ReadonlySet<string>): boolean {
	const keys = Object.keys(message);
	if (keys.length === present) return true;
	for (const key of keys) {
		if (!known.has(key) && message[key] !== undefined) return false;
	}
	return true;
}
