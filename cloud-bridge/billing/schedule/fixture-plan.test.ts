/**
 * A plan over the model's fixtures (model/fixtures, seed 7) through POST /v1/schedule/plans, its
 * proposed day checked by a checker written here from the model alone (not the engine's matrix or
 * bookkeeping): every visit by a technician with the skills its open tasks need, inside that
 * technician's working hours in their own time zone, no two visits of one technician overlapping
 * and enough time to drive between them (great-circle × 1.3 at 50 km/h, the default), finish-to-
 * start dependencies kept, and the visits it was told not to move left where they were.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptySnapshot, type ModelSnapshot } from "../../../model/entities/kinds.js";
import { generateFixtures } from "../../../model/fixtures/generate.js";
import { snapshotWrites } from "../../../model/repository/load.js";
import { startTestService, type TestService } from "../testing/harness.js";

const AS_OF = Date.UTC(2026, 2, 2); // a Monday
const DAY = 86_400_000;
const MIN = 60_000;
let service: TestService;
let snapshot: ModelSnapshot;

beforeAll(async () => {
	// As the field-day bench does: the fixtures' orders taken as unplanned (draft, tasks pending, no
	// visits), their sites, durations, skills, SLAs and dependencies kept.
	const fixtures = generateFixtures({ seed: 7, workOrders: 60, technicians: 8, asOf: AS_OF }).snapshot;
	snapshot = {
		...emptySnapshot(),
		customers: fixtures.customers,
		sites: fixtures.sites,
		assets: fixtures.assets,
		rateCards: fixtures.rateCards,
		technicians: fixtures.technicians.map((t) => ({ ...t, active: true })),
		workOrders: fixtures.workOrders.map((o) => ({ ...o, status: "draft" as const, plannedStart: null, plannedEnd: null, startedAt: null, completedAt: null })),
		tasks: fixtures.tasks.map((t) => ({ ...t, status: "pending" as const, startedAt: null, completedAt: null })),
	};
	service = await startTestService({ validateResponses: true });
	await service.storage.repo.restore(snapshotWrites(snapshot));
}, 60_000);
afterAll(async () => service?.close());

function driveMinutes(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
	const rad = Math.PI / 180;
	const h =
		Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 +
		Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2;
	return (2 * 6371.0088 * Math.asin(Math.sqrt(h)) * 1.3 * 60) / 50;
}

/** Weekday and minute of the day of `at` in `timeZone`. */
function local(at: number, timeZone: string): { weekday: number; minute: number } {
	const parts = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(
		new Date(at),
	);
	const get = (type: string) => parts.find((p) => p.type === type)!.value;
	return { weekday: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(get("weekday")), minute: Number(get("hour")) * 60 + Number(get("minute")) };
}

type Visit = { workOrderId: string; technicianId: string; start: number; end: number; moved: boolean };

