import { describe, expect, it } from "vitest";
import { defaultGatewayConfig, type GatewayConfig } from "../config.js";
import { checkClock, checkDisk, checkSerial, checkTls, checkUplink, type DoctorWorld } from "./checks.js";
import { renderReport, runDoctor } from "./doctor.js";

const GIB = 1024 ** 3;

function world(overrides: Partial<DoctorWorld> = {}): DoctorWorld {
	return {
		now: () => Date.parse("2026-12-05T00:00:00Z"),
		kernelSync: async () => true,
		diskSpace: () => ({ free: 20 * GIB, total: 32 * GIB }),
		canReadWrite: () => {},
		serialDevices: () => [],
		readFile: () => {
			throw Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT" });
		},
		fetchStatus: async () => 200,
		...overrides,
	};
}

function config(change: (config: GatewayConfig) => void = () => {}): GatewayConfig {
	const value = defaultGatewayConfig();
	change(value);
	return value;
}

describe("doctor checks", () => {
	it("passes a healthy hub and exits 0 in the report", async () => {
		const results = await runDoctor(world(), config(), "/var/lib/fieldchain");
		expect(results.every((result) => result.status === "ok")).toBe(true);
		expect(renderReport(results)).toContain("all checks passed");
	});

	it("warns about an unsynchronised or unknown clock, with what to do", async () => {
		expect(await checkClock(world({ kernelSync: async () => false }))).toMatchObject({ status: "warn", advice: expect.stringContaining("timedatectl") });
		expect((await checkClock(world({ kernelSync: async () => undefined }))).detail).toContain("cannot tell");
	});

	it("grades free disk space and fails on a data directory it cannot read", () => {
		expect(checkDisk(world({ diskSpace: () => ({ free: 0.5 * GIB, total: 32 * GIB }) }), "/d").status).toBe("warn");
		expect(checkDisk(world({ diskSpace: () => ({ free: 0.1 * GIB, total: 32 * GIB }) }), "/d")).toMatchObject({
			status: "fail",
			advice: expect.stringContaining("journalctl"),
		});
		const missing = checkDisk(
			world({
				diskSpace: () => {
					throw new Error("ENOENT");
				},
			}),
			"/nope",
		);
		expect(missing).toMatchObject({ status: "fail", advice: expect.stringContaining("--data-dir") });
	});

	it("says to join dialout when a port cannot be opened, and fails only for configured ports", () => {
		const denied = Object.assign(new Error("EACCES"), { code: "EACCES" });
		const results = checkSerial(
			world({
				serialDevices: () => ["/dev/ttyUSB0", "/dev/ttyACM0"],
				canReadWrite: (path) => {
					if (path === "/dev/ttyUSB0" || path === "/dev/ttyACM0") throw denied;
				},
			}),
			config((c) => c.serial.targets.push({ path: "/dev/ttyUSB0" })),
		);
		expect(results.map((result) => result.status)).toEqual(["fail", "warn"]);
		expect(results[0].advice).toContain("dialout");
	});

	it("fails a configured port that is not there", () => {
		const gone = Object.assign(new Error("ENOENT"), { code: "ENOENT" });
		const [result] = checkSerial(
			world({
				canReadWrite: () => {
					throw gone;
				},
			}),
			config((c) => c.serial.targets.push({ path: "/dev/serial/by-id/usb-tool" })),
		);
		expect(result).toMatchObject({ status: "fail", detail: expect.stringContaining("does not exist") });
	});

	it("fails an unreadable certificate file", () => {
		const [result] = checkTls(
			world(),
			config((c) => {
				if (c.http) c.http.tls = { certFile: "/etc/fieldchain/missing.pem", keyFile: "/etc/fieldchain/key.pem" };
			}),
		);
		expect(result).toMatchObject({ check: "tls", status: "fail", advice: expect.stringContaining("certFile") });
	});

	it("warns when the uplink cannot be reached or fails, and names the URL", async () => {
		const withUplink = (url: string) =>
			config((c) => {
				c.uplink = {
					url,
					transport: "http",
					batchRecords: 100,
					requestTimeoutMs: 1000,
					idlePollMs: 1000,
					retry: { initialDelayMs: 1, maxDelayMs: 2 },
					breaker: { failureThreshold: 1, openMs: 1, maxOpenMs: 2 },
					downlink: false,
				};
			});
		const unreachable = await checkUplink(
			world({
				fetchStatus: async () => {
					throw new Error("fetch failed", { cause: new Error("getaddrinfo ENOTFOUND billing.example") });
				},
			}),
			withUplink("https://billing.example"),
		);
		expect(unreachable).toMatchObject({ status: "warn", detail: expect.stringContaining("ENOTFOUND") });
		expect((await checkUplink(world({ fetchStatus: async () => 503 }), withUplink("https://billing.example"))).status).toBe("warn");
		expect((await checkUplink(world(), withUplink("https://billing.example"))).status).toBe("ok");
	});
});
