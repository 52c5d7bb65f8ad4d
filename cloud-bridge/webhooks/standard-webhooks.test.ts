/**
 * Deliveries verified by the `standardwebhooks` library (the reference implementation of the
 * Standard Webhooks spec) as a subscriber would run it, against a real HTTP receiver on 127.0.0.1.
 */

import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { waitFor } from "../../test/support/wait.js";
import { WebhookDispatcher } from "./dispatcher.js";
import { MemoryWebhookStore } from "./memory-store.js";
import { newWebhookSecret, verifyWebhookSignature } from "./signature.js";
import { standardSignature } from "./standard-signature.js";
import { startReceiver, type TestReceiver } from "./testing/receiver.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("Standard Webhooks headers", () => {
	it("match the spec's known-answer vector", () => {
		// From the spec's reference libraries' tests.
		const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
		expect(standardSignature(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, '{"test": 2432232314}')).toBe(
			"v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
		);
	});

	it("new secrets are in the spec's form, which the library accepts", () => {
		for (let i = 0; i < 50; i++) {
			const secret = newWebhookSecret();
			expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
			expect(() => new Webhook(secret)).not.toThrow();
		}
	});

	it("a delivery verifies with the standardwebhooks library, and a changed body does not", async () => {
		const r: TestReceiver = await startReceiver();
		cleanups.push(() => r.close());
		const d = new WebhookDispatcher({ store: new MemoryWebhookStore(), pollIntervalMs: 100, webhookAllow: ["127.0.0.0/8"] });
		cleanups.push(() => d.close());
		const { secret } = await d.createSubscription({ url: r.url, eventTypes: ["invoice.created"] });
		d.start();
		const sent = { id: "evt-std-1", type: "invoice.created" as const, occurredAt: "2025-11-24T10:00:00.000Z", data: { invoiceId: "INV-7", note: "Prüfung ✓" } };
		await d.publish(sent);
		await waitFor("the delivery", async () => (r.requests.length === 1 ? true : undefined), 10_000);
		const got = r.requests[0];
		const headers = {
			"webhook-id": got.headers["webhook-id"] as string,
			"webhook-timestamp": got.headers["webhook-timestamp"] as string,
			"webhook-signature": got.headers["webhook-signature"] as string,
		};
		expect(headers["webhook-id"]).toBe(sent.id);
		expect(new Webhook(secret).verify(got.body, headers)).toEqual(sent);
		expect(() => new Webhook(secret).verify(got.body.replace("INV-7", "INV-8"), headers)).toThrow();
		// The Fieldchain-* headers are still sent and still verify.
		verifyWebhookSignature({ payload: got.body, header: got.headers["fieldchain-signature"] as string, secret });
	});

	it("a secret issued before (base64url) signs the same key, so its standard-base64 form verifies", () => {
		const legacy = "whsec_-_-_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
		const body = '{"id":"e1"}';
		const t = Math.floor(Date.now() / 1000);
		const converted = legacy.replaceAll("-", "+").replaceAll("_", "/").replace("whsec/", "whsec_");
		const headers = { "webhook-id": "e1", "webhook-timestamp": String(t), "webhook-signature": standardSignature(legacy, "e1", t, body) };
		expect(new Webhook(`${converted}=`).verify(body, headers)).toEqual({ id: "e1" });
	});
});
