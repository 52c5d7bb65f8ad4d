import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../platform/clock.js";
import { signEnrollmentProof } from "../../protocol/uplink/enrollment-proof.js";
import { SimulatedGateway } from "./testing/gateway-sim.js";
import { startTestService, type TestService } from "./testing/harness.js";
import { expectOk, Scenario } from "./testing/scenario.js";

let service: TestService;
let clock: ManualClock;
beforeEach(async () => {
	clock = new ManualClock();
	service = await startTestService({ clock, policy: { enrollmentTtlMs: 60_000 } });
});
afterEach(async () => {
	await service.close();
});

const enroll = (enrollmentToken: string, gateway: SimulatedGateway) =>
	service.request("POST", "/v1/gateways/enroll", { token: null, body: { enrollmentToken, gatewayId: gateway.gatewayId, publicKey: gateway.publicKeyBase64 } });

/** As a current gateway enrolls: with its proof of possession, signed by `signer` (default: its own key). */
const enrollWithProof = (enrollmentToken: string, gateway: SimulatedGateway, signer = gateway) =>
	service.request("POST", "/v1/gateways/enroll", {
		token: null,
		body: {
			enrollmentToken,
			gatewayId: gateway.gatewayId,
			publicKey: gateway.publicKeyBase64,
			proof: signEnrollmentProof(signer.privateKey, gateway.gatewayId, enrollmentToken),
		},
	});

