/**
 * The move preview through the real billing service on loopback (SQLite): it names the visit moved
 * and every visit pushed along with the KPIs before and after, writes and announces nothing, and
 * the move made afterwards lands exactly where the preview said. Refused as the move itself is: a
 * reader's or approver's token, a stale version, a visit already under way, an unknown technician,
 * a window that ends before it starts.
 */
import { afterEach, describe, expect, it } from "vitest";
import { make } from "../../../model/testing/builders.js";
import { issueApiToken } from "../auth/tokens.js";
import { startTestService, type TestService } from "../testing/harness.js";

const DAY0 = Date.UTC(2026, 2, 2); // a Monday
const H = 3_600_000;
const at = (hours: number) => DAY0 + hours * H;

let service: TestService | undefined;
afterEach(async () => {
	await service?.close();
	service = undefined;
});

/** WOA (TECH1, 08:00–09:00 UTC) → finish-to-start → WOB (TECH2, 09:30–10:30); WOC (TECH2, 12:00–13:00) unrelated. */
async function start(): Promise<TestService> {
	service = await startTestService();
	const order = (id: string, extra = {}) =>
		make.workOrder({ id, rootId: id, plannedStart: null, plannedEnd: null, sla: { respondBy: at(48), resolveBy: at(72) }, ...extra });
	const imported = await service.request("POST", "/v1/import", {
		body: {
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
		},
	});
	expect(imported.status, JSON.stringify(imported.body)).toBeLessThan(300);
	return service;
}

const later = { window: { start: at(10), end: at(11) }, reason: "customer asked for later" };

describe("move preview", () => {
	it("shows the move and the visit it pushes along with KPIs, changes nothing, and the move then does exactly that", async () => {
		const s = await start();
		const preview = await s.request("POST", "/v1/appointments/APA/reschedule/preview", { body: { ...later, version: 1 } });
		expect(preview.status, JSON.stringify(preview.body)).toBe(200);
		expect(preview.body.moves).toEqual([
			{
				appointmentId: "APA",
				workOrderId: "WOA",
				technicianId: "TECH1",
				window: later.window,
				previous: { technicianId: "TECH1", window: { start: at(8), end: at(9) } },
				cause: "manual",
				reason: "customer asked for later",
			},
			expect.objectContaining({
				appointmentId: "APB",
				cause: "dependency",
				reason: "predecessor WOA moved",
				previous: expect.objectContaining({ technicianId: "TECH2" }),
			}),
		]);
		const pushed = preview.body.moves[1];
		expect(pushed.window.start).toBeGreaterThanOrEqual(at(11));
		expect(preview.body.kpis.before).toMatchObject({ assigned: 3 });
		expect(preview.body.kpis.after).toMatchObject({ assigned: 3 });
		expect(preview.body.scope).toEqual({ from: DAY0, to: DAY0 + 24 * H, technicianIds: ["TECH1", "TECH2"] });
		// Nothing written, nothing announced.
		const board = await s.request("GET", `/v1/schedule/board?from=${DAY0}&to=${DAY0 + 24 * H}&technicianId=TECH1`);
		expect(board.body.technicians[0].appointments).toEqual([expect.objectContaining({ id: "APA", version: 1, window: { start: at(8), end: at(9) } })]);
		expect(s.events.events.filter((e) => e.type.startsWith("appointment."))).toEqual([]);

		const moved = await s.request("POST", "/v1/appointments/APA/reschedule", { body: { ...later, version: 1 } });
		expect(moved.status, JSON.stringify(moved.body)).toBe(200);
		expect(moved.body.moves.map((m: { appointmentId: string; technicianId: string; window: unknown }) => [m.appointmentId, m.technicianId, m.window])).toEqual(
			preview.body.moves.map((m: { appointmentId: string; technicianId: string; window: unknown }) => [m.appointmentId, m.technicianId, m.window]),
		);
	});

	it("previews a move to another technician with the KPIs of both", async () => {
		const s = await start();
		const preview = await s.request("POST", "/v1/appointments/APC/reschedule/preview", {
			body: { window: { start: at(12), end: at(13) }, technicianId: "TECH1", reason: "Ben is off sick" },
		});
		expect(preview.status, JSON.stringify(preview.body)).toBe(200);
		expect(preview.body.moves).toEqual([
			expect.objectContaining({ appointmentId: "APC", technicianId: "TECH1", previous: expect.objectContaining({ technicianId: "TECH2" }) }),
		]);
		expect(preview.body.scope.technicianIds).toEqual(["TECH1", "TECH2"]);
	});

	it("is refused as the move is: wrong scope, stale version, visit under way, unknown technician, backwards window", async () => {
		const s = await start();
		const path = "/v1/appointments/APA/reschedule/preview";
		for (const token of [s.tokens.reader, s.tokens.approver, s.tokens.releaser])
			expect((await s.request("POST", path, { token, body: later })).status).toBe(403);
		expect((await s.request("POST", path, { token: null, body: later })).status).toBe(401);
		const dispatcher = (await issueApiToken(s.storage.store, { name: "DISPATCH1", scopes: ["dispatch"], now: Date.now() })).token;
		expect((await s.request("POST", path, { token: dispatcher, body: later })).status).toBe(200);
		const stale = await s.request("POST", path, { body: { ...later, version: 7 } });
		expect(stale.status).toBe(409);
		expect(stale.body.error.message).toContain("version 1, not 7");
		expect((await s.request("POST", path, { body: later, headers: { "if-match": '"3"' } })).status).toBe(412);
		const nobody = await s.request("POST", path, { body: { ...later, technicianId: "TECH9" } });
		expect([nobody.status, nobody.body.error.message]).toEqual([404, "Technician TECH9 does not exist."]);
		const backwards = await s.request("POST", path, { body: { ...later, window: { start: at(11), end: at(10) } } });
		expect([backwards.status, backwards.body.error.message]).toEqual([400, "The appointment window ends before it starts."]);
		expect((await s.request("POST", path, { body: { ...later, reason: "" } })).status).toBe(400);
		expect((await s.request("POST", "/v1/appointments/NOPE/reschedule/preview", { body: later })).status).toBe(404);
		expect((await s.request("POST", "/v1/appointments/APA/status", { body: { status: "dispatched" } })).status).toBe(200);
		expect((await s.request("POST", "/v1/appointments/APA/status", { body: { status: "en-route" } })).status).toBe(200);
		const underWay = await s.request("POST", path, { body: later });
		expect(underWay.status).toBe(409);
		expect(underWay.body.error.message).toContain("is en-route; only a scheduled or dispatched visit can be moved");
	});
});
