/** One conformance check: a name, the spec section it tests, and a function that throws on failure. */
import type { Clock } from "../../platform/clock.js";
import type { Envelope, Hello } from "../../protocol/codec.js";
import type { DeviceConnection } from "../host/device-connection.js";

export interface ConformanceContext {
	/** Fresh maintenance or gateway-like connection to the device under test. */
	/** `received` records every Envelope from the moment the link opened, Hello included. */
	connect(options?: { maintenance?: boolean }): Promise<{ connection: DeviceConnection; hello: Hello; received: Envelope[] }>;
	/** The signed image for the firmware checks; undefined skips them. */
	image: Buffer | undefined;
	clock: Clock;
	/** Milliseconds to wait for an answer the spec says is "normally within 1 s". */
	answerTimeoutMs: number;
	/** The device's resend timeout (spec: recommended 1 s on serial). */
	resendTimeoutMs: number;
	/** Readings seen so far per boot, so later checks can ack what earlier ones left. */
	log(line: string): void;
	sleep(ms: number): Promise<void>;
	/** Collects envelopes from a connection for `ms`. */
	collect(connection: DeviceConnection, ms: number, match?: (envelope: Envelope) => boolean): Promise<Envelope[]>;
}

export interface Check {
	id: string;
	/** Group in the report and the JUnit testsuite. */
	group: string;
	title: string;
	/** protocol/README.md section. */
	spec: string;
	run(context: ConformanceContext): Promise<void>;
}

/** Thrown by a check that cannot run (e.g. no image given); reported as skipped, not failed. */
export class SkipCheck extends Error {}

export class CheckFailure extends Error {}

export function expectThat(condition: unknown, message: string): asserts condition {
	if (!condition) throw new CheckFailure(message);
}
