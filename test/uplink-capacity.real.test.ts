/**
 * The disk quota with real tools on ptys: at the quota the gateway still takes evidence (a tool on
 * an active task, notes from the API) and refuses the idle tool's readings (not acked, so the tool
 * keeps them), with an alarm; when the disk is nearly full (a simulated free-space probe) no tool
 * is acked and API evidence is refused with 507; once space returns every reading of both tools
 * is stored exactly once.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runSerialSimulator, type SimulatorHandle } from "../firmware-host/simulator/runners.js";
import type { GatewayEventMap } from "../gateway/events.js";
import { allStoredSeqs, type GatewayFixture, gapsAndDuplicates, getJson, startGateway } from "./support/gateway-fixture.js";
import { createPtyPair, type PtyPair } from "./support/pty-pair.js";
import { uplinkSnapshot } from "./support/uplink-fixture.js";
import { waitFor, withTimeout } from "./support/wait.js";

let dir: string | undefined;
let fixture: GatewayFixture | undefined;
const simulators: SimulatorHandle[] = [];
const ptys: PtyPair[] = [];

afterEach(async () => {
	for (const simulator of simulators.splice(0)) await simulator.stop();
	await fixture?.stop();
	for (const pty of ptys.splice(0)) await pty.dispose();
	if (dir) rmSync(dir, { recursive: true, force: true });
	dir = fixture = undefined;
});

const stored = async (baseUrl: string, deviceId: string) =>
	(await getJson<{ readingsStored: number }>(`${baseUrl}/api/v1/devices/${deviceId}`)).body.readingsStored;

describe("disk quota", () => {
	it("refuses low-priority readings at the quota, stops acking when the disk is nearly full, and loses nothing", async () => {
		dir = mkdtempSync(join(tmpdir(), "fc-quota-"));
		const workOrdersFile = join(dir, "work-orders.json");
		writeFileSync(workOrdersFile, JSON.stringify(uplinkSnapshot()));
		const busy = await createPtyPair();
		const idle = await createPtyPair();
		ptys.push(busy, idle);
		const disk = { used: 0, free: 10_000_000_000 };
		fixture = await startGateway(
			(config) => {
				config.serial.targets = [{ path: busy.hostEnd }, { path: idle.hostEnd }];
				config.capacity = { quotaBytes: 1_000_000, reserveBytes: 10_000_000, rawReadingMaxAgeMs: null, checkIntervalMs: 50 };
			},
			join(dir, "data"),
			{ workOrdersFile, diskProbe: { usedBytes: () => disk.used, freeBytes: () => disk.free } },
		);
		const { gateway, baseUrl } = fixture;
		const alarms: Array<GatewayEventMap["alarm"]> = [];
		gateway.parts.events.on("alarm", (alarm) => alarms.push(alarm));
		gateway.parts.activeTasks.set("TECH1", "WO1", "T1", Date.now(), ["megger-busy"]);
		const count = 2400;
		const options = { quantity: "insulation_resistance", rate: 400, count, resendTimeoutMs: 300, retryMs: 100, maxUnacked: 100_000 };
		simulators.push(await runSerialSimulator({ path: busy.deviceEnd, deviceId: "megger-busy", ...options }));
		simulators.push(await runSerialSimulator({ path: idle.deviceEnd, deviceId: "megger-idle", ...options }));
		await waitFor("both tools streaming", async () =>
			(await stored(baseUrl, "megger-busy").catch(() => 0)) > 200 && (await stored(baseUrl, "megger-idle").catch(() => 0)) > 200 ? true : undefined,
		);

		// The quota is reached.
		disk.used = 2_000_000;
		await waitFor("the quota level", async () => ((await getJson<{ level: string }>(`${baseUrl}/api/v1/capacity`)).body.level === "quota" ? true : undefined));
		const idleAtQuota = await stored(baseUrl, "megger-idle");
		const busyAtQuota = await stored(baseUrl, "megger-busy");
		await new Promise((resolve) => setTimeout(resolve, 800));
		expect(await stored(baseUrl, "megger-idle")).toBe(idleAtQuota);
		expect(await stored(baseUrl, "megger-busy")).toBeGreaterThan(busyAtQuota + 100);
		const note = await fetch(`${baseUrl}/api/v1/work-orders/WO1/tasks/T1/time-entries/start`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ technicianId: "TECH1" }),
		});
		expect(note.status).toBe(201);
		expect(alarms.some((a) => a.code === "FC_CAPACITY_QUOTA" && a.severity === "warning")).toBe(true);
		const capacity = (await getJson<{ refusedReadings: { quota: number }; message: string }>(`${baseUrl}/api/v1/capacity`)).body;
		expect(capacity.refusedReadings.quota).toBeGreaterThan(0);
		expect(capacity.message).toMatch(/quota/);
		expect(await (await fetch(`${baseUrl}/metrics`)).text()).toMatch(/fieldchain_storage_level 1/);

		// The disk is nearly full: nothing is acked, evidence from the API is refused.
		disk.free = 1_000_000;
		await waitFor("the disk-full level", async () =>
			(await getJson<{ level: string }>(`${baseUrl}/api/v1/capacity`)).body.level === "disk-full" ? true : undefined,
		);
		const busyAtFull = await stored(baseUrl, "megger-busy");
		await new Promise((resolve) => setTimeout(resolve, 800));
		expect(await stored(baseUrl, "megger-busy")).toBe(busyAtFull);
		const refused = await fetch(`${baseUrl}/api/v1/work-orders/WO1/tasks/T1/time-entries/stop`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ technicianId: "TECH1" }),
		});
		expect(refused.status).toBe(507);
		expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "FC_CAPACITY_DISK_FULL" });
		expect(alarms.some((a) => a.code === "FC_CAPACITY_DISK_FULL" && a.severity === "critical")).toBe(true);

		// Space returns: the tools re-send what was never acked.
		disk.free = 10_000_000_000;
		disk.used = 0;
		await withTimeout(Promise.all(simulators.map((simulator) => simulator.done)), 45_000, "both tools to finish").catch(async (error: Error) => {
			const capacity = (await getJson(`${baseUrl}/api/v1/capacity`)).body;
			throw new Error(
				`${error.message}; stored: busy ${await stored(baseUrl, "megger-busy")}, idle ${await stored(baseUrl, "megger-idle")}; capacity ${JSON.stringify(capacity)}`,
			);
		});
		for (const deviceId of ["megger-busy", "megger-idle"]) {
			const seqs = await waitFor(`every reading of ${deviceId}`, async () => {
				const all = await allStoredSeqs(baseUrl, deviceId);
				return all.length === count ? all : undefined;
			});
			expect(gapsAndDuplicates(seqs, count)).toEqual({ missing: [], duplicates: [], extra: [] });
		}
	}, 90_000);
});
