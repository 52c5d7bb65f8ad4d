/**
 * Keeps the peers bench (npm run bench:peers) from rotting: a tiny run of each peer, a few
 * hundred readings over a real pty, checking only that the database holds exactly what the tool
 * sent — nothing is timed here, the figures are the bench's job. The Node-RED leg needs the
 * packages of bench/peers/package.json; without them only that leg is skipped, with the reason.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { encodeEnvelope } from "../../protocol/codec.js";
import { encodeFrame } from "../../protocol/framing/frame.js";
import { runKill, runPeer } from "./harness.js";
import { nodeRedExtrasMissing } from "./node-red-peer.js";
import type { PeerName } from "./peer.js";

const COUNT = 300;
const missing = nodeRedExtrasMissing();
if (missing) console.warn(`peers bench test: the Node-RED leg is skipped: ${missing}`);

const { decodeReadingFrame } = createRequire(import.meta.url)("./user-decoder.cjs") as {
	decodeReadingFrame(frame: Buffer): { seq: number; deviceTimeUs: number; quantity: string; value: number } | null;
};

async function expectEveryReadingStoredOnce(peer: PeerName): Promise<void> {
	const result = await runPeer(peer, { count: COUNT, rate: 2000 });
	expect(result.stored).toEqual({ rows: COUNT, distinct: COUNT, distinctUpTo: COUNT });
	expect(result.storedInRun).toBe(COUNT);
	expect(result.complete).toBe(true);
}

describe("the decoder the Node-RED flow and the glue script use", () => {
	const reading = { seq: 7, deviceTimeUs: 1_700_000_000_123_456, quantity: "resistance", value: 12.5, unit: "Ohm" };

	it("reads a protocol v1 reading frame as the gateway's encoder writes it, with or without the 0x00", () => {
		const frame = encodeFrame(encodeEnvelope({ seq: 1, reading }));
		expect(decodeReadingFrame(frame)).toMatchObject(reading);
		expect(decodeReadingFrame(frame.subarray(0, frame.length - 1))).toMatchObject(reading);
	});

	it("returns null for a frame with a bad CRC, garbage, or a frame that is not a reading", () => {
		const frame = Buffer.from(encodeFrame(encodeEnvelope({ seq: 1, reading })));
		frame[3] ^= 0x01;
		expect(decodeReadingFrame(frame)).toBeNull();
		expect(decodeReadingFrame(Buffer.from([0x05, 0xff, 0x00]))).toBeNull();
		expect(decodeReadingFrame(Buffer.alloc(0))).toBeNull();
		expect(decodeReadingFrame(encodeFrame(encodeEnvelope({ seq: 2, heartbeat: {} })))).toBeNull();
	});
});

describe("peers bench harness, tiny run (counts only)", () => {
	it.skipIf(missing !== undefined)(
		`Node-RED flow: stores each of ${COUNT} readings exactly once`,
		async () => {
			await expectEveryReadingStoredOnce("node-red");
		},
		180_000,
	);

	it(`Mosquitto glue script: stores each of ${COUNT} readings exactly once`, async () => {
		await expectEveryReadingStoredOnce("glue");
	}, 180_000);

	it(`fieldchain gateway: stores each of ${COUNT} readings exactly once`, async () => {
		await expectEveryReadingStoredOnce("fieldchain");
	}, 180_000);

	it("fieldchain gateway killed -9 mid-stream: every reading the tool believes delivered is stored", async () => {
		const result = await runKill("fieldchain", { killAfter: 200, rate: 200 });
		expect(result.believedDelivered).toBeGreaterThan(0);
		expect(result.storedOfBelieved).toBe(result.believedDelivered);
		expect(result.lost).toBe(0);
	}, 180_000);
});
