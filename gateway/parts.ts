/**
 * The gateway's parts, declared once and built once over the one database: the work-order model,
 * evidence, time, alerts and task states; ingest (the group committer with the disk quota beside
 * it); the uplink's store-side pieces (outbox, cursors, sealed spans). Every consumer takes the
 * parts it needs as a Pick of GatewayParts; gateway.ts starts the I/O around them.
 * Invariant: one instance of each part per gateway (one EvidenceBatches, read by the evidence log,
 * the sealed spans and the app routes alike).
 */
import { join } from "node:path";
import type Database from "better-sqlite3";
import { type Clock, systemClock } from "../platform/clock.js";
import type { Logger } from "../platform/logger.js";
import { type GatewayKey, loadOrCreateGatewayKey } from "../protocol/evidence/keys.js";
import type { BootAnchor } from "./clock/boot-anchor.js";
import { buildClock } from "./clock/build-clock.js";
import type { DeviceTimeCheck } from "./clock/device-time.js";
import type { GatewayTime } from "./clock/gateway-time.js";
import type { KernelSyncProbe } from "./clock/kernel-sync.js";
import type { GatewayConfig } from "./config.js";
import { announceSealed, readingFeed, watchDevices } from "./event-feeds.js";
import { GatewayEvents } from "./events.js";
import { Attachments } from "./evidence/attachments.js";
import { EvidenceBatches } from "./evidence/evidence-batches.js";
import { EvidenceLog } from "./evidence/evidence-log.js";
import { CapacityGuard } from "./ingest/capacity/capacity-guard.js";
import { type DiskProbe, sqliteDiskProbe } from "./ingest/capacity/disk-probe.js";
import { ReadingEviction } from "./ingest/capacity/reading-eviction.js";
import { GroupCommitter } from "./ingest/group-committer.js";
import { DeviceRegistry } from "./session/device-registry.js";
import type { SqliteReadingStore } from "./store/sqlite-reading-store.js";
import { UplinkCursors } from "./uplink/cursors.js";
import { Outbox } from "./uplink/outbox.js";
import { SealedSpans } from "./uplink/sealed-spans.js";
import { destinationOf } from "./uplink/uplink-config.js";
import { ActiveTasks } from "./work/active-tasks.js";
import { Alerts } from "./work/alerts.js";
import { DeliverableSignOffs } from "./work/deliverable-signoffs.js";
import { FieldStates } from "./work/field-states.js";
import { TaskStates } from "./work/task-states.js";
import { TimeEntries, type TimeEntryOutbox } from "./work/time-entries.js";
import { TimeSubmissions } from "./work/time-submissions.js";
import { Visits } from "./work/visits.js";
import { WorkOrders } from "./work/work-orders.js";

export interface PartsOptions {
	dataDir: string;
	/** A model snapshot (JSON) with the work orders this gateway serves. */
	workOrdersFile?: string;
	/** Evidence checkpoint policy (defaults: every 1000 records or 1 s). */
	sealEveryRecords?: number;
	sealEveryMs?: number;
	config: GatewayConfig;
	logger: Logger;
	clock?: Clock;
	/** Free and used disk space as the quota sees them (tests simulate a full disk). */
	diskProbe?: DiskProbe;
	/** The kernel's NTP status (gateway/clock/kernel-sync.ts); default: asked of the system unless a clock is injected. */
	kernelSync?: KernelSyncProbe;
	/** The boot's monotonic anchor; default: the kernel's boot id and CLOCK_MONOTONIC, or the injected clock's. */
	bootAnchor?: BootAnchor;
}

export interface GatewayParts {
	readonly gatewayId: string;
	readonly dataDir: string;
	readonly config: GatewayConfig;
	readonly clock: Clock;
	readonly logger: Logger;
	/** Signs the evidence checkpoints; its public half enrolls the gateway with the cloud. */
	readonly key: GatewayKey;
	readonly store: SqliteReadingStore;
	/** The store's database: every part keeps its tables in it. */
	readonly db: Database.Database;
	/** Gateway events for flows and apps, delivered beside the ingest path (events.ts). */
	readonly events: GatewayEvents;
	readonly devices: DeviceRegistry;
	readonly workOrders: WorkOrders;
	readonly activeTasks: ActiveTasks;
	readonly batches: EvidenceBatches;
	readonly evidence: EvidenceLog;
	readonly attachments: Attachments;
	readonly timeEntries: TimeEntries;
	readonly alerts: Alerts;
	readonly taskStates: TaskStates;
	/** Time entries with their one lifecycle shared with billing (submit, office decisions, resubmit). */
	readonly timeSubmissions: TimeSubmissions;
	/** Visits moved through dispatched → en route → on site → completed, their work orders following. */
	readonly visits: Visits;
	/** The customer's signature signing off a work order's deliverables. */
	readonly signOffs: DeliverableSignOffs;
	readonly committer: GroupCommitter;
	/** The disk quota: admits or refuses each reading before ingest stores it. */
	readonly capacity: CapacityGuard;
	/** What goes to the cloud besides evidence, written in the gateway's own transactions. */
	readonly outbox: Outbox;
	/** How far the chain was sent and receipted. */
	readonly cursors: UplinkCursors;
	/** The sealed evidence the uplink sends next. */
	readonly spans: SealedSpans;
	/** The gateway's time, its quality and boot anchor (gateway/clock): stamps evidence. */
	readonly time: GatewayTime;
	/** Flags readings whose device time is implausible. */
	readonly deviceTime: DeviceTimeCheck;
}

