/**
 * Durable storage of device readings, behind a small interface with an in-memory and a SQLite
 * backend that pass one shared contract suite (reading-store.contract.ts), in the manner of
 * aedes-persistence's abstract.js.
 */

import type { TransportKind } from "../../protocol/link.js";
import type { TimeStamp } from "../clock/gateway-time.js";

export interface ReadingRow {
	deviceId: string;
	/** Hex of Hello.boot_id. */
	bootId: string;
	seq: number;
	deviceTimeUs: number;
	quantity: string;
	value: number;
	unit: string;
	flags: number;
	channel: string;
	/** Gateway time when the reading arrived, ms since the Unix epoch (gateway/clock: trusted time when the gateway has one). */
	receivedAt: number;
	/** In memory only, for stamping: the clock's quality and boot anchor at arrival (gateway/clock). */
	time?: TimeStamp;
	/** In memory only: the device time failed the plausibility rules (gateway/clock/device-time.ts). */
	deviceTimeImplausible?: boolean;
}

export interface CapabilityRecord {
	quantity: string;
	unit: string;
	rangeMin: number;
	rangeMax: number;
	resolution: number;
	channel: string;
}

export interface CalibrationRecord {
	certificateId: string;
	calibratedAt: number;
	dueAt: number;
	laboratory: string;
}

/** What a device told us about itself in its last Hello. */
export interface DeviceIdentity {
	deviceId: string;
	model: string;
	hardwareRevision: string;
	firmwareVersion: string;
	serialNumber: string;
	protocolMajor: number;
	protocolMinor: number;
	capabilities: CapabilityRecord[];
	calibration: CalibrationRecord | undefined;
	bootId: string;
	transport: TransportKind;
	seenAt: number;
}

export interface DeviceRecord extends Omit<DeviceIdentity, "seenAt"> {
	firstSeenAt: number;
	lastSeenAt: number;
	readingsStored: number;
}

/** Where acknowledgement stands for one boot of one device. */
export interface BootState {
	/** Highest seq such that every reading 1..ackedUpTo is stored. */
	ackedUpTo: number;
	/** Stored seqs above ackedUpTo (gaps below them are still missing). */
	storedAbove: number[];
}

export interface WatermarkUpdate {
	deviceId: string;
	bootId: string;
	ackedUpTo: number;
}

export interface CommitOutcome {
	inserted: number;
	/** Rows already stored (a re-sent reading); not an error. */
	duplicates: number;
}

export interface ReadingQuery {
	/** Default: the device's latest boot. */
	bootId?: string;
	afterSeq?: number;
	limit?: number;
}

export interface ReadingStore {
	recordHello(identity: DeviceIdentity): void;
	loadBoot(deviceId: string, bootId: string): BootState;
	/**
	 * Stores the rows and the new watermarks in one transaction: all or nothing. alsoInTransaction
	 * runs inside it (evidence stamping), so a reading and its evidence are durable together.
	 */
	commit(rows: readonly ReadingRow[], watermarks: readonly WatermarkUpdate[], alsoInTransaction?: () => void): CommitOutcome;
	getDevice(deviceId: string): DeviceRecord | undefined;
	listDevices(): DeviceRecord[];
	listReadings(deviceId: string, query?: ReadingQuery): ReadingRow[];
	countReadings(): number;
	close(): void;
}
