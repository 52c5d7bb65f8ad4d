/**
 * The one test suite every BillingStore backend must pass (memory, SQLite, PostgreSQL): a backend
 * is correct when it cannot be told apart from the others through the interface.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ErrorCode, isFieldchainError } from "../../../platform/errors.js";
import { chainGapsContract } from "./chain-gaps.contract.js";
import type { ApiTokenRecord, BillingStore, GatewayRecord, StoredChainRecord } from "./types.js";

async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
	try {
		await promise;
	} catch (error) {
		if (isFieldchainError(error, code)) return;
		throw error;
	}
	expect.fail(`expected ${code}`);
}

const hex = (n: number) => n.toString(16).padStart(64, "0");

function token(o: Partial<ApiTokenRecord> = {}): ApiTokenRecord {
	return {
		id: "tok-1",
		name: "ops",
		hash: hex(1),
		scopes: ["admin"],
		gatewayId: null,
		createdAt: 1000,
		revokedAt: null,
		expiresAt: null,
		lastUsedAt: null,
		...o,
	};
}

function gateway(o: Partial<GatewayRecord> = {}): GatewayRecord {
	return { id: "gw-1", publicKey: Buffer.alloc(32, 7).toString("base64"), keyId: hex(77), enrolledAt: 2000, revokedAt: null, technicianIds: ["tech-1"], ...o };
}

function record(seq: number): StoredChainRecord {
	return {
		chainSeq: seq,
		recordId: `rec-${seq}`,
		workOrderId: "WO1",
		contentHash: hex(100 + seq),
		entryHash: hex(200 + seq),
		bytes: new Uint8Array([1, 2, seq]),
	};
}

export function billingStoreContract(name: string, makeStore: () => BillingStore | Promise<BillingStore>): void {
	describe(`BillingStore contract: ${name}`, () => {
		let store: BillingStore;
		beforeEach(async () => {
			store = await makeStore();
		});
		afterEach(async () => {
			await store.close();
		});

		it("stores tokens by hash, refuses a second token with the same id or hash, counts live ones", async () => {
			expect(await store.findTokenByHash(hex(1))).toBeUndefined();
			expect(await store.countTokens()).toBe(0);
			await store.createToken(token());
			expect(await store.findTokenByHash(hex(1))).toEqual(token());
			await expectCode(store.createToken(token({ id: "tok-2" })), "FC_BILLING_CONFLICT");
			await expectCode(store.createToken(token({ hash: hex(2) })), "FC_BILLING_CONFLICT");
			expect(await store.countTokens()).toBe(1);
		});

		it("keeps a token's expiry and last use, lists tokens oldest first, revokes one keeping the first time", async () => {
			await store.createToken(token({ id: "tok-b", hash: hex(2), createdAt: 2000, expiresAt: 9000 }));
			await store.createToken(token({ id: "tok-a", hash: hex(1), createdAt: 1000 }));
			expect((await store.findTokenByHash(hex(2)))?.expiresAt).toBe(9000);
			expect((await store.listTokens()).map((t) => t.id)).toEqual(["tok-a", "tok-b"]);
			await store.touchToken("tok-a", 5000);
			await store.touchToken("tok-a", 4000); // never back
			expect((await store.findTokenByHash(hex(1)))?.lastUsedAt).toBe(5000);
			expect(await store.revokeToken("tok-b", 6000)).toEqual(token({ id: "tok-b", hash: hex(2), createdAt: 2000, expiresAt: 9000, revokedAt: 6000 }));
			expect((await store.revokeToken("tok-b", 7000))?.revokedAt).toBe(6000);
			expect(await store.revokeToken("nope", 7000)).toBeUndefined();
			await store.touchToken("nope", 7000);
			expect(await store.countTokens()).toBe(1);
		});

		it("uses an enrollment token once, before it expires, and stores the gateway with its token", async () => {
			await store.createEnrollment({ id: "en-1", hash: hex(9), createdAt: 1000, expiresAt: 5000, usedAt: null, gatewayId: null });
			await store.createEnrollment({ id: "en-2", hash: hex(10), createdAt: 1000, expiresAt: 1500, usedAt: null, gatewayId: null });
			const gwToken = token({ id: "tok-gw", hash: hex(3), scopes: ["evidence:write", "workorders:read"], gatewayId: "gw-1" });
			expect(await store.completeEnrollment({ enrollmentHash: hex(8), now: 2000, gateway: gateway(), token: gwToken })).toEqual({
				ok: false,
				reason: "unknown",
			});
			expect(await store.completeEnrollment({ enrollmentHash: hex(10), now: 2000, gateway: gateway(), token: gwToken })).toEqual({
				ok: false,
				reason: "expired",
			});
			expect(await store.getGateway("gw-1")).toBeUndefined();
			expect(await store.completeEnrollment({ enrollmentHash: hex(9), now: 2000, gateway: gateway(), token: gwToken })).toEqual({
				ok: true,
				gateway: gateway(),
			});
			expect(
				await store.completeEnrollment({ enrollmentHash: hex(9), now: 2001, gateway: gateway({ id: "gw-2" }), token: token({ id: "t3", hash: hex(4) }) }),
			).toEqual({
				ok: false,
				reason: "used",
			});
			expect(await store.getGateway("gw-1")).toEqual(gateway());
			expect(await store.findTokenByHash(hex(3))).toEqual(gwToken);
			expect(await store.findTokenByHash(hex(4))).toBeUndefined();
		});

		it("repeats an enrollment for the gateway it enrolled: a new token replaces its tokens, while the enrollment would be valid", async () => {
			await store.createEnrollment({ id: "en-1", hash: hex(9), createdAt: 1000, expiresAt: 5000, usedAt: null, gatewayId: null });
			await store.createEnrollment({ id: "en-2", hash: hex(11), createdAt: 1000, expiresAt: 5000, usedAt: null, gatewayId: null });
			await store.createEnrollment({ id: "en-3", hash: hex(12), createdAt: 1000, expiresAt: 5000, usedAt: null, gatewayId: null });
			const lost = token({ id: "tok-lost", hash: hex(3), gatewayId: "gw-1" });
			await store.completeEnrollment({ enrollmentHash: hex(9), now: 2000, gateway: gateway(), token: lost });
			await store.completeEnrollment({
				enrollmentHash: hex(11),
				now: 2000,
				gateway: gateway({ id: "gw-2" }),
				token: token({ id: "t2", hash: hex(4), gatewayId: "gw-2" }),
			});
			const fresh = token({ id: "tok-new", hash: hex(5), gatewayId: "gw-1" });
			const reissue = (enrollmentHash: string, gatewayId: string, now: number) => store.reissueEnrollment({ enrollmentHash, gatewayId, now, token: fresh });
			expect(await reissue(hex(8), "gw-1", 3000)).toEqual({ ok: false, reason: "unknown" });
			// Another gateway's enrollment, and one nobody used, are no way in.
			expect(await reissue(hex(11), "gw-1", 3000)).toEqual({ ok: false, reason: "not-this-gateway" });
			expect(await reissue(hex(12), "gw-1", 3000)).toEqual({ ok: false, reason: "not-this-gateway" });
			expect(await reissue(hex(9), "gw-1", 5000)).toEqual({ ok: false, reason: "expired" });
			expect(await store.findTokenByHash(hex(5))).toBeUndefined();
			expect(await reissue(hex(9), "gw-1", 3000)).toEqual({ ok: true, gateway: gateway() });
			expect((await store.findTokenByHash(hex(3)))?.revokedAt).toBe(3000);
			expect(await store.findTokenByHash(hex(5))).toEqual(fresh);
			expect((await store.findTokenByHash(hex(4)))?.revokedAt).toBeNull();
			await store.revokeGateway("gw-1", 4000);
			expect(
				await store.reissueEnrollment({ enrollmentHash: hex(9), gatewayId: "gw-1", now: 4500, token: token({ id: "t7", hash: hex(7), gatewayId: "gw-1" }) }),
			).toEqual({
				ok: false,
				reason: "gateway-revoked",
			});
			expect(await store.findTokenByHash(hex(7))).toBeUndefined();
		});

		it("refuses to enroll a gateway id twice and leaves the enrollment unused", async () => {
			await store.createEnrollment({ id: "en-1", hash: hex(9), createdAt: 1000, expiresAt: 5000, usedAt: null, gatewayId: null });
			await store.createEnrollment({ id: "en-2", hash: hex(11), createdAt: 1000, expiresAt: 5000, usedAt: null, gatewayId: null });
			await store.completeEnrollment({ enrollmentHash: hex(9), now: 2000, gateway: gateway(), token: token({ hash: hex(3), gatewayId: "gw-1" }) });
			const again = await store.completeEnrollment({
				enrollmentHash: hex(11),
				now: 2000,
				gateway: gateway(),
				token: token({ id: "t9", hash: hex(5), gatewayId: "gw-1" }),
			});
			expect(again).toEqual({ ok: false, reason: "gateway-exists" });
			const other = await store.completeEnrollment({
				enrollmentHash: hex(11),
				now: 2000,
				gateway: gateway({ id: "gw-2" }),
				token: token({ id: "t9", hash: hex(5), gatewayId: "gw-2" }),
			});
			expect(other.ok).toBe(true);
		});

		it("keeps the technicians a gateway is bound to, replaces them on a re-bind, and binds no unknown gateway", async () => {
			await store.createEnrollment({ id: "en-1", hash: hex(9), createdAt: 1000, expiresAt: 5000, usedAt: null, gatewayId: null });
			await store.createEnrollment({ id: "en-2", hash: hex(11), createdAt: 1000, expiresAt: 5000, usedAt: null, gatewayId: null });
			await store.completeEnrollment({ enrollmentHash: hex(9), now: 2000, gateway: gateway(), token: token({ hash: hex(3), gatewayId: "gw-1" }) });
			const unbound = gateway({ id: "gw-2", technicianIds: [] });
			await store.completeEnrollment({ enrollmentHash: hex(11), now: 2000, gateway: unbound, token: token({ id: "t2", hash: hex(4), gatewayId: "gw-2" }) });
			expect((await store.getGateway("gw-1"))?.technicianIds).toEqual(["tech-1"]);
			expect((await store.getGateway("gw-2"))?.technicianIds).toEqual([]);
			expect(await store.bindGateway("gw-1", ["tech-2", "tech-3"])).toEqual(gateway({ technicianIds: ["tech-2", "tech-3"] }));
			expect(await store.bindGateway("gw-2", ["tech-1"])).toEqual(gateway({ id: "gw-2", technicianIds: ["tech-1"] }));
			expect(await store.bindGateway("gw-1", [])).toEqual(gateway({ technicianIds: [] }));
			expect(await store.bindGateway("nope", ["tech-1"])).toBeUndefined();
			expect((await store.listGateways()).map((g) => [g.id, g.technicianIds])).toEqual([
				["gw-1", []],
				["gw-2", ["tech-1"]],
			]);
		});

		it("revokes a gateway and every token of it, keeping the first revocation time", async () => {
			await store.createEnrollment({ id: "en-1", hash: hex(9), createdAt: 1000, expiresAt: 5000, usedAt: null, gatewayId: null });
			await store.completeEnrollment({ enrollmentHash: hex(9), now: 2000, gateway: gateway(), token: token({ hash: hex(3), gatewayId: "gw-1" }) });
			await store.createToken(token({ id: "admin", hash: hex(6) }));
			expect(await store.revokeGateway("nope", 3000)).toBeUndefined();
			expect((await store.revokeGateway("gw-1", 3000))?.revokedAt).toBe(3000);
			expect((await store.revokeGateway("gw-1", 4000))?.revokedAt).toBe(3000);
			expect((await store.findTokenByHash(hex(3)))?.revokedAt).toBe(3000);
			expect((await store.findTokenByHash(hex(6)))?.revokedAt).toBeNull();
			expect((await store.listGateways()).map((g) => [g.id, g.revokedAt])).toEqual([["gw-1", 3000]]);
			expect(await store.countTokens()).toBe(1);
		});

		it("starts every chain empty and appends contiguous records, checkpoints and a receipt together", async () => {
			expect(await store.getChainHead("gw-1")).toEqual({ gatewayId: "gw-1", headSeq: 0, headHash: "0".repeat(64), sealedUpTo: 0 });
			const receipt = { gatewayId: "gw-1", batchId: "b1", digest: hex(55), receivedAt: 3000, receipt: { accepted: 3, sealedUpTo: 2 } };
			const head = await store.appendChain({
				gatewayId: "gw-1",
				expectedHeadSeq: 0,
				records: [record(1), record(2), record(3)],
				checkpoints: [{ chainSeq: 2, bytes: new Uint8Array([9, 9]), keyId: hex(77) }],
				sealedUpTo: 2,
				receipt,
			});
			expect(head).toEqual({ gatewayId: "gw-1", headSeq: 3, headHash: hex(203), sealedUpTo: 2 });
			expect(await store.getChainHead("gw-1")).toEqual(head);
			expect(await store.getChainRecords("gw-1", 2, 10)).toEqual([record(2), record(3)]);
			expect(await store.getChainRecords("gw-2", 1, 10)).toEqual([]);
			expect(await store.getBatchReceipt("gw-1", "b1")).toEqual(receipt);
			expect(await store.getBatchReceipt("gw-1", "b2")).toBeUndefined();
			// Sealing later without new records; sealedUpTo never goes down.
			expect(await store.appendChain({ gatewayId: "gw-1", expectedHeadSeq: 3, records: [], checkpoints: [], sealedUpTo: 3, receipt: null })).toMatchObject({
				headSeq: 3,
				sealedUpTo: 3,
			});
			expect(await store.appendChain({ gatewayId: "gw-1", expectedHeadSeq: 3, records: [], checkpoints: [], sealedUpTo: 1, receipt: null })).toMatchObject({
				sealedUpTo: 3,
			});
		});

		it("refuses an append against a stale head, a gap or sealing beyond the head, and stores nothing of it", async () => {
			await store.appendChain({ gatewayId: "gw-1", expectedHeadSeq: 0, records: [record(1)], checkpoints: [], sealedUpTo: 0, receipt: null });
			await expectCode(
				store.appendChain({ gatewayId: "gw-1", expectedHeadSeq: 0, records: [record(1)], checkpoints: [], sealedUpTo: 0, receipt: null }),
				"FC_BILLING_CONFLICT",
			);
			await expectCode(
				store.appendChain({ gatewayId: "gw-1", expectedHeadSeq: 1, records: [record(2), record(4)], checkpoints: [], sealedUpTo: 0, receipt: null }),
				"FC_BILLING_STORE",
			);
			await expectCode(
				store.appendChain({ gatewayId: "gw-1", expectedHeadSeq: 1, records: [record(2)], checkpoints: [], sealedUpTo: 5, receipt: null }),
				"FC_BILLING_STORE",
			);
			expect((await store.getChainHead("gw-1")).headSeq).toBe(1);
			expect(await store.getChainRecords("gw-1", 1, 10)).toEqual([record(1)]);
		});

		it("lets exactly one of two concurrent appends at the same head through", async () => {
			const attempt = () => store.appendChain({ gatewayId: "gw-1", expectedHeadSeq: 0, records: [record(1)], checkpoints: [], sealedUpTo: 0, receipt: null });
			const results = await Promise.allSettled([attempt(), attempt()]);
			expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
			const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
			expect(isFieldchainError(failed.reason, "FC_BILLING_CONFLICT")).toBe(true);
		});

		it("keeps the first receipt of a batch id", async () => {
			const first = { gatewayId: "gw-1", batchId: "b1", digest: hex(1), receivedAt: 1, receipt: { n: 1 } };
			await store.appendChain({ gatewayId: "gw-1", expectedHeadSeq: 0, records: [], checkpoints: [], sealedUpTo: 0, receipt: first });
			await store.appendChain({
				gatewayId: "gw-1",
				expectedHeadSeq: 0,
				records: [],
				checkpoints: [],
				sealedUpTo: 0,
				receipt: { ...first, digest: hex(2), receipt: { n: 2 } },
			});
			expect(await store.getBatchReceipt("gw-1", "b1")).toEqual(first);
		});

		it("stores an append's events with it, and none of a refused append (transactional outbox)", async () => {
			const event = (id: string) => ({ id, type: "evidence.accepted", occurredAt: "2026-12-05T08:00:00.000Z", data: { accepted: 1, workOrderIds: ["WO1"] } });
			expect(await store.pendingOutbox(10)).toEqual([]);
			await store.appendChain({
				gatewayId: "gw-1",
				expectedHeadSeq: 0,
				records: [record(1)],
				checkpoints: [],
				sealedUpTo: 1,
				receipt: null,
				outbox: [event("e1")],
			});
			// Refused (another head, then a hole): neither records nor events are kept.
			await expectCode(
				store.appendChain({
					gatewayId: "gw-1",
					expectedHeadSeq: 0,
					records: [record(1)],
					checkpoints: [],
					sealedUpTo: 1,
					receipt: null,
					outbox: [event("e2")],
				}),
				"FC_BILLING_CONFLICT",
			);
			await expect(
				store.appendChain({
					gatewayId: "gw-1",
					expectedHeadSeq: 1,
					records: [record(3)],
					checkpoints: [],
					sealedUpTo: 3,
					receipt: null,
					outbox: [event("e3")],
				}),
			).rejects.toThrow();
			await store.appendChain({
				gatewayId: "gw-1",
				expectedHeadSeq: 1,
				records: [record(2)],
				checkpoints: [],
				sealedUpTo: 2,
				receipt: null,
				outbox: [event("e4")],
			});
			expect(await store.pendingOutbox(10)).toEqual([event("e1"), event("e4")]);
			expect(await store.pendingOutbox(1)).toEqual([event("e1")]);
			await store.markOutboxRelayed(["e1"], 5000);
			expect(await store.pendingOutbox(10)).toEqual([event("e4")]);
			await store.markOutboxRelayed(["e4", "nope"], 5001);
			expect(await store.pendingOutbox(10)).toEqual([]);
		});

		it("pages tokens and gateways by keyset: rows inserted between page fetches never shift or repeat a page", async () => {
			// Tokens: createdAt then id; the same createdAt twice so the id breaks the tie.
			const tok = (n: number, createdAt: number) => token({ id: `tok-${String(n).padStart(2, "0")}`, hash: hex(500 + n), createdAt });
			for (const [n, at] of [
				[1, 10],
				[2, 20],
				[3, 20],
				[4, 30],
				[5, 40],
			] as const)
				await store.createToken(tok(n, at));
			const seen: string[] = [];
			let after: readonly [number, string] | null = null;
			for (let round = 0; round < 10; round++) {
				const page: ApiTokenRecord[] = await store.listTokens({ limit: 2, after });
				seen.push(...page.map((t) => t.id));
				if (page.length < 2) break;
				const last = page[page.length - 1];
				after = [last.createdAt, last.id];
				// Inserted while paging: one before the position (never shown now), one after it (shown once).
				if (round === 0) {
					await store.createToken(tok(6, 5));
					await store.createToken(tok(7, 20));
				}
			}
			expect(seen).toEqual(["tok-01", "tok-02", "tok-03", "tok-07", "tok-04", "tok-05"]);
			expect((await store.listTokens()).map((t) => t.id)).toEqual(["tok-06", "tok-01", "tok-02", "tok-03", "tok-07", "tok-04", "tok-05"]);

			const enrollGateway = async (id: string, n: number) => {
				await store.createEnrollment({ id: `en-${id}`, hash: hex(900 + n), createdAt: 1, expiresAt: 10_000, usedAt: null, gatewayId: null });
				await store.completeEnrollment({ enrollmentHash: hex(900 + n), now: 2, gateway: gateway({ id }), token: token({ id: `t-${id}`, hash: hex(950 + n) }) });
			};
			for (const [n, id] of ["gw-b", "gw-d", "gw-f"].entries()) await enrollGateway(id, n);
			const first = await store.listGateways({ limit: 2, after: null });
			expect(first.map((g) => g.id)).toEqual(["gw-b", "gw-d"]);
			await enrollGateway("gw-a", 10);
			await enrollGateway("gw-e", 11);
			expect((await store.listGateways({ limit: 2, after: ["gw-d"] })).map((g) => g.id)).toEqual(["gw-e", "gw-f"]);
			expect((await store.listGateways({ limit: 2, after: ["gw-f"] })).map((g) => g.id)).toEqual([]);
		});

		it("stores schedule plans, refuses a second with the same id, applies each at most once", async () => {
			const plan = {
				id: "plan-1",
				createdAt: 1000,
				createdBy: "ops",
				basis: hex(5),
				appliedAt: null,
				appliedBy: null,
				body: { changes: [{ workOrderId: "WO1" }] },
			};
			expect(await store.getSchedulePlan("plan-1")).toBeUndefined();
			await store.createSchedulePlan(plan);
			expect(await store.getSchedulePlan("plan-1")).toEqual(plan);
			await expectCode(store.createSchedulePlan({ ...plan, basis: hex(6) }), "FC_BILLING_CONFLICT");
			const race = await Promise.all([store.markSchedulePlanApplied("plan-1", 2000, "ops"), store.markSchedulePlanApplied("plan-1", 2001, "sup")]);
			expect(race.filter(Boolean)).toHaveLength(1);
			const winner = race[0] ? { appliedAt: 2000, appliedBy: "ops" } : { appliedAt: 2001, appliedBy: "sup" };
			expect(await store.getSchedulePlan("plan-1")).toEqual({ ...plan, ...winner });
			expect(await store.markSchedulePlanApplied("plan-1", 3000, "late")).toBe(false);
			expect(await store.markSchedulePlanApplied("plan-unknown", 2000, "ops")).toBe(false);
		});

		it("refuses use after close", async () => {
			await store.close();
			await expectCode(store.getChainHead("gw-1"), "FC_STORE_CLOSED");
		});
	});
	chainGapsContract(name, makeStore);
}
