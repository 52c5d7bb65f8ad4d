/**
 * A wall-clock jump of ±1 day breaks nothing (issue "Time you can trust offline"): each test runs
 * a part on a JumpingClock, whose wall clock jumps while monotonic time and timers do not, and
 * fails if the part measured a duration with the wall clock. Device time skew is in
 * time-protocol.test.ts; the app's SLA clocks in gateway/web/src/gateway-now.test.ts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { JumpingClock } from "../../platform/clock.js";
import { silentLogger } from "../../platform/logger.js";
import { EvidenceChain } from "../../protocol/evidence/chain.js";
import { CheckpointPolicy, signCheckpoint } from "../../protocol/evidence/checkpoint.js";
import { loadOrCreateGatewayKey } from "../../protocol/evidence/keys.js";
import { EvidenceKind } from "../../protocol/evidence/record.js";
import { hashPassword } from "../auth/password-hash.js";
import { defaultGatewayConfig } from "../config.js";
import { EvidenceBatches } from "../evidence/evidence-batches.js";
import { EvidenceSealer } from "../evidence/sealing.js";
import { Gateway } from "../gateway.js";
import { PinLimiter } from "../http/pin-limiter.js";
import { migrate } from "../store/migrations.js";
import { UplinkCursors } from "../uplink/cursors.js";
import { Drain } from "../uplink/drain.js";
import { Outbox } from "../uplink/outbox.js";
import { SealedSpans } from "../uplink/sealed-spans.js";
import { MemoryTransport } from "../uplink/transport/memory-transport.js";

const DAY = 86_400_000;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), "fc-jump-"));
	cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
	return dir;
}

/** A database holding `count` chained notes, sealed at the last one when `sealed`. */
function chainedDatabase(count: number, sealed: boolean) {
	const db = new Database(":memory:");
	migrate(db);
	const batches = new EvidenceBatches(db);
	const chain = new EvidenceChain();
	const key = loadOrCreateGatewayKey(tempDir());
	for (let i = 1; i <= count; i++) {
		const c = chain.append({
			id: `0190f5c2-7e00-7000-8000-${String(i).padStart(12, "0")}`,
			gatewayId: "gw-1",
			workOrderId: "WO1",
			kind: EvidenceKind.KIND_NOTE,
			text: `n${i}`,
			gatewayTimeMs: 1,
		});
		batches.append([{ chainSeq: c.chainSeq, bytes: c.bytes, entryHash: c.entryHash, workOrderId: "WO1", taskId: "T1" }]);
		if (sealed && i === count) {
			const checkpoint = signCheckpoint(
				{ gatewayId: "gw-1", chainSeq: i, headHash: c.entryHash, recordCount: i, createdAtMs: 1, keyId: key.keyId },
				key.privateKey,
			);
			db.prepare("INSERT INTO evidence_checkpoints (chain_seq, canonical, created_at) VALUES (?, ?, ?)").run(i, Buffer.from(checkpoint.bytes), 1);
		}
	}
	return { db, batches, chain, key };
}

