import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ErrorCodes, FieldchainError, isFieldchainError } from "../platform/errors.js";
import {
	type BodyKind,
	type Command,
	CommandStatus,
	decodeEnvelope,
	type EnvelopeInit,
	EventKind,
	encodeEnvelope,
	envelopeToJson,
	ProtocolErrorCode,
	ReadingFlag,
	v1,
} from "./codec.js";

const BOOT_ID = Uint8Array.from([0x5f, 0x3a, 0x00, 0x0e, 0x7b, 0x21, 0xd4, 0x48, 0x6a, 0x0f, 0x13, 0xc2, 0xe9, 0x8b, 0x7d, 0x01]);
const T_US = 1_764_000_000_123_456;

/** One Envelope of every body kind, with every field of the body set. */
const SAMPLES: Record<BodyKind, EnvelopeInit> = {
	hostHello: { seq: 1, hostHello: { gatewayId: "gw-1", protocolMajor: 1, protocolMinor: 2, maxPayload: 4096, hostTimeUs: T_US, hostTimeQuality: 2 } },
	timeRequest: { seq: 14, timeRequest: { deviceTimeUs: 3_725_000_000 } },
	timeSync: { seq: 15, timeSync: { timeUs: T_US, quality: 3, requestSeq: 14, requestDeviceTimeUs: 3_725_000_000, source: "gnss", uncertaintyMs: 20 } },
	hello: {
		seq: 2,
		hello: {
			deviceId: "fc-mm-0042",
			model: "FC-MM1",
			hardwareRevision: "C",
			firmwareVersion: "1.4.2",
			protocolMajor: 1,
			protocolMinor: 0,
			maxPayload: 512,
			window: 4,
			capabilities: [{ quantity: "resistance", unit: "Ohm", rangeMin: 0.1, rangeMax: 2e6, resolution: 0.01, channel: "A" }],
			calibration: { certificateId: "CAL-1", calibratedAt: 1_737_100_800_000, dueAt: 1_768_636_800_000, laboratory: "Lab" },
			bootId: BOOT_ID,
			serialNumber: "SN-1",
		},
	},
	reading: {
		seq: 3,
		reading: { seq: 7, deviceTimeUs: T_US, quantity: "voltage", value: -231.87, unit: "V", flags: ReadingFlag.READING_FLAG_RESENT, channel: "B" },
	},
	ack: { seq: 4, ack: { upToSeq: 7, bootId: BOOT_ID } },
	command: { seq: 5, command: { setRate: { readingsPerSecond: 2.5 } } },
	commandResult: {
		seq: 6,
		commandResult: {
			commandSeq: 5,
			status: CommandStatus.STATUS_OK,
			message: "ok",
			deviceStatus: {
				streaming: true,
				readingsPerSecond: 2.5,
				unackedReadings: 3,
				nextReadingSeq: 8,
				uptimeMs: 3_725_000,
				batteryPercent: 87,
				framesBadCrc: 2,
				framesUndecodable: 1,
			},
		},
	},
	event: { seq: 7, event: { kind: EventKind.KIND_PROBE_ATTACHED, deviceTimeUs: T_US, detail: "probe 2" } },
	heartbeat: { seq: 8, heartbeat: { deviceTimeUs: T_US, unackedReadings: 1, batteryPercent: 50, uptimeMs: 1000 } },
	error: { seq: 9, error: { code: ProtocolErrorCode.CODE_BAD_MESSAGE, message: "bad", relatedSeq: 4 } },
	imageUpload: {
		seq: 10,
		imageUpload: { offset: 0, data: Uint8Array.of(1, 2, 3), imageLength: 300, sha256: new Uint8Array(32).fill(7), slot: 1, allowDowngrade: true },
	},
	imageUploadResult: { seq: 11, imageUploadResult: { requestSeq: 10, status: 1, nextOffset: 3, match: true, complete: true, message: "ok" } },
	imageStateRequest: { seq: 12, imageStateRequest: { action: 1, hash: new Uint8Array(32).fill(9), allowDowngrade: true } },
	imageState: {
		seq: 13,
		imageState: {
			requestSeq: 12,
			status: 1,
			message: "ok",
			slots: [{ slot: 0, version: "1.2.3+4", hash: new Uint8Array(32).fill(9), hardware: "FC-MM1", pending: true, confirmed: true, active: true, size: 300 }],
			selfTest: 2,
			rolledBack: true,
			uploadSha256: new Uint8Array(32).fill(7),
			uploadOffset: 100,
			uploadLength: 300,
		},
	},
};

