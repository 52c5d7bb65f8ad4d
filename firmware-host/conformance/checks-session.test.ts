/**
 * The version-refusal check judges what a device sends after its refusal, not the backlog it was
 * re-sending when the refusal came (issue: "sent 299 readings on a refused link" after a
 * monitor session). A scripted device on a memory link plays both cases.
 */
import { describe, expect, it } from "vitest";
import { systemClock } from "../../platform/clock.js";
import { type Envelope, type EnvelopeInit, ProtocolErrorCode } from "../../protocol/codec.js";
import { createMemoryLinkPair, type MemoryLink } from "../../protocol/transport/memory-link.js";
import { DeviceConnection } from "../host/device-connection.js";
import type { ConformanceContext } from "./check.js";
import { sessionChecks } from "./checks-session.js";

const versionRefusal = sessionChecks.find((c) => c.id === "version-refusal")!;
const BOOT = Buffer.alloc(16, 3);

/** A device that answers HostHello; on major 1 it re-sends a backlog, on major 2 it refuses (and may misbehave after). */
function scriptedDevice(link: MemoryLink, options: { backlog: number; readingsAfterRefusal: number }): void {
	let seq = 0;
	const send = (body: Omit<EnvelopeInit, "seq">) => link.send({ ...body, seq: ++seq }).catch(() => {});
	const reading = (n: number) => send({ reading: { seq: n, quantity: "voltage", value: 1, unit: "V", flags: 16 } });
	link.on("envelope", (e: Envelope) => {
		if (e.body !== "hostHello") return;
		send({ hello: { deviceId: "scripted", protocolMajor: 1, protocolMinor: 1, bootId: BOOT, capabilities: [{ quantity: "voltage", unit: "V" }] } });
		if (e.hostHello!.protocolMajor === 1) {
			// The backlog goes out in bursts, as a pump does: still arriving when the next greeting comes.
			for (let n = 1; n <= options.backlog; n++) setTimeout(() => reading(n), Math.floor(n / 50));
			return;
		}
		setTimeout(() => {
			send({ error: { code: ProtocolErrorCode.CODE_PROTOCOL_VERSION, message: "I speak 1.1", relatedSeq: e.seq } });
			for (let n = 1; n <= options.readingsAfterRefusal; n++) reading(1000 + n);
		}, 20);
	});
}

async function runCheck(options: { backlog: number; readingsAfterRefusal: number }): Promise<{ error?: Error; notes: string[] }> {
	const notes: string[] = [];
	const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
	const context: ConformanceContext = {
		image: undefined,
		clock: systemClock,
		answerTimeoutMs: 500,
		resendTimeoutMs: 1000,
		log: (line) => notes.push(line),
		sleep,
		async connect() {
			const [device, host] = createMemoryLinkPair();
			scriptedDevice(device, options);
			const connection = new DeviceConnection({ open: async () => host, maintenance: false });
			const received: Envelope[] = [];
			connection.on("envelope", (e) => received.push(e));
			const hello = await connection.connect();
			return { connection, hello, received };
		},
		collect(connection, ms, match = () => true) {
			const seen: Envelope[] = [];
			const listener = (e: Envelope) => {
				if (match(e)) seen.push(e);
			};
			connection.on("envelope", listener);
			return sleep(ms).then(() => {
				connection.off("envelope", listener);
				return seen;
			});
		},
	};
	try {
		await versionRefusal.run(context);
		return { notes };
	} catch (error) {
		return { error: error as Error, notes };
	}
}

describe("conformance check version-refusal", () => {
	it("passes a device still re-sending its backlog when the refusal comes, and notes it", async () => {
		const { error, notes } = await runCheck({ backlog: 300, readingsAfterRefusal: 0 });
		expect(error).toBeUndefined();
		expect(notes.join("\n")).toMatch(/\d+ readings sent before the refusal were still arriving/);
	});

	it("fails a device that sends readings after refusing the link", async () => {
		const { error } = await runCheck({ backlog: 0, readingsAfterRefusal: 3 });
		expect(error?.message).toMatch(/the device sent 3 readings on a refused link, after its CODE_PROTOCOL_VERSION error \(seq 1001, 1002, 1003\)/);
	});
});
