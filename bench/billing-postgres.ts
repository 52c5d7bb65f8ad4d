/**
 * Billing ingest on PostgreSQL beside SQLite, in one run: the same 20k chained records (batches of
 * 500, each sealed by a signed checkpoint) sent over HTTP on loopback by a client in a worker
 * thread, verified and stored by one service process, first on SQLite, then on a throw-away
 * PostgreSQL server (test/support/postgres.ts: loopback, fsync off, like the tests). Twice: one
 * gateway posting batch after batch (each waits for the last: round trips and both sides' work add
 * up), and four gateways at once (what one service process does with many gateways).
 *
 * The SQLite figure is the baseline: the ratio says what the PostgreSQL backend costs or gives per
 * process. PostgreSQL runs with fsync off here, so the figure is the CPU and round-trip cost of the
 * backend, not a disk's; docs/scaling.md says what a real disk changes. The statements the service
 * sends per batch (every store: billing, model repository, outbox) are counted and printed with it,
 * since each is a round trip on a real network, and so is the PostgreSQL server's own CPU per
 * 1,000 records (from /proc): with the database on the same 2 cores, that is what caps the figure.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import pg from "pg";
import type { SimulatedGateway } from "../cloud-bridge/billing/testing/gateway-sim.js";
import { startTestService, type TestService } from "../cloud-bridge/billing/testing/harness.js";
import { Scenario, TARGET_INSULATION } from "../cloud-bridge/billing/testing/scenario.js";
import { type PostgresServer, startPostgres } from "../test/support/postgres.js";
import { type Row, ratioOf, repeat, summarize } from "./stats.js";

const BATCH = 500;
const BATCHES = 40;
const RECORDS = BATCH * BATCHES;
const TARGET_PER_SECOND = 25_000;
/** Gateways uploading at once in the second measurement (BATCHES divides by it). */
const CONCURRENT_GATEWAYS = 4;

/** The service, and per gateway its token and request bodies (batches in chain order). */
async function prepared(databaseUrl: string | undefined, gateways: number): Promise<{ service: TestService; uploads: { token: string; bodies: string[] }[] }> {
	const service = await startTestService({ validateResponses: false, databaseUrl });
	const first = new Scenario(service, "bench-gw-0");
	await first.seedParties();
	await first.createWorkOrder();
	const scenarios = [first];
	for (let g = 1; g < gateways; g++) scenarios.push(new Scenario(service, `bench-gw-${g}`));
	const uploads: { token: string; bodies: string[] }[] = [];
	for (const scenario of scenarios) {
		await scenario.enroll();
		const gateway: SimulatedGateway = scenario.gateway;
		const bodies: string[] = [];
		for (let b = 0; b < BATCHES / gateways; b++) {
			for (let i = 0; i < BATCH; i++) gateway.reading(TARGET_INSULATION, 100 + ((b * BATCH + i) % 900));
			gateway.seal();
			bodies.push(JSON.stringify(gateway.batch(b * BATCH + 1, (b + 1) * BATCH, `bench-${b}`)));
		}
		uploads.push({ token: scenario.gatewayToken, bodies });
	}
	return { service, uploads };
}

/**
 * The client runs in a worker thread, as gateways would on other machines: each gateway posts its
 * batches in order, all gateways at once.
 */
