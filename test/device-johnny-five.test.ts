/**
 * The johnny-five adapter on mock-firmata: an analog Sensor, a Thermometer (LM35) and a Multi
 * (SHT31-D over I2C) become protocol v1 readings, delivered and acked like any tool's. The mock
 * is passed as `io`, so no serial port is opened and serialport 8's native binding is not needed.
 */
import { createRequire } from "node:module";
import { afterEach, describe, expect, it } from "vitest";
import { type JohnnyFiveDevice, startJohnnyFiveDevice } from "../firmware-host/johnny-five/johnny-five-device.js";
import { loadJohnnyFive } from "../firmware-host/johnny-five/load-johnny-five.js";
import { parseBoardConfig } from "../firmware-host/johnny-five/sensor-config.js";
import { TestHost } from "../firmware-host/simulator/testing/test-host.js";
import { GroupCommitter } from "../gateway/ingest/group-committer.js";
import { DeviceSession } from "../gateway/session/device-session.js";
import { MemoryReadingStore } from "../gateway/store/memory-reading-store.js";
import { systemClock } from "../platform/clock.js";
import { ErrorCodes, isFieldchainError } from "../platform/errors.js";
import { silentLogger } from "../platform/logger.js";
import { createMemoryLinkPair } from "../protocol/transport/memory-link.js";

const require = createRequire(import.meta.url);
const { Firmata: MockFirmata } = require("mock-firmata") as { Firmata: new () => MockIo };

interface MockIo {
	emit(event: string): void;
	analogRead: (pin: number, callback: (value: number) => void) => void;
	i2cConfig: () => void;
	i2cWrite: () => void;
	i2cReadOnce: (address: number, length: number, callback: (data: number[]) => void) => void;
}

/** A Firmata mock whose analog pins and SHT31-D answer with fixed values. */
function mockBoard(analog: Record<number, number>) {
	const io = new MockFirmata();
	let answering = true;
	io.analogRead = (pin, callback) => {
		// Firmata reports analog pins continuously; once is enough for johnny-five's last value.
		setTimeout(() => callback(analog[pin] ?? 0), 5);
	};
	io.i2cConfig = () => {};
	io.i2cWrite = () => {};
	io.i2cReadOnce = (_address, _length, callback) => {
		// Raw 0x6666 -> -45 + 175 * 26214 / 65535 = 24.9998 Cel; 0x8000 -> 50.0008 %RH.
		if (answering) setTimeout(() => callback([0x66, 0x66, 0, 0x80, 0x00, 0]), 5);
	};
	return { io, silence: () => (answering = false) };
}

let running: { board: JohnnyFiveDevice; silence: () => void }[] = [];
afterEach(() => {
	for (const r of running) {
		r.silence();
		r.board.stop();
	}
	running = [];
});

const config = parseBoardConfig({
	freq: 50,
	sensors: [
		{ kind: "sensor", pin: "A0", quantity: "voltage", unit: "V", scale: [0, 5], channel: "probe" },
		{ kind: "thermometer", controller: "LM35", pin: "A1" },
		{ kind: "multi", controller: "SHT31D", channel: "ambient" },
	],
});

