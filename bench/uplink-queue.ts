/**
 * A gateway database with evidence queued for the uplink, built through the real stamping code
 * (SqliteReadingStore.commit + EvidenceLog.stampReadings, checkpoints every 1000 records), with
 * or without the uplink's own writes in the same transaction (the evidence reading spans; the
 * evidence outbox itself is a cursor, written once per batch by the drain).
 */
import { join } from "node:path";
import { EvidenceBatches } from "../gateway/evidence/evidence-batches.js";
import { EvidenceLog } from "../gateway/evidence/evidence-log.js";
import type { ReadingRow } from "../gateway/store/reading-store.js";
import { SqliteReadingStore } from "../gateway/store/sqlite-reading-store.js";
import { ActiveTasks } from "../gateway/work/active-tasks.js";
import { WorkOrders } from "../gateway/work/work-orders.js";
import { baseSnapshot, make } from "../model/testing/builders.js";
import { systemClock } from "../platform/clock.js";
import { silentLogger } from "../platform/logger.js";
import { loadOrCreateGatewayKey } from "../protocol/evidence/keys.js";
import { tempDatabase } from "./disk.js";

export const QUEUE_DEVICE = "bench-meter-uplink";
export const QUEUE_GATEWAY = "bench-gw-uplink";

export interface QueuedEvidence {
	store: SqliteReadingStore;
	evidence: EvidenceLog;
	dataDir: string;
	snapshot: ReturnType<typeof baseSnapshot>;
	/** Seconds spent committing and stamping (the uplink's writes included when asked). */
	seconds: number;
	dispose(): void;
}

/** Commits `count` readings in commits of `perCommit`, each stamped as evidence on the one open item. */
export function queueEvidence(count: number, options: { perCommit?: number } = {}): QueuedEvidence {
	const database = tempDatabase();
	const dataDir = join(database.path, "..");
	const store = new SqliteReadingStore({ path: database.path, durability: "normal" });
	const task = make.task({
		status: "in-progress",
		startedAt: Date.now() - 3_000_000,
		checklist: [
			{
				id: "r",
				label: "resistance",
				required: true,
				beforeStart: false,
				requirement: { kind: "reading", quantity: "resistance", unit: "Ohm", min: null, max: 1, calibratedDevice: false },
			},
		],
	});
	// TECH1's visit: the billing service takes the evidence only from a gateway bound to TECH1.
	const snapshot = baseSnapshot({
		workOrders: [make.workOrder({ status: "in-progress", startedAt: Date.now() - 3_600_000 })],
		tasks: [task],
		appointments: [make.appointment()],
	});
	const workOrders = new WorkOrders(snapshot);
	const activeTasks = new ActiveTasks(store.database, workOrders);
	activeTasks.set("TECH1", task.workOrderId, task.id, Date.now(), [QUEUE_DEVICE]);
	const evidence = new EvidenceLog({
		db: store.database,
		batches: new EvidenceBatches(store.database),
		gatewayId: QUEUE_GATEWAY,
		key: loadOrCreateGatewayKey(dataDir),
		workOrders,
		activeTasks,
		device: () => undefined,
		clock: systemClock,
		logger: silentLogger(),
		sealEveryMs: 3_600_000,
	});
	const perCommit = options.perCommit ?? 1000;
	const bootId = "00112233445566778899aabbccddeeff";
	const now = Date.now();
	let seconds = 0;
	for (let first = 1; first <= count; first += perCommit) {
		const rows: ReadingRow[] = [];
		for (let seq = first; seq < first + perCommit && seq <= count; seq++) {
			rows.push({
				deviceId: QUEUE_DEVICE,
				bootId,
				seq,
				deviceTimeUs: (now + seq) * 1000,
				quantity: "resistance",
				value: 100 + (seq % 900),
				unit: "Ohm",
				flags: 0,
				channel: "",
				receivedAt: now + Math.floor(seq / 100),
			});
		}
		const started = performance.now();
		store.commit(rows, [], () => {
			// The evidence log records which readings became evidence (the quota's spans) in this same
			// transaction itself; the uplink adds no write of its own per reading any more.
			evidence.stampReadings(rows);
		});
		seconds += (performance.now() - started) / 1000;
	}
	evidence.seal();
	return {
		store,
		evidence,
		dataDir,
		snapshot,
		seconds,
		dispose() {
			evidence.close();
			store.close();
			database.dispose();
		},
	};
}
