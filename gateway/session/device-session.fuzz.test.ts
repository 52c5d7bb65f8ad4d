/**
 * Fuzz (fast-check, seeded, bounded in runs and time): random envelopes, and random bytes, through
 * a real DeviceSession on an in-memory link. The session never throws, the state a device can
 * grow stays under its bounds, and well-formed readings interleaved with the noise are still
 * stored and acked.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../platform/clock.js";
import { silentLogger } from "../../platform/logger.js";
import { type EnvelopeInit, ProtocolErrorCode } from "../../protocol/codec.js";
import { createMemoryLinkPair, type MemoryLink } from "../../protocol/transport/memory-link.js";
import { MAX_GAP_RUNS } from "../ingest/boot-watermark.js";
import { GroupCommitter, MAX_TRACKED_BOOTS } from "../ingest/group-committer.js";
import { MemoryReadingStore } from "../store/memory-reading-store.js";
import { DeviceRegistry } from "./device-registry.js";
import { DeviceSession } from "./device-session.js";
import { MAX_REMEMBERED_DEVICES } from "./limits.js";

const SEED = 1414;
const settle = () => new Promise((resolve) => setImmediate(resolve));

let links: MemoryLink[] = [];
afterEach(async () => {
	for (const link of links) await link.close();
	links = [];
});

type Step = { kind: "envelope"; envelope: Omit<EnvelopeInit, "seq"> } | { kind: "raw"; bytes: Uint8Array } | { kind: "time"; ms: number };

const text = fc.string({ maxLength: 80 });
const smallIds = fc.constantFrom("dev-a", "dev-b", "dev-c");

/** Any message a device could send (or that only a gateway should), with odd values. */
const anyBody = (options: { withHello: boolean; readingSeq: fc.Arbitrary<number>; errorCodes: fc.Arbitrary<number> }) => {
	const bodies: fc.Arbitrary<Omit<EnvelopeInit, "seq">>[] = [
		fc.record({
			reading: fc.record({
				seq: options.readingSeq,
				deviceTimeUs: fc.integer({ min: 0, max: 2 ** 40 }),
				quantity: text,
				value: fc.double(),
				unit: text,
				flags: fc.nat(),
				channel: text,
			}),
		}),
		fc.record({ heartbeat: fc.record({ unackedReadings: fc.nat(), uptimeMs: fc.nat() }) }),
		fc.record({ event: fc.record({ kind: fc.integer({ min: 0, max: 12 }), detail: text }) }),
		fc.record({ commandResult: fc.record({ commandSeq: fc.nat(), status: fc.integer({ min: 0, max: 6 }), message: text }) }),
		fc.record({ error: fc.record({ code: options.errorCodes, message: text, relatedSeq: fc.nat() }) }),
		fc.record({ ack: fc.record({ upToSeq: fc.nat(), bootId: fc.uint8Array({ maxLength: 20 }) }) }),
		fc.record({ hostHello: fc.record({ gatewayId: text, protocolMajor: fc.integer({ min: 0, max: 3 }) }) }),
		fc.record({ command: fc.record({ getStatus: fc.constant({}) }) }),
	];
	if (options.withHello) {
		bodies.push(
			fc.record({
				hello: fc.record({
					deviceId: fc.oneof(smallIds, text),
					model: text,
					protocolMajor: fc.oneof(fc.constant(1), fc.integer({ min: 0, max: 3 })),
					bootId: fc.uint8Array({ maxLength: 70 }),
					maxPayload: fc.nat(),
				}),
			}),
		);
	}
	return fc.oneof(...bodies);
};

const steps = (body: fc.Arbitrary<Omit<EnvelopeInit, "seq">>) =>
	fc.array(
		fc.oneof(
			{ weight: 8, arbitrary: body.map((envelope): Step => ({ kind: "envelope", envelope })) },
			{ weight: 2, arbitrary: fc.uint8Array({ maxLength: 120 }).map((bytes): Step => ({ kind: "raw", bytes })) },
			{ weight: 1, arbitrary: fc.integer({ min: 0, max: 40_000 }).map((ms): Step => ({ kind: "time", ms })) },
		),
		{ maxLength: 250 },
	);

