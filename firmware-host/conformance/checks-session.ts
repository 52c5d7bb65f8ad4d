/** Handshake, version refusal and limits (protocol/README.md, "Session rules", "Payload limits"). */
import { randomBytes } from "node:crypto";
import { type Envelope, ProtocolErrorCode } from "../../protocol/codec.js";
import { encodeFrame } from "../../protocol/framing/frame.js";
import { isValidDeviceId } from "../../protocol/topics.js";
import { type Check, expectThat } from "./check.js";

export const sessionChecks: Check[] = [
	{
		id: "handshake",
		group: "session",
		title: "answers HostHello with a valid Hello",
		spec: "Session rules: Link start and hello exchange",
		async run(context) {
			const { connection, hello } = await context.connect();
			try {
				expectThat(isValidDeviceId(hello.deviceId ?? ""), `device_id "${hello.deviceId}" does not match ^[A-Za-z0-9._-]{1,64}$`);
				expectThat(hello.protocolMajor === 1, `protocol_major is ${hello.protocolMajor}, expected 1`);
				const boot = hello.bootId?.length ?? 0;
				expectThat(boot >= 1 && boot <= 64, `boot_id has ${boot} bytes (1 to 64 allowed)`);
				expectThat((hello.capabilities?.length ?? 0) > 0, "Hello lists no capabilities");
				for (const c of hello.capabilities ?? []) expectThat(c.quantity && c.unit, `a capability lacks quantity or unit: ${JSON.stringify(c)}`);
				context.log(`device ${hello.deviceId}, ${hello.model} rev ${hello.hardwareRevision}, firmware ${hello.firmwareVersion}`);
			} finally {
				await connection.close();
			}
		},
	},
	{
		id: "version-refusal",
		group: "session",
		title: "refuses protocol major 2 with CODE_PROTOCOL_VERSION and sends nothing else",
		spec: "Session rules: Version check",
		async run(context) {
			const { connection } = await context.connect();
			try {
				const isRefusal = (e: Envelope) => e.body === "error" && e.error!.code === ProtocolErrorCode.CODE_PROTOCOL_VERSION;
				const refusal = connection.waitFor(isRefusal, context.answerTimeoutMs, "Error CODE_PROTOCOL_VERSION");
				// In arrival order: the greeting above (a gateway's, major 1) rightly makes the device re-send
				// its whole unacked backlog (after a monitor session, hundreds of readings), and those already
				// on the line when our major-2 HostHello arrived come in before its refusal. Only what follows
				// the refusal was sent on a refused link.
				const seen = context.collect(connection, context.answerTimeoutMs + 500, (e) => e.body === "reading" || isRefusal(e));
				await connection.greet(2).catch(() => undefined);
				const error = await refusal;
				expectThat((error.error!.message ?? "").length > 0, "the version error carries no message");
				const envelopes = await seen;
				const refusedAt = envelopes.findIndex(isRefusal);
				const before = envelopes.slice(0, refusedAt).filter((e) => e.body === "reading").length;
				const readings = envelopes.slice(refusedAt + 1).filter((e) => e.body === "reading");
				if (before > 0) context.log(`${before} readings sent before the refusal were still arriving (the backlog re-sent on the greeting)`);
				expectThat(
					readings.length === 0,
					`the device sent ${readings.length} readings on a refused link, after its CODE_PROTOCOL_VERSION error (seq ${readings
						.slice(0, 5)
						.map((e) => e.reading!.seq)
						.join(", ")}${readings.length > 5 ? ", ..." : ""})`,
				);
			} finally {
				await connection.close();
			}
		},
	},
	{
		id: "limits",
		group: "session",
		title: "advertises sane max_payload and window, drops an oversized frame and keeps answering",
		spec: "Serial framing: Payload limits; Resynchronisation",
		async run(context) {
			const { connection, hello } = await context.connect({ maintenance: true });
			try {
				const maxPayload = hello.maxPayload || 1024;
				expectThat(maxPayload >= 64 && maxPayload <= 16384, `max_payload ${hello.maxPayload} is outside 64..16384`);
				expectThat((hello.window ?? 0) <= 64, `window ${hello.window} is implausibly large`);
				// A valid frame just above the device's limit: it must be dropped without losing sync.
				await connection.sendRaw(encodeFrame(randomBytes(maxPayload + 16), 1 << 20));
				const result = await connection.request({ command: { getStatus: {} } }, "commandResult", context.answerTimeoutMs);
				expectThat(result.commandResult!.status === 1, `GetStatus after an oversized frame answered status ${result.commandResult!.status}`);
				const counters = connection.link!.counters;
				expectThat(counters.oversized === 0, `the device sent ${counters.oversized} frames above our max_payload of 16384`);
			} finally {
				await connection.close();
			}
		},
	},
];