const CLIENT = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
	const { url, uploads, expected } = workerData;
	const started = performance.now();
	await Promise.all(uploads.map(async ({ token, bodies }) => {
		const headers = { authorization: "Bearer " + token, "content-type": "application/json" };
		for (const body of bodies) {
			const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(30000) });
			const receipt = await response.json();
			if (response.status !== 200 || receipt.accepted !== expected) throw new Error("batch not accepted: " + response.status + " " + JSON.stringify(receipt).slice(0, 300));
		}
	}));
	parentPort.postMessage({ ms: performance.now() - started });
})().catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
`;

/**
 * CPU of this process (service and client threads) per 1,000 records in the last run. Less at the
 * mercy of a loaded host than records/s: on SQLite it includes the database's work, on PostgreSQL
 * the server's work runs in its own processes and is not in it.
 */
let lastCpuMsPer1k = 0;

/**
 * CPU time of the PostgreSQL server, in ms: the postmaster (with the backends it has reaped) and
 * every backend alive. What the database costs per record, which the Node CPU above leaves out and
 * which decides how many service processes one database server can take.
 */
function serverCpuMs(server: PostgresServer): number {
	const ticksToMs = 10; // /proc times are in USER_HZ (100 per second) on every Linux this runs on
	let postmaster: number;
	try {
		postmaster = Number(readFileSync(join(server.dir, "data", "postmaster.pid"), "utf8").split("\n")[0]);
	} catch {
		return Number.NaN;
	}
	let ms = 0;
	for (const entry of readdirSync("/proc")) {
		if (!/^\d+$/.test(entry)) continue;
		let fields: string[];
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
			// After "(comm) ": state [0], ppid [1], utime [11], stime [12], cutime [13], cstime [14].
			fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
		} catch {
			continue; // gone meanwhile
		}
		const pid = Number(entry);
		if (pid === postmaster) ms += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * ticksToMs;
		else if (Number(fields[1]) === postmaster) ms += (Number(fields[11]) + Number(fields[12])) * ticksToMs;
	}
	return ms;
}
let lastServerCpuMsPer1k = 0;

/** Statements sent by every pg client of this process while `counting` is on (pool.query goes through Client#query). */
const statements = { counting: false, sent: 0 };
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
	if (statements.counting) statements.sent++;
	return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof clientQuery;

async function verifiedOverHttp(databaseUrl: string | undefined, gateways = 1, server?: PostgresServer): Promise<number> {
	const { service, uploads } = await prepared(databaseUrl, gateways);
	statements.sent = 0;
	statements.counting = true;
	const cpuBefore = process.cpuUsage();
	const serverCpuBefore = server ? serverCpuMs(server) : 0;
	try {
		const worker = new Worker(CLIENT, {
			eval: true,
			workerData: { url: `${service.url}/v1/evidence/batches`, uploads, expected: BATCH },
		});
		const result = await new Promise<{ ms?: number; error?: string }>((resolve, reject) => {
			worker.once("message", resolve);
			worker.once("error", reject);
		});
		await worker.terminate();
		if (result.error !== undefined || result.ms === undefined) throw new Error(`bench client failed: ${result.error}`);
		const cpu = process.cpuUsage(cpuBefore);
		lastCpuMsPer1k = (cpu.user + cpu.system) / 1000 / (RECORDS / 1000);
		if (server) lastServerCpuMsPer1k = (serverCpuMs(server) - serverCpuBefore) / (RECORDS / 1000);
		return RECORDS / (result.ms / 1000);
	} finally {
		statements.counting = false;
		await service.close();
	}
}

export async function benchBillingPostgres(runs: number, log: (line: string) => void): Promise<Row[]> {
	let server: PostgresServer;
	try {
		server = await startPostgres();
	} catch (error) {
		log(`  skipped: ${(error as Error).message}`);
		return [];
	}
	try {
		const rows: Row[] = [];
		for (const gateways of [1, CONCURRENT_GATEWAYS]) {
			const sqlite = summarize(await repeat(runs, () => verifiedOverHttp(undefined, gateways)));
			const sqliteCpu = lastCpuMsPer1k;
			const postgres = summarize(await repeat(runs, async () => verifiedOverHttp(await server.createSchema(), gateways, server)));
			const perBatch = statements.sent / BATCHES; // of the last run
			const postgresCpu = lastCpuMsPer1k;
			const serverCpu = lastServerCpuMsPer1k;
			const who = gateways === 1 ? "one gateway" : `${gateways} gateways at once`;
			rows.push({
				benchmark: "billing ingest (PostgreSQL)",
				metric: `verified records/s, ${who}`,
				unit: `${RECORDS / 1000}k records, HTTP loopback, batches of ${BATCH}, PostgreSQL ${server.majorVersion} (loopback, fsync off), ${perBatch.toFixed(1)} statements per batch, Node CPU ${postgresCpu.toFixed(0)} ms per 1k records (SQLite ${sqliteCpu.toFixed(0)}), PostgreSQL server CPU ${serverCpu.toFixed(0)} ms per 1k`,
				value: postgres,
				baseline: sqlite,
				baselineLabel: `(same run on SQLite, ${who})`,
				ratio: ratioOf(postgres, sqlite),
				target: `>= ${TARGET_PER_SECOND.toLocaleString("en-US")}`,
				met: postgres.median >= TARGET_PER_SECOND,
			});
		}
		return rows;
	} finally {
		await server.stop();
	}
}
