/**
 * node:sqlite vs better-sqlite3 for the gateway's reading store: the same SqliteReadingStore code
 * (gateway/store/node-sqlite-compat.ts adapts node:sqlite to the API it uses) committing the same
 * readings in batches with a watermark each, WAL, fsync per commit ("full"), on disk.
 * Baseline: better-sqlite3, measured in the same process, runs interleaved. Also the bare engines
 * (prepared insert in a BEGIN/COMMIT loop, no store code), so the adapter's cost shows apart.
 * Needs Node 22.5+ (node:sqlite); on Node 20 it returns no rows and says so.
 */
import Database from "better-sqlite3";
import { migrate } from "../gateway/store/migrations.js";
import { nodeSqlite, openNodeSqlite } from "../gateway/store/node-sqlite-compat.js";
import { SqliteReadingStore } from "../gateway/store/sqlite-reading-store.js";
import { identity, row } from "../gateway/store/testing/rows.js";
import { tempDatabase } from "./fixtures.js";
import { type Row, ratioOf, repeat, summarize } from "./stats.js";

const READINGS = 20_000;
const BATCH = 50;

function storeOnce(open: ((path: string) => Database.Database) | undefined): number {
	const database = tempDatabase();
	const store = new SqliteReadingStore({ path: database.path, durability: "full", open });
	try {
		store.recordHello(identity());
		const started = performance.now();
		for (let from = 1; from <= READINGS; from += BATCH) {
			const rows = [];
			for (let seq = from; seq < from + BATCH; seq++) rows.push(row(seq));
			store.commit(rows, [{ deviceId: "dev-1", bootId: "b1", ackedUpTo: from + BATCH - 1 }]);
		}
		const seconds = (performance.now() - started) / 1000;
		if (store.countReadings() !== READINGS) throw new Error(`node-sqlite bench: ${store.countReadings()} stored, expected ${READINGS}`);
		return READINGS / seconds;
	} finally {
		store.close();
		database.dispose();
	}
}

function bareOnce(open: (path: string) => Database.Database): number {
	const database = tempDatabase();
	const db = open(database.path);
	try {
		db.pragma("journal_mode = WAL");
		db.pragma("synchronous = FULL");
		migrate(db);
		db.prepare("INSERT INTO boots (device_id, boot_id) VALUES (?, ?)").run("dev-1", "b1");
		const insert = db.prepare(`INSERT OR IGNORE INTO readings (boot_ref, seq, device_time_us, quantity, value, unit, flags, channel, received_at)
			VALUES (1, ?, ?, 'resistance', ?, 'Ohm', 0, '', ?)`);
		const started = performance.now();
		for (let from = 1; from <= READINGS; from += BATCH) {
			db.exec("BEGIN");
			for (let seq = from; seq < from + BATCH; seq++) insert.run(seq, 1_764_000_000_000_000 + seq, seq / 10, 1_764_000_000_000 + seq);
			db.exec("COMMIT");
		}
		return READINGS / ((performance.now() - started) / 1000);
	} finally {
		db.close();
		database.dispose();
	}
}

export async function benchNodeSqlite(runs: number, log: (line: string) => void): Promise<Row[]> {
	if (!nodeSqlite()) {
		log(`  node-sqlite: skipped, node:sqlite needs Node 22.5+ (this is ${process.version}); run it with npm run test:node24's Node`);
		return [];
	}
	const better: number[] = [];
	const builtin: number[] = [];
	const betterBare: number[] = [];
	const builtinBare: number[] = [];
	await repeat(runs, (run) => {
		const b = storeOnce(undefined);
		const n = storeOnce(openNodeSqlite);
		const bb = bareOnce((path) => new Database(path));
		const nb = bareOnce(openNodeSqlite);
		if (run >= 0) {
			better.push(b);
			builtin.push(n);
			betterBare.push(bb);
			builtinBare.push(nb);
		}
		return n;
	});
	const store = summarize(builtin);
	const storeBaseline = summarize(better);
	const bare = summarize(builtinBare);
	const bareBaseline = summarize(betterBare);
	const unit = `${READINGS / 1000}k readings, ${BATCH} per commit, fsync per commit`;
	return [
		{
			benchmark: "node:sqlite",
			metric: "store readings/s",
			unit,
			value: store,
			baseline: storeBaseline,
			baselineLabel: "(better-sqlite3)",
			ratio: ratioOf(store, storeBaseline),
			target: "ratio >= 1.0 to switch",
			met: ratioOf(store, storeBaseline) >= 1,
		},
		{
			benchmark: "node:sqlite",
			metric: "bare insert rows/s",
			unit,
			value: bare,
			baseline: bareBaseline,
			baselineLabel: "(better-sqlite3)",
			ratio: ratioOf(bare, bareBaseline),
		},
	];
}
