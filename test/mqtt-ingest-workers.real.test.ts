/**
 * The MQTT evidence path end to end, with everything real: a gateway streaming a tool's readings
 * (socat pty) drains over a real Mosquitto 2; two billing service processes (`fieldchain cloud
 * serve --ingest-mqtt-url`, from source) on one throw-away PostgreSQL take its batches from one
 * shared subscription, and one of them is killed with SIGKILL mid-stream. Every record is accepted
 * exactly once, the gateway counts a record receipted only when the service answered (never on the
 * broker's PUBACK), every answer to a resent batch is the same receipt, nothing is lost, and both
 * workers had taken batches before the kill.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mqtt, { type IPublishPacket, type MqttClient } from "mqtt";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { runSerialSimulator, type SimulatorHandle } from "../firmware-host/simulator/runners.js";
import { uplinkEvidenceTopic, uplinkReceiptTopic } from "../protocol/uplink/topics.js";
import type { BatchReceipt } from "../protocol/uplink/wire.js";
import { type GatewayFixture, startGateway } from "./support/gateway-fixture.js";
import { type MosquittoBroker, startMosquitto } from "./support/mosquitto.js";
import { type PostgresServer, startPostgres } from "./support/postgres.js";
import { createPtyPair, type PtyPair } from "./support/pty-pair.js";
import { runSourceCli, type SourceCli } from "./support/source-cli.js";
import { uplinkSnapshot } from "./support/uplink-fixture.js";
import { waitFor } from "./support/wait.js";

const GATEWAY_ID = "gw-mqtt-scale-1";
const COUNT = 3000;
const ANSWERED = /MQTT ingest: batch answered/g;

const dir = mkdtempSync(join(tmpdir(), "fc-mqtt-workers-"));
let postgres: PostgresServer | undefined;
let broker: MosquittoBroker | undefined;
let observer: MqttClient | undefined;
let fixture: GatewayFixture | undefined;
let simulator: SimulatorHandle | undefined;
let pty: PtyPair | undefined;
const workers: SourceCli[] = [];

afterAll(async () => {
	await simulator?.stop();
	await fixture?.stop();
	await pty?.dispose();
	await observer?.endAsync(true);
	for (const worker of workers) await worker.stop().catch(() => {});
	await broker?.stop();
	await postgres?.stop();
	rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<string> {
	const run = runSourceCli(args, { cwd: dir });
	const code = await run.exited(120_000);
	if (code !== 0) throw new Error(`fieldchain ${args.join(" ")} exited ${code}: ${run.output()}`);
	return run.output();
}

async function startWorker(databaseUrl: string, passwordFile: string, mqttUrl: string): Promise<{ cli: SourceCli; url: string }> {
	const worker = runSourceCli(
		[
			"cloud",
			"serve",
			"--port",
			"0",
			"--database-url",
			databaseUrl,
			"--log-level",
			"debug",
			"--ingest-mqtt-url",
			mqttUrl,
			"--ingest-mqtt-group",
			"billing-scale",
			"--ingest-mqtt-username",
			"cloud",
			"--ingest-mqtt-password-file",
			passwordFile,
		],
		{ cwd: dir },
	);
	workers.push(worker);
	await worker.waitFor(/MQTT evidence ingest on .*\$share\/billing-scale\/fieldchain\/v1\/gateways\/\+\/evidence/, 120_000);
	await worker.waitFor(/on http:\/\/127\.0\.0\.1:\d+/, 30_000);
	return { cli: worker, url: (/on (http:\/\/127\.0\.0\.1:\d+)/.exec(worker.output()) as RegExpExecArray)[1] };
}

const answered = (worker: SourceCli) => (worker.output().match(ANSWERED) ?? []).length;

describe("billing ingest workers on an MQTT shared subscription, one killed mid-stream", () => {
	it("accepts every record once, receipts only what is stored, answers resends identically", { timeout: 420_000 }, async () => {
		postgres = await startPostgres();
		const databaseUrl = await postgres.createDatabase("mqtt_ingest");
		broker = await startMosquitto(join(dir, "broker"));
		const passwordFile = join(dir, "broker-password");
		writeFileSync(passwordFile, `${broker.password}\n`, { mode: 0o600 });
		chmodSync(passwordFile, 0o600);

		const token = (await cli(["cloud", "token", "create", "--scope", "admin", "--database-url", databaseUrl]))
			.split("\n")
			.map((line) => line.trim())
			.filter((line) => line && !line.includes(" "))
			.pop() as string;
		// One at a time, so the migrations run once.
		const first = await startWorker(databaseUrl, passwordFile, broker.url);
		const second = await startWorker(databaseUrl, passwordFile, broker.url);
		const api = async (method: string, path: string, body?: unknown) => {
			const response = await fetch(`${first.url}${path}`, {
				method,
				headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return { status: response.status, body: (await response.json()) as { enrollmentToken?: string } };
		};
		expect((await api("POST", "/v1/import", uplinkSnapshot())).status).toBeLessThan(300);
		const enrollment = await api("POST", "/v1/enrollments");
		expect(enrollment.status).toBe(201);

		// Every answer on the gateway's receipt topic, by batch id; and the batches as the gateway published them.
		const answers = new Map<string, Array<{ status: number; body: BatchReceipt }>>();
		const published = new Map<string, Buffer>();
		observer = await mqtt.connectAsync(broker.url, { protocolVersion: 5, clientId: "receipt-observer", username: "cloud", password: broker.password });
		await observer.subscribeAsync([uplinkReceiptTopic(GATEWAY_ID), uplinkEvidenceTopic(GATEWAY_ID)], { qos: 1 });
		observer.on("message", (topic, payload, packet: IPublishPacket) => {
			if (topic === uplinkEvidenceTopic(GATEWAY_ID)) {
				published.set(JSON.parse(payload.toString()).batchId, payload);
				return;
			}
			const batchId = Buffer.from(packet.properties?.correlationData ?? Buffer.alloc(0)).toString();
			const list = answers.get(batchId) ?? [];
			list.push({ status: Number(packet.properties?.userProperties?.status), body: JSON.parse(payload.toString()) });
			answers.set(batchId, list);
		});

		const workOrdersFile = join(dir, "work-orders.json");
		writeFileSync(workOrdersFile, JSON.stringify(uplinkSnapshot()));
		pty = await createPtyPair();
		const hostEnd = pty.hostEnd;
		const mqttUrl = broker.url;
		const password = broker.password;
		fixture = await startGateway(
			(config) => {
				config.http = false;
				config.gatewayId = GATEWAY_ID;
				config.serial.targets = [{ path: hostEnd }];
				config.uplink = {
					// Enrolled over HTTPS once (its key pinned, bound to TECH1), then drained over MQTT.
					url: first.url,
					enrollmentToken: enrollment.body.enrollmentToken,
					transport: "mqtt",
					mqtt: { url: mqttUrl, username: "gateway", password },
					batchRecords: 100,
					requestTimeoutMs: 3000,
					idlePollMs: 50,
					retry: { initialDelayMs: 50, maxDelayMs: 500 },
					breaker: { failureThreshold: 10, openMs: 300, maxOpenMs: 1000 },
					downlink: { intervalMs: 3_600_000, technicianIds: ["TECH1"] },
				};
			},
			join(dir, "gateway"),
			{ workOrdersFile, sealEveryRecords: 50 },
		);
		const gateway = fixture.gateway;
		gateway.parts.activeTasks.set("TECH1", "WO1", "T1", Date.now(), []);
		simulator = await runSerialSimulator({
			path: pty.deviceEnd,
			deviceId: "megger-scale",
			quantity: "insulation_resistance",
			rate: 300,
			count: COUNT,
			resendTimeoutMs: 300,
			retryMs: 100,
		});

		// Both workers take batches; then one dies without a word.
		await waitFor("both workers answering batches", () => (answered(first.cli) >= 3 && answered(second.cli) >= 3 ? true : undefined), 120_000);
		// Killed the moment it says it took a batch: mid-ingest, before its receipt (the gateway must resend that batch).
		const killedInFlight = new Promise<void>((resolve) => {
			const watch = (chunk: Buffer) => {
				if (!chunk.toString().includes("MQTT ingest: batch received")) return;
				second.cli.child.kill("SIGKILL");
				resolve();
			};
			second.cli.child.stdout?.on("data", watch);
			second.cli.child.stderr?.on("data", watch);
		});
		await killedInFlight;
		await second.cli.exited(15_000);
		const beforeKill = { first: answered(first.cli), second: answered(second.cli), receipted: gateway.parts.cursors.current.receiptedUpTo };
		expect(beforeKill.receipted).toBeLessThan(COUNT);

		await simulator.done;
		await waitFor(
			"every record receipted by the surviving worker",
			() => (gateway.parts.evidence.headSeq === COUNT && gateway.parts.cursors.current.receiptedUpTo === COUNT ? true : undefined),
			180_000,
		);
		expect(answered(first.cli)).toBeGreaterThan(beforeKill.first);
		// The batch in flight at the kill got no answer from the dead worker: the gateway timed out and resent it.
		expect(gateway.uplink.runner?.drain?.stats.failuresByReason.timeout ?? 0).toBeGreaterThan(0);

		// PostgreSQL: the chain 1..COUNT once, each record the gateway's, one evidence entity each.
		const local = gateway.parts.evidence.range(0, COUNT);
		expect(local.every((r) => r.status === "receipted")).toBe(true);
		const db = new pg.Client({ connectionString: databaseUrl });
		await db.connect();
		try {
			const rows = await db.query<{ chain_seq: string; content_hash: string }>(
				"SELECT chain_seq, content_hash FROM billing_chain_records WHERE gateway_id = $1 ORDER BY chain_seq",
				[GATEWAY_ID],
			);
			expect(rows.rows.map((r) => Number(r.chain_seq))).toEqual(local.map((r) => r.chainSeq));
			expect(rows.rows.every((r, i) => r.content_hash === local[i].contentHash)).toBe(true);
			const evidence = await db.query<{ n: string; ids: string }>("SELECT COUNT(*) AS n, COUNT(DISTINCT id) AS ids FROM entities WHERE kind = 'evidence'");
			expect([Number(evidence.rows[0].n), Number(evidence.rows[0].ids)]).toEqual([COUNT, COUNT]);
		} finally {
			await db.end();
		}

		// The gateway's first batches published again (a gateway restored from a backup, a retrying proxy): the same receipts.
		const again = [...published.keys()].slice(0, 3);
		for (const batchId of again) {
			await observer.publishAsync(uplinkEvidenceTopic(GATEWAY_ID), published.get(batchId) as Buffer, {
				qos: 1,
				properties: { correlationData: Buffer.from(batchId) },
			});
		}
		await waitFor("the answers to the batches published again", () => (again.every((id) => (answers.get(id)?.length ?? 0) >= 2) ? true : undefined), 30_000);
		expect(again.map((id) => answers.get(id)?.[1].body.replayed)).toEqual([true, true, true]);

		// Every answer was a receipt; a batch answered more than once (resent after the kill or a timeout) got the same one.
		expect(answers.size).toBeGreaterThan(0);
		let resent = 0;
		for (const [batchId, list] of answers) {
			for (const answer of list) expect(answer.status, `${batchId}: ${JSON.stringify(answer.body)}`).toBe(200);
			const canonical = list.map((a) => JSON.stringify({ ...a.body, replayed: false }));
			expect(new Set(canonical).size, batchId).toBe(1);
			if (list.length > 1) resent++;
		}
		expect(resent).toBeGreaterThanOrEqual(again.length);
		const covered = [...answers.values()].map((list) => list[0].body).filter((r) => r.accepted > 0);
		expect(covered.reduce((sum, r) => sum + r.accepted, 0)).toBe(COUNT);
		process.stdout.write(
			`mqtt ingest workers: before the kill ${beforeKill.first}+${beforeKill.second} batches, ${answers.size} batches, ${resent} answered more than once, drain ${JSON.stringify(gateway.uplink.runner?.drain?.stats.failuresByReason)}\n`,
		);
	});
});
