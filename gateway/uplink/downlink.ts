/**
 * The downlink: the work orders, tasks (with their checklists) and appointments of this gateway's
 * technicians, and the office's decisions on them (time entries with approvals and rejections,
 * milestones, deliverables, invoices), pulled from the billing service with the gateway's token (scope workorders:read),
 * merged under the conflict rules (downlink-merge.ts) and cached in SQLite so the gateway starts
 * and works offline with the last plan it saw. Refreshed every intervalMs and on a push (an MQTT
 * message on fieldchain/v1/gateways/{id}/downlink when the MQTT uplink is on).
 */

import type Database from "better-sqlite3";
import type { Clock, TimerHandle } from "../../platform/clock.js";
import { toError } from "../../platform/errors.js";
import type { Logger } from "../../platform/logger.js";
import type { WorkOrders } from "../work/work-orders.js";
import { type CloudPlan, type Conflict, type LocalProgress, mergeCloudPlan } from "./downlink-merge.js";

type OfficePlan = Pick<CloudPlan, "timeEntries" | "approvals" | "milestones" | "deliverables" | "invoices">;

import { allPages } from "./transport/all-pages.js";
import { expectStatus, requestJson } from "./transport/http-json.js";

export interface DownlinkOptions {
	db: Database.Database;
	url: string;
	token: () => string | undefined;
	workOrders: WorkOrders;
	technicianIds: readonly string[];
	intervalMs: number;
	requestTimeoutMs: number;
	clock: Clock;
	logger: Logger;
	/** The plan changed (routes and flows read WorkOrders directly; this is for events). */
	onChanged?: (conflicts: Conflict[]) => void;
	/** The office's side changed (which collections): the app refetches (SSE `office`). */
	onOffice?: (kinds: string[]) => void;
}

const OFFICE_KINDS = ["timeEntries", "approvals", "milestones", "deliverables", "invoices", "appointments", "workOrders"] as const;

/** What the app shows of each office collection: ids, versions and statuses. */
function fingerprints(snapshot: CloudPlan): Map<string, string> {
	return new Map(
		OFFICE_KINDS.map((kind) => [
			kind,
			JSON.stringify(((snapshot[kind] ?? []) as Array<{ id: string; version: number; status?: string }>).map((e) => [e.id, e.version, e.status])),
		]),
	);
}

const CACHE_KEY = "plan";

export class Downlink {
	readonly stats = { refreshes: 0, failures: 0, lastRefreshAt: null as number | null, lastError: null as string | null };
	private timer: TimerHandle | undefined;
	private running: Promise<void> | undefined;
	private again = false;
	private stopped = false;
	private readonly statements;

