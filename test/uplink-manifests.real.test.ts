/**
 * Work-order manifests travel with the evidence (issue 21/15), end to end with the real parts: a
 * gateway as a child process (the CLI from source) with its tool on a pseudo-terminal, enrolled to
 * the reference billing service (SQLite on disk, HTTP over loopback). The technician works the demo
 * task; the gateway's uplink sends its records, checkpoints and the manifests those checkpoints
 * sign; the office releases the milestone; the bundle behind the invoice, downloaded, verifies with
 * the real `fieldchain evidence verify` against the enrolled key as complete.
 *
 * Then the gateway's own stored batch is replayed to a second service, as an attacker or a broken
 * relay would send it: a modified manifest, a missing one, manifests without their checkpoint and
 * a checkpoint of another key are refused with a reason and store nothing; the genuine batch is
 * stored once however often it is sent, and the same batch without manifests (an old gateway)
 * still goes in, its bundle then honestly "not provably complete".
 */
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BillingContext } from "../cloud-bridge/billing/context.js";
import { assembleBundle } from "../cloud-bridge/billing/evidence-bundles/invoice-bundles.js";
import { startTestService, type TestService } from "../cloud-bridge/billing/testing/harness.js";
import { type DemoBilling, startDemoBilling } from "../demo/demo-billing.js";
import { DEMO_DELIVERABLE_ID, DEMO_MILESTONE_ID, DEMO_TASK_ID, DEMO_TECHNICIAN_ID, DEMO_WORK_ORDER_ID, demoDay } from "../demo/demo-day.js";
import { runSerialSimulator, type SimulatorHandle } from "../firmware-host/simulator/runners.js";
import { EvidenceBatches } from "../gateway/evidence/evidence-batches.js";
import { SealedSpans, toWireRecord } from "../gateway/uplink/sealed-spans.js";
import { signCheckpoint } from "../protocol/evidence/checkpoint.js";
import { keyIdOf, publicKeyRaw } from "../protocol/evidence/keys.js";
import { decodeCheckpoint, decodeManifest, encodeManifest } from "../protocol/evidence/record.js";
import type { EvidenceBatch } from "../protocol/uplink/wire.js";
import { freePort } from "./support/gateway-process.js";
import { createPtyPair, type PtyPair } from "./support/pty-pair.js";
import { runSourceCli, type SourceCli } from "./support/source-cli.js";
import { waitFor } from "./support/wait.js";

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const GATEWAY_ID = "gw-manifests-1";
const tech = DEMO_TECHNICIAN_ID;
let dir: string;
let billing: DemoBilling;
let pty: PtyPair;
let gateway: SourceCli;
let gatewayUrl: string;
let simulator: SimulatorHandle | undefined;
let second: TestService | undefined;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely here; the services' own tests check their shapes.
type Answer = { status: number; body: any };

async function call(base: string, token: string | undefined, method: string, path: string, body?: unknown): Promise<Answer> {
	const response = await fetch(`${base}${path}`, {
		method,
		headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }) },
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(20_000),
	});
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const g = (method: string, path: string, body?: unknown) => call(gatewayUrl, undefined, method, path, body);
const b = (method: string, path: string, body?: unknown) => call(billing.url, billing.adminToken, method, path, body);

async function ok(answer: Promise<Answer>, status = 200): Promise<Answer> {
	const result = await answer;
	expect(result.status, JSON.stringify(result.body)).toBe(status);
	return result;
}

async function cli(args: string[]): Promise<{ code: number | string; output: string }> {
	const run = runSourceCli(args, { cwd: dir });
	const code = await run.exited(90_000);
	return { code, output: run.output() };
}

/**
 * The bundle of the demo work order as `service` would build it from what it stored (the route's
 * own function; it reads only the store, so the service's store stands in for its context).
 */
async function bundleOn(service: TestService) {
	const store = service.storage.store;
	const positions = (await store.workOrderChainPositions(DEMO_WORK_ORDER_ID)).filter((p) => p.gatewayId === GATEWAY_ID);
	const source = {
		gatewayId: GATEWAY_ID,
		workOrderId: DEMO_WORK_ORDER_ID,
		evidenceIds: positions.map((p) => p.recordId),
		firstSeq: positions[0].chainSeq,
		lastSeq: positions[positions.length - 1].chainSeq,
	};
	return assembleBundle({ store } as unknown as BillingContext, source);
}

