/**
 * 4. Evidence stamping: the durable ingest pipeline of benchmark 2 with every reading matched to
 * the active task's checklist, encoded canonically, hashed, chained and stored in the same
 * transaction, and sealed by signed checkpoints (every 1000 records), timed until the last
 * reading is acked and the last checkpoint written. Baseline: the same pipeline without evidence;
 * targets: 80,000 records/s, and 0.6 of the baseline.
 * Also: the cost of one checkpoint signature (Ed25519, RFC 8032) beside one SHA-256 chain append,
 * and the bytes stored per record (gateway/evidence/record-packing.ts) beside its canonical bytes.
 */
import { generateKeyPairSync } from "node:crypto";
import { unpackRecords } from "../gateway/evidence/evidence-batches.js";
import type { SqliteReadingStore } from "../gateway/store/sqlite-reading-store.js";
import { EvidenceChain } from "../protocol/evidence/chain.js";
import { signCheckpoint } from "../protocol/evidence/checkpoint.js";
import { keyIdOf, publicKeyRaw } from "../protocol/evidence/keys.js";
import { BenchPipeline, chunksOf, feedUntilAcked, makeReadingStream, type ReadingStream } from "./fixtures.js";
import { type Row, ratioOf, repeat, summarize } from "./stats.js";

const READINGS = 100_000;
const TARGET_SEALED_PER_SECOND = 80_000;
/** Of durable ingest without evidence, measured in the same run. */
const TARGET_RATIO = 0.6;

/** Bytes per record in the evidence_batches rows, and in the canonical records they hold. */
interface StoredSize {
	stored: number;
	canonical: number;
}

function storedSize(store: SqliteReadingStore): StoredSize {
	const rows = store.database.prepare("SELECT first_seq, last_seq, records FROM evidence_batches").all() as Array<{
		first_seq: number;
		last_seq: number;
		records: Buffer;
	}>;
	let stored = 0;
	let canonical = 0;
	let count = 0;
	for (const row of rows) {
		stored += row.records.length;
		for (const record of unpackRecords(row.first_seq, row.last_seq, row.records)) canonical += record.bytes.length;
		count += row.last_seq - row.first_seq + 1;
	}
	return { stored: stored / count, canonical: canonical / count };
}

async function runOnce(stream: ReadingStream, chunks: Buffer[], evidence: boolean, sizes?: StoredSize[]): Promise<number> {
	const pipeline = new BenchPipeline("sqlite", { evidence });
	try {
		await pipeline.start();
		const started = performance.now();
		await feedUntilAcked(pipeline, stream, chunks);
		pipeline.evidence?.seal();
		const seconds = (performance.now() - started) / 1000;
		if (pipeline.evidence && (pipeline.evidence.stats.stamped !== stream.count || pipeline.evidence.headSeq !== stream.count)) {
			throw new Error(`evidence: ${pipeline.evidence.stats.stamped} stamped, expected ${stream.count}`);
		}
		if (evidence) sizes?.push(storedSize(pipeline.store as SqliteReadingStore));
		return stream.count / seconds;
	} finally {
		await pipeline.dispose();
	}
}

function signingCost(): { signMicros: number; appendMicros: number } {
	const { privateKey, publicKey } = generateKeyPairSync("ed25519");
	const keyId = keyIdOf(publicKeyRaw(publicKey));
	const chain = new EvidenceChain();
	const n = 2000;
	let started = performance.now();
	for (let i = 1; i <= n; i++) {
		signCheckpoint({ gatewayId: "bench-gw", chainSeq: i, headHash: chain.state.headHash, recordCount: i, createdAtMs: Date.now(), keyId }, privateKey);
	}
	const signMicros = ((performance.now() - started) * 1000) / n;
	started = performance.now();
	for (let i = 0; i < n * 10; i++)
		chain.append({ id: `r${i}`, gatewayId: "bench-gw", workOrderId: "WO1", taskId: "T1", checklistItemId: "r", quantity: "resistance", value: i, unit: "Ohm" });
	const appendMicros = ((performance.now() - started) * 1000) / (n * 10);
	return { signMicros, appendMicros };
}

export async function benchEvidenceStamping(runs: number): Promise<Row[]> {
	const stream = makeReadingStream(READINGS, 4);
	const chunks = chunksOf(stream.wire);
	const sealed: number[] = [];
	const plain: number[] = [];
	const sizes: StoredSize[] = [];
	await repeat(runs, async (run) => {
		const withEvidence = await runOnce(stream, chunks, true, sizes);
		const without = await runOnce(stream, chunks, false);
		if (run >= 0) {
			sealed.push(withEvidence);
			plain.push(without);
		}
		return withEvidence;
	});
	const signs: number[] = [];
	const appends: number[] = [];
	for (let i = 0; i < runs; i++) {
		const cost = signingCost();
		signs.push(cost.signMicros);
		appends.push(cost.appendMicros);
	}
	const value = summarize(sealed);
	const baseline = summarize(plain);
	const ratio = ratioOf(value, baseline);
	const sign = summarize(signs);
	const append = summarize(appends);
	const stored = summarize(sizes.map((size) => size.stored));
	const canonical = summarize(sizes.map((size) => size.canonical));
	return [
		{
			benchmark: "4 evidence stamping",
			metric: "evidence records/s",
			unit: `${READINGS / 1000}k readings stamped, chained, durable, sealed`,
			value,
			baseline,
			baselineLabel: "(durable ingest, no evidence)",
			ratio,
			target: `>= 80,000, ratio >= ${TARGET_RATIO}`,
			met: value.median >= TARGET_SEALED_PER_SECOND && ratio >= TARGET_RATIO,
		},
		{
			benchmark: "4 evidence stamping",
			metric: "checkpoint signature (us)",
			unit: "Ed25519 sign of one checkpoint",
			value: sign,
			baseline: append,
			baselineLabel: "(one record: encode + SHA-256 chain append)",
			ratio: ratioOf(sign, append),
		},
		{
			benchmark: "4 evidence stamping",
			metric: "stored bytes per record",
			unit: "evidence_batches.records, delta-packed",
			value: stored,
			baseline: canonical,
			baselineLabel: "(canonical record bytes)",
			ratio: ratioOf(stored, canonical),
		},
	];
}
