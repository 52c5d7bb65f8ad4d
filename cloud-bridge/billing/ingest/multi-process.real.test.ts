/**
 * Two and three billing service processes (the built CLI, `cloud serve --database-url`) on one
 * throw-away PostgreSQL, behind a round-robin client: many gateways upload at once, and every batch
 * is also sent to a second process at the same moment (a gateway retrying through a load balancer).
 * Every record is accepted exactly once, each chain is one unbroken line (no fork), both answers
 * for a batch carry the same receipt, and each `evidence.accepted` event reaches the webhook once.
 * The appends are serialised by PostgreSQL (the head row lock), not by any process's memory.
 */
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BatchReceipt } from "../../../protocol/uplink/wire.js";
import { CLI, kill9, requireBuiltCli, runCli } from "../../../test/support/gateway-process.js";
import { type PostgresServer, startPostgres } from "../../../test/support/postgres.js";
import { waitFor } from "../../../test/support/wait.js";
import { type ReceivedRequest, startReceiver } from "../../webhooks/testing/receiver.js";
import type { TestService } from "../testing/harness.js";
import { Scenario, TARGET_INSULATION } from "../testing/scenario.js";

const GATEWAYS = 6;
const BATCHES = 5;
const PER_BATCH = 40;

const dir = mkdtempSync(join(tmpdir(), "fc-multi-process-"));
const children: ChildProcess[] = [];
let server: PostgresServer;
beforeAll(async () => {
	server = await startPostgres();
}, 60_000);
afterAll(async () => {
	for (const child of children) await kill9(child);
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

function serve(databaseUrl: string): Promise<string> {
	const child = spawn(process.execPath, [CLI, "cloud", "serve", "--port", "0", "--database-url", databaseUrl, "--webhook-allow", "127.0.0.0/8"], {
		cwd: dir,
		stdio: ["ignore", "pipe", "pipe"],
	});
	children.push(child);
	return new Promise((resolve, reject) => {
		let out = "";
		const timer = setTimeout(() => reject(new Error(`cloud serve printed no URL in 30 s: ${out}`)), 30_000);
		child.stdout?.on("data", (chunk: Buffer) => {
			out += chunk;
			const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]);
			}
		});
		child.stderr?.on("data", (chunk: Buffer) => {
			out += chunk;
		});
		child.once("exit", (code) => reject(new Error(`cloud serve exited with ${code}: ${out}`)));
	});
}