/** The gateway's chain as it stored it: every sealed record, checkpoint and manifest, as one batch. */
function storedBatch(): EvidenceBatch & { batchId: string } {
	const db = new Database(join(dir, "gateway", "gateway.db"), { readonly: true, fileMustExist: true });
	try {
		const spans = new SealedSpans(db, new EvidenceBatches(db));
		const span = spans.next(0, 100_000);
		if (!span) throw new Error("the gateway has sealed nothing");
		return {
			gatewayId: GATEWAY_ID,
			batchId: `chain-1-${span.upToSeq}`,
			records: span.records.map(toWireRecord),
			checkpoints: span.checkpoints.map((c) => c.bytes.toString("base64")),
			manifests: span.manifests.map((m) => m.toString("base64")),
		};
	} finally {
		db.close();
	}
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), "fc-manifests-"));
	const snapshot = demoDay(Date.now());
	const workOrdersFile = join(dir, "work-orders.json");
	writeFileSync(workOrdersFile, JSON.stringify(snapshot));
	pty = await createPtyPair();
	billing = await startDemoBilling({ dataDir: dir, host: "127.0.0.1", port: 0, snapshot, gatewayEnrolled: false });
	const configFile = join(dir, "gateway.json");
	writeFileSync(
		configFile,
		JSON.stringify({
			gatewayId: GATEWAY_ID,
			uplink: {
				url: billing.url,
				enrollmentToken: billing.enrollmentToken,
				idlePollMs: 100,
				retry: { initialDelayMs: 50, maxDelayMs: 500 },
				downlink: { technicianIds: [tech], intervalMs: 1000 },
			},
		}),
	);
	const port = await freePort();
	gatewayUrl = `http://127.0.0.1:${port}`;
	gateway = runSourceCli([
		"gateway",
		"--data-dir",
		join(dir, "gateway"),
		"--config",
		configFile,
		"--serial",
		pty.hostEnd,
		"--no-mqtt",
		"--work-orders",
		workOrdersFile,
		"--log-level",
		"warn",
		"--http",
		`127.0.0.1:${port}`,
	]);
	await waitFor(
		"the gateway process to answer /healthz",
		async () => {
			if (gateway.child.exitCode !== null) throw new Error(`the gateway exited: ${gateway.output()}`);
			return (await fetch(`${gatewayUrl}/healthz`).catch(() => undefined))?.ok ? true : undefined;
		},
		60_000,
	);
}, 120_000);