async function settle(rounds = 50): Promise<void> {
	for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe("a ±1 day wall-clock jump breaks nothing", () => {
	it("sessions: a jump neither ends nor extends a technician's session", { timeout: 60_000 }, async () => {
		const clock = new JumpingClock();
		const config = defaultGatewayConfig();
		config.http = { host: "127.0.0.1", port: 0 };
		config.mqtt = false;
		config.webApp = { technicians: [{ id: "tech-ana", pinHash: await hashPassword("2468", { ln: 10 }) }], sessionHours: 12, sessionMaxHours: 24 };
		const gateway = await Gateway.start({ dataDir: tempDir(), config, logger: silentLogger(), clock });
		cleanups.push(() => gateway.stop());
		const base = `http://127.0.0.1:${gateway.httpAddress?.port}`;
		const signIn = await fetch(`${base}/api/v1/session`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ pin: "2468" }),
		});
		expect(signIn.status).toBe(201);
		const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0];
		const who = async () => (await fetch(`${base}/api/v1/session`, { headers: { cookie } })).status;
		expect(await who()).toBe(200);
		clock.jumpWall(DAY);
		expect(await who()).toBe(200);
		clock.jumpWall(-2 * DAY);
		clock.advance(11 * 3_600_000);
		expect(await who()).toBe(200);
		// The idle limit still counts: 12 h without use on the monotonic clock ends it.
		clock.advance(12 * 3_600_000 + 1);
		expect(await who()).toBe(401);
	});

	it("PIN windows: a jump neither reopens a full window nor keeps it locked", () => {
		const clock = new JumpingClock();
		const limiter = new PinLimiter({
			clock,
			windowMs: 60_000,
			limits: { perTechnicianAtAddress: 3, perAddress: 100, perTechnician: 100 },
			logger: pino({ level: "silent" }),
		});
		for (let i = 0; i < 3; i++) {
			const attempt = limiter.reserve("tech-1", "10.0.0.9");
			if (!attempt.granted) throw new Error("refused too early");
			attempt.failed();
		}
		expect(limiter.reserve("tech-1", "10.0.0.9").granted).toBe(false);
		clock.jumpWall(DAY);
		expect(limiter.reserve("tech-1", "10.0.0.9").granted).toBe(false);
		clock.jumpWall(-2 * DAY);
		clock.advance(60_001);
		expect(limiter.reserve("tech-1", "10.0.0.9").granted).toBe(true);
	});

	it("checkpoint timing: the sealer seals everyMs after arming, on monotonic time only", () => {
		const clock = new JumpingClock();
		const { db, chain, key } = chainedDatabase(3, false);
		const stats = { checkpoints: 0 };
		const sealer = new EvidenceSealer({
			db,
			gatewayId: "gw-1",
			key,
			clock,
			logger: silentLogger(),
			policy: new CheckpointPolicy({ everyRecords: 1000, everyMs: 1000 }),
			head: () => chain.state,
			stats,
		});
		sealer.arm();
		clock.jumpWall(DAY);
		clock.advance(999);
		clock.jumpWall(-2 * DAY);
		expect(stats.checkpoints).toBe(0);
		clock.advance(1);
		expect(stats.checkpoints).toBe(1);
		expect(sealer.sealedUpTo).toBe(3);
	});

	it("uplink backoff: retries and the open breaker wait on monotonic time", async () => {
		const clock = new JumpingClock();
		const { db, batches } = chainedDatabase(5, true);
		const transport = new MemoryTransport();
		transport.down = true;
		const drain = new Drain({
			gatewayId: "gw-1",
			spans: new SealedSpans(db, batches),
			cursors: new UplinkCursors(db, transport.destination),
			outbox: new Outbox(db),
			transport,
			clock,
			logger: silentLogger(),
			batchRecords: 250,
			retry: { initialDelayMs: 100, maxDelayMs: 1000 },
			breaker: { failureThreshold: 2, openMs: 2000, maxOpenMs: 8000 },
			random: () => 0,
			onState: () => {},
		});
		cleanups.push(() => drain.stop());
		drain.start();
		await settle();
		expect(drain.stats.consecutiveFailures).toBe(1);
		clock.jumpWall(DAY);
		await settle();
		expect(drain.stats.consecutiveFailures).toBe(1);
		clock.advance(100);
		await settle();
		expect(drain.stats.consecutiveFailures).toBe(2);
		expect(drain.breaker.state).toBe("open");
		clock.jumpWall(-2 * DAY);
		await settle();
		expect(drain.breaker.state).toBe("open");
		clock.jumpWall(3 * DAY);
		expect(drain.breaker.state).toBe("open");
		transport.down = false;
		clock.advance(2000);
		await settle();
		expect(transport.head).toBe(5);
	});
});
