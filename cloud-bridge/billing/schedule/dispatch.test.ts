/**
 * Dispatch through the real billing service on loopback (SQLite): plan → apply and its staleness
 * (409 when anything the plan read changed, or applied twice), a manual move and a late finish
 * pushing the dependent visit along with `retime`, and each moved visit announced exactly once
 * per event type through the outbox.
 */
import { afterEach, describe, expect, it } from "vitest";
import { make } from "../../../model/testing/builders.js";
import { ManualClock } from "../../../platform/clock.js";
import { startTestService, type TestService } from "../testing/harness.js";

const DAY0 = Date.UTC(2026, 2, 2); // a Monday; Brussels is UTC+1, so the working day is 07:00–16:00 UTC
const H = 3_600_000;
const at = (hours: number) => DAY0 + hours * H;

let service: TestService | undefined;
afterEach(async () => {
	await service?.close();
	service = undefined;
});

/** WOA (TECH1, 08:00–09:00 UTC) → finish-to-start → WOB (TECH2, 09:30–10:30); WOC (TECH2, 12:00–13:00) unrelated. */
function scenario() {
	const order = (id: string, extra = {}) =>
		make.workOrder({ id, rootId: id, plannedStart: null, plannedEnd: null, sla: { respondBy: at(48), resolveBy: at(72) }, ...extra });
	return {
		customers: [make.customer()],
		sites: [make.site()],
		assets: [make.asset()],
		rateCards: [make.rateCard()],
		technicians: [make.technician(), make.technician({ id: "TECH2", name: "Ben Volt" })],
		workOrders: [order("WOA"), order("WOB", { dependencies: [{ predecessorId: "WOA", kind: "finish-to-start", lagMs: 0 }] }), order("WOC")],
		tasks: [],
		appointments: [
			make.appointment({ id: "APA", workOrderId: "WOA", technicianId: "TECH1", window: { start: at(8), end: at(9) } }),
			make.appointment({ id: "APB", workOrderId: "WOB", technicianId: "TECH2", window: { start: at(9.5), end: at(10.5) } }),
			make.appointment({ id: "APC", workOrderId: "WOC", technicianId: "TECH2", window: { start: at(12), end: at(13) } }),
		],
	};
}

async function start(clock?: ManualClock): Promise<TestService> {
	service = await startTestService({ clock });
	const imported = await service.request("POST", "/v1/import", { body: scenario() });
	expect(imported.status, JSON.stringify(imported.body)).toBeLessThan(300);
	return service;
}

const eventsOf = (s: TestService, type: string) => s.events.events.filter((e) => e.type === type).map((e) => (e.data.appointment as { id: string }).id);

