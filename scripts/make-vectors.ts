/**
 * Writes protocol/vectors/v1.json, the golden vectors of protocol v1: one Envelope per entry as
 * JSON (protobufjs toObject: camelCase names, enums by name, bytes base64, 64-bit as numbers), its
 * protobuf bytes and its complete serial frame. Every value is fixed, so the file only changes when
 * the schema, the codec or the framing changes; protocol/vectors/vectors.real.test.ts checks it is current.
 *
 * Usage: npm run vectors   (npx tsx scripts/make-vectors.ts)
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Command, type EnvelopeInit, encodeEnvelope, envelopeToJson, v1 } from "../protocol/codec.js";
import { encodeFrame } from "../protocol/framing/frame.js";

export const VECTORS_PATH = fileURLToPath(new URL("../protocol/vectors/v1.json", import.meta.url));

export interface GoldenVector {
	name: string;
	description: string;
	json: Record<string, unknown>;
	payloadHex: string;
	frameHex: string;
}

interface VectorSource {
	name: string;
	description: string;
	envelope: EnvelopeInit;
}

const BOOT_ID = Buffer.from("5f3a9c0e7b21d4486a0f13c2e98b7d01", "hex");
/** 2025-11-24T16:00:00Z, the fixed "now" of every vector. */
const NOW_MS = 1_764_000_000_000;
const NOW_US = NOW_MS * 1000;
const { ReadingFlag } = v1;
const CommandStatus = v1.CommandResult.Status;
const EventKind = v1.Event.Kind;
const ErrorCode = v1.Error.Code;
const { ImageStatus, SelfTest } = v1;
const ImageAction = v1.ImageStateRequest.Action;
const IMAGE_SHA256 = Buffer.from("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "hex");
const IMAGE_HASH = Buffer.from("60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752", "hex");

function command(name: string, description: string, seq: number, action: Command): VectorSource {
	return { name, description, envelope: { seq, command: action } };
}

const SOURCES: VectorSource[] = [
	{
		name: "host_hello",
		description: "Gateway -> device, the first message on a new link.",
		envelope: { seq: 1, hostHello: { gatewayId: "gw-workshop-01", protocolMajor: 1, protocolMinor: 0, maxPayload: 4096, hostTimeUs: NOW_US } },
	},
	{
		name: "hello",
		description: "Device -> gateway: identity, two capabilities, calibration and a 16-byte boot_id.",
		envelope: {
			seq: 1,
			hello: {
				deviceId: "fc-mm-0042",
				model: "FC-MM1",
				hardwareRevision: "C",
				firmwareVersion: "1.4.2",
				protocolMajor: 1,
				protocolMinor: 0,
				maxPayload: 512,
				window: 4,
				capabilities: [
					{ quantity: "resistance", unit: "Ohm", rangeMin: 0, rangeMax: 2_000_000, resolution: 0.01, channel: "A" },
					{ quantity: "voltage", unit: "V", rangeMin: -600, rangeMax: 600, resolution: 0.001, channel: "B" },
				],
				calibration: { certificateId: "CAL-2025-0117", calibratedAt: 1_737_100_800_000, dueAt: 1_768_636_800_000, laboratory: "Metrology Lab North" },
				bootId: BOOT_ID,
				serialNumber: "SN-7741-0042",
			},
		},
	},
	{
		name: "reading",
		description: "Device -> gateway: the first reading of a boot.",
		envelope: { seq: 2, reading: { seq: 1, deviceTimeUs: NOW_US + 1_500_000, quantity: "resistance", value: 0.4735, unit: "Ohm", channel: "A" } },
	},
	{
		name: "reading_resent",
		description: "A reading sent again after an ack timeout: flags READING_FLAG_RESENT | READING_FLAG_UNSTABLE (20).",
		envelope: {
			seq: 9,
			reading: {
				seq: 2,
				deviceTimeUs: NOW_US + 2_500_000,
				quantity: "voltage",
				value: -231.87,
				unit: "V",
				flags: ReadingFlag.READING_FLAG_RESENT | ReadingFlag.READING_FLAG_UNSTABLE,
				channel: "B",
			},
		},
	},
	{
		name: "reading_clock_since_boot",
		description: "A device without wall clock: device_time_us counts from boot (READING_FLAG_CLOCK_SINCE_BOOT), plus READING_FLAG_OVERRANGE.",
		envelope: {
			seq: 3,
			reading: {
				seq: 3,
				deviceTimeUs: 42_000_000,
				quantity: "insulation_resistance",
				value: 2000,
				unit: "MOhm",
				flags: ReadingFlag.READING_FLAG_CLOCK_SINCE_BOOT | ReadingFlag.READING_FLAG_OVERRANGE,
			},
		},
	},
	{
		name: "ack",
		description: "Gateway -> device: readings 1..17 of this boot are stored durably.",
		envelope: { seq: 2, ack: { upToSeq: 17, bootId: BOOT_ID } },
	},
	{
		name: "ack_current_boot",
		description: "Ack with an empty boot_id: it refers to the device's current boot.",
		envelope: { seq: 3, ack: { upToSeq: 3 } },
	},
	command("command_start_streaming", "Start streaming voltage readings only.", 4, { startStreaming: { quantity: "voltage" } }),
	command("command_start_streaming_all", "Start streaming every capability (empty StartStreaming).", 5, { startStreaming: {} }),
	command("command_stop_streaming", "Stop streaming (empty message).", 6, { stopStreaming: {} }),
	command("command_identify", "Blink or beep for 3 s.", 7, { identify: { durationMs: 3000 } }),
	command("command_set_rate", "Take 2.5 readings per second.", 8, { setRate: { readingsPerSecond: 2.5 } }),
	command("command_get_status", "Ask for a DeviceStatus.", 10, { getStatus: {} }),
	command("command_reboot", "Reboot the device.", 11, { reboot: {} }),
	{
		name: "command_result_ok",
		description: "Device -> gateway: the command with Envelope.seq 8 succeeded.",
		envelope: { seq: 12, commandResult: { commandSeq: 8, status: CommandStatus.STATUS_OK } },
	},
	{
		name: "command_result_status",
		description: "Answer to GetStatus (command_seq 10) with a DeviceStatus.",
		envelope: {
			seq: 13,
			commandResult: {
				commandSeq: 10,
				status: CommandStatus.STATUS_OK,
				deviceStatus: {
					streaming: true,
					readingsPerSecond: 2.5,
					unackedReadings: 3,
					nextReadingSeq: 21,
					uptimeMs: 3_725_000,
					batteryPercent: 87,
					framesBadCrc: 2,
					framesUndecodable: 1,
				},
			},
		},
	},
	{
		name: "command_result_unsupported",
		description: "A command the device does not implement.",
		envelope: { seq: 14, commandResult: { commandSeq: 11, status: CommandStatus.STATUS_UNSUPPORTED, message: "reboot is disabled while a test is running" } },
	},
	{
		name: "event_boot",
		description: "Device -> gateway: the device booted.",
		envelope: { seq: 15, event: { kind: EventKind.KIND_BOOT, deviceTimeUs: NOW_US, detail: "power-on reset" } },
	},
	{
		name: "event_buffer_full",
		description: "The device stopped taking readings because its unacked buffer is full.",
		envelope: { seq: 16, event: { kind: EventKind.KIND_BUFFER_FULL, deviceTimeUs: NOW_US + 60_000_000, detail: "256 readings unacked" } },
	},
	{
		name: "heartbeat",
		description: "Device -> gateway liveness and buffer report.",
		envelope: { seq: 17, heartbeat: { deviceTimeUs: NOW_US + 30_000_000, unackedReadings: 5, batteryPercent: 64, uptimeMs: 86_400_000 } },
	},
	{
		name: "error_protocol_version",
		description: "Either side: the peer's protocol_major is not ours; the link must not be used.",
		envelope: { seq: 2, error: { code: ErrorCode.CODE_PROTOCOL_VERSION, message: "protocol_major 2 is not supported (this side speaks 1)", relatedSeq: 1 } },
	},
	{
		name: "zero_bytes_in_payload",
		description: "Payload with zero bytes inside (value 0.5 is 3F E0 00 00 00 00 00 00 as a double): COBS must stuff them.",
		envelope: { seq: 256, reading: { seq: 256, deviceTimeUs: 0x1_0000_0000, quantity: "current", value: 0.5, unit: "A" } },
	},
	{
		name: "long_payload",
		description: "A 300-byte detail string: the frame has a run of more than 254 non-zero bytes, so it has a full COBS block (code 0xFF).",
		envelope: { seq: 18, event: { kind: EventKind.KIND_OVERLOAD, deviceTimeUs: NOW_US + 90_000_000, detail: "overload ".repeat(33).concat("end") } },
	},
	{
		name: "host_hello_maintenance",
		description: "A maintenance host (flasher, conformance test): the device must not start streaming because of it.",
		envelope: {
			seq: 1,
			hostHello: { gatewayId: "fieldchain-maintenance", protocolMajor: 1, protocolMinor: 0, maxPayload: 16384, hostTimeUs: NOW_US, maintenance: true },
		},
	},
	{
		name: "image_upload_first_chunk",
		description: "Host -> device: the first chunk of an upload carries the image length, the SHA-256 of the whole image and the slot.",
		envelope: {
			seq: 2,
			imageUpload: { offset: 0, data: Buffer.from("3db8f396000000002000100000100000", "hex"), imageLength: 4228, sha256: IMAGE_SHA256, slot: 1 },
		},
	},
	{
		name: "image_upload_chunk",
		description: "Host -> device: a later chunk carries only its offset and data.",
		envelope: { seq: 3, imageUpload: { offset: 16, data: Buffer.from("0102030405060708", "hex") } },
	},
	{
		name: "image_upload_result",
		description: "Device -> host: the next offset it expects.",
		envelope: { seq: 20, imageUploadResult: { requestSeq: 3, status: ImageStatus.IMAGE_STATUS_OK, nextOffset: 24 } },
	},
	{
		name: "image_upload_result_complete",
		description: "Device -> host: the answer to the last byte: the SHA-256 matched and the image verified.",
		envelope: {
			seq: 21,
			imageUploadResult: {
				requestSeq: 9,
				status: ImageStatus.IMAGE_STATUS_OK,
				nextOffset: 4228,
				match: true,
				complete: true,
				message: "Image 1.5.0 verified and written to slot 1.",
			},
		},
	},
	{
		name: "image_state_request_test",
		description: "Host -> device: boot the image with this hash once at the next reset.",
		envelope: { seq: 4, imageStateRequest: { action: ImageAction.ACTION_TEST, hash: IMAGE_HASH } },
	},
	{
		name: "image_state",
		description: "Device -> host: slot 0 runs 1.4.2, confirmed; slot 1 holds 1.5.0, pending a test boot.",
		envelope: {
			seq: 22,
			imageState: {
				requestSeq: 4,
				status: ImageStatus.IMAGE_STATUS_OK,
				slots: [
					{ slot: 0, version: "1.4.2", hash: IMAGE_SHA256, hardware: "FC-MM1", confirmed: true, active: true, size: 4100 },
					{ slot: 1, version: "1.5.0", hash: IMAGE_HASH, hardware: "FC-MM1", pending: true, size: 4228 },
				],
				selfTest: SelfTest.SELF_TEST_PASSED,
			},
		},
	},
	// Protocol minor 1: selective acknowledgement (protocol/README.md, "Fast recovery").
	{
		name: "ack_selective",
		description: "Gateway -> device: readings 1..17, 19..20 and 23 of this boot are stored; 18, 21 and 22 are missing (a duplicate ack with SACK ranges).",
		envelope: {
			seq: 5,
			ack: {
				upToSeq: 17,
				bootId: BOOT_ID,
				sack: [
					{ first: 19, last: 20 },
					{ first: 23, last: 23 },
				],
			},
		},
	},
	{
		name: "ack_selective_current_boot",
		description: "Selective ack without boot_id (the device's current boot): 0 is acked cumulatively, readings 2..300 are stored, 1 is missing.",
		envelope: { seq: 6, ack: { sack: [{ first: 2, last: 300 }] } },
	},
	// Protocol minor 1: time (protocol/README.md, "Time").
	{
		name: "host_hello_time_quality",
		description: "Gateway -> device: HostHello whose host_time_us is unsynchronised (host_time_quality 1): a device should not set its clock from it.",
		envelope: {
			seq: 1,
			hostHello: { gatewayId: "gw-workshop-01", protocolMajor: 1, protocolMinor: 1, maxPayload: 4096, hostTimeUs: NOW_US, hostTimeQuality: 1 },
		},
	},
	{
		name: "time_request",
		description: "Device -> gateway: a device without a real-time clock asks for the time; device_time_us is its clock since boot (12.5 s).",
		envelope: { seq: 9, timeRequest: { deviceTimeUs: 12_500_000 } },
	},
	{
		name: "time_sync_answer",
		description: "Gateway -> device: the answer to time_request (request_seq 9, its device_time_us echoed); the gateway is NTP-synchronised.",
		envelope: {
			seq: 7,
			timeSync: { timeUs: NOW_US, quality: 2, requestSeq: 9, requestDeviceTimeUs: 12_500_000, source: "ntp" },
		},
	},
	{
		name: "time_sync_gnss",
		description: "Device -> gateway: a GNSS tool offers its time (synchronised, 1 ms uncertainty), unprompted.",
		envelope: { seq: 3, timeSync: { timeUs: NOW_US, quality: 2, source: "gnss", uncertaintyMs: 1 } },
	},
];

export function buildVectors(): GoldenVector[] {
	return SOURCES.map(({ name, description, envelope }) => {
		const payload = encodeEnvelope(envelope);
		return {
			name,
			description,
			json: envelopeToJson(v1.Envelope.decode(payload)),
			payloadHex: Buffer.from(payload).toString("hex"),
			frameHex: encodeFrame(payload).toString("hex"),
		};
	});
}

/** The file content: stable formatting, so regenerating an unchanged protocol changes nothing. */
export function renderVectors(): string {
	return `${JSON.stringify(buildVectors(), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	writeFileSync(VECTORS_PATH, renderVectors());
	console.log(`Wrote ${buildVectors().length} vectors to ${VECTORS_PATH}`);
}
