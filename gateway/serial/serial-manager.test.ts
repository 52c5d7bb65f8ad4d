import { describe, expect, it } from "vitest";
import { ManualClock } from "../../platform/clock.js";
import { silentLogger } from "../../platform/logger.js";
import { createMemoryLinkPair, type MemoryLink } from "../../protocol/transport/memory-link.js";
import type { SerialPortInfo } from "../../protocol/transport/serial.js";
import { SerialManager, type SerialTarget } from "./serial-manager.js";

const settle = async () => {
	for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

function setup(targets: SerialTarget[], ports: SerialPortInfo[] = [], existing = new Set<string>()) {
	const clock = new ManualClock();
	const opened: string[] = [];
	const links = new Map<string, MemoryLink>();
	let failOpen = false;
	const manager = new SerialManager({
		targets,
		clock,
		logger: silentLogger(),
		pollIntervalMs: 1000,
		list: async () => ports,
		exists: (path) => existing.has(path),
		open: async (path) => {
			opened.push(path);
			if (failOpen) throw new Error("EBUSY");
			const [, host] = createMemoryLinkPair(["tool", path]);
			links.set(path, host);
			return host;
		},
		onLink: () => {},
	});
	return { clock, opened, links, manager, setFailOpen: (value: boolean) => (failOpen = value) };
}

describe("SerialManager", () => {
	it("opens an explicit path once it exists, and again after it comes back", async () => {
		const existing = new Set<string>();
		const { clock, opened, links, manager } = setup([{ path: "/dev/ttyACM0" }], [], existing);
		manager.start();
		await settle();
		expect(opened).toEqual([]);
		existing.add("/dev/ttyACM0");
		clock.advance(1000);
		await settle();
		expect(opened).toEqual(["/dev/ttyACM0"]);
		clock.advance(1000);
		await settle();
		expect(opened).toHaveLength(1); // open ports are left alone
		await links.get("/dev/ttyACM0")!.close(); // unplugged
		clock.advance(1000);
		await settle();
		expect(opened).toEqual(["/dev/ttyACM0", "/dev/ttyACM0"]);
		await manager.stop();
	});

	it("matches USB tools by vendor id, product id and serial number, case-insensitively", async () => {
		const ports: SerialPortInfo[] = [
			{ path: "/dev/ttyUSB0", vendorId: "0403", productId: "6001", serialNumber: "A1" } as SerialPortInfo,
			{ path: "/dev/ttyUSB1", vendorId: "2341", productId: "0043", serialNumber: "b2" } as SerialPortInfo,
			{ path: "/dev/ttyS0" } as SerialPortInfo,
		];
		const { opened, manager } = setup([{ vendorId: "2341", productId: "0043", serialNumber: "B2" }], ports);
		manager.start();
		await settle();
		expect(opened).toEqual(["/dev/ttyUSB1"]);
		await manager.stop();
	});

	it("backs off after a failed open instead of hammering the port", async () => {
		const { clock, opened, manager, setFailOpen } = setup([{ path: "/dev/ttyACM0" }], [], new Set(["/dev/ttyACM0"]));
		setFailOpen(true);
		manager.start();
		await settle();
		expect(opened).toHaveLength(1);
		clock.advance(1000); // backoff 250 ms has passed: try again
		await settle();
		expect(opened).toHaveLength(2);
		setFailOpen(false);
		clock.advance(1000);
		await settle();
		expect(opened).toHaveLength(3);
		expect(manager.openPaths()).toEqual(["/dev/ttyACM0"]);
		await manager.stop();
	});
});
