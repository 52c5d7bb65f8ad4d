import { afterEach, describe, expect, it } from "vitest";
import { createMemoryLinkPair } from "../../protocol/transport/memory-link.js";
import { type GatewayFixture, getJson, startGateway } from "../../test/support/gateway-fixture.js";

let fixture: GatewayFixture | undefined;
afterEach(async () => {
	await fixture?.stop();
	fixture = undefined;
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** A gateway with one device that has sent three readings over an in-memory link. */
async function gatewayWithDevice(token?: string) {
	fixture = await startGateway((config) => {
		if (config.http && token) config.http.token = token;
	});
	const [device, host] = createMemoryLinkPair(["meter", "memory:meter"]);
	fixture.gateway.addLink(host);
	await device.send({ seq: 1, hello: { deviceId: "meter-1", model: "M1", protocolMajor: 1, bootId: Buffer.alloc(16, 2) } });
	for (const seq of [1, 2, 3]) await device.send({ seq: seq + 1, reading: { seq, deviceTimeUs: 5, quantity: "voltage", value: seq, unit: "V" } });
	await settle();
	return fixture;
}

describe("local API", () => {
	it("lists devices with counters and pages readings", async () => {
		const { baseUrl } = await gatewayWithDevice();
		const devices = await getJson<{ devices: Array<Record<string, unknown>> }>(`${baseUrl}/api/v1/devices`);
		expect(devices.status).toBe(200);
		expect(devices.body.devices[0]).toMatchObject({ id: "meter-1", connected: true, transport: "memory", readingsStored: 3, errors: { badCrc: 0 } });
		const page = await getJson<{ readings: Array<Record<string, unknown>>; nextAfterSeq: number; bootId: string }>(
			`${baseUrl}/api/v1/devices/meter-1/readings?afterSeq=1&limit=1`,
		);
		expect(page.body.readings).toEqual([
			{ seq: 2, quantity: "voltage", value: 2, unit: "V", flags: 0, channel: "", deviceTimeUs: 5, receivedAt: expect.any(String) },
		]);
		expect(page.body.nextAfterSeq).toBe(2);
		expect(page.body.bootId).toBe("02".repeat(16));
		const health = await getJson<{ status: string; readingsStored: number }>(`${baseUrl}/healthz`);
		expect(health.body).toMatchObject({ status: "ok", readingsStored: 3, devicesConnected: 1 });
	});

	it("answers bad requests with a 4xx JSON error that says what is wrong", async () => {
		const { baseUrl } = await gatewayWithDevice();
		const badSeq = await getJson<{ error: { code: string; message: string } }>(`${baseUrl}/api/v1/devices/meter-1/readings?afterSeq=-4`);
		expect(badSeq.status).toBe(400);
		expect(badSeq.body.error).toMatchObject({ code: "FC_HTTP_BAD_REQUEST", message: expect.stringContaining("afterSeq") });
		const badLimit = await getJson<{ error: { message: string } }>(`${baseUrl}/api/v1/devices/meter-1/readings?limit=99999999`);
		expect(badLimit.status).toBe(400);
		expect(badLimit.body.error.message).toContain("limit");
		const unknown = await getJson<{ error: { code: string } }>(`${baseUrl}/api/v1/devices/nope/readings`);
		expect(unknown.status).toBe(404);
		// The body shape of every fieldchain service: the hint apart from the message.
		expect(unknown.body.error).toEqual({
			code: "FC_HTTP_NOT_FOUND",
			message: 'No device "nope" has been seen by this gateway.',
			hint: "GET /api/v1/devices lists the known ones.",
		});
		const noRoute = await getJson<{ error: { code: string } }>(`${baseUrl}/api/v2/whatever`);
		expect(noRoute.status).toBe(404);
		// fastify's own refusals keep their status, under the HTTP layer's codes.
		const post = (body: string, type: string) => fetch(`${baseUrl}/api/v1/alerts`, { method: "POST", headers: { "content-type": type }, body });
		const unparsable = await post("{", "application/json");
		expect(unparsable.status).toBe(400);
		expect(((await unparsable.json()) as { error: { code: string } }).error.code).toBe("FC_HTTP_BAD_REQUEST");
		const notJson = await post("hello", "text/x-nonsense");
		expect(notJson.status).toBe(415);
		expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe("FC_HTTP_UNSUPPORTED_MEDIA_TYPE");
	});

	it("serves Prometheus metrics", async () => {
		const { baseUrl } = await gatewayWithDevice();
		const response = await fetch(`${baseUrl}/metrics`);
		const text = await response.text();
		expect(response.headers.get("content-type")).toContain("text/plain");
		expect(text).toMatch(/^fieldchain_readings_stored_total 3$/m);
		expect(text).toMatch(/^fieldchain_device_readings_received_total\{device="meter-1"\} 3$/m);
	});

	it("with a token, refuses requests without it but keeps /healthz open", async () => {
		const { baseUrl } = await gatewayWithDevice("s3cret");
		const refused = await fetch(`${baseUrl}/api/v1/devices`);
		expect(refused.status).toBe(401);
		expect(refused.headers.get("www-authenticate")).toContain("Bearer");
		expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("FC_HTTP_UNAUTHORIZED");
		expect((await fetch(`${baseUrl}/api/v1/devices`, { headers: { authorization: "Bearer wrong!" } })).status).toBe(401);
		expect((await fetch(`${baseUrl}/api/v1/devices`, { headers: { authorization: "Bearer s3cret" } })).status).toBe(200);
		expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
		expect(fixture!.logs.join("")).not.toContain("s3cret");
	});
});
