/**
 * SD-card care: bytes the gateway's reading store writes per 1,000 readings (what wears a Raspberry
 * Pi's SD card), counted by the kernel for this process (/proc/self/io `wchar`: every write() to the
 * database, its WAL and checkpoints, before the page cache). Readings arrive as a van hub sees them:
 * ~10/s, so small group commits (10 readings each) with their watermark. WAL mode with the default
 * auto-checkpoint (1,000 pages); rows for durability "full" and "normal" (normal skips the WAL's
 * fsync, not its writes). Baseline: the readings' own stored size (what an ideal append-only log
 * would write), so the ratio is the write amplification.
 */
import { readFileSync } from "node:fs";
import { SqliteReadingStore } from "../gateway/store/sqlite-reading-store.js";
import { identity, row } from "../gateway/store/testing/rows.js";
import { tempDatabase } from "./fixtures.js";
import type { Row } from "./stats.js";
import { repeat, summarize } from "./stats.js";

const READINGS = 20_000;
const BATCH = 10;
/** A reading row's payload: seq, device time, quantity, value, unit, flags, channel, received_at, boot ref. */
const IDEAL_BYTES_PER_READING = 8 + 8 + "resistance".length + 8 + "Ohm".length + 1 + 0 + 8 + 8;

function written(): number {
	const line = readFileSync("/proc/self/io", "utf8")
		.split("\n")
		.find((entry) => entry.startsWith("wchar:"));
	return Number(line?.split(/\s+/)[1] ?? Number.NaN);
}

function bytesPer1000(durability: "full" | "normal"): number {
	const database = tempDatabase();
	const store = new SqliteReadingStore({ path: database.path, durability });
	try {
		store.recordHello(identity());
		const before = written();
		for (let from = 1; from <= READINGS; from += BATCH) {
			const rows = [];
			for (let seq = from; seq < from + BATCH; seq++) rows.push(row(seq));
			store.commit(rows, [{ deviceId: "dev-1", bootId: "b1", ackedUpTo: from + BATCH - 1 }]);
		}
		return ((written() - before) / READINGS) * 1000;
	} finally {
		store.close();
		database.dispose();
	}
}

export async function benchWriteVolume(runs: number): Promise<Row[]> {
	const ideal = summarize([IDEAL_BYTES_PER_READING * 1000]);
	const rows: Row[] = [];
	for (const durability of ["full", "normal"] as const) {
		const value = summarize(await repeat(runs, () => bytesPer1000(durability), 0));
		rows.push({
			benchmark: "write volume",
			metric: `bytes per 1,000 readings (${durability})`,
			unit: `${READINGS / 1000}k readings, ${BATCH} per commit, WAL`,
			value,
			baseline: ideal,
			baselineLabel: "(the readings' own bytes)",
			ratio: value.median / ideal.median,
		});
	}
	return rows;
}
