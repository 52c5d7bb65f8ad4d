/**
 * 2. Durable ingest: frames -> StreamLink (FrameDecoder, decodeEnvelope) -> DeviceSession ->
 * GroupCommitter -> SqliteReadingStore on disk (durability "full") -> ack, fed in 64 KiB chunks
 * with a turn of the event loop between chunks, timed until the ack of the last seq.
 * Baseline: better-sqlite3 alone inserting the same rows into the same schema with the same
 * pragmas, in transactions of the committer's average batch size.
 */
import Database from "better-sqlite3";
import { migrate } from "../gateway/store/migrations.js";
import { BenchPipeline, chunksOf, DEVICE_ID, feedUntilAcked, makeReadingStream, type ReadingStream, tempDatabase } from "./fixtures.js";
import { type Row, ratioOf, repeat, type Summary, summarize } from "./stats.js";

export const INGEST_READINGS = 200_000;
const TARGET_READINGS_PER_SECOND = 100_000;
const TARGET_SHARE_OF_BARE = 0.25;

interface IngestRun {
	readingsPerSecond: number;
	averageBatch: number;
	commits: number;
}

async function ingestOnce(stream: ReadingStream, chunks: Buffer[]): Promise<IngestRun> {
	const pipeline = new BenchPipeline("sqlite");
	try {
		await pipeline.start();
		const seconds = await feedUntilAcked(pipeline, stream, chunks);
		const { inserted, commits } = pipeline.committer.stats;
		if (inserted !== stream.count || pipeline.store.countReadings() !== stream.count) {
			throw new Error(`durable ingest: ${inserted} readings inserted, expected ${stream.count}`);
		}
		return { readingsPerSecond: stream.count / seconds, averageBatch: inserted / commits, commits };
	} finally {
		await pipeline.dispose();
	}
}

/** Readings/s of better-sqlite3 alone, in transactions of `batch` rows. */
function bareInsertOnce(stream: ReadingStream, batch: number): number {
	const database = tempDatabase();
	const db = new Database(database.path);
	try {
		db.pragma("journal_mode = WAL");
		db.pragma("synchronous = FULL");
		db.pragma("busy_timeout = 5000");
		migrate(db);
		const bootRef = Number(db.prepare("INSERT INTO boots (device_id, boot_id) VALUES (?, ?)").run(DEVICE_ID, "00".repeat(16)).lastInsertRowid);
		const insert = db.prepare(`
			INSERT OR IGNORE INTO readings (boot_ref, seq, device_time_us, quantity, value, unit, flags, channel, received_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
		const receivedAt = Date.now();
		const insertBatch = db.transaction((from: number, to: number) => {
			for (let i = from; i < to; i++) insert.run(bootRef, i + 1, stream.deviceTimeUs[i], "resistance", stream.values[i], "Ohm", 0, "", receivedAt);
		});
		const started = performance.now();
		for (let from = 0; from < stream.count; from += batch) insertBatch(from, Math.min(from + batch, stream.count));
		const seconds = (performance.now() - started) / 1000;
		const stored = db.prepare("SELECT count(*) FROM readings").pluck().get() as number;
		if (stored !== stream.count) throw new Error(`bare insert: ${stored} rows stored, expected ${stream.count}`);
		return stream.count / seconds;
	} finally {
		db.close();
		database.dispose();
	}
}

export async function benchDurableIngest(runs: number): Promise<Row[]> {
	const stream = makeReadingStream(INGEST_READINGS, 2);
	const chunks = chunksOf(stream.wire);
	const pipelineRates: number[] = [];
	const bareRates: number[] = [];
	const batches: number[] = [];
	// Interleaved: each bare run uses the batch size the pipeline run before it committed with.
	await repeat(runs, async (run) => {
		const ingest = await ingestOnce(stream, chunks);
		const bare = bareInsertOnce(stream, Math.max(1, Math.round(ingest.averageBatch)));
		if (run >= 0) {
			pipelineRates.push(ingest.readingsPerSecond);
			bareRates.push(bare);
			batches.push(ingest.averageBatch);
		}
		return ingest.readingsPerSecond;
	});

	const pipeline = summarize(pipelineRates);
	const bare = summarize(bareRates);
	const batch: Summary = summarize(batches);
	const ratio = ratioOf(pipeline, bare);
	return [
		{
			benchmark: "2 durable ingest",
			metric: "readings/s",
			unit: `${INGEST_READINGS / 1000}k readings, acked, fsync per commit`,
			value: pipeline,
			baseline: bare,
			baselineLabel: "(better-sqlite3 only)",
			ratio,
			target: ">= 100,000 and ratio >= 0.25",
			met: pipeline.median >= TARGET_READINGS_PER_SECOND && ratio >= TARGET_SHARE_OF_BARE,
		},
		{ benchmark: "2 durable ingest", metric: "average batch", unit: "readings per commit", value: batch },
	];
}
