/**
 * The built CLI's billing service killed with SIGKILL right after it acknowledged changes whose
 * events had not reached the webhook queue yet (a trigger in the database refuses to queue
 * deliveries, standing for a crash between the commit and the hand-over) nor the receiver (which
 * refuses at first): the restarted service delivers each event, exactly once by id. Before the
 * outbox such an event was lost. The same for `evidence.accepted`, which ingest stores in the chain
 * append's transaction. Everything on 127.0.0.1 (`--webhook-allow 127.0.0.0/8`).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { CLI, kill9, requireBuiltCli, runCli } from "../../test/support/gateway-process.js";
import { waitFor } from "../../test/support/wait.js";
import type { TestService } from "../billing/testing/harness.js";
import { Scenario, TARGET_INSULATION } from "../billing/testing/scenario.js";
import { type ReceivedRequest, startReceiver } from "../webhooks/testing/receiver.js";

const dir = mkdtempSync(join(tmpdir(), "fc-outbox-kill-"));
const children: ChildProcess[] = [];
afterAll(async () => {
	for (const child of children) await kill9(child);
	rmSync(dir, { recursive: true, force: true });
});

/** Starts `cloud serve` on the test's database (in `cwd`); resolves with the child and its URL. */
function serve(cwd = dir): Promise<{ child: ChildProcess; url: string }> {
	const child = spawn(process.execPath, [CLI, "cloud", "serve", "--port", "0", "--db", "billing.sqlite", "--webhook-allow", "127.0.0.0/8"], {
		cwd,
		stdio: ["ignore", "pipe", "pipe"],
	});
	children.push(child);
	return new Promise((resolve, reject) => {
		let out = "";
		const timer = setTimeout(() => reject(new Error(`cloud serve printed no URL in 20 s: ${out}`)), 20_000);
		child.stdout?.on("data", (chunk: Buffer) => {
			out += chunk;
			const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
			if (match) {
				clearTimeout(timer);
				resolve({ child, url: match[1] });
			}
		});
		child.stderr?.on("data", (chunk: Buffer) => {
			out += chunk;
		});
		child.once("exit", (code) => reject(new Error(`cloud serve exited with ${code}: ${out}`)));
	});
}

