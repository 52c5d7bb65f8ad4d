/**
 * Store-and-forward to the real billing service, with faults: the gateway is a child process fed
 * by a simulated tool on a pty; the service is the reference one on loopback over SQLite, behind
 * a TCP proxy that can refuse, cut and swallow. Every test ends with the service holding each
 * sealed record of the gateway's chain exactly once (same seqs, same content hashes; the service
 * itself checks hashes, continuity and checkpoint signatures on every batch).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { runSerialSimulator, type SimulatorHandle } from "../firmware-host/simulator/runners.js";
import { getJson } from "./support/gateway-fixture.js";
import { freePort, type GatewayProcess, kill9, spawnGateway } from "./support/gateway-process.js";
import { createPtyPair, type PtyPair } from "./support/pty-pair.js";
import { serviceChain, startUplinkWorld, type UplinkWorld } from "./support/uplink-fixture.js";
import { waitFor } from "./support/wait.js";

let pty: PtyPair | undefined;
let simulator: SimulatorHandle | undefined;
let gateway: GatewayProcess | undefined;
let world: UplinkWorld | undefined;
let dir: string | undefined;

afterEach(async () => {
	await simulator?.stop();
	if (gateway) await kill9(gateway.child);
	await pty?.dispose();
	await world?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
	simulator = gateway = pty = world = dir = undefined;
});

interface UplinkStatus {
	state: string;
	evidence: { chainHead: number; sealedUpTo: number; uploadedUpTo: number; receiptedUpTo: number; queueDepth: number };
	outbox: { queueDepth: number };
	queueDepth: number;
	failuresByReason: Record<string, number>;
	breaker: { state: string; openings: number } | null;
}

interface EvidenceList {
	evidence: Array<{ chainSeq: number; contentHash: string; status: string }>;
}

const uplink = async (baseUrl: string) => (await getJson<UplinkStatus>(`${baseUrl}/api/v1/uplink`)).body;

async function setup(uplinkConfig: Record<string, unknown> = {}): Promise<{ args: string[]; port: number }> {
	dir = mkdtempSync(join(tmpdir(), "fc-uplink-"));
	world = await startUplinkWorld(dir, uplinkConfig);
	pty = await createPtyPair();
	const port = await freePort();
	const args = [
		"--data-dir",
		join(dir, "data"),
		"--config",
		world.configFile,
		"--serial",
		pty.hostEnd,
		"--no-mqtt",
		"--work-orders",
		world.workOrdersFile,
		"--log-level",
		"warn",
	];
	return { args, port };
}

async function activate(baseUrl: string): Promise<void> {
	const put = await fetch(`${baseUrl}/api/v1/technicians/TECH1/active-task`, {
		method: "PUT",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ workOrderId: "WO1", taskId: "T1" }),
	});
	expect(put.status).toBe(200);
}

/** Waits until the stream is over, everything is sealed and the cloud's receipt covers it all. */
async function drained(count: number): Promise<UplinkStatus> {
	let last: UplinkStatus | undefined;
	return waitFor(
		`the service to receipt all ${count} records`,
		async () => {
			if (!gateway) return undefined;
			const status = await uplink(gateway.baseUrl).catch(() => undefined);
			last = status ?? last;
			return status && status.evidence.chainHead === count && status.evidence.receiptedUpTo === count && status.queueDepth === 0 ? status : undefined;
		},
		60_000,
	).catch((error: Error) => {
		throw new Error(`${error.message}; last uplink status: ${JSON.stringify(last)}; gateway output: ${gateway?.output.join("").slice(-2000)}`);
	});
}

async function expectExactlyOnce(count: number): Promise<void> {
	const local = (await getJson<EvidenceList>(`${gateway?.baseUrl}/api/v1/work-orders/WO1/tasks/T1/evidence`)).body.evidence;
	expect(local).toHaveLength(count);
	const remote = await serviceChain(world!.service);
	expect(remote.map((r) => r.chainSeq)).toEqual(local.map((l) => l.chainSeq));
	expect(remote.map((r) => r.contentHash)).toEqual(local.map((l) => l.contentHash));
	expect(local.every((l) => l.status === "receipted")).toBe(true);
	const head = await world!.service.storage.store.getChainHead("gw-uplink-1");
	expect(head).toMatchObject({ headSeq: count, sealedUpTo: count });
}