describe("bearer tokens and scopes", () => {
	it("is 401 without a token, with a malformed or unknown one, with WWW-Authenticate, and 403 without the scope", async () => {
		const none = await service.request("GET", "/v1/work-orders", { token: null });
		expect(none.status).toBe(401);
		expect(none.headers.get("www-authenticate")).toContain("Bearer");
		expect(none.body.error).toMatchObject({ code: "FC_BILLING_UNAUTHORIZED", hint: expect.stringContaining("token create") });
		expect((await service.request("GET", "/v1/work-orders", { token: "fcb_not-a-real-token" })).status).toBe(401);
		expect((await service.request("GET", "/v1/work-orders", { headers: { authorization: "Basic abc" }, token: null })).status).toBe(401);
		const forbidden = await service.request("POST", "/v1/enrollments", { token: service.tokens.reader });
		expect(forbidden.status).toBe(403);
		expect(forbidden.body.error.code).toBe("FC_BILLING_FORBIDDEN");
		expect(forbidden.body.error.message).toContain("needs admin");
		expect((await service.request("GET", "/v1/work-orders", { token: service.tokens.reader })).status).toBe(200);
	});

	it("lets a gateway start a work order but not schedule or cancel it", async () => {
		const scenario = new Scenario(service);
		await scenario.seedParties();
		await scenario.createWorkOrder();
		await scenario.enroll();
		const cancel = await service.request("POST", "/v1/work-orders/WO1/status", { token: scenario.gatewayToken, body: { status: "cancelled" } });
		expect(cancel.status).toBe(403);
		expect((await service.request("POST", "/v1/work-orders/WO1/status", { token: scenario.gatewayToken, body: { status: "on-hold" } })).status).toBe(200);
	});

	it("answers 401 before it validates the body, so an anonymous caller learns nothing about the schema", async () => {
		expect((await service.request("POST", "/v1/work-orders", { token: null, body: { nonsense: true } })).status).toBe(401);
	});

	it("stores only the SHA-256 of each token", async () => {
		const created = expectOk(await service.request("POST", "/v1/tokens", { body: { name: "auditor", scopes: ["workorders:read"] } }), 201);
		const db = (service.storage.store as unknown as { db: { prepare(sql: string): { all(): { hash: string }[] } } }).db;
		const hashes = db
			.prepare("SELECT hash FROM billing_tokens")
			.all()
			.map((row) => row.hash);
		expect(hashes.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
		expect(JSON.stringify(hashes)).not.toContain(created.token);
		expect((await service.request("GET", "/v1/work-orders", { token: created.token })).status).toBe(200);
	});
});

describe("gateway enrollment", () => {
	it("trades a one-time enrollment token and a public key for the gateway's own token", async () => {
		const gateway = new SimulatedGateway("van-12");
		const { enrollmentToken } = expectOk(await service.request("POST", "/v1/enrollments"), 201);
		const enrolled = expectOk(await enroll(enrollmentToken, gateway), 201);
		expect(enrolled).toMatchObject({ gatewayId: "van-12", keyId: gateway.keyId.toString("hex"), scopes: ["evidence:write", "workorders:read"] });
		expect((await service.request("GET", "/v1/work-orders", { token: enrolled.token })).status).toBe(200);
		expect((await service.request("POST", "/v1/enrollments", { token: enrolled.token })).status).toBe(403);

		// Once only: the same token cannot enroll another gateway.
		const again = await enroll(enrollmentToken, new SimulatedGateway("van-13"));
		expect(again.status).toBe(401);
		expect(again.body.error).toMatchObject({ code: "FC_BILLING_ENROLLMENT", message: expect.stringContaining("already used") });
	});

	it("refuses an expired or unknown enrollment token, a bad key and a gateway id already enrolled", async () => {
		const first = expectOk(await service.request("POST", "/v1/enrollments"), 201).enrollmentToken;
		const second = expectOk(await service.request("POST", "/v1/enrollments"), 201).enrollmentToken;
		expect((await enroll("fce_unknown", new SimulatedGateway("a"))).status).toBe(401);
		const badKey = await service.request("POST", "/v1/gateways/enroll", {
			token: null,
			body: { enrollmentToken: first, gatewayId: "a", publicKey: "not a key" },
		});
		expect(badKey.status).toBe(400);
		expectOk(await enroll(first, new SimulatedGateway("a")), 201);
		expect((await enroll(second, new SimulatedGateway("a"))).status).toBe(409);
		clock.advance(60_001);
		const expired = await enroll(second, new SimulatedGateway("b"));
		expect(expired.status).toBe(401);
		expect(expired.body.error.message).toContain("expired");
	});

	it("a gateway whose answer was lost repeats its enrollment with its proof and gets a new token; the lost one stops working", async () => {
		const gateway = new SimulatedGateway("van-12");
		const { enrollmentToken } = expectOk(await service.request("POST", "/v1/enrollments"), 201);
		const lost = expectOk(await enrollWithProof(enrollmentToken, gateway), 201).token;
		clock.advance(30_000);
		const again = expectOk(await enrollWithProof(enrollmentToken, gateway), 201);
		expect(again).toMatchObject({ gatewayId: "van-12", keyId: gateway.keyId.toString("hex"), scopes: ["evidence:write", "workorders:read"] });
		expect(again.token).not.toBe(lost);
		expect((await service.request("GET", "/v1/work-orders", { token: again.token })).status).toBe(200);
		expect((await service.request("GET", "/v1/work-orders", { token: lost })).status).toBe(401);
		// Without a proof a repeat is refused as before: the token works once.
		expect((await enroll(enrollmentToken, gateway)).status).toBe(401);
		// Only while the enrollment token would still be valid.
		clock.advance(30_001);
		const late = await enrollWithProof(enrollmentToken, gateway);
		expect(late.status).toBe(401);
		expect(late.body.error.message).toContain("expired");
		expect((await service.request("GET", "/v1/work-orders", { token: again.token })).status).toBe(200);
	});

	it("refuses a repeat by anyone without the gateway's private key, for another gateway, or for a revoked gateway", async () => {
		const gateway = new SimulatedGateway("van-12");
		const { enrollmentToken } = expectOk(await service.request("POST", "/v1/enrollments"), 201);
		const { token } = expectOk(await enrollWithProof(enrollmentToken, gateway), 201);
		// Someone who learnt the enrollment token: their own key, or the gateway's public key with their signature.
		const thief = new SimulatedGateway("van-12");
		expect((await enrollWithProof(enrollmentToken, thief)).status).toBe(401);
		const forged = await enrollWithProof(enrollmentToken, gateway, thief);
		expect(forged.status).toBe(401);
		expect(forged.body.error.message).toContain("proof");
		// The token enrolled van-12, not van-13.
		expect((await enrollWithProof(enrollmentToken, new SimulatedGateway("van-13"))).status).toBe(401);
		const malformed = await service.request("POST", "/v1/gateways/enroll", {
			token: null,
			body: { enrollmentToken, gatewayId: "van-12", publicKey: gateway.publicKeyBase64, proof: "not base64!" },
		});
		expect(malformed.status).toBe(401);
		expect((await service.request("GET", "/v1/work-orders", { token })).status).toBe(200);
		expectOk(await service.request("POST", "/v1/gateways/van-12/revoke"));
		const revoked = await enrollWithProof(enrollmentToken, gateway);
		expect(revoked.status).toBe(401);
		expect(revoked.body.error.message).toContain("revoked");
	});

	it("a first enrollment with a proof by another key is refused and leaves the enrollment token unused", async () => {
		const gateway = new SimulatedGateway("van-12");
		const { enrollmentToken } = expectOk(await service.request("POST", "/v1/enrollments"), 201);
		expect((await enrollWithProof(enrollmentToken, gateway, new SimulatedGateway("x"))).status).toBe(401);
		expectOk(await enrollWithProof(enrollmentToken, gateway), 201);
	});

	it("revoking a gateway revokes its token", async () => {
		const gateway = new SimulatedGateway("van-12");
		const { enrollmentToken } = expectOk(await service.request("POST", "/v1/enrollments"), 201);
		const { token } = expectOk(await enroll(enrollmentToken, gateway), 201);
		expectOk(await service.request("POST", "/v1/gateways/van-12/revoke"));
		expect((await service.request("GET", "/v1/work-orders", { token })).status).toBe(401);
		expect((await service.request("POST", "/v1/gateways/nope/revoke")).status).toBe(404);
	});
});
