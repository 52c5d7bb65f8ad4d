/**
 * Options of the simulated device, checked once at the edge so the device logic can trust them.
 * A bad option is a FieldchainError FC_CONFIG_INVALID that names the field, because the values
 * usually come straight from command-line flags.
 */
import { type Clock, systemClock } from "../../platform/clock.js";
import { configFieldError } from "../../platform/config-errors.js";
import type { Capability } from "../../protocol/codec.js";
import { isValidDeviceId } from "../../protocol/topics.js";
import type { ImageService } from "../bootloader/image-service.js";
import { type RandomSource, randomBytes } from "./prng.js";
import { isQuantity, QUANTITIES, type Quantity } from "./quantities.js";

const invalid = configFieldError({ lead: "Simulator option ", separator: ": " });

export const MAX_RATE = 100_000;
const YEAR_MS = 365 * 24 * 3600 * 1000;

export interface CalibrationOptions {
	certificateId?: string;
	/** Milliseconds since the Unix epoch. */
	calibratedAt?: number;
	/** Milliseconds since the Unix epoch. */
	dueAt?: number;
	laboratory?: string;
}

export interface FaultOptions {
	/** Fraction (0..1) of reading frames preceded by 1..32 random bytes. */
	garbage?: number;
	/** Fraction (0..1) of reading frames sent with one bit flipped (serial) or cut short (MQTT, memory). */
	corrupt?: number;
	/** Fraction (0..1) of reading frames silently not sent. */
	drop?: number;
	/** Ignore every Ack: acked readings are kept and sent again (a broken device). */
	brokenAck?: boolean;
	/** Behave as a protocol 1.0 device: no fast retransmit or tail-loss probe, only the resend timeout. */
	noFastRetransmit?: boolean;
}

export interface SimulatedDeviceOptions {
	deviceId: string;
	model?: string;
	hardwareRevision?: string;
	firmwareVersion?: string;
	serialNumber?: string;
	quantity?: string;
	/** Readings per second, default 10, at most 100000. */
	rate?: number;
	/** Stop generating after this many readings; undefined means forever. */
	count?: number;
	calibration?: CalibrationOptions;
	/** Boot id of the first boot; default 16 bytes from `random`. */
	bootId?: Uint8Array;
	/** Resend every unacked reading when the oldest waited this long without ack progress. */
	resendTimeoutMs?: number;
	/** Unacked readings the device can hold; when full it stops measuring. */
	maxUnacked?: number;
	faults?: FaultOptions;
	/** The bootloader and image service; without it the device refuses firmware messages. */
	firmware?: ImageService;
	/**
	 * Readings come from outside (takeReading(), e.g. a johnny-five board) instead of the
	 * built-in generator; `capabilities` then describes what the source measures.
	 */
	externalReadings?: boolean;
	capabilities?: Capability[];
	/** Stream as soon as a link is attached instead of waiting for a HostHello. */
	streamWithoutHostHello?: boolean;
	heartbeatIntervalMs?: number;
	/** Repeat the unprompted Hello this often until a HostHello arrives (the first may be lost). */
	helloRetryMs?: number;
	/** The device clock's error against true time, ms (a device without an RTC is years behind). */
	clockErrorMs?: number;
	/** Ask the host for its time after each hello exchange (TimeRequest) and set the clock from a trusted answer. */
	syncTime?: boolean;
	clock?: Clock;
	random?: RandomSource;
}

export interface ResolvedDeviceOptions {
	deviceId: string;
	model: string;
	hardwareRevision: string;
	firmwareVersion: string;
	serialNumber: string;
	quantity: Quantity;
	rate: number;
	count: number | undefined;
	calibration: Required<CalibrationOptions>;
	bootId: Uint8Array;
	resendTimeoutMs: number;
	maxUnacked: number;
	faults: Required<FaultOptions>;
	firmware: ImageService | undefined;
	externalReadings: boolean;
	capabilities: Capability[] | undefined;
	streamWithoutHostHello: boolean;
	heartbeatIntervalMs: number;
	helloRetryMs: number;
	clockErrorMs: number;
	syncTime: boolean;
	clock: Clock;
	random: RandomSource;
}

