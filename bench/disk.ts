/** The disk the benchmarks write to: temporary databases and what one fsync costs there. */
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { summarize } from "./stats.js";

/** A temporary directory for one SQLite database, removed by dispose(). */
export function tempDatabase(): { path: string; dispose: () => void } {
	const dir = mkdtempSync(join(tmpdir(), "fieldchain-bench-"));
	return { path: join(dir, "gateway.db"), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Median milliseconds of fdatasync after appending 4 KiB to a file in the temp directory. */
export function measureFdatasyncMs(samples = 50): number {
	const database = tempDatabase();
	const fd = openSync(database.path, "w");
	const block = Buffer.alloc(4096, 0x5a);
	const times: number[] = [];
	try {
		for (let i = 0; i < samples; i++) {
			writeSync(fd, block);
			const started = performance.now();
			fdatasyncSync(fd);
			times.push(performance.now() - started);
		}
	} finally {
		closeSync(fd);
		database.dispose();
	}
	return summarize(times).median;
}