describe("dispatch plans", () => {
	it("refuses a plan as stale when a visit it read moved, applies a fresh one once", async () => {
		const s = await start();
		const body = { from: DAY0, to: DAY0 + 24 * H, technicianIds: ["TECH1", "TECH2"], seconds: 0.2, seed: 1 };
		const plan = await s.request("POST", "/v1/schedule/plans", { body });
		expect(plan.status, JSON.stringify(plan.body)).toBe(201);
		expect(plan.body).toMatchObject({ status: "proposed", kpis: { before: { assigned: 3 }, after: { assigned: 3 } } });
		expect((await s.request("GET", `/v1/schedule/plans/${plan.body.id}`)).body).toEqual(plan.body);
		const moved = await s.request("POST", "/v1/appointments/APC/reschedule", { body: { window: { start: at(13), end: at(14) }, reason: "customer asked" } });
		expect(moved.status, JSON.stringify(moved.body)).toBe(200);
		const refused = await s.request("POST", `/v1/schedule/plans/${plan.body.id}/apply`);
		expect(refused.status).toBe(409);
		expect(refused.body.error).toMatchObject({ code: "FC_SCHEDULE_PLAN_STALE", details: { changed: ["appointment APC"] } });
		const fresh = await s.request("POST", "/v1/schedule/plans", { body });
		const applied = await s.request("POST", `/v1/schedule/plans/${fresh.body.id}/apply`);
		expect(applied.status, JSON.stringify(applied.body)).toBe(200);
		expect(applied.body.plan).toMatchObject({ status: "applied", appliedBy: "ADMIN1" });
		expect(applied.body.appointments.map((a: { id: string }) => a.id).sort()).toEqual(
			fresh.body.changes.map((c: { appointmentId: string }) => c.appointmentId).sort(),
		);
		const again = await s.request("POST", `/v1/schedule/plans/${fresh.body.id}/apply`);
		expect(again.status).toBe(409);
		expect(again.body.error.code).toBe("FC_SCHEDULE_PLAN_STALE");
		expect((await s.request("POST", "/v1/schedule/plans/plan-nope/apply")).status).toBe(404);
	});

	it("books a draft work order's first visit and schedules the order in the same commit", async () => {
		service = await startTestService({});
		const data = scenario();
		data.workOrders.push(
			make.workOrder({ id: "WOD", rootId: "WOD", status: "draft", plannedStart: null, plannedEnd: null, sla: { respondBy: at(30), resolveBy: at(40) } }),
		);
		const imported = await service.request("POST", "/v1/import", { body: data });
		expect(imported.status, JSON.stringify(imported.body)).toBeLessThan(300);
		const body = { from: DAY0, to: DAY0 + 24 * H, technicianIds: ["TECH1", "TECH2"], seconds: 0.2, seed: 1 };
		const plan = await service.request("POST", "/v1/schedule/plans", { body });
		expect(plan.status, JSON.stringify(plan.body)).toBe(201);
		expect(plan.body.changes.some((change: { workOrderId: string; appointmentId?: string }) => change.workOrderId === "WOD" && !change.appointmentId)).toBe(
			true,
		);
		const applied = await service.request("POST", `/v1/schedule/plans/${plan.body.id}/apply`);
		expect(applied.status, JSON.stringify(applied.body)).toBe(200);
		expect((await service.request("GET", "/v1/work-orders/WOD")).body).toMatchObject({ status: "scheduled" });
		const changed = service.events.events.filter((e) => e.type === "workorder.status_changed");
		expect(changed.map((e) => [(e.data.workOrder as { id: string }).id, e.data.from, e.data.to])).toEqual([["WOD", "draft", "scheduled"]]);
	});

	it("lets exactly one of two applies of the same plan racing each other through", async () => {
		const s = await start();
		const plan = await s.request("POST", "/v1/schedule/plans", { body: { from: DAY0, to: DAY0 + 24 * H, seconds: 0.2, seed: 3 } });
		const both = await Promise.all([1, 2].map(() => s.request("POST", `/v1/schedule/plans/${plan.body.id}/apply`)));
		expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
		const moved = both.find((r) => r.status === 200)!.body.moves.length;
		expect(s.events.events.filter((e) => e.type === "appointment.dispatched")).toHaveLength(moved);
	});

	it("is the dispatcher's: a reader, an approver and no token are refused", async () => {
		const s = await start();
		const body = { from: DAY0, to: DAY0 + 24 * H };
		expect((await s.request("POST", "/v1/schedule/plans", { body, token: s.tokens.reader })).status).toBe(403);
		expect((await s.request("POST", "/v1/schedule/plans", { body, token: s.tokens.approver })).status).toBe(403);
		expect((await s.request("POST", "/v1/schedule/plans", { body, token: null })).status).toBe(401);
		expect(
			(await s.request("POST", "/v1/appointments/APA/reschedule", { body: { window: { start: at(9), end: at(10) } }, token: s.tokens.reader })).status,
		).toBe(403);
		expect((await s.request("GET", `/v1/schedule/board?from=${DAY0}&to=${DAY0 + 24 * H}`, { token: s.tokens.reader })).status).toBe(200);
	});

	it("refuses odd input: a backwards or too long range, an unknown technician, a window ending before it starts", async () => {
		const s = await start();
		expect((await s.request("POST", "/v1/schedule/plans", { body: { from: DAY0, to: DAY0 } })).body.error.code).toBe("FC_BILLING_BAD_REQUEST");
		expect((await s.request("POST", "/v1/schedule/plans", { body: { from: DAY0, to: DAY0 + 30 * 24 * H } })).status).toBe(400);
		expect((await s.request("POST", "/v1/schedule/plans", { body: { from: DAY0, to: DAY0 + H, technicianIds: ["NOBODY"] } })).status).toBe(404);
		expect((await s.request("POST", "/v1/appointments/APA/reschedule", { body: { window: { start: at(9), end: at(8) } } })).status).toBe(400);
		expect((await s.request("GET", `/v1/schedule/board?from=${DAY0}&to=1`)).status).toBe(400);
		expect((await s.request("GET", "/v1/schedule/board?from=abc&to=1")).status).toBe(400);
	});
});