describe("uplink to the billing service", () => {
	it("keeps everything while the service is down (enrollment included), then delivers it all once", async () => {
		const { args, port } = await setup();
		await world!.stopService();
		gateway = await spawnGateway(args, port);
		await activate(gateway.baseUrl);
		const count = 2000;
		simulator = await runSerialSimulator({
			path: pty!.deviceEnd,
			deviceId: "megger-1",
			quantity: "insulation_resistance",
			rate: 1000,
			count,
			resendTimeoutMs: 300,
			retryMs: 100,
		});
		// A timer started and stopped offline goes to the outbox beside the evidence.
		const timer = (action: string) =>
			fetch(`${gateway?.baseUrl}/api/v1/work-orders/WO1/tasks/T1/time-entries/${action}`, {
				method: "POST",
				headers: { "content-type": "application/json" },
				body: JSON.stringify({ technicianId: "TECH1" }),
			});
		expect((await timer("start")).status).toBe(201);
		expect((await timer("stop")).status).toBe(200);
		await simulator.done;
		const offline = await waitFor("records sealed while offline", async () => {
			const status = await uplink(gateway!.baseUrl);
			return status.evidence.sealedUpTo === count ? status : undefined;
		});
		expect(offline.evidence.receiptedUpTo).toBe(0);
		expect(offline.outbox.queueDepth).toBe(1);
		expect(offline.state).not.toBe("draining");
		// Nothing uploaded yet: every record says "stored".
		const before = (await getJson<EvidenceList>(`${gateway.baseUrl}/api/v1/work-orders/WO1/tasks/T1/evidence`)).body.evidence;
		expect(new Set(before.map((e) => e.status))).toEqual(new Set(["stored"]));

		await world!.startService();
		const done = await drained(count);
		expect(done.outbox.queueDepth).toBe(0);
		await expectExactlyOnce(count);
		const task = (await getJson<{ evidence: Record<string, number> }>(`${gateway.baseUrl}/api/v1/work-orders/WO1/tasks/T1/uplink`)).body;
		expect(task.evidence).toEqual({ stored: 0, uploaded: 0, receipted: count });
		const entries = await world!.service.request("GET", "/v1/work-orders/WO1/time-entries");
		expect(entries.body.timeEntries.filter((e: { note: string }) => e.note.startsWith("fieldchain-gateway-time-entry:"))).toHaveLength(1);
		const metrics = await (await fetch(`${gateway.baseUrl}/metrics`)).text();
		expect(metrics).toMatch(/fieldchain_uplink_queue_depth 0/);
	}, 90_000);

	it("kill -9 of the gateway at random moments during upload, 20 times: every sealed record once, the chain intact", async () => {
		const { args, port } = await setup({ batchRecords: 50 });
		world!.proxy.mode = "refuse";
		gateway = await spawnGateway(args, port);
		await activate(gateway.baseUrl);
		const count = 6000;
		simulator = await runSerialSimulator({
			path: pty!.deviceEnd,
			deviceId: "megger-2",
			quantity: "insulation_resistance",
			rate: 500,
			count,
			resendTimeoutMs: 300,
			retryMs: 100,
		});
		// A backlog first, so the kills land while batches are in flight.
		await waitFor("a backlog of 1000 records", async () => ((await uplink(gateway!.baseUrl)).evidence.chainHead >= 1000 ? true : undefined));
		world!.proxy.mode = "pass";
		// A slow link, so that batches are in flight when the kills land: long enough that a poll of
		// the gateway's status (itself slower on a loaded machine) sees one on the wire.
		world!.proxy.delayMs = 150;
		let killedWithBacklog = 0;
		let killedInFlight = 0;
		for (let kill = 0; kill < 20; kill++) {
			await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 400));
			let status = await uplink(gateway.baseUrl).catch(() => undefined);
			// Every other kill waits (up to 5 s: a restarted gateway on a loaded machine takes a while
			// to open its stores and pull the office's state) for a batch on the wire: a freshly
			// restarted gateway may not have started sending yet, and a kill mid-request is the case
			// that matters most.
			for (const deadline = Date.now() + 5000; kill % 2 === 1 && Date.now() < deadline; ) {
				if (status && status.evidence.uploadedUpTo > status.evidence.receiptedUpTo) break;
				await new Promise((resolve) => setTimeout(resolve, 5));
				status = await uplink(gateway.baseUrl).catch(() => undefined);
			}
			if (status && status.evidence.receiptedUpTo < status.evidence.sealedUpTo) killedWithBacklog++;
			if (status && status.evidence.uploadedUpTo > status.evidence.receiptedUpTo) killedInFlight++;
			await kill9(gateway.child);
			if (!existsSync(pty!.hostEnd)) await pty!.restart();
			gateway = await spawnGateway(args, port);
		}
		expect(killedWithBacklog).toBeGreaterThanOrEqual(10);
		expect(killedInFlight).toBeGreaterThanOrEqual(3);
		world!.proxy.delayMs = 0;
		await simulator.done;
		await drained(count);
		await expectExactlyOnce(count);
	}, 120_000);

	it("resends from the service's head when the service is behind the gateway's receipt (restored from an older backup)", async () => {
		const { args, port } = await setup();
		world!.proxy.mode = "refuse";
		gateway = await spawnGateway(args, port);
		await activate(gateway.baseUrl);
		const count = 1000;
		simulator = await runSerialSimulator({
			path: pty!.deviceEnd,
			deviceId: "megger-4",
			quantity: "insulation_resistance",
			rate: 1000,
			count,
			resendTimeoutMs: 300,
			retryMs: 100,
		});
		await simulator.done;
		await waitFor("all sealed", async () => ((await uplink(gateway!.baseUrl)).evidence.sealedUpTo === count ? true : undefined));
		await kill9(gateway.child);
		// The gateway believes the cloud holds 1..600; the cloud holds nothing.
		const db = new Database(join(dir!, "data", "gateway.db"));
		db.prepare("UPDATE uplink_cursors SET receipted_up_to = 600, uploaded_up_to = 600 WHERE destination LIKE 'billing:%'").run();
		db.close();
		world!.proxy.mode = "pass";
		gateway = await spawnGateway(args, port);
		await drained(count);
		await expectExactlyOnce(count);
		expect(gateway.output.join("")).toContain("destination is behind the receipt cursor");
	}, 60_000);

	it("through a proxy that cuts connections and swallows responses: no duplicates, no loss", async () => {
		const { args, port } = await setup({ batchRecords: 100, requestTimeoutMs: 500 });
		gateway = await spawnGateway(args, port);
		await activate(gateway.baseUrl);
		// Faults on the evidence batches (after enrollment, whose retries the drain does not count).
		await waitFor("enrollment", async () =>
			(await getJson<{ enrollment: { state: string } }>(`${gateway!.baseUrl}/api/v1/uplink`)).body.enrollment.state === "enrolled" ? true : undefined,
		);
		world!.proxy.mode = "faulty";
		world!.proxy.faults = { cutProbability: 0.3, swallowProbability: 0.25 };
		const count = 4000;
		simulator = await runSerialSimulator({
			path: pty!.deviceEnd,
			deviceId: "megger-3",
			quantity: "insulation_resistance",
			rate: 1000,
			count,
			resendTimeoutMs: 300,
			retryMs: 100,
		});
		await simulator.done;
		const done = await drained(count);
		expect(world!.proxy.stats.cut).toBeGreaterThan(0);
		expect(world!.proxy.stats.swallowed).toBeGreaterThan(0);
		expect(done.failuresByReason.timeout ?? 0, `${JSON.stringify(done.failuresByReason)} ${JSON.stringify(world!.proxy.stats)}`).toBeGreaterThan(0);
		await expectExactlyOnce(count);
	}, 90_000);
});
