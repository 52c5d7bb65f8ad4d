/**
 * `device list` on serialport's mock binding (port enumeration is the platform's job), and
 * `device monitor` on a real pty pair with the simulator putting garbage on the line.
 */
import { EventEmitter } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { listCommand, listDevices } from "../firmware-host/list-command.js";
import { monitorCommand } from "../firmware-host/monitor-command.js";
import type { CliIo } from "../firmware-host/simulate-command.js";
import { runSerialSimulator } from "../firmware-host/simulator/runners.js";
import type { SerialBinding } from "../protocol/transport/serial.js";
import { createPtyPair } from "./support/pty-pair.js";

// The package's "exports" hide its type declarations from TypeScript; its API is this small.
const { MockBinding } = createRequire(import.meta.url)("@serialport/binding-mock") as {
	MockBinding: { createPort(path: string, options: { vendorId?: string; productId?: string; manufacturer?: string }): void; reset(): void };
};

const dir = mkdtempSync(join(tmpdir(), "fc-list-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
	cleanups = [];
	MockBinding.reset();
});

function capture() {
	const stdout: string[] = [];
	const stderr: string[] = [];
	const io: CliIo = {
		stdout: (l) => stdout.push(l),
		stderr: (l) => stderr.push(l),
		env: {},
		signals: { once: () => undefined, off: () => undefined },
		setExitCode: () => {},
	};
	return { io, stdout, stderr };
}

const binding = MockBinding as unknown as SerialBinding;

describe("device list", () => {
	it("lists path, VID:PID, serial number and a fieldchain verdict with its reason", async () => {
		MockBinding.createPort("/dev/ttyACM0", { vendorId: "2341", productId: "0043", manufacturer: "Arduino (www.arduino.cc)" });
		MockBinding.createPort("/dev/ttyACM1", { vendorId: "1209", productId: "fc01", manufacturer: "fieldchain" });
		MockBinding.createPort("/dev/ttyUSB0", { vendorId: "0403", productId: "6001", manufacturer: "FTDI" });
		MockBinding.createPort("/dev/ttyS0", {});
		const config = join(dir, "gateway.json");
		writeFileSync(config, JSON.stringify({ serial: { ports: [{ vendorId: "0403", productId: "6001" }] } }));
		const ports = await listDevices({ binding, config });
		expect(ports.map((p) => [p.path, p.looksLikeFieldchain])).toEqual([
			["/dev/ttyACM0", "maybe"],
			["/dev/ttyACM1", "yes"],
			["/dev/ttyS0", "no"],
			["/dev/ttyUSB0", "yes"],
		]);
		expect(ports[3]).toMatchObject({ vendorId: "0403", productId: "6001", reason: "configured 0403:6001" });
		expect(ports[1].reason).toBe('manufacturer "fieldchain"');

		const json = capture();
		expect(await listCommand({ binding, json: true, vidPid: ["2341:0043"] }, json.io)).toBe(0);
		expect(JSON.parse(json.stdout.join("\n"))[0]).toMatchObject({ path: "/dev/ttyACM0", looksLikeFieldchain: "yes", reason: "configured 2341:0043" });

		const text = capture();
		await listCommand({ binding }, text.io);
		expect(text.stdout[0]).toMatch(/^PATH\s+VID:PID\s+SERIAL\s+MANUFACTURER\s+FIELDCHAIN\?\s+WHY$/);
		expect(text.stdout.find((l) => l.startsWith("/dev/ttyACM0"))).toMatch(/2341:0043 .*maybe .*Arduino USB-serial bridge/);
	});

	it("names the bad flag", async () => {
		const out = capture();
		expect(await listCommand({ binding, vidPid: ["arduino"] }, out.io)).toBe(2);
		expect(out.stderr[0]).toMatch(/FC_CONFIG_INVALID: --vid-pid "arduino" is not VID or VID:PID/);
	});
});

describe("device monitor on a pty", () => {
	it("shows decoded frames, counts the garbage as bad frames and resyncs, and stops after --duration", async () => {
		const pty = await createPtyPair();
		cleanups.push(() => pty.dispose());
		const sim = await runSerialSimulator({ path: pty.deviceEnd, deviceId: "mon-sim", rate: 50, faults: { garbage: 0.5 }, helloRetryMs: 200 });
		cleanups.push(() => sim.stop());
		const out = capture();
		const code = await monitorCommand({ serial: pty.hostEnd, duration: 1.5, hex: true, statsInterval: 0.5 }, out.io);
		expect(code).toBe(0);
		const text = out.stdout.join("\n");
		expect(text).toMatch(/<- #\d+ hello mon-sim FC-SIM-1 rev A/);
		expect(text).toMatch(/<- #\d+ reading seq=\d+ resistance=[\d.]+ Ohm/);
		expect(text).toMatch(/!! dropped (crc|cobs|short) frame/);
		expect(text).toMatch(/-- frames \d+ readings \d+ .*\| [\d.]+ frames\/s [\d.]+ readings\/s/);
		const summary = out.stdout[out.stdout.length - 1];
		const resyncs = Number(/resyncs (\d+)/.exec(summary)?.[1]);
		expect(resyncs).toBeGreaterThan(0);
		expect(summary).toMatch(/^stopped after 1\.\d s: frames \d+/);
		// The monitor never acks, so the device still holds everything.
		expect(sim.device.stats.ackedUpTo).toBe(0);
	});

	it("prints JSON lines and stops after --count frames", async () => {
		const pty = await createPtyPair();
		cleanups.push(() => pty.dispose());
		const sim = await runSerialSimulator({ path: pty.deviceEnd, deviceId: "mon-sim-2", rate: 100, helloRetryMs: 200 });
		cleanups.push(() => sim.stop());
		const out = capture();
		expect(await monitorCommand({ serial: pty.hostEnd, count: 10, json: true }, out.io)).toBe(0);
		const events = out.stdout.map((l) => JSON.parse(l));
		expect(events.filter((e) => e.event === "frame")).toHaveLength(10);
		expect(events.find((e) => e.body === "reading").message.reading).toMatchObject({ quantity: "resistance", unit: "Ohm" });
		expect(events[events.length - 1]).toMatchObject({ event: "summary", outcome: "done", badCrc: 0, resyncs: 0 });
	});

	it("stops on Ctrl-C with exit 130 and a summary", async () => {
		const pty = await createPtyPair();
		cleanups.push(() => pty.dispose());
		const sim = await runSerialSimulator({ path: pty.deviceEnd, deviceId: "mon-sim-3", rate: 20, helloRetryMs: 200 });
		cleanups.push(() => sim.stop());
		const signals = new EventEmitter();
		const out = capture();
		out.io.signals = signals as unknown as CliIo["signals"];
		const running = monitorCommand({ serial: pty.hostEnd }, out.io);
		await new Promise((resolve) => setTimeout(resolve, 400));
		signals.emit("SIGINT");
		expect(await running).toBe(130);
		expect(out.stdout.at(-1)).toMatch(/^stopped after 0\.\d s: frames [1-9]\d* readings \d+/);
	});

	it("fails clearly on a port that does not exist", async () => {
		const out = capture();
		expect(await monitorCommand({ serial: join(dir, "nope"), duration: 1 }, out.io)).toBe(1);
		expect(out.stderr[0]).toMatch(/FC_SERIAL_OPEN: Cannot open serial port/);
	});
});