function rig() {
	const store = new MemoryReadingStore();
	const committer = new GroupCommitter({ store });
	const clock = new ManualClock();
	const registry = new DeviceRegistry(silentLogger(), () => clock.now());
	const [device, host] = createMemoryLinkPair(["device", "host"]);
	links.push(device);
	const session = new DeviceSession(host, { gatewayId: "gw", store, committer, clock, logger: silentLogger(), helloTimeoutMs: 1000 });
	registry.track(session);
	const acks: number[] = [];
	device.on("envelope", (envelope) => {
		if (envelope.body === "ack") acks.push(envelope.ack?.upToSeq ?? 0);
	});
	session.start();
	let seq = 0;
	const play = async (step: Step) => {
		if (step.kind === "time") clock.advance(step.ms);
		else if (step.kind === "raw") await device.sendRaw(step.bytes).catch(() => {});
		else await device.send({ ...step.envelope, seq: ++seq }).catch(() => {});
	};
	return { store, committer, clock, registry, device, session, acks, play };
}

type Rig = ReturnType<typeof rig>;

function expectBounded(r: Rig): void {
	expect(["awaiting-hello", "ready", "refused", "closed"]).toContain(r.session.state);
	expect(r.committer.trackedBoots).toBeLessThanOrEqual(MAX_TRACKED_BOOTS);
	expect(r.registry.size).toBeLessThanOrEqual(MAX_REMEMBERED_DEVICES);
	const identity = r.session.identity;
	if (identity) expect(r.committer.watermark(identity.deviceId, identity.bootId).gapRuns).toBeLessThanOrEqual(MAX_GAP_RUNS);
	for (const value of Object.values(r.session.counters)) expect(Number.isFinite(value)).toBe(true);
}

describe("DeviceSession under random envelopes", () => {
	it("never throws and keeps its state bounded, whatever a device sends", async () => {
		const heapBefore = process.memoryUsage().heapUsed;
		await fc.assert(
			fc.asyncProperty(steps(anyBody({ withHello: true, readingSeq: fc.nat(), errorCodes: fc.integer({ min: 0, max: 9 }) })), async (plan) => {
				const r = rig();
				for (const step of plan) await r.play(step);
				await settle();
				await settle();
				expectBounded(r);
				await r.device.close();
			}),
			{ seed: SEED, numRuns: 150, interruptAfterTimeLimit: 20_000 },
		);
		// Generous: the runs' garbage may not be collected yet; unbounded growth would be far above it.
		expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(512 * 1024 * 1024);
	});

	it("stores and acks well-formed readings interleaved with noise", async () => {
		const noise = anyBody({
			withHello: false,
			// Far above the device's own readings, or the never-valid 0: noise never takes a good seq.
			readingSeq: fc.oneof(fc.constant(0), fc.integer({ min: 1_000_000, max: 2 ** 32 - 1 })),
			// CODE_PROTOCOL_VERSION ends the session's use (by design); every other report is noise.
			errorCodes: fc.integer({ min: 0, max: 9 }).filter((code) => code !== ProtocolErrorCode.CODE_PROTOCOL_VERSION),
		});
		await fc.assert(
			fc.asyncProperty(steps(noise), fc.integer({ min: 1, max: 60 }), async (plan, count) => {
				const r = rig();
				const bootId = Buffer.alloc(16, 3);
				await r.play({ kind: "envelope", envelope: { hello: { deviceId: "good", model: "M", protocolMajor: 1, bootId } } });
				const every = Math.max(1, Math.floor(plan.length / count));
				let next = 1;
				for (let i = 0; i < plan.length || next <= count; i++) {
					if (i < plan.length) await r.play(plan[i]);
					if (i % every === 0 && next <= count) {
						await r.play({ kind: "envelope", envelope: { reading: { seq: next, deviceTimeUs: next, quantity: "voltage", value: next, unit: "V" } } });
						next++;
					}
				}
				await settle();
				await settle();
				expectBounded(r);
				expect(r.session.state).toBe("ready");
				const stored = r.store.listReadings("good", { bootId: bootId.toString("hex"), limit: 100 }).filter((row) => row.seq <= count);
				expect(stored.map((row) => [row.seq, row.value])).toEqual(Array.from({ length: count }, (_, i) => [i + 1, i + 1]));
				expect(Math.max(...r.acks)).toBe(count);
				await r.device.close();
			}),
			{ seed: SEED, numRuns: 100, interruptAfterTimeLimit: 20_000 },
		);
	});
});