describe("propagation along dependencies", () => {
	it("a manual move pushes the dependent visit, each moved visit announced once per event", async () => {
		const s = await start();
		const moved = await s.request("POST", "/v1/appointments/APA/reschedule", { body: { window: { start: at(9), end: at(10) }, reason: "van broke down" } });
		expect(moved.status, JSON.stringify(moved.body)).toBe(200);
		const byId = Object.fromEntries(moved.body.appointments.map((a: { id: string }) => [a.id, a]));
		expect(Object.keys(byId).sort()).toEqual(["APA", "APB"]);
		expect(byId.APB.window).toEqual({ start: at(10), end: at(11) });
		expect(byId.APB.lastMove).toMatchObject({ previousWindow: { start: at(9.5), end: at(10.5) }, cause: "dependency", reason: "predecessor WOA moved" });
		expect(byId.APA.lastMove).toMatchObject({ cause: "manual", reason: "van broke down" });
		expect(eventsOf(s, "appointment.rescheduled").sort()).toEqual(["APA", "APB"]);
		expect(eventsOf(s, "appointment.dispatched").sort()).toEqual(["APA", "APB"]);
		const rescheduled = s.events.events.find((e) => e.type === "appointment.rescheduled" && (e.data.appointment as { id: string }).id === "APB")!;
		expect(rescheduled.data).toMatchObject({ previousWindow: { start: at(9.5), end: at(10.5) }, window: { start: at(10), end: at(11) }, cause: "dependency" });
		// WOC after it on TECH2's day did not need to move; the board shows the day as it is now.
		const board = await s.request("GET", `/v1/schedule/board?from=${DAY0}&to=${DAY0 + 24 * H}&technicianId=TECH2`);
		expect(board.body.technicians[0].appointments.map((a: { id: string; window: { start: number } }) => [a.id, a.window.start])).toEqual([
			["APB", at(10)],
			["APC", at(12)],
		]);
		// Moving it back earlier pulls nothing earlier: a customer was told a time.
		await s.request("POST", "/v1/appointments/APA/reschedule", { body: { window: { start: at(7), end: at(8) } } });
		expect((await s.request("GET", "/v1/work-orders/WOB/appointments")).body.appointments[0].window.start).toBe(at(10));
	});

	it("a predecessor finishing late pushes the visit after it", async () => {
		const clock = new ManualClock(at(7));
		const s = await start(clock);
		for (const status of ["dispatched", "en-route", "on-site"]) {
			const version = (await s.request("GET", "/v1/work-orders/WOA/appointments")).body.appointments[0].version;
			const step = await s.request("POST", "/v1/appointments/APA/status", { body: { status, version } });
			expect(step.status, JSON.stringify(step.body)).toBe(200);
		}
		clock.advance(at(10.25) - clock.now()); // booked until 09:00
		const version = (await s.request("GET", "/v1/work-orders/WOA/appointments")).body.appointments[0].version;
		expect((await s.request("POST", "/v1/appointments/APA/status", { body: { status: "completed", version } })).status).toBe(200);
		const b = (await s.request("GET", "/v1/work-orders/WOB/appointments")).body.appointments[0];
		expect(b.window).toEqual({ start: at(10.25), end: at(11.25) });
		expect(b.lastMove).toMatchObject({ cause: "predecessor-late", reason: "predecessor WOA finished late" });
		expect(eventsOf(s, "appointment.rescheduled")).toEqual(["APB"]);
	});
});
