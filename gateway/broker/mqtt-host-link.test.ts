import { describe, expect, it } from "vitest";
import { decodeEnvelope } from "../../protocol/codec.js";
import { MAX_WAITING_SENDS, MqttHostLink } from "./mqtt-host-link.js";

function fakeLink() {
	const published: Buffer[] = [];
	let disconnects = 0;
	const link = new MqttHostLink("dev1", {
		publishDown: async (payload) => {
			published.push(payload);
		},
		disconnect: async () => {
			disconnects++;
		},
	});
	return { link, published, disconnects: () => disconnects };
}

describe("MqttHostLink", () => {
	it("holds sends until subscribed, then sends them in order", async () => {
		const { link, published } = fakeLink();
		const sends = [link.send({ seq: 1, heartbeat: {} }), link.send({ seq: 2, heartbeat: {} })];
		expect(published).toHaveLength(0);
		link.setSubscribed(true);
		await Promise.all(sends);
		expect(published.map((payload) => decodeEnvelope(payload).seq)).toEqual([1, 2]);
		expect(link.counters.framesOut).toBe(2);
	});

	it("refuses more waiting sends than MAX_WAITING_SENDS, and rejects the waiting ones on close", async () => {
		const { link } = fakeLink();
		const waiting = Array.from({ length: MAX_WAITING_SENDS }, (_, seq) => link.send({ seq, heartbeat: {} }).catch((error: unknown) => error));
		await expect(link.send({ seq: 99, heartbeat: {} })).rejects.toMatchObject({
			code: "FC_MQTT_CONNECT",
			message: expect.stringMatching(/has not subscribed/),
		});
		link.finish(undefined);
		for (const result of await Promise.all(waiting)) expect(result).toMatchObject({ code: "FC_MQTT_CONNECT" });
	});

	it("refuses Envelopes above the peer's max_payload", async () => {
		const { link, published } = fakeLink();
		link.setSubscribed(true);
		link.setPeerMaxPayload(16);
		await expect(link.send({ seq: 1, event: { detail: "x".repeat(100) } })).rejects.toMatchObject({ code: "FC_PROTO_TOO_LARGE" });
		expect(published).toHaveLength(0);
	});

	it("disconnects the device on close() and emits close once", async () => {
		const { link, disconnects } = fakeLink();
		const closes: unknown[] = [];
		link.on("close", (reason) => closes.push(reason));
		await link.close();
		await link.close();
		link.finish(new Error("late"));
		expect(disconnects()).toBe(1);
		expect(closes).toEqual([undefined]);
		link.deliver(Buffer.from([8, 1]));
		expect(link.counters.framesIn).toBe(0);
	});
});
