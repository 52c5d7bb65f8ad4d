/**
 * Completeness of exported bundles (protocol/evidence/README.md, "Completeness"), over genuine
 * bundles: notes of three work orders stamped by the real EvidenceLog, sealed at random points,
 * exported by exportEvidenceBundle. Hiding any record of the work order (shown redacted, cut from
 * the head or tail, removed, reordered, or every one of them redacted) must fail verification.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { baseSnapshot, items, make } from "../../model/testing/builders.js";
import { ManualClock } from "../../platform/clock.js";
import { silentLogger } from "../../platform/logger.js";
import { type BundleEntry, type EvidenceBundle, serializeBundle } from "../../protocol/evidence/bundle.js";
import { contentHash } from "../../protocol/evidence/chain.js";
import { loadOrCreateGatewayKey } from "../../protocol/evidence/keys.js";
import { decodeRecord } from "../../protocol/evidence/record.js";
import { verifyBundle } from "../../protocol/evidence/verify/verify-bundle.js";
import { SqliteReadingStore } from "../store/sqlite-reading-store.js";
import { ActiveTasks } from "../work/active-tasks.js";
import { WorkOrders } from "../work/work-orders.js";
import { EvidenceBatches } from "./evidence-batches.js";
import { EvidenceLog } from "./evidence-log.js";
import { exportEvidenceBundle } from "./export.js";

const WORK_ORDERS = ["WO1", "WO2", "WO3"] as const;
type Step = { workOrder: (typeof WORK_ORDERS)[number]; sealAfter: boolean };

/**
 * Stamps the plan's notes in a fresh data directory and exports WO1's bundle. With crashAt, the
 * gateway stops without sealing after that many notes and a new one carries on over the same database.
 */