afterAll(async () => {
	await simulator?.stop();
	await gateway?.stop();
	await pty?.dispose();
	await billing?.stop();
	await second?.close();
	rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe("work-order manifests from a real gateway to the invoice's bundle", () => {
	let invoiceId = "";
	let publicKey = "";

	it("the bundle behind the invoice verifies complete with the real CLI, pinned to the enrolled key", async () => {
		const task = `/api/v1/work-orders/${DEMO_WORK_ORDER_ID}/tasks/${DEMO_TASK_ID}`;
		simulator = await runSerialSimulator({ path: pty.deviceEnd, deviceId: "megger-7", quantity: "insulation_resistance", rate: 20, count: 5, retryMs: 100 });
		await simulator.done;
		for (const item of ["isolation", "ppe"])
			await ok(g("POST", `${task}/evidence`, { kind: "acknowledgement", checklistItemId: item, technicianId: tech }), 201);
		await ok(g("POST", `${task}/start`, { technicianId: tech }));
		await ok(g("PUT", `/api/v1/technicians/${tech}/active-task`, { workOrderId: DEMO_WORK_ORDER_ID, taskId: DEMO_TASK_ID, deviceIds: ["megger-7"] }));
		await ok(g("POST", `${task}/readings`, { technicianId: tech, checklistItemId: "insulation-l1", deviceId: "megger-7", seq: 3 }), 201);
		const sign = {
			technicianId: tech,
			signerName: "Jo Peeters",
			dataBase64: PNG,
			mediaType: "image/png",
			taskId: DEMO_TASK_ID,
			checklistItemId: "customer-signature",
		};
		await ok(g("POST", `/api/v1/work-orders/${DEMO_WORK_ORDER_ID}/deliverables/${DEMO_DELIVERABLE_ID}/sign-off`, sign), 201);
		// Billed time makes the invoice's lines cite the task's evidence.
		const entry = (await ok(g("POST", `${task}/time-entries/start`, { technicianId: tech }), 201)).body.id;
		await new Promise((resolve) => setTimeout(resolve, 20));
		await ok(g("POST", `${task}/time-entries/stop`, { technicianId: tech }));
		await ok(g("POST", `${task}/complete`, { technicianId: tech }));
		await ok(g("POST", `/api/v1/technicians/${tech}/time-entries/submit`, {}));
		await waitFor(
			"billing to hold the submitted time",
			async () => ((await b("GET", `/v1/time-entries/${entry}`)).body?.status === "submitted" ? true : undefined),
			60_000,
		);
		await ok(b("POST", `/v1/time-entries/${entry}/approve`, { reason: "checked against the visit" }));
		await waitFor(
			"billing to see the milestone ready, every record receipted",
			async () => {
				const status = (await g("GET", "/api/v1/uplink")).body;
				if (status.queueDepth !== 0 || status.evidence.receiptedUpTo !== status.evidence.chainHead) return undefined;
				const readiness = (await b("GET", `/v1/milestones/${DEMO_MILESTONE_ID}/readiness`)).body;
				return readiness.missing?.length === 0 ? readiness : undefined;
			},
			60_000,
		);
		await ok(b("POST", `/v1/milestones/${DEMO_MILESTONE_ID}/approve`, { reason: "evidence complete" }));
		const invoice = (await ok(b("POST", `/v1/milestones/${DEMO_MILESTONE_ID}/release`, {}), 201)).body;
		invoiceId = invoice.id;
		publicKey = (await ok(b("GET", "/v1/gateways"))).body.gateways.find((gw: { id: string }) => gw.id === GATEWAY_ID).publicKey;

		const list = (await ok(b("GET", `/v1/invoices/${invoiceId}/evidence-bundles`))).body;
		expect(list.unlocated, JSON.stringify(list)).toEqual([]);
		const summary = list.bundles.find((s: { workOrderId: string }) => s.workOrderId === DEMO_WORK_ORDER_ID);
		expect(summary?.gatewayId, JSON.stringify(list)).toBe(GATEWAY_ID);
		expect(summary.verification).toMatchObject({ ok: true, problems: [], complete: true });

		const response = await fetch(`${billing.url}${summary.download}`, { headers: { authorization: `Bearer ${billing.adminToken}` } });
		expect(response.status).toBe(200);
		expect(response.headers.get("fieldchain-bundle-verification")).toMatch(/complete=true/);
		const file = join(dir, "bundle.json");
		writeFileSync(file, Buffer.from(await response.arrayBuffer()));
		const verified = await cli(["evidence", "verify", file, "--public-key", publicKey]);
		expect(verified.output).toMatch(/^Complete: every record of the work order up to chain_seq \d+, as the gateway's signed manifest says\./m);
		expect(verified.code).toBe(0);
		const pinned = await cli(["evidence", "verify", file, "--keys-from", billing.url, "--token", billing.adminToken, "--json"]);
		expect(pinned.code).toBe(0);
		expect(JSON.parse(pinned.output)).toMatchObject({ ok: true, trusted: true, complete: true, problems: [] });
		// The manifest is the key's word: another key pinned is not this gateway's bundle.
		expect((await cli(["evidence", "verify", file, "--public-key", Buffer.alloc(32, 7).toString("base64")])).code).not.toBe(0);
	}, 300_000);

	it("a second service refuses a modified, missing or orphaned manifest and stores the genuine ones once; an old gateway's batch still goes in", async () => {
		expect(publicKey).not.toBe("");
		const batch = storedBatch();
		expect(batch.manifests?.length).toBeGreaterThan(0);
		second = await startTestService();
		const { enrollmentToken } = (await second.request("POST", "/v1/enrollments")).body;
		const enrolled = await second.request("POST", "/v1/gateways/enroll", {
			token: null,
			body: { enrollmentToken, gatewayId: GATEWAY_ID, publicKey, technicianIds: [tech] },
		});
		expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);
		const token: string = enrolled.body.token;
		const imported = await second.request("POST", "/v1/import", { body: demoDay(Date.now()) });
		expect(imported.status, JSON.stringify(imported.body)).toBeLessThan(300);
		const send = (body: unknown) => second!.request("POST", "/v1/evidence/batches", { token, body });
		const manifests = batch.manifests as string[];
		const stored = async () => {
			const all = [];
			for (const c of batch.checkpoints)
				all.push(...(await second!.storage.store.getManifests(GATEWAY_ID, decodeCheckpoint(Buffer.from(c, "base64")).chainSeq)));
			return all;
		};

		// A manifest that says one record more than the gateway signed.
		const first = decodeManifest(Buffer.from(manifests[0], "base64"));
		const inflated = Buffer.from(encodeManifest({ ...first, recordCount: first.recordCount + 1 })).toString("base64");
		let answer = await send({ ...batch, manifests: [inflated, ...manifests.slice(1)] });
		expect(answer.status).toBe(400);
		expect(answer.body.error.message).toMatch(/do not make the manifests_root it signs/);
		// The manifests of one checkpoint left out while the others are sent.
		const seqOf = (m: string) => decodeManifest(Buffer.from(m, "base64")).checkpointSeq;
		const ofFirst = manifests.filter((m) => seqOf(m) === first.checkpointSeq);
		expect(new Set(manifests.map(seqOf)).size, "the sign-off seals at once, the rest later: two checkpoints").toBeGreaterThanOrEqual(2);
		answer = await send({ ...batch, manifests: manifests.filter((m) => seqOf(m) !== first.checkpointSeq) });
		expect(answer.status).toBe(400);
		expect(answer.body.error.message).toMatch(new RegExp(`checkpoint ${first.checkpointSeq} signs work-order manifests, but none of them were sent`));
		// Manifests sent without the checkpoint that signs them.
		answer = await send({ ...batch, batchId: "orphans", records: batch.records.slice(0, 1), checkpoints: [], manifests });
		expect(answer.status).toBe(400);
		expect(answer.body.error.message).toMatch(/came without that checkpoint/);
		// Bytes that are not a manifest at all.
		answer = await send({ ...batch, manifests: ["AAAA", ...manifests.slice(1)] });
		expect(answer.status).toBe(400);
		expect(answer.body.error.message).toMatch(/manifest #1 is not a canonical work-order manifest/);
		// Not one of them left a record, a receipt or a manifest behind.
		expect(await stored()).toEqual([]);
		expect((await second.storage.store.getChainHead(GATEWAY_ID)).headSeq).toBe(0);

		// A checkpoint of another key with a root over the same manifests: the checkpoint is refused, its manifests not kept.
		const thiefKeys = generateKeyPairSync("ed25519");
		const thief = { privateKey: thiefKeys.privateKey, keyId: keyIdOf(publicKeyRaw(thiefKeys.publicKey)) };
		const real = decodeCheckpoint(Buffer.from(batch.checkpoints[0], "base64"));
		const forged = signCheckpoint(
			{
				gatewayId: GATEWAY_ID,
				chainSeq: real.chainSeq,
				headHash: real.headHash,
				recordCount: real.recordCount,
				createdAtMs: Number(real.createdAtMs),
				keyId: thief.keyId,
				manifestsRoot: real.manifestsRoot,
			},
			thief.privateKey,
		);
		const forgedRecords = batch.records.filter((r) => r.chainSeq <= real.chainSeq);
		answer = await send({
			gatewayId: GATEWAY_ID,
			batchId: "forged",
			records: forgedRecords,
			checkpoints: [Buffer.from(forged.bytes).toString("base64")],
			manifests: ofFirst,
		});
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject({ accepted: 0, checkpointsAccepted: 0 });
		expect(await stored()).toEqual([]);

		// The genuine batch: stored; sent again (a retry): the same receipt, nothing stored twice.
		const receipt = await send(batch);
		expect(receipt.status, JSON.stringify(receipt.body)).toBe(200);
		expect(receipt.body).toMatchObject({ accepted: batch.records.length, rejected: [], checkpointsRejected: [] });
		const kept = await stored();
		expect(kept.map((m) => Buffer.from(m.bytes).toString("base64")).sort()).toEqual([...manifests].sort());
		const again = await send(batch);
		expect(again.body).toMatchObject({ replayed: true, accepted: batch.records.length });
		expect(await stored()).toHaveLength(manifests.length);

		// Its bundle on this service is complete too.
		expect((await bundleOn(second)).verification).toMatchObject({ ok: true, problems: [], complete: true });
	}, 180_000);

	it("an old gateway's batch (no manifests) is accepted, and its bundle says it is not provably complete", async () => {
		const batch = storedBatch();
		const third = await startTestService();
		try {
			const { enrollmentToken } = (await third.request("POST", "/v1/enrollments")).body;
			const enrolled = await third.request("POST", "/v1/gateways/enroll", {
				token: null,
				body: { enrollmentToken, gatewayId: GATEWAY_ID, publicKey, technicianIds: [tech] },
			});
			expect((await third.request("POST", "/v1/import", { body: demoDay(Date.now()) })).status).toBeLessThan(300);
			const { manifests: _none, ...old } = batch;
			const answer = await third.request("POST", "/v1/evidence/batches", { token: enrolled.body.token, body: old });
			expect(answer.status, JSON.stringify(answer.body)).toBe(200);
			expect(answer.body).toMatchObject({ accepted: batch.records.length, rejected: [] });
			const assembled = await bundleOn(third);
			// The checkpoints commit to manifests the service never received: intact records, but not a complete bundle.
			expect(assembled.verification).toMatchObject({ ok: false, complete: false });
			expect(assembled.verification.problems).toEqual([
				expect.objectContaining({ kind: "incomplete", message: expect.stringMatching(/does not carry the work order's manifest/) }),
			]);
		} finally {
			await third.close();
		}
	}, 120_000);
});
