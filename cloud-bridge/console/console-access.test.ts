/**
 * Who may do what in the office console, over HTTP against the billing service: the route × role
 * matrix, disabled users, forged and expired session cookies, cross-origin requests, rate-limited
 * sign-in, and the rule that nobody decides on their own time (one by one or in bulk).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { asUser, type OfficeFixture, PASSWORD, signIn, startOfficeFixture } from "./testing/office-fixture.js";
import { consoleStoreBeside } from "./users/open-store.js";

let f: OfficeFixture;
beforeEach(async () => {
	f = await startOfficeFixture();
});
afterEach(async () => {
	await f.service.close();
});

describe("console sign-in and sessions", () => {
	it("signs in with an HttpOnly SameSite=Strict cookie and says who is signed in, never the hash", async () => {
		const response = await fetch(`${f.service.url}/v1/sessions`, {
			method: "POST",
			headers: { "content-type": "application/json", origin: f.service.url },
			body: JSON.stringify({ username: "Alice", password: PASSWORD }),
		});
		expect(response.status).toBe(201);
		const cookie = response.headers.get("set-cookie") ?? "";
		expect(cookie).toMatch(/^fc_console_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800$/);
		const text = await response.text();
		expect(text).not.toMatch(/scrypt|passwordHash/);
		const me = await asUser(f.service, cookie.split(";")[0], "GET", "/v1/sessions/current");
		expect(me.body).toMatchObject({ user: { username: "alice", role: "approver" }, scopes: ["workorders:read", "approve"] });
	});

	it("refuses a wrong password, an unknown user and a disabled user with one message", async () => {
		const wrong = await signIn(f.service, "alice", "not the passphrase");
		const disabled = await signIn(f.service, "gone");
		expect(wrong.status).toBe(401);
		expect(disabled.status).toBe(401);
		expect((wrong.body as { error: { message: string } }).error.message).toBe((disabled.body as { error: { message: string } }).error.message);
		expect(wrong.cookie).toBe("");
	});

	it("refuses a forged, an expired and a signed-out session cookie", async () => {
		const forged = await asUser(f.service, `fc_console_session=${"A".repeat(43)}`, "GET", "/v1/approvals/time-entries");
		expect(forged.status).toBe(401);
		const odd = await asUser(f.service, "fc_console_session=../../etc", "GET", "/v1/approvals/time-entries");
		expect(odd.status).toBe(401);
		const { cookie } = await signIn(f.service, "alice");
		const store = consoleStoreBeside(f.service.storage);
		const { createHash } = await import("node:crypto");
		const hash = createHash("sha256").update(cookie.split("=")[1]).digest("hex");
		const session = await store.findSession(hash);
		await store.deleteSession(hash);
		await store.createSession({ ...(session as NonNullable<typeof session>), expiresAt: Date.now() - 1 });
		expect((await asUser(f.service, cookie, "GET", "/v1/approvals/time-entries")).status).toBe(401);
		const again = await signIn(f.service, "alice");
		expect((await asUser(f.service, again.cookie, "DELETE", "/v1/sessions/current")).status).toBe(200);
		expect((await asUser(f.service, again.cookie, "GET", "/v1/approvals/time-entries")).status).toBe(401);
	});

	it("ends a user's sessions when an admin disables them", async () => {
		const alice = await signIn(f.service, "alice");
		const adam = await signIn(f.service, "adam");
		expect((await asUser(f.service, adam.cookie, "POST", `/v1/users/${f.users.approver}/disable`, {})).status).toBe(200);
		expect((await asUser(f.service, alice.cookie, "GET", "/v1/approvals/time-entries")).status).toBe(401);
		expect((await signIn(f.service, "alice")).status).toBe(401);
	});

	it("refuses unsafe requests from another origin or with no origin at all (CSRF), but not reads", async () => {
		const { cookie } = await signIn(f.service, "alice");
		const evil = await asUser(f.service, cookie, "POST", `/v1/time-entries/${f.workEntryId}/approve`, {}, "http://evil.example");
		expect(evil.status).toBe(403);
		expect(evil.body.error.code).toBe("FC_CONSOLE_CROSS_ORIGIN");
		expect((await asUser(f.service, cookie, "POST", `/v1/time-entries/${f.workEntryId}/approve`, {}, null)).status).toBe(403);
		expect((await asUser(f.service, cookie, "GET", "/v1/approvals/time-entries", undefined, null)).status).toBe(200);
		const login = await fetch(`${f.service.url}/v1/sessions`, {
			method: "POST",
			headers: { "content-type": "application/json", origin: "http://evil.example" },
			body: JSON.stringify({ username: "alice", password: PASSWORD }),
		});
		expect(login.status).toBe(403);
	});

	it("rate-limits sign-in per username: the right password is refused too once locked", async () => {
		for (let i = 0; i < 5; i++) expect((await signIn(f.service, "bruno", "wrong wrong wrong")).status).toBe(401);
		const locked = await fetch(`${f.service.url}/v1/sessions`, {
			method: "POST",
			headers: { "content-type": "application/json", origin: f.service.url },
			body: JSON.stringify({ username: "bruno", password: PASSWORD }),
		});
		expect(locked.status).toBe(429);
		expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
		expect((await signIn(f.service, "alice")).status).toBe(201);
	});

	it("a dispatcher signs in and sees who they are; a gateway's token cannot list the approval queue", async () => {
		const { cookie } = await signIn(f.service, "dora");
		expect((await asUser(f.service, cookie, "GET", "/v1/sessions/current")).body).toMatchObject({
			user: { role: "dispatcher" },
			scopes: ["workorders:read", "dispatch"],
		});
		expect((await f.service.request("GET", "/v1/approvals/time-entries", { token: f.scenario.gatewayToken })).status).toBe(403);
		expect((await f.service.request("GET", "/v1/sessions/current", { token: f.service.tokens.admin })).status).toBe(401);
	});

	it("API tokens keep working beside sessions", async () => {
		expect((await f.service.request("GET", "/v1/approvals/time-entries", { token: f.service.tokens.approver })).status).toBe(200);
	});
});

describe("route × role matrix", () => {
	const cases: [string, string, (f: OfficeFixture) => string, unknown, Record<string, number>][] = [
		["GET", "queue", () => "/v1/approvals/time-entries", undefined, { dispatcher: 403, approver: 200, billing: 200, admin: 200 }],
		["POST", "approve entry", (x) => `/v1/time-entries/${x.workEntryId}/approve`, {}, { dispatcher: 403, billing: 403, approver: 200 }],
		["POST", "bulk approve", () => "/v1/approvals/time-entries/approve", { ids: ["none"] }, { dispatcher: 403, billing: 403, approver: 200 }],
		["POST", "release", () => "/v1/milestones/M1/release", {}, { dispatcher: 403, approver: 403 }],
		["POST", "block", () => "/v1/milestones/M1/block", { reason: "x" }, { dispatcher: 403, billing: 403 }],
		["GET", "users", () => "/v1/users", undefined, { dispatcher: 403, approver: 403, billing: 403, admin: 200 }],
		["POST", "create user", () => "/v1/users", { username: "new", role: "admin", password: "x" }, { approver: 403, billing: 403 }],
	];
	const names: Record<string, string> = { dispatcher: "dora", approver: "alice", billing: "bruno", admin: "adam" };
	it.each(cases)("%s %s", async (method, _label, path, body, expected) => {
		for (const [role, status] of Object.entries(expected)) {
			const { cookie } = await signIn(f.service, names[role]);
			const result = await asUser(f.service, cookie, method, path(f), body);
			expect({ role, status: result.status }).toEqual({ role, status });
		}
	});
});

describe("nobody decides on their own time", () => {
	it("refuses an approver linked to the technician, one by one and in bulk, and hides the checkbox's target from bulk", async () => {
		const { cookie } = await signIn(f.service, "tess");
		const queue = await asUser(f.service, cookie, "GET", "/v1/approvals/time-entries");
		expect(queue.body.workOrders[0].entries.every((e: { own: boolean }) => e.own)).toBe(true);
		const one = await asUser(f.service, cookie, "POST", `/v1/time-entries/${f.workEntryId}/approve`, {});
		expect(one.status).toBe(403);
		expect(one.body.error.code).toBe("FC_CONSOLE_OWN_ENTRY");
		const reject = await asUser(f.service, cookie, "POST", `/v1/time-entries/${f.travelEntryId}/reject`, { reason: "no" });
		expect(reject.status).toBe(403);
		const bulk = await asUser(f.service, cookie, "POST", "/v1/approvals/time-entries/approve", { ids: [f.workEntryId, f.travelEntryId] });
		expect(bulk.body.approved).toEqual([]);
		expect(bulk.body.refused.map((r: { code: string }) => r.code)).toEqual(["FC_CONSOLE_OWN_ENTRY", "FC_CONSOLE_OWN_ENTRY"]);
		const entry = await f.service.request("GET", `/v1/time-entries/${f.workEntryId}`);
		expect(entry.body.status).toBe("submitted");
	});

	it("bulk-approves the others' entries and reports the ones no longer submitted", async () => {
		const { cookie } = await signIn(f.service, "alice");
		const first = await asUser(f.service, cookie, "POST", "/v1/approvals/time-entries/approve", { ids: [f.workEntryId, f.travelEntryId] });
		expect(first.body.approved.map((e: { id: string }) => e.id).sort()).toEqual([f.workEntryId, f.travelEntryId].sort());
		const twice = await asUser(f.service, cookie, "POST", "/v1/approvals/time-entries/approve", { ids: [f.workEntryId] });
		expect(twice.body.refused[0]).toMatchObject({ id: f.workEntryId, code: "FC_MODEL_ILLEGAL_TRANSITION" });
	});
});