/** Enough of a TestService for Scenario; each request goes to the next process (round robin). */
function roundRobin(urls: string[], token: string): TestService {
	let next = 0;
	return {
		url: urls[0],
		tokens: { admin: token, approver: token, releaser: token, reader: token },
		async request(method: string, path: string, options: { token?: string | null; body?: unknown } = {}) {
			const url = urls[next++ % urls.length];
			const headers: Record<string, string> = {};
			if (options.token !== null) headers.authorization = `Bearer ${options.token ?? token}`;
			if (options.body !== undefined) headers["content-type"] = "application/json";
			const response = await fetch(`${url}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
			const text = await response.text();
			return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
		},
	} as unknown as TestService;
}

async function post(url: string, token: string, body: string): Promise<{ status: number; receipt: BatchReceipt }> {
	const response = await fetch(`${url}/v1/evidence/batches`, {
		method: "POST",
		headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
		body,
		signal: AbortSignal.timeout(60_000),
	});
	return { status: response.status, receipt: (await response.json()) as BatchReceipt };
}

describe.each([2, 3])("%i billing processes on one PostgreSQL", (processes) => {
	it("accepts every record exactly once, without forks, with identical receipts and one webhook per event", { timeout: 240_000 }, async () => {
		requireBuiltCli();
		const databaseUrl = await server.createDatabase(`multi_${processes}`);
		const token = (await runCli(["cloud", "token", "create", "--scope", "admin", "--database-url", databaseUrl], dir)).stdout.trim();
		// One at a time first, so the migrations run once; then the rest.
		const urls = [await serve(databaseUrl)];
		for (let i = 1; i < processes; i++) urls.push(await serve(databaseUrl));
		const events: ReceivedRequest[] = [];
		const receiver = await startReceiver((request) => {
			events.push(request);
			return { status: 204 };
		});
		try {
			const api = roundRobin(urls, token);
			expect((await api.request("POST", "/v1/webhooks/subscriptions", { body: { url: receiver.url, eventTypes: ["evidence.accepted"] } })).status).toBe(201);
			const first = new Scenario(api, "gw-0");
			await first.seedParties();
			await first.createWorkOrder();
			const scenarios = [first];
			for (let g = 1; g < GATEWAYS; g++) scenarios.push(new Scenario(api, `gw-${g}`));
			for (const s of scenarios) await s.enroll();

			// Every gateway uploads its batches in order, all gateways at once; each batch goes to two processes at the same moment.
			let turn = 0;
			const pairs: { gatewayId: string; a: BatchReceipt; b: BatchReceipt }[] = [];
			await Promise.all(
				scenarios.map(async (s) => {
					for (let b = 0; b < BATCHES; b++) {
						for (let i = 0; i < PER_BATCH; i++) s.gateway.reading(TARGET_INSULATION, 100 + i);
						s.gateway.seal();
						const body = JSON.stringify(s.gateway.batch(b * PER_BATCH + 1, (b + 1) * PER_BATCH, `${s.gateway.gatewayId}-b${b}`));
						const at = turn++;
						const [a, c] = await Promise.all([post(urls[at % processes], s.gatewayToken, body), post(urls[(at + 1) % processes], s.gatewayToken, body)]);
						expect([a.status, c.status], JSON.stringify([a.receipt, c.receipt])).toEqual([200, 200]);
						pairs.push({ gatewayId: s.gateway.gatewayId, a: a.receipt, b: c.receipt });
					}
				}),
			);

			// Identical receipts: one is the original, the other its replay (or both the replay of a third attempt's).
			for (const { a, b } of pairs) {
				expect({ ...a, replayed: false }).toEqual({ ...b, replayed: false });
				expect(a.accepted).toBe(PER_BATCH);
				expect(a.duplicates).toBe(0);
			}
			expect(pairs).toHaveLength(GATEWAYS * BATCHES);

			// The database: each chain 1..N once, linked, and one evidence entity per record.
			const db = new pg.Client({ connectionString: databaseUrl });
			await db.connect();
			try {
				const chains = await db.query<{ gateway_id: string; n: string; min: string; max: string }>(
					"SELECT gateway_id, COUNT(*) AS n, MIN(chain_seq) AS min, MAX(chain_seq) AS max FROM billing_chain_records GROUP BY gateway_id ORDER BY gateway_id",
				);
				expect(chains.rows).toHaveLength(GATEWAYS);
				for (const row of chains.rows) expect([Number(row.n), Number(row.min), Number(row.max)]).toEqual([BATCHES * PER_BATCH, 1, BATCHES * PER_BATCH]);
				const heads = await db.query<{ head_seq: string; head_hash: string; gateway_id: string }>(
					"SELECT gateway_id, head_seq, head_hash FROM billing_chain_heads",
				);
				for (const head of heads.rows) {
					expect(Number(head.head_seq)).toBe(BATCHES * PER_BATCH);
					const last = await db.query("SELECT entry_hash FROM billing_chain_records WHERE gateway_id = $1 AND chain_seq = $2", [
						head.gateway_id,
						head.head_seq,
					]);
					expect(last.rows[0].entry_hash).toBe(head.head_hash);
				}
				const evidence = await db.query<{ n: string }>("SELECT COUNT(*) AS n FROM entities WHERE kind = 'evidence'");
				expect(Number(evidence.rows[0].n)).toBe(GATEWAYS * BATCHES * PER_BATCH);
				const outbox = await db.query<{ n: string }>("SELECT COUNT(*) AS n FROM billing_outbox WHERE type = 'evidence.accepted'");
				expect(Number(outbox.rows[0].n)).toBe(GATEWAYS * BATCHES);
			} finally {
				await db.end();
			}

			// One webhook per accepted batch, each event once.
			await waitFor("every evidence.accepted delivered", () => (events.length >= GATEWAYS * BATCHES ? true : undefined), 60_000);
			await new Promise((resolve) => setTimeout(resolve, 1_000)); // a second delivery of one event would show here
			const ids = events.map((e) => JSON.parse(e.body).id as string);
			expect(new Set(ids).size).toBe(ids.length);
			const batches = events.map((e) => `${JSON.parse(e.body).data.gatewayId}/${JSON.parse(e.body).data.batchId}`);
			expect(new Set(batches).size).toBe(GATEWAYS * BATCHES);
		} finally {
			await receiver.close();
			for (const child of children.splice(0)) await kill9(child);
		}
	});
});