function exportGenuine(plan: Step[], signOff = false, crashAt = -1): { bundle: EvidenceBundle; publicKey: Uint8Array } {
	const dir = mkdtempSync(join(tmpdir(), "fc-complete-"));
	try {
		let steps = plan;
		if (crashAt >= 0) {
			const first = openGateway(dir);
			stampNotes(first, plan.slice(0, crashAt));
			first.store.close();
			steps = plan.slice(crashAt);
		}
		const gateway = openGateway(dir);
		const { store, log, tasks, key } = gateway;
		stampNotes(gateway, steps);
		if (signOff)
			log.add({
				technicianId: "TECH1",
				workOrderId: "WO1",
				task: tasks.WO1,
				checklistItemId: "sign",
				kind: "signature",
				text: "Ada Customer",
				signerRole: "customer",
			});
		else log.seal();
		log.close();
		store.close();
		return { bundle: exportEvidenceBundle({ dataDir: dir, workOrderId: "WO1" }), publicKey: key.publicKeyRaw };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

function stampNotes({ log, tasks }: ReturnType<typeof openGateway>, steps: Step[]): void {
	steps.forEach((step, i) => {
		log.add({ technicianId: "TECH1", workOrderId: step.workOrder, task: tasks[step.workOrder], checklistItemId: "note", kind: "note", text: `note ${i}` });
		if (step.sealAfter) log.seal();
	});
}

function openGateway(dir: string) {
	const store = new SqliteReadingStore({ path: join(dir, "gateway.db") });
	const note = items.safety({ id: "note", requirement: { kind: "note" } });
	const sign = items.safety({ id: "sign", requirement: { kind: "signature", signerRole: "customer" } });
	const tasks = Object.fromEntries(WORK_ORDERS.map((wo) => [wo, make.task({ id: `${wo}-T`, workOrderId: wo, checklist: [note, sign] })]));
	const workOrders = new WorkOrders(
		baseSnapshot({ workOrders: WORK_ORDERS.map((id) => make.workOrder({ id, status: "in-progress" })), tasks: Object.values(tasks) }),
	);
	const key = loadOrCreateGatewayKey(dir);
	const log = new EvidenceLog({
		db: store.database,
		batches: new EvidenceBatches(store.database),
		gatewayId: "gw-1",
		key,
		workOrders,
		activeTasks: new ActiveTasks(store.database, workOrders),
		device: () => undefined,
		clock: new ManualClock(),
		logger: silentLogger(),
		sealEveryRecords: 1000,
		sealEveryMs: 60_000,
	});
	return { store, log, tasks, key };
}

const planArb = fc
	.array(fc.record({ workOrder: fc.constantFrom(...WORK_ORDERS), sealAfter: fc.boolean() }), { minLength: 1, maxLength: 20 })
	.map((steps) => (steps.some((s) => s.workOrder === "WO1") ? steps : [{ workOrder: "WO1" as const, sealAfter: false }, ...steps]));

function redact(entry: BundleEntry): BundleEntry {
	if (!("full" in entry)) return entry;
	const bytes = Buffer.from(entry.full, "base64");
	return {
		chainSeq: entry.chainSeq,
		redacted: { prevHash: Buffer.from(decodeRecord(bytes).prevHash).toString("hex"), contentHash: contentHash(bytes).toString("hex") },
	};
}

type Mutation = "redact-one" | "redact-all" | "drop-head" | "drop-tail" | "remove-one" | "reorder";

/** What an exporter holding only the file can do: change the entries, keep the checkpoints (and manifest) still in range. */
function mutate(bundle: EvidenceBundle, mutation: Mutation, pick: number): EvidenceBundle | undefined {
	const fullAt = bundle.entries.flatMap((e, i) => ("full" in e ? [i] : []));
	let entries = [...bundle.entries];
	const i = fullAt[pick % fullAt.length];
	switch (mutation) {
		case "redact-one":
			entries[i] = redact(entries[i]);
			break;
		case "redact-all":
			entries = entries.map(redact);
			break;
		case "drop-head":
			entries = entries.slice(1);
			break;
		case "drop-tail":
			entries = entries.slice(0, -1);
			break;
		case "remove-one":
			entries.splice(i, 1);
			break;
		case "reorder":
			if (entries.length < 2) return undefined;
			if (i + 1 < entries.length) [entries[i], entries[i + 1]] = [entries[i + 1], entries[i]];
			else [entries[i - 1], entries[i]] = [entries[i], entries[i - 1]];
			break;
	}
	if (entries.length === 0) return undefined;
	const first = entries[0].chainSeq;
	const last = entries[entries.length - 1].chainSeq;
	const checkpoints = bundle.checkpoints.filter((c) => c.chainSeq >= first && c.chainSeq <= last);
	const keepManifest = bundle.manifest && checkpoints.some((c) => c.chainSeq === bundle.manifest?.chainSeq);
	const { manifest: _dropped, ...rest } = bundle;
	return { ...rest, entries, checkpoints, ...(keepManifest ? { manifest: bundle.manifest } : {}) };
}

describe("bundle completeness", () => {
	it("a genuine bundle verifies as complete up to its last checkpoint", () => {
		fc.assert(
			fc.property(planArb, (plan) => {
				const { bundle, publicKey } = exportGenuine(plan);
				const result = verifyBundle(serializeBundle(bundle), { publicKey });
				expect(result.problems).toEqual([]);
				expect(result.complete).toBe(true);
				expect(result.completeUpTo).toBe(bundle.checkpoints.at(-1)?.chainSeq);
				expect(result.records.length).toBe(plan.filter((s) => s.workOrder === "WO1").length);
			}),
			{ numRuns: 15 },
		);
	});

	it("hiding, cutting, removing or reordering any record of the work order fails verification", () => {
		const mutations: Mutation[] = ["redact-one", "redact-all", "drop-head", "drop-tail", "remove-one", "reorder"];
		fc.assert(
			fc.property(planArb, fc.constantFrom(...mutations), fc.nat(), (plan, mutation, pick) => {
				const { bundle, publicKey } = exportGenuine(plan);
				const forged = mutate(bundle, mutation, pick);
				fc.pre(forged !== undefined);
				const result = verifyBundle(serializeBundle(forged as EvidenceBundle), { publicKey });
				expect(result.ok).toBe(false);
				expect(result.complete).toBe(false);
			}),
			{ numRuns: 100 },
		);
	});

	it("stays complete when the gateway stops unsealed and a new one carries on (the running state is rebuilt)", () => {
		fc.assert(
			fc.property(planArb, fc.nat(), (plan, cut) => {
				const { bundle, publicKey } = exportGenuine(plan, false, cut % (plan.length + 1));
				const result = verifyBundle(serializeBundle(bundle), { publicKey });
				expect(result.problems).toEqual([]);
				expect(result.complete).toBe(true);
			}),
			{ numRuns: 15 },
		);
	});

	it("a bundle with no full record of the work order fails", () => {
		const { bundle, publicKey } = exportGenuine([
			{ workOrder: "WO2", sealAfter: false },
			{ workOrder: "WO1", sealAfter: false },
			{ workOrder: "WO2", sealAfter: true },
		]);
		const forged = { ...bundle, entries: bundle.entries.map(redact) };
		const result = verifyBundle(serializeBundle(forged), { publicKey });
		expect(result.ok).toBe(false);
		expect(result.problems.map((p) => p.kind)).toContain("incomplete");
	});

	it("seals the work order's manifest at sign-off, without waiting for the sealing policy", () => {
		const { bundle, publicKey } = exportGenuine(
			[
				{ workOrder: "WO1", sealAfter: false },
				{ workOrder: "WO2", sealAfter: false },
			],
			true,
		);
		const result = verifyBundle(serializeBundle(bundle), { publicKey });
		expect(result.problems).toEqual([]);
		expect(result.complete).toBe(true);
		expect(result.completeUpTo).toBe(3);
	});
});
