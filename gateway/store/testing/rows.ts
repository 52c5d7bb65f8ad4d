/**
 * Test builders for the gateway's stored shapes: one device identity and one reading row with
 * fixed, plausible values; each test overrides only the fields it is about.
 */
import type { DeviceIdentity, ReadingRow } from "../reading-store.js";

export function identity(overrides: Partial<DeviceIdentity> = {}): DeviceIdentity {
	return {
		deviceId: "dev-1",
		model: "FC-SIM-1",
		hardwareRevision: "B",
		firmwareVersion: "1.2.3",
		serialNumber: "SN1",
		protocolMajor: 1,
		protocolMinor: 0,
		capabilities: [{ quantity: "resistance", unit: "Ohm", rangeMin: 0, rangeMax: 2000, resolution: 0.01, channel: "" }],
		calibration: { certificateId: "CAL-1", calibratedAt: 1_700_000_000_000, dueAt: 1_800_000_000_000, laboratory: "Lab" },
		bootId: "b1",
		transport: "serial",
		seenAt: 1_764_000_000_000,
		...overrides,
	};
}

export function row(seq: number, overrides: Partial<ReadingRow> = {}): ReadingRow {
	return {
		deviceId: "dev-1",
		bootId: "b1",
		seq,
		deviceTimeUs: 1_764_000_000_000_000 + seq,
		quantity: "resistance",
		value: seq / 10,
		unit: "Ohm",
		flags: 0,
		channel: "",
		receivedAt: 1_764_000_000_000 + seq,
		...overrides,
	};
}