export function resolveDeviceOptions(options: SimulatedDeviceOptions): ResolvedDeviceOptions {
	const clock = options.clock ?? systemClock;
	const random = options.random ?? Math.random;
	if (typeof options.deviceId !== "string" || !isValidDeviceId(options.deviceId)) {
		throw invalid("deviceId", `"${String(options.deviceId)}" is not a valid device id`, "Use 1 to 64 letters, digits, '.', '_' or '-'.");
	}
	const quantity = options.quantity ?? "resistance";
	if (!isQuantity(quantity)) throw invalid("quantity", `"${quantity}" is not a known quantity`, `Use one of: ${QUANTITIES.join(", ")}.`);
	const now = clock.now();
	const calibratedAt = options.calibration?.calibratedAt ?? now;
	const bootId = options.bootId ?? randomBytes(random, 16);
	if (bootId.length < 1 || bootId.length > 64) throw invalid("bootId", `has ${bootId.length} bytes`, "Use 1 to 64 bytes (16 recommended).");
	return {
		deviceId: options.deviceId,
		model: options.model ?? "FC-SIM-1",
		hardwareRevision: options.hardwareRevision ?? "A",
		firmwareVersion: options.firmwareVersion ?? "0.1.0-sim",
		serialNumber: options.serialNumber ?? `SIM-${options.deviceId}`,
		quantity,
		rate: checkRate("rate", options.rate ?? 10),
		count: options.count === undefined ? undefined : checkInteger("count", options.count, 0),
		calibration: {
			certificateId: options.calibration?.certificateId ?? `SIM-CAL-${options.deviceId}`,
			calibratedAt: checkTimestamp("calibration.calibratedAt", calibratedAt),
			dueAt: checkTimestamp("calibration.dueAt", options.calibration?.dueAt ?? calibratedAt + YEAR_MS),
			laboratory: options.calibration?.laboratory ?? "fieldchain simulator",
		},
		bootId,
		resendTimeoutMs: checkPositive("resendTimeoutMs", options.resendTimeoutMs ?? 1000),
		maxUnacked: checkInteger("maxUnacked", options.maxUnacked ?? 100_000, 1),
		faults: {
			garbage: checkFraction("faults.garbage", options.faults?.garbage ?? 0),
			corrupt: checkFraction("faults.corrupt", options.faults?.corrupt ?? 0),
			drop: checkFraction("faults.drop", options.faults?.drop ?? 0),
			brokenAck: options.faults?.brokenAck ?? false,
			noFastRetransmit: options.faults?.noFastRetransmit ?? false,
		},
		firmware: options.firmware,
		clockErrorMs: options.clockErrorMs === undefined ? 0 : checkSafeInteger("clockErrorMs", options.clockErrorMs),
		syncTime: options.syncTime ?? false,
		externalReadings: options.externalReadings ?? false,
		capabilities: options.capabilities,
		streamWithoutHostHello: options.streamWithoutHostHello ?? false,
		heartbeatIntervalMs: checkPositive("heartbeatIntervalMs", options.heartbeatIntervalMs ?? 5000),
		helloRetryMs: checkPositive("helloRetryMs", options.helloRetryMs ?? 2000),
		clock,
		random,
	};
}

/** Also used for SetRate, which must refuse the same values. */
export function isValidRate(rate: number): boolean {
	return Number.isFinite(rate) && rate > 0 && rate <= MAX_RATE;
}

function checkRate(field: string, value: number): number {
	if (!isValidRate(value)) throw invalid(field, `${value} is out of range`, `Use a number of readings per second above 0 and at most ${MAX_RATE}.`);
	return value;
}

function checkInteger(field: string, value: number, min: number): number {
	if (!Number.isSafeInteger(value) || value < min) throw invalid(field, `${value} is not an integer of at least ${min}`);
	return value;
}

function checkPositive(field: string, value: number): number {
	if (!Number.isFinite(value) || value <= 0) throw invalid(field, `${value} is not a positive number`);
	return value;
}

function checkFraction(field: string, value: number): number {
	if (!Number.isFinite(value) || value < 0 || value > 1) throw invalid(field, `${value} is not a fraction`, "Use a number from 0 to 1, e.g. 0.01 for 1%.");
	return value;
}

function checkTimestamp(field: string, value: number): number {
	if (!Number.isSafeInteger(value) || value < 0) throw invalid(field, `${value} is not a time in milliseconds since the Unix epoch`);
	return value;
}

function checkSafeInteger(field: string, value: number): number {
	if (!Number.isSafeInteger(value))
		throw invalid(field, `${String(value)} is not a whole number of milliseconds`, "Use an integer, negative for a clock behind.");
	return value;
}
