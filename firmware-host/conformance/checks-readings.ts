/** Reading stream, acks and re-sending (protocol/README.md, "Readings and acknowledgements"). */
import { type Envelope, type Reading, ReadingFlag } from "../../protocol/codec.js";
import type { LinkCounters } from "../../protocol/link.js";
import type { DeviceConnection } from "../host/device-connection.js";
import { type Check, type ConformanceContext, expectThat } from "./check.js";

const readingsOf = (envelopes: Envelope[]): Reading[] => envelopes.filter((e) => e.body === "reading").map((e) => e.reading!);
const resent = (r: Reading) => ((r.flags ?? 0) & ReadingFlag.READING_FLAG_RESENT) !== 0;

async function ackAll(connection: DeviceConnection, upTo: number, bootId: Uint8Array | null | undefined): Promise<void> {
	connection.send({ ack: { upToSeq: upTo, bootId } });
}

/**
 * Collects readings for at least `minMs` and until `atLeast` arrived (or `maxMs` passed), so a
 * slow tool (one reading a second) is tested as fairly as a fast one.
 */
async function readingsFor(context: ConformanceContext, connection: DeviceConnection, atLeast: number, minMs: number, maxMs: number): Promise<Reading[]> {
	const out = readingsOf(await context.collect(connection, minMs));
	for (let waited = minMs; out.length < atLeast && waited < maxMs; waited += 250) out.push(...readingsOf(await context.collect(connection, 250)));
	return out;
}

/** A conforming device's frames all pass COBS, CRC and protobuf decoding. */
function expectClean(before: LinkCounters, after: LinkCounters): void {
	const dirty = (["badCrc", "badCobs", "oversized", "short", "undecodable"] as const)
		.filter((k) => after[k] > before[k])
		.map((k) => `${k} +${after[k] - before[k]}`);
	expectThat(dirty.length === 0, `the device sent damaged or undecodable frames: ${dirty.join(", ")} (resyncs +${after.resyncs - before.resyncs})`);
}

export const readingChecks: Check[] = [
	{
		id: "stream-and-acks",
		group: "readings",
		title: "streams numbered readings, clean frames, and forgets what is acked",
		spec: "Session rules: Readings and acknowledgements; Resynchronisation",
		async run(context) {
			const { connection, hello } = await context.connect();
			try {
				const before = { ...connection.link!.counters };
				const started = await connection.request({ command: { startStreaming: {} } }, "commandResult", context.answerTimeoutMs);
				expectThat(started.commandResult!.status === 1, `StartStreaming answered status ${started.commandResult!.status}`);
				const first = await readingsFor(context, connection, 3, 1500, 10_000);
				expectThat(first.length > 0, "no readings within 10 s of StartStreaming");
				expectClean(before, connection.link!.counters);
				const fresh = first.filter((r) => !resent(r));
				const seqs = [...new Set(fresh.map((r) => r.seq ?? 0))].sort((a, b) => a - b);
				for (let i = 1; i < seqs.length; i++) expectThat(seqs[i] === seqs[i - 1] + 1, `reading seq jumps from ${seqs[i - 1]} to ${seqs[i]}`);
				const quantities = new Set((hello.capabilities ?? []).map((c) => c.quantity));
				for (const r of first) expectThat(quantities.has(r.quantity), `reading of "${r.quantity}", which the Hello does not list`);
				const acked = Math.max(...first.map((r) => r.seq ?? 0));
				await ackAll(connection, acked, hello.bootId);
				// Anything acked that arrives after the resend timeout plus a margin is a protocol violation.
				// A re-send (a tail-loss probe, protocol/README.md "Fast recovery") may cross our ack on the
				// line, and a loaded host or device may take a moment to read it: only what comes after that
				// grace counts. A device that never forgets acked readings re-sends them every timeout, so
				// the window below still catches it.
				await context.sleep(Math.min(1000, context.resendTimeoutMs));
				const later = readingsOf(await context.collect(connection, context.resendTimeoutMs + 1000));
				const again = later.filter((r) => (r.seq ?? 0) <= acked);
				expectThat(
					again.length === 0,
					`the device re-sent ${again.length} readings it had been acked for (seq ${again
						.slice(0, 5)
						.map((r) => r.seq)
						.join(", ")}${again.length > 5 ? ", ..." : ""} <= ${acked})`,
				);
				expectClean(before, connection.link!.counters);
				await connection.request({ command: { stopStreaming: {} } }, "commandResult", context.answerTimeoutMs);
				const tail = readingsOf(await context.collect(connection, 300));
				await ackAll(connection, Math.max(acked, ...later.map((r) => r.seq ?? 0), ...tail.map((r) => r.seq ?? 0)), hello.bootId);
				await context.sleep(100);
			} finally {
				await connection.close();
			}
		},
	},
	{
		id: "resend-after-reconnect",
		group: "readings",
		title: "re-sends every unacked reading, flagged RESENT, on a new link",
		spec: "Session rules: Readings and acknowledgements (Re-sending)",
		async run(context) {
			const first = await context.connect();
			let unacked: number[];
			try {
				await first.connection.request({ command: { startStreaming: {} } }, "commandResult", context.answerTimeoutMs);
				const taken = await readingsFor(context, first.connection, 3, 300, 10_000);
				await first.connection.request({ command: { stopStreaming: {} } }, "commandResult", context.answerTimeoutMs);
				const tail = readingsOf(await context.collect(first.connection, 200));
				unacked = [...new Set([...taken, ...tail].map((r) => r.seq ?? 0))].sort((a, b) => a - b);
				expectThat(unacked.length > 0, "no readings to leave unacked");
			} finally {
				await first.connection.close();
			}
			const second = await context.connect();
			try {
				const got = readingsOf([...second.received, ...(await context.collect(second.connection, Math.min(context.resendTimeoutMs, 800)))]);
				const seen = new Set(got.filter(resent).map((r) => r.seq ?? 0));
				const missing = unacked.filter((seq) => !seen.has(seq));
				expectThat(
					missing.length === 0,
					`after reconnecting, ${missing.length} of ${unacked.length} unacked readings were not re-sent with RESENT (seq ${missing.slice(0, 5).join(", ")})`,
				);
				await ackAll(second.connection, Math.max(...unacked, ...got.map((r) => r.seq ?? 0)), second.hello.bootId);
				await context.sleep(100);
			} finally {
				await second.connection.close();
			}
		},
	},
];
