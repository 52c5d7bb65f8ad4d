/**
 * Who reaches the schedule board's routes when signed in to the console: everyone reads the board;
 * only a dispatcher or an admin plans, previews and moves (the `dispatch` scope); an approver or a
 * billing clerk is refused before anything is read. A move needs the page's own Origin (CSRF), and
 * the move preview is refused when the move itself would be.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asUser, type OfficeFixture, signIn, startOfficeFixture } from "./testing/office-fixture.js";

let f: OfficeFixture;
beforeAll(async () => {
	f = await startOfficeFixture();
}, 60_000);
afterAll(async () => {
	await f?.service.close();
});

const NAMES = { dispatcher: "dora", approver: "alice", billing: "bruno", admin: "adam" } as const;
const DAY = 86_400_000;

describe("schedule board routes × console role", () => {
	it("everyone reads the board; only a dispatcher or an admin plans", async () => {
		const from = Math.floor(Date.now() / DAY) * DAY;
		for (const [role, username] of Object.entries(NAMES)) {
			const { cookie } = await signIn(f.service, username);
			const board = await asUser(f.service, cookie, "GET", `/v1/schedule/board?from=${from}&to=${from + DAY}`);
			expect({ role, status: board.status }).toEqual({ role, status: 200 });
			const plan = await asUser(f.service, cookie, "POST", "/v1/schedule/plans", { from, to: from + DAY, seconds: 0.1, seed: 1 });
			const expected = role === "dispatcher" || role === "admin" ? 201 : 403;
			expect({ role, status: plan.status }).toEqual({ role, status: expected });
			if (expected === 201) {
				expect((await asUser(f.service, cookie, "GET", `/v1/schedule/plans/${plan.body.id}`)).status).toBe(200);
				expect(plan.body.createdBy).toBe(username);
			}
		}
	});

	it("an approver and a billing clerk cannot preview or make a move; a dispatcher previews, then moves from the console's origin only", async () => {
		const move = { window: { start: Date.now() + DAY, end: Date.now() + DAY + 3_600_000 }, reason: "customer asked" };
		for (const username of ["alice", "bruno"]) {
			const { cookie } = await signIn(f.service, username);
			for (const path of ["/v1/appointments/AP1/reschedule/preview", "/v1/appointments/AP1/reschedule"])
				expect({ username, path, status: (await asUser(f.service, cookie, "POST", path, move)).status }).toEqual({ username, path, status: 403 });
		}
		const { cookie } = await signIn(f.service, "dora");
		const preview = await asUser(f.service, cookie, "POST", "/v1/appointments/AP1/reschedule/preview", move);
		expect(preview.status, JSON.stringify(preview.body)).toBe(200);
		expect(preview.body.moves[0]).toMatchObject({ appointmentId: "AP1", window: move.window, cause: "manual" });
		// Without the console's Origin, a cookie alone moves nothing.
		expect((await asUser(f.service, cookie, "POST", "/v1/appointments/AP1/reschedule", move, null)).status).toBe(403);
		expect((await asUser(f.service, cookie, "POST", "/v1/appointments/AP1/reschedule", move, "http://evil.example")).status).toBe(403);
		const moved = await asUser(f.service, cookie, "POST", "/v1/appointments/AP1/reschedule", move);
		expect(moved.status, JSON.stringify(moved.body)).toBe(200);
		expect(moved.body.appointments[0]).toMatchObject({ id: "AP1", window: move.window, lastMove: { cause: "manual", reason: "customer asked" } });
		expect((await asUser(f.service, cookie, "POST", "/v1/appointments/NOPE/reschedule/preview", move)).status).toBe(404);
	});
});
