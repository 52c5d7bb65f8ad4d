/**
 * The simulator on an in-process aedes broker, with a test host on the device's topics standing
 * in for the gateway (which brings its own broker later).
 */
import { once } from "node:events";
import { createServer } from "node:net";
import { Aedes, type Client } from "aedes";
import { afterEach, describe, expect, it } from "vitest";
import type { RunnerStatus, SimulatorHandle } from "./link-loop.js";
import { MqttHostLink } from "./mqtt-host-link.js";
import { runMqttSimulator } from "./runners.js";
import { TestHost } from "./testing/test-host.js";

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
	cleanups = [];
});

async function startBroker(): Promise<{ url: string; clients: Map<string, Client> }> {
	const broker = await Aedes.createBroker();
	const server = createServer(broker.handle);
	server.listen(0, "127.0.0.1");
	await once(server, "listening");
	const clients = new Map<string, Client>();
	broker.on("client", (client) => clients.set(client.id, client));
	cleanups.push(async () => {
		await new Promise<void>((resolve) => broker.close(() => resolve()));
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});
	return { url: `mqtt://127.0.0.1:${(server.address() as { port: number }).port}`, clients };
}

async function hostFor(url: string, deviceId: string): Promise<TestHost> {
	const link = await MqttHostLink.connect(url, deviceId);
	cleanups.push(() => link.close());
	return new TestHost(link, { answerHello: true });
}

async function simulator(options: Parameters<typeof runMqttSimulator>[0]): Promise<SimulatorHandle> {
	const handle = await runMqttSimulator(options);
	cleanups.push(() => handle.stop());
	return handle;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
	return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`Timed out: ${what}.`)), ms))]);
}

describe("runMqttSimulator on an aedes broker", () => {
	it("delivers every reading once the host greets the device", async () => {
		const { url } = await startBroker();
		const host = await hostFor(url, "mq-sim-1");
		const handle = await simulator({ url, deviceId: "mq-sim-1", rate: 2000, count: 400, resendTimeoutMs: 3000 });
		await withTimeout(handle.done, 20_000, "all readings acked");
		expect(host.uniqueSeqs()).toEqual(range(1, 400));
		// Nothing is lost on this line, so no reading is re-sent on a timeout or a fast retransmit. A
		// tail-loss probe may still fire when the last ack is slow (a loaded machine): it re-sends the
		// newest reading once, which the host counts as a duplicate (protocol/README.md, "Fast recovery").
		const { resent, probes, fastRetransmits } = handle.device.stats;
		expect(fastRetransmits).toBe(0);
		expect(resent).toBe(probes);
		expect(host.readings.length).toBeGreaterThanOrEqual(400);
		expect(host.readings.length).toBeLessThanOrEqual(400 + probes);
		expect(handle.device.stats).toMatchObject({ generated: 400, unacked: 0 });
	});

	it("reconnects after the broker drops the device and resends what was not acked", async () => {
		const { url, clients } = await startBroker();
		const host = await hostFor(url, "mq-sim-2");
		const statuses: RunnerStatus["state"][] = [];
		const handle = await simulator({ url, deviceId: "mq-sim-2", rate: 500, count: 600, retryMs: 100, onStatus: (status) => statuses.push(status.state) });
		const deadline = Date.now() + 10_000;
		while (host.readings.length < 150 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
		clients.get("mq-sim-2")!.close();
		await withTimeout(handle.done, 20_000, "all readings acked after the reconnect");
		expect(host.uniqueSeqs()).toEqual(range(1, 600));
		expect(statuses).toEqual(["connected", "disconnected", "connected"]);
	});

	it("garbage over MQTT is a whole undecodable payload, and the readings still all arrive", async () => {
		const { url } = await startBroker();
		const host = await hostFor(url, "mq-sim-3");
		const handle = await simulator({ url, deviceId: "mq-sim-3", rate: 2000, count: 200, resendTimeoutMs: 200, faults: { garbage: 0.05, corrupt: 0.05 } });
		await withTimeout(handle.done, 20_000, "all readings acked despite faults");
		const { garbage, corrupt } = handle.device.stats;
		expect(host.uniqueSeqs()).toEqual(range(1, 200));
		// A re-send made just before the last ack arrived may still be on its way through the broker.
		const deadline = Date.now() + 5000;
		while (host.linkErrors.length < garbage + corrupt && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
		expect(host.linkErrors).toHaveLength(garbage + corrupt);
	});
});