const COMMANDS: Command[] = [
	{ startStreaming: { quantity: "voltage" } },
	{ startStreaming: {} },
	{ stopStreaming: {} },
	{ identify: { durationMs: 3000 } },
	{ setRate: { readingsPerSecond: 0.25 } },
	{ getStatus: {} },
	{ reboot: {} },
];

const roundTrip = (envelope: EnvelopeInit) => decodeEnvelope(encodeEnvelope(envelope));

/** Runs fn and returns what it threw. */
function thrown(fn: () => unknown): unknown {
	try {
		fn();
	} catch (error) {
		return error;
	}
	throw new Error("expected a throw");
}

describe("Envelope round trip", () => {
	it.each(Object.entries(SAMPLES))("%s", (kind, envelope) => {
		const decoded = roundTrip(envelope);
		expect(decoded.body).toBe(kind);
		expect(decoded.seq).toBe(envelope.seq);
		expect(envelopeToJson(decoded)).toEqual(envelopeToJson(v1.Envelope.fromObject(envelope)));
	});

	it("keeps every field of Hello, including repeated capabilities and boot_id bytes", () => {
		const hello = roundTrip(SAMPLES.hello).hello!;
		expect(hello).toMatchObject({ deviceId: "fc-mm-0042", window: 4, serialNumber: "SN-1" });
		expect(hello.capabilities).toHaveLength(1);
		expect(hello.capabilities![0]).toMatchObject({ quantity: "resistance", rangeMin: 0.1, rangeMax: 2e6, resolution: 0.01 });
		expect(hello.calibration).toMatchObject({ certificateId: "CAL-1", dueAt: 1_768_636_800_000 });
		expect(Buffer.from(hello.bootId!)).toEqual(Buffer.from(BOOT_ID));
	});

	it.each(COMMANDS)("command %o", (action) => {
		const decoded = roundTrip({ seq: 42, command: action });
		expect(decoded.body).toBe("command");
		expect(decoded.command!.action).toBe(Object.keys(action)[0]);
		expect(envelopeToJson(decoded)).toEqual({ seq: 42, command: envelopeToJson(v1.Envelope.fromObject({ command: action })).command });
	});

	it("gives JSON with enum names, base64 bytes and no defaults", () => {
		expect(envelopeToJson(roundTrip(SAMPLES.error))).toEqual({ seq: 9, error: { code: "CODE_BAD_MESSAGE", message: "bad", relatedSeq: 4 } });
		expect(envelopeToJson(roundTrip({ ack: { upToSeq: 1, bootId: BOOT_ID } }))).toEqual({
			ack: { upToSeq: 1, bootId: Buffer.from(BOOT_ID).toString("base64") },
		});
		expect(envelopeToJson(roundTrip({ seq: 0, command: { reboot: {} } }))).toEqual({ command: { reboot: {} } });
	});
});

