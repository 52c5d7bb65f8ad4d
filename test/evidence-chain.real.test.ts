/**
 * The evidence chain across a gateway kill -9 and restart: no fork, no gap; then the exported
 * bundle verifies with the real CLI, and a tampered copy is refused with the reason.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { runSerialSimulator, type SimulatorHandle } from "../firmware-host/simulator/runners.js";
import { baseSnapshot, items, make } from "../model/testing/builders.js";
import { getJson } from "./support/gateway-fixture.js";
import { CLI, freePort, type GatewayProcess, kill9, spawnGateway } from "./support/gateway-process.js";
import { createPtyPair, type PtyPair } from "./support/pty-pair.js";
import { waitFor } from "./support/wait.js";

const run = promisify(execFile);
let pty: PtyPair | undefined;
let simulator: SimulatorHandle | undefined;
let gateway: GatewayProcess | undefined;
let dir: string | undefined;

afterEach(async () => {
	await simulator?.stop();
	if (gateway) await kill9(gateway.child);
	await pty?.dispose();
	if (dir) rmSync(dir, { recursive: true, force: true });
	simulator = gateway = pty = dir = undefined;
});

interface EvidenceList {
	evidence: Array<{ chainSeq: number; sealed: boolean }>;
}

function workOrdersFile(root: string): string {
	const file = join(root, "work-orders.json");
	// Two open low-range items: every reading is stamped (as a failure), so the chain grows with the stream.
	const low = (id: string) =>
		items.insulation({
			id,
			label: id,
			requirement: { kind: "reading", quantity: "insulation_resistance", unit: "MOhm", min: null, max: 1, calibratedDevice: true },
		});
	const snapshot = baseSnapshot({
		workOrders: [make.workOrder({ status: "in-progress", startedAt: Date.now() - 3_600_000 })],
		tasks: [make.task({ status: "in-progress", startedAt: Date.now() - 3_000_000, checklist: [low("low-1"), low("low-2")] })],
	});
	writeFileSync(file, JSON.stringify(snapshot));
	return file;
}

async function evidenceCount(baseUrl: string): Promise<number> {
	return (await getJson<EvidenceList>(`${baseUrl}/api/v1/work-orders/WO1/tasks/T1/evidence`)).body.evidence.length;
}

describe("evidence chain across a crash, exported and verified", () => {
	it("continues the chain after kill -9, and the bundle verifies (and a tampered one does not)", async () => {
		dir = mkdtempSync(join(tmpdir(), "fc-chain-"));
		const dataDir = join(dir, "data");
		pty = await createPtyPair();
		const port = await freePort();
		const args = ["--data-dir", dataDir, "--serial", pty.hostEnd, "--no-mqtt", "--work-orders", workOrdersFile(dir), "--log-level", "warn"];
		gateway = await spawnGateway(args, port);
		const put = await fetch(`${gateway.baseUrl}/api/v1/technicians/TECH1/active-task`, {
			method: "PUT",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ workOrderId: "WO1", taskId: "T1" }),
		});
		expect(put.status).toBe(200);

		const count = 3000;
		simulator = await runSerialSimulator({
			path: pty.deviceEnd,
			deviceId: "megger-9",
			quantity: "insulation_resistance",
			rate: 1500,
			count,
			resendTimeoutMs: 300,
			retryMs: 100,
		});
		const first = gateway;
		await waitFor("800 evidence records", async () => ((await evidenceCount(first.baseUrl)) >= 800 ? true : undefined));
		await kill9(gateway.child);
		gateway = await spawnGateway(args, port);
		await simulator.done;
		// Let the seal timer run, then stop cleanly (which seals the rest).
		await new Promise((resolve) => setTimeout(resolve, 1500));
		const { body } = await getJson<EvidenceList>(`${gateway.baseUrl}/api/v1/work-orders/WO1/tasks/T1/evidence`);
		expect(body.evidence).toHaveLength(count);
		expect(body.evidence.map((record) => record.chainSeq)).toEqual(Array.from({ length: count }, (_, index) => index + 1));
		expect(body.evidence.every((record) => record.sealed)).toBe(true);
		await kill9(gateway.child);
		gateway = undefined;

		const bundleFile = join(dir, "wo1.json");
		const exported = await run(process.execPath, [CLI, "evidence", "export", "--data-dir", dataDir, "--work-order", "WO1", "--out", bundleFile]);
		expect(exported.stdout).toContain(`${count} records`);
		// Pinned to the gateway's own key: a bundle's key alone proves nothing about who signed it.
		const publicKey = (await run(process.execPath, [CLI, "evidence", "public-key", "--data-dir", dataDir])).stdout.trim();
		const verified = await run(process.execPath, [CLI, "evidence", "verify", bundleFile, "--public-key", publicKey, "--json"]);
		expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, trusted: true, sealedUpTo: count, records: count, problems: [] });

		// Drop one record from the middle: the verifier names the gap.
		const bundle = JSON.parse(readFileSync(bundleFile, "utf8")) as { entries: unknown[] };
		bundle.entries.splice(100, 1);
		const tampered = join(dir, "tampered.json");
		writeFileSync(tampered, `${JSON.stringify(bundle, null, 2)}\n`);
		const refused = await run(process.execPath, [CLI, "evidence", "verify", tampered]).catch((error: { code: number; stderr: string }) => error);
		expect((refused as { code: number }).code).toBe(1);
		expect((refused as { stderr: string }).stderr).toMatch(/removed/);
	});
});