/** Enough of a TestService for Scenario, over HTTP to the child process. */
function client(url: string, token: string): TestService {
	return {
		url,
		tokens: { admin: token, approver: token, releaser: token, reader: token },
		async request(method: string, path: string, options: { token?: string | null; body?: unknown } = {}) {
			const headers: Record<string, string> = { authorization: `Bearer ${options.token ?? token}` };
			if (options.body !== undefined) headers["content-type"] = "application/json";
			const response = await fetch(`${url}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
			const text = await response.text();
			return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
		},
	} as unknown as TestService;
}

describe("webhook events across a kill -9", () => {
	it("loses nothing: events of acknowledged changes are delivered once each after the restart", { timeout: 120_000 }, async () => {
		requireBuiltCli();
		const token = (await runCli(["cloud", "token", "create", "--scope", "admin", "--db", "billing.sqlite"], dir)).stdout.trim();
		let accepting = false;
		const accepted: ReceivedRequest[] = [];
		const receiver = await startReceiver((request) => {
			if (!accepting) return { status: 503 };
			accepted.push(request);
			return { status: 204 };
		});
		try {
			const first = await serve();
			const api = client(first.url, token);
			const sub = await api.request("POST", "/v1/webhooks/subscriptions", { body: { url: receiver.url, eventTypes: ["workorder.status_changed"] } });
			expect(sub.status).toBe(201);
			// From here the webhook queue refuses every delivery (the service's own tables, in WAL).
			const db = new BetterSqlite3(join(dir, "billing.sqlite"));
			db.exec("CREATE TRIGGER queue_down BEFORE INSERT ON webhook_deliveries BEGIN SELECT RAISE(ABORT, 'queue down'); END");
			const scenario = new Scenario(api);
			await scenario.seedParties();
			await scenario.createWorkOrder(); // two status changes, each acknowledged with 200
			await kill9(first.child);
			db.exec("DROP TRIGGER queue_down");
			expect(db.prepare("SELECT COUNT(*) AS n FROM webhook_deliveries").get()).toEqual({ n: 0 });
			db.close();

			accepting = true;
			const second = await serve();
			await waitFor("both events delivered after the restart", async () => (accepted.length >= 2 ? true : undefined), 90_000);
			const deliveries = (await client(second.url, token).request("GET", "/v1/webhooks/deliveries")).body as {
				deliveries: { eventId: string; status: string }[];
			};
			const byEvent = new Map<string, number>();
			for (const d of deliveries.deliveries) byEvent.set(d.eventId, (byEvent.get(d.eventId) ?? 0) + 1);
			expect([...byEvent.values()]).toEqual([1, 1]);
			expect(deliveries.deliveries.every((d) => d.status === "succeeded")).toBe(true);
			// Exactly once by id, and both changes announced.
			const ids = accepted.map((r) => JSON.parse(r.body).id as string);
			expect(new Set(ids).size).toBe(ids.length);
			expect(accepted.map((r) => JSON.parse(r.body).data.to).sort()).toEqual(["in-progress", "scheduled"]);
			await kill9(second.child);
		} finally {
			await receiver.close();
		}
	});

	it("loses no evidence.accepted: the event of an acknowledged batch is delivered once after the restart", { timeout: 120_000 }, async () => {
		requireBuiltCli();
		const cwd = join(dir, "evidence");
		mkdirSync(cwd);
		const token = (await runCli(["cloud", "token", "create", "--scope", "admin", "--db", "billing.sqlite"], cwd)).stdout.trim();
		let accepting = false;
		const accepted: ReceivedRequest[] = [];
		const receiver = await startReceiver((request) => {
			if (!accepting) return { status: 503 };
			accepted.push(request);
			return { status: 204 };
		});
		try {
			const first = await serve(cwd);
			const api = client(first.url, token);
			expect((await api.request("POST", "/v1/webhooks/subscriptions", { body: { url: receiver.url, eventTypes: ["evidence.accepted"] } })).status).toBe(201);
			const scenario = new Scenario(api);
			await scenario.seedParties();
			await scenario.createWorkOrder();
			await scenario.enroll();
			// From here the webhook queue refuses every delivery: a crash between the commit and the hand-over.
			const db = new BetterSqlite3(join(cwd, "billing.sqlite"));
			db.exec("CREATE TRIGGER queue_down BEFORE INSERT ON webhook_deliveries BEGIN SELECT RAISE(ABORT, 'queue down'); END");
			for (let i = 0; i < 3; i++) scenario.gateway.reading(TARGET_INSULATION, 500 + i);
			const receipt = await scenario.sendEvidence(); // acknowledged with 200
			expect(receipt.accepted).toBe(3);
			await kill9(first.child);
			db.exec("DROP TRIGGER queue_down");
			expect(db.prepare("SELECT COUNT(*) AS n FROM webhook_deliveries").get()).toEqual({ n: 0 });
			db.close();

			accepting = true;
			const second = await serve(cwd);
			await waitFor("the evidence.accepted event after the restart", async () => (accepted.length >= 1 ? true : undefined), 90_000);
			const bodies = accepted.map((r) => JSON.parse(r.body) as { id: string; type: string; data: { accepted: number } });
			expect(bodies.map((b) => b.type)).toEqual(["evidence.accepted"]);
			expect(bodies[0].data.accepted).toBe(3);
			const deliveries = (await client(second.url, token).request("GET", "/v1/webhooks/deliveries")).body as { deliveries: { eventId: string }[] };
			expect(deliveries.deliveries.map((d) => d.eventId)).toEqual([bodies[0].id]);
			await kill9(second.child);
		} finally {
			await receiver.close();
		}
	});
});
