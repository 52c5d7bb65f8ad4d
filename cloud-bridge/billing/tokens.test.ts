/**
 * Person tokens expire, can be listed and revoked, and record their last use at most once a minute,
 * over the billing service's HTTP API on a loopback socket.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../platform/clock.js";
import { DAY_MS } from "./auth/tokens.js";
import { startTestService, type TestService } from "./testing/harness.js";

let service: TestService;
let clock: ManualClock;
beforeEach(async () => {
	clock = new ManualClock();
	service = await startTestService({ clock });
});
afterEach(async () => {
	await service.close();
});

describe("person tokens", () => {
	it("expire: 90 days by default, ttlDays when given; an expired token is 401", async () => {
		const made = await service.request("POST", "/v1/tokens", { body: { name: "SUP2", scopes: ["approve"] } });
		expect(made.status).toBe(201);
		expect(made.body.expiresAt).toBe(clock.now() + 90 * DAY_MS);
		const short = await service.request("POST", "/v1/tokens", { body: { name: "READER2", scopes: ["workorders:read"], ttlDays: 1 } });
		expect(short.body.expiresAt).toBe(clock.now() + DAY_MS);
		expect((await service.request("GET", "/v1/work-orders", { token: short.body.token })).status).toBe(200);
		clock.advance(DAY_MS);
		const expired = await service.request("GET", "/v1/work-orders", { token: short.body.token });
		expect(expired.status).toBe(401);
		expect(expired.body.error.message).toContain("expired");
		expect((await service.request("POST", "/v1/tokens", { body: { name: "x", scopes: ["admin"], ttlDays: 0 } })).status).toBe(400);
	});

	it("are listed without secrets and revoked one by one", async () => {
		const made = await service.request("POST", "/v1/tokens", { body: { name: "FIN2", scopes: ["release"] } });
		const listed = await service.request("GET", "/v1/tokens");
		expect(listed.status).toBe(200);
		const names = listed.body.tokens.map((t: { name: string }) => t.name);
		expect(names).toEqual(expect.arrayContaining(["ADMIN1", "SUP1", "FIN1", "READER1", "FIN2"]));
		expect(JSON.stringify(listed.body)).not.toContain(made.body.token);
		expect(listed.body.tokens[0]).not.toHaveProperty("hash");
		expect((await service.request("GET", "/v1/tokens", { token: service.tokens.approver })).status).toBe(403);

		const revoked = await service.request("POST", `/v1/tokens/${made.body.id}/revoke`);
		expect(revoked.status).toBe(200);
		expect(revoked.body).toMatchObject({ id: made.body.id, revoked: true, revokedAt: clock.now() });
		expect((await service.request("GET", "/v1/work-orders", { token: made.body.token })).status).toBe(401);
		expect((await service.request("GET", "/v1/work-orders")).status).toBe(200); // the others still work
		expect((await service.request("POST", "/v1/tokens/nope/revoke")).status).toBe(404);
	});

	it("record their last use at most once a minute", async () => {
		const lastUsed = async () => {
			const all = (await service.storage.store.listTokens()).find((t) => t.name === "READER1");
			return all?.lastUsedAt;
		};
		expect(await lastUsed()).toBeNull();
		const start = clock.now();
		await service.request("GET", "/v1/work-orders", { token: service.tokens.reader });
		expect(await lastUsed()).toBe(start);
		clock.advance(30_000);
		await service.request("GET", "/v1/work-orders", { token: service.tokens.reader });
		expect(await lastUsed()).toBe(start); // no write within the minute
		clock.advance(30_000);
		await service.request("GET", "/v1/work-orders", { token: service.tokens.reader });
		expect(await lastUsed()).toBe(start + 60_000);
		const listed = await service.request("GET", "/v1/tokens");
		expect(listed.body.tokens.find((t: { name: string }) => t.name === "READER1").lastUsedAt).toBe(start + 60_000);
	});
});