function check(
	plan: {
		changes: Array<{ workOrderId: string; appointmentId: string | null; technicianId: string; window: { start: number; end: number } }>;
		scope: { workOrderIds: string[] };
	},
	pinned: Set<string>,
): string[] {
	const problems: string[] = [];
	const orders = new Map(snapshot.workOrders.map((o) => [o.id, o]));
	const sites = new Map(snapshot.sites.map((s) => [s.id, s]));
	const techs = new Map(snapshot.technicians.map((t) => [t.id, t]));
	const open = snapshot.appointments.filter((a) => ["scheduled", "dispatched", "en-route", "on-site"].includes(a.status));
	const changed = new Map(plan.changes.map((c) => [c.workOrderId, c]));
	const visits: Visit[] = [];
	for (const a of open)
		if (!changed.has(a.workOrderId))
			visits.push({ workOrderId: a.workOrderId, technicianId: a.technicianId, start: a.window.start, end: a.window.end, moved: false });
	for (const c of plan.changes)
		visits.push({ workOrderId: c.workOrderId, technicianId: c.technicianId, start: c.window.start, end: c.window.end, moved: true });
	for (const c of plan.changes) if (c.appointmentId && pinned.has(c.appointmentId)) problems.push(`${c.appointmentId} was not to move`);
	for (const v of visits.filter((v) => v.moved)) {
		const tech = techs.get(v.technicianId)!;
		const needs = snapshot.tasks
			.filter((t) => t.workOrderId === v.workOrderId && t.status !== "completed" && t.status !== "cancelled")
			.flatMap((t) => t.requiredSkills);
		for (const need of needs)
			if (!tech.skills.some((s) => s.skill === need.skill && s.level >= need.level))
				problems.push(`${v.workOrderId}: ${tech.id} lacks ${need.skill} ${need.level}`);
		const home = tech.homeBase.location;
		const site = sites.get(orders.get(v.workOrderId)!.siteId)!.location;
		const s = local(v.start - driveMinutes(home, site) * MIN, tech.calendar.timeZone);
		const e = local(v.end + driveMinutes(site, home) * MIN - 1, tech.calendar.timeZone);
		const fits = tech.calendar.workingWeek.some(
			(w) => w.weekday === s.weekday && s.minute >= w.startMinute - 1 && e.weekday === s.weekday && e.minute <= w.endMinute + 1,
		);
		if (!fits) problems.push(`${v.workOrderId}: ${tech.id} works outside the working week (${new Date(v.start).toISOString()})`);
		for (const dependency of orders.get(v.workOrderId)!.dependencies) {
			const before = visits.find((p) => p.workOrderId === dependency.predecessorId);
			if (dependency.kind === "finish-to-start" && before && v.start < before.end + dependency.lagMs - MIN)
				problems.push(`${v.workOrderId} starts before ${dependency.predecessorId} finishes`);
		}
	}
	for (const tech of techs.values()) {
		const day = visits.filter((v) => v.technicianId === tech.id && v.start >= AS_OF && v.start < AS_OF + DAY).sort((a, b) => a.start - b.start);
		for (let i = 1; i < day.length; i++) {
			const [a, b] = [day[i - 1], day[i]];
			if (!a.moved && !b.moved) continue; // both as booked before the plan: not the plan's doing
			const drive = driveMinutes(sites.get(orders.get(a.workOrderId)!.siteId)!.location, sites.get(orders.get(b.workOrderId)!.siteId)!.location);
			if (b.start < a.end + drive * MIN - MIN) problems.push(`${tech.id}: ${b.workOrderId} starts before arriving from ${a.workOrderId}`);
		}
	}
	return problems;
}

describe("a plan over the model's fixtures", () => {
	it("proposes a day that an independent checker finds feasible, and leaves the visits it must not move", async () => {
		const body = { from: AS_OF, to: AS_OF + DAY, seconds: 1, seed: 1 };
		const first = await service.request("POST", "/v1/schedule/plans", { body });
		expect(first.status, JSON.stringify(first.body)).toBe(201);
		const plan = first;
		expect(first.body.changes.length).toBeGreaterThan(10);
		expect(check(first.body, new Set())).toEqual([]);
		for (const change of first.body.changes) expect(change.score.reasons.length).toBeGreaterThan(0);
		for (const left of first.body.unassigned) expect(left.message.length).toBeGreaterThan(0);
		expect(first.body.kpis.before).toMatchObject({ assigned: 0 });
		expect(first.body.kpis.after).toMatchObject({ assigned: first.body.changes.length, slaBreaches: expect.any(Number), utilisation: expect.any(Number) });
		const applied = await service.request("POST", `/v1/schedule/plans/${first.body.id}/apply`);
		expect(applied.status, JSON.stringify(applied.body)).toBe(200);
		snapshot = { ...snapshot, appointments: await service.storage.repo.list("appointment") };
		// Now half the booked visits may move and the other half must stay; another seed reshuffles.
		const booked: string[] = applied.body.appointments.map((a: { id: string }) => a.id).sort();
		const pinned = new Set(booked.filter((_, i) => i % 2 === 1));
		const second = await service.request("POST", "/v1/schedule/plans", {
			body: { ...body, seed: 2, movableAppointmentIds: booked.filter((id) => !pinned.has(id)) },
		});
		expect(second.status).toBe(201);
		expect(second.body.kpis.before.assigned).toBeGreaterThan(0);
		expect(check(second.body, pinned)).toEqual([]);
		// The checker catches a broken plan: a visit moved onto a technician without the skills.
		const broken = structuredClone(plan.body);
		const needy = broken.changes.find((c: { workOrderId: string }) => snapshot.tasks.some((t) => t.workOrderId === c.workOrderId && t.requiredSkills.length));
		const unskilled = snapshot.technicians.find((t) =>
			snapshot.tasks
				.filter((x) => x.workOrderId === needy.workOrderId)
				.some((x) => x.requiredSkills.some((n) => !t.skills.some((s) => s.skill === n.skill && s.level >= n.level))),
		);
		if (unskilled) {
			needy.technicianId = unskilled.id;
			expect(check(broken, pinned).some((p) => p.includes("lacks"))).toBe(true);
		}
	}, 60_000);
});