async function waitFor(check: () => boolean, what: string): Promise<void> {
	for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
	if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe("johnny-five adapter", () => {
	it("turns Sensor, Thermometer and Multi data into acked protocol readings", async () => {
		const five = loadJohnnyFive();
		const { io, silence } = mockBoard({ 0: 512, 1: 62 });
		const starting = startJohnnyFiveDevice({ five, io, config, deviceId: "j5-bench-1" });
		io.emit("connect");
		io.emit("ready");
		const board = await starting;
		running.push({ board, silence });

		const [deviceEnd, hostEnd] = createMemoryLinkPair();
		const host = new TestHost(hostEnd, { answerHello: true });
		board.device.attach(deviceEnd);
		await host.hostHello();
		await waitFor(() => new Set(host.readings.map((r) => `${r.quantity}/${r.channel}`)).size >= 4, "all four quantities");

		const hello = host.of("hello")[0].hello!;
		expect(hello).toMatchObject({ deviceId: "j5-bench-1", model: "FC-J5-FIRMATA" });
		expect(hello.capabilities?.map((c) => `${c.quantity}/${c.unit}/${c.channel}`)).toEqual([
			"voltage/V/probe",
			"temperature/Cel/A1",
			"temperature/Cel/ambient",
			"relative_humidity/%/ambient",
		]);
		const last = (quantity: string, channel: string) => host.readings.filter((r) => r.quantity === quantity && r.channel === channel).at(-1)!;
		expect(last("voltage", "probe")).toMatchObject({ unit: "V", value: expect.closeTo(2.5024, 3) });
		expect(last("temperature", "A1")).toMatchObject({ unit: "Cel" });
		expect(last("temperature", "A1").value).toBeGreaterThan(20);
		expect(last("temperature", "ambient").value).toBeCloseTo(25, 2);
		expect(last("relative_humidity", "ambient").value).toBeCloseTo(50, 2);
		// Numbered without gaps and acked like any tool's readings.
		expect(host.uniqueSeqs()).toEqual(Array.from({ length: host.uniqueSeqs().length }, (_, i) => i + 1));
		await waitFor(() => board.device.stats.ackedUpTo > 0, "an ack");
	});

	it("plugs into the gateway's device session like any tool: readings stored and acked", async () => {
		const { io, silence } = mockBoard({ 0: 300, 1: 70 });
		const starting = startJohnnyFiveDevice({ five: loadJohnnyFive(), io, config, deviceId: "j5-bench-2" });
		io.emit("connect");
		io.emit("ready");
		const board = await starting;
		running.push({ board, silence });

		const [deviceEnd, gatewayEnd] = createMemoryLinkPair(["j5", "gateway"]);
		const store = new MemoryReadingStore();
		const committer = new GroupCommitter({ store, schedule: (flush) => setImmediate(flush) });
		const session = new DeviceSession(gatewayEnd, { gatewayId: "gw-j5", store, committer, clock: systemClock, logger: silentLogger() });
		board.device.attach(deviceEnd);
		session.start();
		await waitFor(() => new Set(store.listReadings("j5-bench-2").map((r) => `${r.quantity}/${r.channel}`)).size >= 4, "four quantities stored by the gateway");
		await waitFor(() => board.device.stats.ackedUpTo >= 4, "the gateway's acks");
		const stored = store.listReadings("j5-bench-2");
		expect(stored.find((r) => r.quantity === "voltage")).toMatchObject({ unit: "V", channel: "probe" });
		expect(store.getDevice("j5-bench-2")).toMatchObject({ model: "FC-J5-FIRMATA" });
		await deviceEnd.close();
	});

	it("names the field of a bad board config", () => {
		const bad = (value: unknown) => {
			try {
				parseBoardConfig(value);
			} catch (error) {
				expect(isFieldchainError(error, ErrorCodes.FC_CONFIG_INVALID)).toBe(true);
				return (error as Error).message;
			}
			throw new Error("expected a refusal");
		};
		expect(bad({ sensors: [] })).toMatch(/sensors: needs at least one sensor/);
		expect(bad({ sensors: [{ kind: "sensor", pin: "Z9", quantity: "voltage", unit: "V" }] })).toMatch(/sensors\[0\]\.pin/);
		expect(bad({ sensors: [{ kind: "laser" }] })).toMatch(/sensors\[0\]\.kind: "laser" is not one of/);
		expect(bad({ sensors: [{ kind: "sensor", pin: "A0", quantity: "Volt Age", unit: "V" }] })).toMatch(/quantity: "Volt Age" is not lower snake case/);
	});

	it("fails clearly when the board never becomes ready", async () => {
		const { io } = mockBoard({});
		const error = await startJohnnyFiveDevice({ five: loadJohnnyFive(), io, config, deviceId: "j5-dead", readyTimeoutMs: 100 }).catch((e: unknown) => e);
		expect(isFieldchainError(error, ErrorCodes.FC_SERIAL_OPEN)).toBe(true);
		expect((error as Error).message).toMatch(/did not become ready: no answer within 100 ms/);
	});
});