describe("64-bit fields", () => {
	it("decode as plain numbers, exactly, up to 2^53 - 1", () => {
		const big = Number.MAX_SAFE_INTEGER;
		const decoded = roundTrip({ hostHello: { hostTimeUs: big } });
		expect(typeof decoded.hostHello!.hostTimeUs).toBe("number");
		expect(decoded.hostHello!.hostTimeUs).toBe(big);

		const hello = roundTrip(SAMPLES.hello).hello!;
		expect(typeof hello.calibration!.calibratedAt).toBe("number");
		expect(hello.calibration!.calibratedAt).toBe(1_737_100_800_000);

		expect(roundTrip(SAMPLES.reading).reading!.deviceTimeUs).toBe(T_US);
		expect(roundTrip(SAMPLES.event).event!.deviceTimeUs).toBe(T_US);
		expect(roundTrip(SAMPLES.heartbeat).heartbeat!.deviceTimeUs).toBe(T_US);
		expect(roundTrip(SAMPLES.commandResult).commandResult!.deviceStatus!.uptimeMs).toBe(3_725_000);
	});

	it("are numbers in envelopeToJson", () => {
		expect(envelopeToJson(roundTrip(SAMPLES.heartbeat))).toEqual({
			seq: 8,
			heartbeat: { deviceTimeUs: T_US, unackedReadings: 1, batteryPercent: 50, uptimeMs: 1000 },
		});
	});

	it("round-trip any safe integer", () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (us) => {
				expect(roundTrip({ heartbeat: { deviceTimeUs: us, uptimeMs: us } }).heartbeat).toMatchObject({ deviceTimeUs: us, uptimeMs: us });
			}),
		);
	});
});

describe("decodeEnvelope errors", () => {
	it.each([
		{ name: "a truncated varint", bytes: [0x08, 0x80] },
		{ name: "a truncated length-delimited field", bytes: [0x52, 0x05, 0x0a] },
		{ name: "a length beyond the end", bytes: [0x62, 0x7f] },
		{ name: "wire type 7 (invalid)", bytes: [0x0f, 0x01] },
		{ name: "wire type 4 without a group start", bytes: [0x0c] },
		{ name: "a truncated nested message", bytes: [0x5a, 0x03, 0x0a, 0x05, 0x41] },
		{ name: "a truncated fixed64 (double)", bytes: [0x62, 0x03, 0x21, 0x00, 0x00] },
	])("throws FC_PROTO_DECODE for $name", ({ bytes }) => {
		const error = thrown(() => decodeEnvelope(Uint8Array.from(bytes)));
		expect(error).toBeInstanceOf(FieldchainError);
		expect((error as FieldchainError).code).toBe(ErrorCodes.FC_PROTO_DECODE);
		expect((error as FieldchainError).cause).toBeDefined();
	});

	it("throws FC_PROTO_EMPTY for no bytes", () => {
		const error = thrown(() => decodeEnvelope(new Uint8Array(0)));
		expect(isFieldchainError(error, "FC_PROTO_EMPTY")).toBe(true);
	});

	it("throws FC_PROTO_EMPTY for an Envelope with only a seq, or only a field from a newer minor", () => {
		expect(
			isFieldchainError(
				thrown(() => decodeEnvelope(Uint8Array.from([0x08, 0x05]))),
				"FC_PROTO_EMPTY",
			),
		).toBe(true);
		// Field 99, varint: tag (99 << 3) | 0 = 0x318 -> 98 06.
		expect(
			isFieldchainError(
				thrown(() => decodeEnvelope(Uint8Array.from([0x98, 0x06, 0x01]))),
				"FC_PROTO_EMPTY",
			),
		).toBe(true);
	});

	it("ignores unknown fields next to a known body", () => {
		const known = encodeEnvelope(SAMPLES.ack);
		const decoded = decodeEnvelope(Buffer.concat([known, Uint8Array.from([0x98, 0x06, 0x01])]));
		expect(decoded.ack!.upToSeq).toBe(7);
	});

	it("on random bytes either decodes or throws FC_PROTO_DECODE / FC_PROTO_EMPTY, never anything else", () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
				try {
					expect(decodeEnvelope(bytes).body).toBeDefined();
				} catch (error) {
					expect(error).toBeInstanceOf(FieldchainError);
					expect(["FC_PROTO_DECODE", "FC_PROTO_EMPTY"]).toContain((error as FieldchainError).code);
				}
			}),
			{ numRuns: 2000 },
		);
	});

	it("on truncated valid Envelopes throws only FieldchainErrors", () => {
		for (const envelope of Object.values(SAMPLES)) {
			const bytes = encodeEnvelope(envelope);
			for (let length = 0; length < bytes.length; length++) {
				try {
					decodeEnvelope(bytes.subarray(0, length));
				} catch (error) {
					expect(error).toBeInstanceOf(FieldchainError);
				}
			}
		}
	});
});
