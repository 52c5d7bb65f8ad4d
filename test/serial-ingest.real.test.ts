/**
 * Simulator <-> gateway over a real socat pty pair: every reading stored exactly once, with a
 * noisy line, and across a pulled cable.
 */
import { afterEach, describe, expect, it } from "vitest";
import { runSerialSimulator, type SimulatorHandle } from "../firmware-host/simulator/runners.js";
import { allStoredSeqs, type GatewayFixture, gapsAndDuplicates, getJson, startGateway } from "./support/gateway-fixture.js";
import { createPtyPair, type PtyPair } from "./support/pty-pair.js";
import { waitFor, withTimeout } from "./support/wait.js";

let pty: PtyPair | undefined;
let gateway: GatewayFixture | undefined;
let simulator: SimulatorHandle | undefined;

afterEach(async () => {
	await simulator?.stop();
	await gateway?.stop();
	await pty?.dispose();
	simulator = gateway = pty = undefined;
});

async function startPair(options: { count: number; rate: number; garbage?: number; resendTimeoutMs?: number }) {
	pty = await createPtyPair();
	const hostEnd = pty.hostEnd;
	gateway = await startGateway((config) => {
		config.serial.targets.push({ path: hostEnd });
	});
	simulator = await runSerialSimulator({
		path: pty.deviceEnd,
		deviceId: "sim-serial",
		rate: options.rate,
		count: options.count,
		resendTimeoutMs: options.resendTimeoutMs ?? 300,
		faults: options.garbage ? { garbage: options.garbage } : undefined,
		retryMs: 100,
	});
	return { pty, gateway, simulator };
}

describe("serial ingest over a real pty", () => {
	it("stores 10,000 readings exactly once and acks them all", async () => {
		const { gateway, simulator } = await startPair({ count: 10_000, rate: 5000 });
		await withTimeout(simulator.done, 60_000, "all 10,000 readings acked");
		const seqs = await allStoredSeqs(gateway.baseUrl, "sim-serial");
		expect(gapsAndDuplicates(seqs, 10_000)).toEqual({ missing: [], duplicates: [], extra: [] });
		expect(seqs).toHaveLength(10_000);

		const { body } = await getJson<{ devices: Array<Record<string, unknown>> }>(`${gateway.baseUrl}/api/v1/devices`);
		expect(body.devices[0]).toMatchObject({ id: "sim-serial", connected: true, transport: "serial", readingsStored: 10_000 });
	});

	it("stores 10,000 readings exactly once on a line with 5% garbage, and counts the damage", async () => {
		const { gateway, simulator } = await startPair({ count: 10_000, rate: 5000, garbage: 0.05 });
		await withTimeout(simulator.done, 90_000, "all readings acked despite garbage");
		const seqs = await allStoredSeqs(gateway.baseUrl, "sim-serial");
		expect(gapsAndDuplicates(seqs, 10_000)).toEqual({ missing: [], duplicates: [], extra: [] });
		const { body } = await getJson<{ devices: Array<{ errors: Record<string, number> }> }>(`${gateway.baseUrl}/api/v1/devices`);
		const errors = body.devices[0].errors;
		// Garbage merges with the frame after it, so each burst costs one frame: CRC, COBS or short.
		expect(errors.badCrc + errors.badCobs + errors.short + errors.undecodable).toBeGreaterThan(50);
		expect(errors.resyncs).toBeGreaterThan(50);
	});

	it("reconnects after the cable is pulled mid-stream, with no gap and no duplicate", async () => {
		const { pty, gateway, simulator } = await startPair({ count: 6000, rate: 2000 });
		// Wait until a good part is stored, then pull the cable twice.
		for (const threshold of [1500, 3500]) {
			await waitFor(`${threshold} readings stored`, () => (gateway.gateway.parts.committer.stats.inserted >= threshold ? true : undefined));
			await pty.kill();
			await new Promise((resolve) => setTimeout(resolve, 300));
			await pty.restart();
		}
		await withTimeout(simulator.done, 60_000, "all readings acked after reconnects");
		const seqs = await allStoredSeqs(gateway.baseUrl, "sim-serial");
		expect(gapsAndDuplicates(seqs, 6000)).toEqual({ missing: [], duplicates: [], extra: [] });
		expect(gateway.logs.filter((line) => line.includes('"device attached"')).length).toBeGreaterThanOrEqual(3);
		expect(gateway.logs.filter((line) => line.includes('"device detached"')).length).toBeGreaterThanOrEqual(2);
	});
});