	constructor(private readonly options: DownlinkOptions) {
		const db = options.db;
		this.statements = {
			cache: db.prepare("SELECT body FROM downlink_cache WHERE key = ?").pluck(),
			store: db.prepare(
				"INSERT INTO downlink_cache (key, body, fetched_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET body = excluded.body, fetched_at = excluded.fetched_at",
			),
			progressed: db.prepare("SELECT task_id, status, started_at, completed_at FROM task_states"),
			withEvidence: db.prepare("SELECT DISTINCT task_id FROM evidence_index").pluck(),
			conflict: db.prepare("INSERT INTO downlink_conflicts (entity, entity_id, field, local, cloud, resolution, at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
			conflicts: db.prepare("SELECT * FROM downlink_conflicts ORDER BY id"),
			known: db.prepare("SELECT 1 FROM downlink_conflicts WHERE entity = ? AND entity_id = ? AND field = ? AND local = ? AND cloud = ?").pluck(),
		};
	}

	/** Applies the cached plan (offline start), then refreshes now and every intervalMs. */
	start(): void {
		const cached = this.statements.cache.get(CACHE_KEY) as string | undefined;
		if (cached) this.apply(JSON.parse(cached) as CloudPlan);
		this.schedule(0);
	}

	/** A push from the cloud: refresh now (once more if one is running). */
	refresh(): Promise<void> {
		if (this.running) {
			this.again = true;
			return this.running;
		}
		this.running = this.pull().finally(() => {
			this.running = undefined;
			if (this.again && !this.stopped) {
				this.again = false;
				void this.refresh();
			}
		});
		return this.running;
	}

	async stop(): Promise<void> {
		this.stopped = true;
		this.options.clock.clearTimeout(this.timer);
		await this.running;
	}

	conflicts(): Array<Record<string, unknown>> {
		return (this.statements.conflicts.all() as Array<Record<string, string | number>>).map((row) => ({
			...row,
			local: JSON.parse(String(row.local)),
			cloud: JSON.parse(String(row.cloud)),
		}));
	}

	private schedule(ms: number): void {
		if (this.stopped) return;
		this.timer = this.options.clock.setTimeout(() => {
			void this.refresh().finally(() => this.schedule(this.options.intervalMs));
		}, ms);
	}

	private async pull(): Promise<void> {
		const token = this.options.token();
		if (!token) return;
		try {
			const plan = await this.fetchPlan(token);
			this.statements.store.run(CACHE_KEY, JSON.stringify(plan), this.options.clock.now());
			this.apply(plan);
			this.stats.refreshes++;
			this.stats.lastRefreshAt = this.options.clock.now();
			this.stats.lastError = null;
		} catch (error) {
			this.stats.failures++;
			this.stats.lastError = toError(error).message;
			this.options.logger.warn({ err: error }, "downlink: could not refresh work orders; the cached plan stays");
		}
	}

	private async fetchPlan(token: string): Promise<CloudPlan> {
		const get = async (path: string) =>
			expectStatus(
				await requestJson({ method: "GET", url: `${this.options.url.replace(/\/$/, "")}${path}`, token, timeoutMs: this.options.requestTimeoutMs }),
				`GET ${path}`,
				200,
			).body;
		const plan: CloudPlan = { workOrders: [], tasks: [], appointments: [] };
		const office = { complete: true, plan: { timeEntries: [], approvals: [], milestones: [], deliverables: [], invoices: [] } as Required<OfficePlan> };
		// Lists come a page at a time; each is read to its end.
		for (const order of await allPages<CloudPlan["workOrders"][number]>(get, "/v1/work-orders", "workOrders")) {
			const appointments = await allPages<CloudPlan["appointments"][number]>(
				get,
				`/v1/work-orders/${encodeURIComponent(order.id)}/appointments`,
				"appointments",
			);
			const ours = this.options.technicianIds;
			if (ours.length > 0 && !appointments.some((appointment) => ours.includes(appointment.technicianId))) continue;
			plan.workOrders.push(order);
			plan.appointments.push(...appointments);
			plan.tasks.push(...(await allPages<CloudPlan["tasks"][number]>(get, `/v1/work-orders/${encodeURIComponent(order.id)}/tasks`, "tasks")));
			await this.fetchOffice(get, order.id, office);
		}
		return office.complete ? { ...plan, ...office.plan } : plan;
	}

	/**
	 * The office's decisions on one work order. A service without one of these lists (an older
	 * one, or a token without the scope) leaves the office side as the gateway last saw it.
	 */
	private async fetchOffice(
		get: (path: string) => Promise<Record<string, unknown> | undefined>,
		orderId: string,
		office: { complete: boolean; plan: Required<OfficePlan> },
	) {
		if (!office.complete) return;
		const base = `/v1/work-orders/${encodeURIComponent(orderId)}`;
		try {
			for (const key of ["timeEntries", "approvals", "milestones", "deliverables", "invoices"] as const) {
				const path = `${base}/${key === "timeEntries" ? "time-entries" : key}`;
				(office.plan[key] as unknown[]).push(...(await allPages<unknown>(get, path, key)));
			}
		} catch (error) {
			office.complete = false;
			this.options.logger.warn({ err: error, workOrderId: orderId }, "downlink: cannot read the office's decisions; the last ones seen stay");
		}
	}

	private apply(plan: CloudPlan): void {
		const facts = {
			localProgress: new Map(
				(
					this.statements.progressed.all() as Array<{
						task_id: string;
						status: LocalProgress["status"];
						started_at: number | null;
						completed_at: number | null;
					}>
				).map((row) => [row.task_id, { status: row.status, startedAt: row.started_at, completedAt: row.completed_at }]),
			),
			withEvidence: new Set(this.statements.withEvidence.all() as string[]),
		};
		const before = fingerprints(this.options.workOrders.snapshot);
		const { snapshot, conflicts } = mergeCloudPlan(this.options.workOrders.snapshot, plan, facts);
		const now = this.options.clock.now();
		for (const c of conflicts) {
			const local = JSON.stringify(c.local ?? null);
			const cloud = JSON.stringify(c.cloud ?? null);
			// The same difference is seen on every refresh until one side changes: record it once.
			if (this.statements.known.get(c.entity, c.entityId, c.field, local, cloud)) continue;
			this.statements.conflict.run(c.entity, c.entityId, c.field, local, cloud, c.resolution, now);
			this.options.logger.warn({ entity: c.entity, id: c.entityId, field: c.field, resolution: c.resolution }, "downlink: local and cloud versions differ");
		}
		this.options.workOrders.replace(snapshot);
		this.options.onChanged?.(conflicts);
		const after = fingerprints(this.options.workOrders.snapshot);
		const changed = OFFICE_KINDS.filter((kind) => before.get(kind) !== after.get(kind));
		if (changed.length > 0) this.options.onOffice?.(changed);
	}
}
