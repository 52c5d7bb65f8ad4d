/**
 * The clock's quality where people look: /healthz and /metrics of a real in-process gateway over
 * loopback, with the kernel's NTP status injected; the kernel probe's sources; the config section.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { JumpingClock } from "../../platform/clock.js";
import { silentLogger } from "../../platform/logger.js";
import { defaultGatewayConfig, parseGatewayConfig } from "../config.js";
import { Gateway } from "../gateway.js";
import { kernelSyncProbe, TIMESYNCD_FLAG } from "./kernel-sync.js";

const TOKEN = "t".repeat(40);
const DAY = 86_400_000;
const stops: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	for (const stop of stops.splice(0).reverse()) await stop();
});

describe("clock status", () => {
	it("shows quality, boot anchor and a monotonic uptime in /healthz, and the quality in /metrics", async () => {
		const dir = mkdtempSync(join(tmpdir(), "fc-clock-"));
		stops.push(() => rmSync(dir, { recursive: true, force: true }));
		const clock = new JumpingClock(Date.UTC(2026, 0, 15, 9));
		let synchronised: boolean | undefined;
		const config = defaultGatewayConfig();
		config.http = { host: "127.0.0.1", port: 0, token: TOKEN };
		config.mqtt = false;
		const gateway = await Gateway.start({ dataDir: dir, config, logger: silentLogger(), clock, kernelSync: async () => synchronised });
		stops.push(() => gateway.stop());
		const base = `http://127.0.0.1:${gateway.httpAddress?.port}`;
		const health = async () => (await (await fetch(`${base}/healthz`)).json()) as { uptimeSeconds: number; clock: Record<string, unknown> };
		expect((await health()).clock).toMatchObject({ quality: "unsynchronised", source: "", kernelSynchronised: null, trustedFix: null });
		expect((await health()).clock.bootId).toMatch(/^[0-9a-f]{32}$/);
		clock.advance(10_000);
		clock.jumpWall(DAY);
		synchronised = true;
		await gateway.parts.time.refresh();
		const after = await health();
		expect(after.uptimeSeconds).toBe(10);
		expect(after.clock).toMatchObject({ quality: "synchronised", source: "ntp", kernelSynchronised: true, wallClockOffsetMs: 0 });
		const metrics = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
		expect(metrics).toContain('fieldchain_clock_quality{quality="synchronised"} 1');
		expect(metrics).toContain('fieldchain_clock_quality{quality="unsynchronised"} 0');
		expect(metrics).toContain('fieldchain_device_time_implausible_total{reason="jump"} 0');
	});

	it("asks timesyncd's flag first, then timedatectl, and says it cannot tell without either", async () => {
		const missing = async () => {
			throw new Error("ENOENT");
		};
		const asked: string[] = [];
		expect(await kernelSyncProbe({ exists: async (path) => void asked.push(path), run: missing })()).toBe(true);
		expect(asked).toEqual([TIMESYNCD_FLAG]);
		expect(await kernelSyncProbe({ exists: missing, run: async () => "yes\n" })()).toBe(true);
		expect(await kernelSyncProbe({ exists: missing, run: async () => "no\n" })()).toBe(false);
		expect(await kernelSyncProbe({ exists: missing, run: missing })()).toBeUndefined();
		expect(await kernelSyncProbe({ exists: missing, run: async () => "maybe" })()).toBeUndefined();
	});

	it("reads the clock section and refuses bad values with the field's name", () => {
		const config = parseGatewayConfig({
			clock: { trustedTimeDevices: ["gnss-1"], kernelPollSeconds: 30, deviceTime: { notBefore: "2025-01-01T00:00:00Z", maxSkewSeconds: 60 } },
		});
		expect(config.clock).toMatchObject({
			trustedTimeDevices: ["gnss-1"],
			kernelPollMs: 30_000,
			deviceTime: { notBeforeMs: Date.UTC(2025, 0, 1), maxSkewMs: 60_000, maxStepMs: 2000 },
		});
		expect(() => parseGatewayConfig({ clock: { trustedTimeDevices: ["bad id!"] } })).toThrow(/clock\.trustedTimeDevices/);
		expect(() => parseGatewayConfig({ clock: { deviceTime: { notBefore: "soon" } } })).toThrow(/clock\.deviceTime\.notBefore/);
		expect(() => parseGatewayConfig({ clock: { deviceTime: { maxSkewSeconds: 0 } } })).toThrow(/maxSkewSeconds/);
		expect(() => parseGatewayConfig({ clock: { trustedDevices: [] } })).toThrow(/clock\.trustedDevices/);
	});
});
