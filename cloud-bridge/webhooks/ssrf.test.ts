/**
 * Webhook receivers on loopback, private, link-local and metadata addresses are refused, whatever
 * the spelling, at registration and again on the address actually connected to (DNS rebinding); the
 * delivery log says only that. All traffic stays on 127.0.0.1: the resolver is injected.
 */
import { afterEach, describe, expect, it } from "vitest";
import { waitFor } from "../../test/support/wait.js";
import { WebhookAddressPolicy, type WebhookResolver } from "./address-policy.js";
import { DELIVERY_ERRORS } from "./delivery-errors.js";
import { WebhookDispatcher, type WebhookDispatcherOptions } from "./dispatcher.js";
import { MemoryWebhookStore } from "./memory-store.js";
import { startReceiver, type TestReceiver } from "./testing/receiver.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function receiver(): Promise<TestReceiver> {
	const r = await startReceiver();
	cleanups.push(() => r.close());
	return r;
}

function dispatcher(options: Partial<WebhookDispatcherOptions> = {}): WebhookDispatcher {
	const d = new WebhookDispatcher({
		store: new MemoryWebhookStore(),
		retry: { initialDelayMs: 20, maxDelayMs: 50, maxAttempts: 1 },
		requestTimeoutMs: 2000,
		pollIntervalMs: 50,
		// Never the system resolver in tests: names answer as the test says.
		resolve: async () => [{ address: "192.0.43.10", family: 4 }],
		...options,
	});
	cleanups.push(() => d.close());
	return d;
}

const event = (id: string) => ({ id, type: "invoice.created" as const, occurredAt: "2025-11-24T10:00:00.000Z", data: { invoiceId: "INV-7" } });

async function onlyAttempt(d: WebhookDispatcher) {
	return waitFor("one logged attempt", async () => (await d.listDeliveries()).find((x) => x.attemptLog.length > 0)?.attemptLog[0], 10_000);
}

describe("webhook receiver addresses", () => {
	it("are refused at registration on loopback, private, link-local and metadata addresses, however spelled", async () => {
		const d = dispatcher();
		for (const url of [
			"https://169.254.169.254/latest/meta-data/",
			"http://2130706433/",
			"http://0x7f000001/",
			"http://0177.0.0.1/",
			"http://0x7f.1/",
			"http://127.1/",
			"https://localhost./h",
			"https://api.localhost/h",
			"https://10.0.0.5/h",
			"https://172.16.3.4/h",
			"https://192.168.1.10/h",
			"https://100.100.100.200/h",
			"https://[::1]/h",
			"https://[::ffff:127.0.0.1]/h",
			"https://[::ffff:a9fe:a9fe]/h",
			"https://[fd00:ec2::254]/h",
			"https://[fe80::1]/h",
			"https://0.0.0.0/h",
		]) {
			const refused = await d.createSubscription({ url, eventTypes: ["invoice.created"] }).then(
				() => undefined,
				(error: unknown) => error,
			);
			expect(refused, url).toMatchObject({ code: "FC_WEBHOOK_INVALID", details: { reason: "address not allowed" } });
		}
		// A name resolving to a private address is refused too.
		const internal = dispatcher({ resolve: async () => [{ address: "10.1.2.3", family: 4 }] });
		await expect(internal.createSubscription({ url: "https://hooks.example.test/h", eventTypes: ["invoice.created"] })).rejects.toMatchObject({
			code: "FC_WEBHOOK_INVALID",
		});
		// A public one is not.
		await expect(d.createSubscription({ url: "https://hooks.example.test/h", eventTypes: ["invoice.created"] })).resolves.toBeDefined();
	});

	it("allows what --webhook-allow names, and only that", () => {
		const policy = new WebhookAddressPolicy(["127.0.0.0/8"]);
		expect(policy.permits("127.0.0.1")).toBe(true);
		expect(policy.permits("::ffff:127.0.0.1")).toBe(true);
		expect(policy.permits("::1")).toBe(false);
		expect(policy.permits("169.254.169.254")).toBe(false);
		expect(policy.permits("93.184.215.14")).toBe(true);
		expect(() => new WebhookAddressPolicy(["127.0.0.1"])).toThrow(/CIDR/);
	});

	it("refuses the delivery, before connecting, when the name resolves elsewhere than at registration", async () => {
		const r = await receiver();
		let lookups = 0;
		// 127.0.0.1 (allowed here) at registration, the metadata address at delivery.
		const rebinding: WebhookResolver = async () => [{ address: lookups++ === 0 ? "127.0.0.1" : "169.254.169.254", family: 4 }];
		const d = dispatcher({ resolve: rebinding, webhookAllow: ["127.0.0.0/8"], allowInsecureUrls: true });
		await d.createSubscription({ url: `http://hooks.invalid:${r.port}/hooks`, eventTypes: ["invoice.created"] });
		d.start();
		await d.publish(event("evt-rebind"));
		const attempt = await onlyAttempt(d);
		expect(lookups).toBe(2);
		expect(attempt).toMatchObject({ statusCode: null, error: DELIVERY_ERRORS.addressNotAllowed });
		expect(r.requests).toHaveLength(0);
	});

	it("checks a stored literal address at delivery too (a subscription made before the rule)", async () => {
		const r = await receiver();
		const store = new MemoryWebhookStore();
		await store.createSubscription({ id: "old", url: r.url, eventTypes: ["invoice.created"], description: null, createdAt: 0, secret: "whsec_x" });
		const d = dispatcher({ store });
		d.start();
		await d.publish(event("evt-old"));
		expect(await onlyAttempt(d)).toMatchObject({ error: DELIVERY_ERRORS.addressNotAllowed });
		expect(r.requests).toHaveLength(0);
	});

	it("logs coarse errors, not the raw connection error", async () => {
		const r = await receiver();
		const port = r.port;
		await r.close(); // nothing listens there now
		const d = dispatcher({ webhookAllow: ["127.0.0.0/8"] });
		await d.createSubscription({ url: `http://127.0.0.1:${port}/h`, eventTypes: ["invoice.created"] });
		d.start();
		await d.publish(event("evt-closed"));
		const attempt = await onlyAttempt(d);
		expect(attempt.error).toBe(DELIVERY_ERRORS.connection);
		expect(attempt.error).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|\d{4,5}/);
	});
});