/**
 * Builds every part and wires them together. `onSealed` is told when a checkpoint seals new
 * records (inside the sealing transaction: the uplink drain looks on its next turn).
 */
export function buildParts(options: PartsOptions, store: SqliteReadingStore, gatewayId: string, onSealed: () => void): GatewayParts {
	const { config, logger, dataDir } = options;
	const clock = options.clock ?? systemClock;
	const db = store.database;
	const events = new GatewayEvents((error, event) => logger.error({ err: error, event }, "a gateway event listener (a flow?) threw; the gateway carries on"));
	const devices = new DeviceRegistry(logger, () => clock.now());
	const workOrders = options.workOrdersFile ? WorkOrders.fromFile(options.workOrdersFile) : WorkOrders.empty();
	const activeTasks = new ActiveTasks(db, workOrders);
	const batches = new EvidenceBatches(db);
	const outbox = new Outbox(db);
	const cursors = new UplinkCursors(db, config.uplink ? destinationOf(config.uplink) : "none");
	const capacity = new CapacityGuard({
		config: config.capacity,
		probe: options.diskProbe ?? sqliteDiskProbe(db, join(dataDir, "gateway.db"), dataDir),
		eviction: new ReadingEviction(db),
		deviceHasActiveTask: (deviceId) => activeTasks.forDevice(deviceId) !== undefined,
		clock,
		logger,
		onAlarm: (alarm) => events.emit("alarm", { ...alarm, deviceId: null, at: clock.now() }),
	});
	// Time entries and task changes reach the outbox in their own transaction, after the evidence before them.
	const toOutbox: TimeEntryOutbox = { outbox, chainHead: () => evidence.headSeq };
	const timeEntries = new TimeEntries(db, toOutbox);
	const attachments = new Attachments(db);
	const alerts = new Alerts(db);
	const taskStates = new TaskStates(db, workOrders, toOutbox);
	const fieldStates = new FieldStates(db);
	const timeSubmissions = new TimeSubmissions(db, workOrders, fieldStates, toOutbox);
	const visits = new Visits(db, workOrders, fieldStates, toOutbox);
	const key = loadOrCreateGatewayKey(dataDir);
	const { time, deviceTime } = buildClock(options, clock, logger);
	const evidence: EvidenceLog = new EvidenceLog({
		db,
		batches,
		gatewayId,
		key,
		workOrders,
		activeTasks,
		device: (deviceId) => store.getDevice(deviceId),
		clock,
		time,
		logger,
		sealEveryRecords: options.sealEveryRecords,
		sealEveryMs: options.sealEveryMs,
		// Each record's status; without an uplink every record is "stored".
		uplinkProgress: config.uplink ? () => cursors.current : undefined,
		onSealed: (afterSeq, upToSeq) => {
			onSealed();
			announceSealed({ evidence, events, clock, logger }, afterSeq, upToSeq);
		},
	});
	const readings = readingFeed(store, events);
	const committer = new GroupCommitter({
		store,
		stamp: (rows) => {
			// The evidence log notes which readings became evidence (evidence_reading_spans), in this transaction.
			evidence.stampReadings(rows);
			readings.hold(rows);
		},
	});
	committer.on("committed", () => readings.release());
	committer.on("commitError", () => readings.drop());
	watchDevices(devices, events, clock);
	committer.on("commitError", (error) => {
		// The evidence appended in memory was rolled back with the transaction.
		evidence.reload();
		logger.error({ code: error.code, err: error }, "group commit failed; nothing in it was acked, devices will re-send");
		events.emit("alarm", { code: error.code, severity: "critical", message: error.message, deviceId: null, at: clock.now() });
	});
	return {
		gatewayId,
		dataDir,
		config,
		clock,
		logger,
		key,
		store,
		db,
		events,
		devices,
		workOrders,
		activeTasks,
		batches,
		evidence,
		attachments,
		timeEntries,
		alerts,
		taskStates,
		timeSubmissions,
		visits,
		signOffs: new DeliverableSignOffs(db, workOrders, evidence, fieldStates, toOutbox),
		committer,
		capacity,
		outbox,
		cursors,
		spans: new SealedSpans(db, batches),
		time,
		deviceTime,
	};
}
