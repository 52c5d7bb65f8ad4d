/**
 * Fast recovery (protocol/README.md, "Fast recovery", protocol minor 1): the host withholds one
 * reading (as if its frame was garbled), acks the readings around it with two duplicate acks that
 * carry selective ranges, and expects that reading again, flagged RESENT, well before the resend
 * timeout. A device that announces minor 0 predates the rule and is skipped, not failed.
 */
import { type Envelope, type Reading, ReadingFlag } from "../../protocol/codec.js";
import { type Check, expectThat, SkipCheck } from "./check.js";

const isResent = (r: Reading) => ((r.flags ?? 0) & ReadingFlag.READING_FLAG_RESENT) !== 0;

export const recoveryChecks: Check[] = [
	{
		id: "fast-retransmit",
		group: "readings",
		title: "re-sends a withheld reading after two duplicate acks, before the resend timeout",
		spec: "Session rules: Fast recovery",
		async run(context) {
			const { connection, hello } = await context.connect();
			try {
				const minor = hello.protocolMinor ?? 0;
				if (minor < 1) throw new SkipCheck(`the device speaks protocol 1.${minor}; fast retransmit and selective acks came with 1.1`);
				const bootId = hello.bootId;
				const started = await connection.request({ command: { startStreaming: {} } }, "commandResult", context.answerTimeoutMs);
				expectThat(started.commandResult!.status === 1, `StartStreaming answered status ${started.commandResult!.status}`);
				// The first reading sent for the first time is the one we "lose": any later copy is a re-send.
				const withheld = (await connection.waitFor((e) => e.body === "reading" && !isResent(e.reading!), 10_000, "a new reading")).reading!;
				const k = withheld.seq ?? 0;
				expectThat(k > 0, "a reading with seq 0");
				// Everything before it is stored; the device forgets its backlog and keeps k.
				connection.send({ ack: { upToSeq: k - 1, bootId } });
				const later = (await connection.waitFor((e) => e.body === "reading" && (e.reading!.seq ?? 0) > k, 10_000, `a reading after seq ${k}`)).reading!;
				const m = later.seq ?? 0;
				// Within half the resend timeout: a device waiting for its timer would need the whole of it.
				const boundMs = Math.max(200, Math.floor(context.resendTimeoutMs / 2));
				const seen: Envelope[] = [];
				const watch = (e: Envelope) => {
					if (e.body === "reading") seen.push(e);
				};
				connection.on("envelope", watch);
				try {
					const again = connection.waitFor((e) => e.body === "reading" && e.reading!.seq === k, boundMs, `reading ${k} again`);
					const dupAck = { ack: { upToSeq: k - 1, bootId, sack: [{ first: k + 1, last: m }] } };
					const sentAt = context.clock.monotonic();
					connection.send(dupAck);
					connection.send(dupAck);
					const copy = await again.catch(() => undefined);
					expectThat(
						copy,
						`after two duplicate acks (up_to_seq ${k - 1}, selective ${k + 1}..${m}) the device did not re-send reading ${k} within ${boundMs} ms: it waits for the resend timeout`,
					);
					expectThat(isResent(copy.reading!), `reading ${k} came again without READING_FLAG_RESENT`);
					context.log(`reading ${k} re-sent ${Math.round(context.clock.monotonic() - sentAt)} ms after the duplicate acks`);
					await context.sleep(200);
					const needless = seen.filter((e) => isResent(e.reading!) && (e.reading!.seq ?? 0) > k && (e.reading!.seq ?? 0) <= m);
					if (needless.length > 0) context.log(`also re-sent ${needless.length} readings the selective ack covered (allowed, but wasted line time)`);
				} finally {
					connection.off("envelope", watch);
				}
				await connection.request({ command: { stopStreaming: {} } }, "commandResult", context.answerTimeoutMs);
				const tail = await context.collect(connection, 300, (e) => e.body === "reading");
				const highest = Math.max(m, ...seen.map((e) => e.reading!.seq ?? 0), ...tail.map((e) => e.reading!.seq ?? 0));
				connection.send({ ack: { upToSeq: highest, bootId } });
				await context.sleep(100);
			} finally {
				await connection.close();
			}
		},
	},
];
