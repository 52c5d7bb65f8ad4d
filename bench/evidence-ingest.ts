/**
 * Evidence ingest of the billing service over HTTP on loopback: batches of 500 chained records,
 * each batch sealed by a signed checkpoint, verified (canonical decode, content and entry hashes,
 * chain links, Ed25519 checkpoint signature) and stored in SQLite as chain entries plus model
 * Evidence. Baseline: the same records and Evidence written straight into the same stores, with no
 * HTTP and no verification; the ratio is what HTTP and verification cost on top of the writes.
 * The client sends the batches one after another, each after the previous receipt, like an uplink.
 */
import { Worker } from "node:worker_threads";
import { recordToEvidence } from "../cloud-bridge/billing/ingest/record-to-evidence.js";
import type { SimulatedGateway } from "../cloud-bridge/billing/testing/gateway-sim.js";
import { startTestService, type TestService } from "../cloud-bridge/billing/testing/harness.js";
import { Scenario, TARGET_INSULATION } from "../cloud-bridge/billing/testing/scenario.js";
import type { AnyWrite } from "../model/entities/kinds.js";
import type { EvidenceBatch } from "../protocol/uplink/wire.js";
import { type Row, ratioOf, repeat, summarize } from "./stats.js";

const BATCH = 500;
const BATCHES = 40;
const RECORDS = BATCH * BATCHES;
const TARGET_PER_SECOND = 20_000;

async function prepared(): Promise<{ service: TestService; scenario: Scenario; bodies: string[]; batches: EvidenceBatch[] }> {
	const service = await startTestService({ validateResponses: false });
	const scenario = new Scenario(service);
	await scenario.seedParties();
	await scenario.createWorkOrder();
	await scenario.enroll();
	const gateway: SimulatedGateway = scenario.gateway;
	const batches: EvidenceBatch[] = [];
	for (let b = 0; b < BATCHES; b++) {
		for (let i = 0; i < BATCH; i++) gateway.reading(TARGET_INSULATION, 100 + ((b * BATCH + i) % 900));
		gateway.seal();
		batches.push(gateway.batch(b * BATCH + 1, (b + 1) * BATCH, `bench-${b}`));
	}
	return { service, scenario, batches, bodies: batches.map((batch) => JSON.stringify(batch)) };
}

/**
 * The client runs in a worker thread, as a gateway would run on another machine: in the service's
 * own thread it would take turns with the server on one event loop and halve what is measured.
 */
const CLIENT = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
	const { url, token, bodies, expected } = workerData;
	const headers = { authorization: "Bearer " + token, "content-type": "application/json" };
	const started = performance.now();
	for (const body of bodies) {
		const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(30000) });
		const receipt = await response.json();
		if (response.status !== 200 || receipt.accepted !== expected) throw new Error("batch not accepted: " + response.status + " " + JSON.stringify(receipt).slice(0, 300));
	}
	parentPort.postMessage({ ms: performance.now() - started });
})().catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
`;

export async function verifiedOverHttp(): Promise<number> {
	const { service, scenario, bodies } = await prepared();
	try {
		const worker = new Worker(CLIENT, {
			eval: true,
			workerData: { url: `${service.url}/v1/evidence/batches`, token: scenario.gatewayToken, bodies, expected: BATCH },
		});
		const result = await new Promise<{ ms?: number; error?: string }>((resolve, reject) => {
			worker.once("message", resolve);
			worker.once("error", reject);
		});
		await worker.terminate();
		if (result.error !== undefined || result.ms === undefined) throw new Error(`bench client failed: ${result.error}`);
		return RECORDS / (result.ms / 1000);
	} finally {
		await service.close();
	}
}

async function insertedDirectly(): Promise<number> {
	const { service, scenario, batches } = await prepared();
	try {
		const gateway = scenario.gateway;
		const { repo, store } = service.storage;
		const task = await repo.get("task", TARGET_INSULATION.taskId);
		const lookup = { task: async () => task, deliverable: async () => undefined };
		// Everything derived up front: the timed part is the writes alone.
		const prepared = [];
		for (let b = 0; b < batches.length; b++) {
			const chained = gateway.records.slice(b * BATCH, (b + 1) * BATCH);
			const checkpoint = gateway.checkpoints[b];
			const writes: AnyWrite[] = [];
			for (const c of chained) {
				const conversion = await recordToEvidence({ record: c.record as never, contentHash: c.contentHash.toString("hex"), sealedBy: "" }, lookup, 0);
				if (conversion.ok) writes.push({ kind: "evidence", entity: conversion.evidence });
			}
			const records = chained.map((c) => ({
				chainSeq: c.chainSeq,
				recordId: c.record.id as string,
				workOrderId: TARGET_INSULATION.workOrderId,
				contentHash: c.contentHash.toString("hex"),
				entryHash: c.entryHash.toString("hex"),
				bytes: c.bytes,
			}));
			prepared.push({ writes, records, checkpoint: { chainSeq: checkpoint.chainSeq, bytes: checkpoint.bytes, keyId: gateway.keyId.toString("hex") } });
		}
		const started = performance.now();
		for (const [b, batch] of prepared.entries()) {
			await repo.commit(batch.writes);
			await store.appendChain({
				gatewayId: gateway.gatewayId,
				expectedHeadSeq: b * BATCH,
				records: batch.records,
				checkpoints: [batch.checkpoint],
				sealedUpTo: (b + 1) * BATCH,
				receipt: null,
			});
		}
		return RECORDS / ((performance.now() - started) / 1000);
	} finally {
		await service.close();
	}
}

export async function benchEvidenceIngest(runs: number): Promise<Row[]> {
	const verified = summarize(await repeat(runs, verifiedOverHttp));
	const baseline = summarize(await repeat(runs, insertedDirectly));
	return [
		{
			benchmark: "billing ingest",
			metric: "verified records/s",
			unit: `${RECORDS / 1000}k records, HTTP loopback, batches of ${BATCH}, SQLite`,
			value: verified,
			baseline,
			baselineLabel: "(same records and Evidence inserted directly, no HTTP, no verification)",
			ratio: ratioOf(verified, baseline),
			target: `>= ${TARGET_PER_SECOND.toLocaleString("en-US")}`,
			met: verified.median >= TARGET_PER_SECOND,
		},
	];
}
