import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isFieldchainError } from "../../platform/errors.js";
import { computeSignature, newWebhookSecret, parseWebhookEvent, signatureHeader, verifyWebhookSignature } from "./signature.js";

const secret = "whsec_test";
const body = JSON.stringify({ id: "E1", type: "invoice.created", occurredAt: "2025-11-24T00:00:00Z", data: { total: 1200, note: "Zähler ✓" } });
const t = 1_764_000_000;
const now = t * 1000 + 10_000;

function reason(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		expect(isFieldchainError(error, "FC_WEBHOOK_SIGNATURE")).toBe(true);
		return (error as Error).message;
	}
	return expect.fail("expected FC_WEBHOOK_SIGNATURE");
}

describe("webhook signatures", () => {
	it('is HMAC-SHA256 over "<t>.<body>" in hex, as an independent computation gives', () => {
		const expected = createHmac("sha256", secret).update(`${t}.${body}`, "utf8").digest("hex");
		expect(computeSignature(secret, t, body)).toBe(expected);
		expect(signatureHeader(secret, t, body)).toBe(`t=${t},v1=${expected}`);
	});

	it("verifies a genuine delivery from a string or the raw bytes, and parses it", () => {
		const header = signatureHeader(secret, t, body);
		expect(verifyWebhookSignature({ payload: body, header, secret, now })).toEqual({ timestamp: t });
		expect(verifyWebhookSignature({ payload: Buffer.from(body), header, secret, now })).toEqual({ timestamp: t });
		expect(parseWebhookEvent({ payload: body, header, secret, now })).toMatchObject({ id: "E1", data: { note: "Zähler ✓" } });
	});

	it("accepts any of several signatures and secrets while a secret is rotated", () => {
		const header = signatureHeader(["whsec_old", secret], t, body);
		expect(header.split(",v1=")).toHaveLength(3);
		expect(verifyWebhookSignature({ payload: body, header, secret, now }).timestamp).toBe(t);
		expect(verifyWebhookSignature({ payload: body, header: signatureHeader("whsec_new", t, body), secret: [secret, "whsec_new"], now }).timestamp).toBe(t);
	});

	it("rejects a modified body, a wrong secret, a replayed or future timestamp, and malformed headers, saying why", () => {
		const header = signatureHeader(secret, t, body);
		expect(reason(() => verifyWebhookSignature({ payload: body.replace("1200", "9999"), header, secret, now }))).toMatch(/matches/);
		expect(reason(() => verifyWebhookSignature({ payload: body, header, secret: "whsec_other", now }))).toMatch(/matches/);
		expect(reason(() => verifyWebhookSignature({ payload: body, header, secret, now: now + 301_000 }))).toMatch(/tolerance/);
		expect(reason(() => verifyWebhookSignature({ payload: body, header, secret, now: (t - 400) * 1000 }))).toMatch(/tolerance/);
		expect(verifyWebhookSignature({ payload: body, header, secret, now: now + 3_600_000, toleranceSeconds: 7200 }).timestamp).toBe(t);
		// The timestamp is signed: moving it breaks the signature.
		expect(reason(() => verifyWebhookSignature({ payload: body, header: header.replace(`t=${t}`, `t=${t + 5}`), secret, now }))).toMatch(/matches/);
		expect(reason(() => verifyWebhookSignature({ payload: body, header: undefined, secret, now }))).toMatch(/No Fieldchain-Signature/);
		expect(reason(() => verifyWebhookSignature({ payload: body, header: `v1=${"a".repeat(64)}`, secret, now }))).toMatch(/timestamp/);
		expect(reason(() => verifyWebhookSignature({ payload: body, header: `t=${t},v1=zz`, secret, now }))).toMatch(/no v1/);
		expect(reason(() => verifyWebhookSignature({ payload: body, header, secret: [], now }))).toMatch(/No secret/);
	});

	it("makes distinct, prefixed secrets", () => {
		const a = newWebhookSecret();
		expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
		expect(newWebhookSecret()).not.toBe(a);
	});
});
