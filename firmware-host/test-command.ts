/**
 * `fieldchain device test --serial PATH [--junit FILE] [--json] [--image FILE]`: the conformance
 * suite against real hardware or the simulator, a readable report, and JUnit XML for CI.
 * It acknowledges the readings it receives without storing them: run it at the bench, not on a
 * tool whose readings matter.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { systemClock } from "../platform/clock.js";
import { isFieldchainError, toError } from "../platform/errors.js";
import type { Envelope } from "../protocol/codec.js";
import type { ConformanceContext } from "./conformance/check.js";
import { toJUnitXml } from "./conformance/junit.js";
import { type CheckResult, runConformance } from "./conformance/runner.js";
import { DeviceConnection } from "./host/device-connection.js";
import { openDeviceLink } from "./host/open-device-link.js";
import { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from "./simulate-command.js";

export interface TestCommandOptions {
	serial: string;
	junit?: string;
	json?: boolean;
	image?: string;
	resendTimeout?: number;
	baudRate?: number;
}

export async function testCommand(options: TestCommandOptions, io: CliIo): Promise<number> {
	let image: Buffer | undefined;
	try {
		image = options.image ? readFileSync(options.image) : undefined;
	} catch (error) {
		io.stderr(`error: cannot read --image ${options.image}: ${toError(error).message}`);
		return EXIT_USAGE;
	}
	const clock = systemClock;
	const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
	const context: Omit<ConformanceContext, "log"> = {
		image,
		clock,
		answerTimeoutMs: 2000,
		resendTimeoutMs: options.resendTimeout ?? 1000,
		sleep,
		async connect(connectOptions = {}) {
			const open = () => openDeviceLink(options.serial, { baudRate: options.baudRate, maxPayload: 16384 });
			const connection = new DeviceConnection({
				open: () => openWithRetry(open, sleep),
				maintenance: connectOptions.maintenance ?? false,
				gatewayId: "fieldchain-conformance",
			});
			const received: Envelope[] = [];
			connection.on("envelope", (envelope) => received.push(envelope));
			const hello = await connection.connect();
			return { connection, hello, received };
		},
		collect(connection, ms, match = () => true) {
			const seen: Envelope[] = [];
			const listener = (envelope: Envelope) => {
				if (match(envelope)) seen.push(envelope);
			};
			connection.on("envelope", listener);
			return sleep(ms).then(() => {
				connection.off("envelope", listener);
				return seen;
			});
		},
	};
	const print = (result: CheckResult) => {
		if (options.json) return;
		const mark = { passed: "PASS", failed: "FAIL", skipped: "SKIP" }[result.status];
		io.stdout(`${mark}  ${result.id.padEnd(24)} ${result.title} (${(result.durationMs / 1000).toFixed(1)} s)`);
		if (result.message) io.stdout(`      ${result.status === "failed" ? "why: " : ""}${result.message}`);
		if (result.status === "failed") io.stdout(`      spec: protocol/README.md, ${result.spec}`);
		for (const note of result.notes) io.stdout(`      note: ${note}`);
	};
	if (!options.json) io.stdout(`conformance test of the device on ${options.serial} (protocol v1)`);
	let suite: Awaited<ReturnType<typeof runConformance>>;
	try {
		suite = await runConformance(context, { device: options.serial, onResult: print });
	} catch (error) {
		// The port cannot be opened: said once, not once per check. A path that does not exist is a bad option.
		const e = toError(error);
		io.stderr(`error${isFieldchainError(e) ? ` ${e.code}` : ""}: ${e.message}`);
		return existsSync(options.serial) ? EXIT_FAILURE : EXIT_USAGE;
	}
	if (!options.json && suite.foundStreaming) {
		io.stdout(
			suite.streamingRestored
				? "the device streamed before the test and streams again (StartStreaming sent)"
				: "WARNING: the device streamed before the test but did not take StartStreaming after it; send it StartStreaming or reset it",
		);
	}
	if (!options.json && suite.foundStateError) {
		io.stdout(
			`WARNING: could not read whether the device streamed before the test (${suite.foundStateError}); it is left as the last check left it: send it StartStreaming if it should stream`,
		);
	}
	if (options.junit) {
		try {
			writeFileSync(options.junit, toJUnitXml(suite));
		} catch (error) {
			io.stderr(`error: cannot write --junit ${options.junit}: ${toError(error).message}`);
			return EXIT_FAILURE;
		}
	}
	if (options.json) io.stdout(JSON.stringify(suite, null, 2));
	else {
		io.stdout(
			`${suite.failed === 0 ? "CONFORMS" : "DOES NOT CONFORM"}: ${suite.passed} passed, ${suite.failed} failed, ${suite.skipped} skipped in ${(suite.durationMs / 1000).toFixed(1)} s${options.junit ? `; JUnit XML in ${options.junit}` : ""}`,
		);
	}
	return suite.failed === 0 ? EXIT_OK : EXIT_FAILURE;
}

/** The port of the previous check may still be closing (its lock not yet released): try again briefly. */
async function openWithRetry<T>(open: () => Promise<T>, sleep: (ms: number) => Promise<void>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await open();
		} catch (error) {
			if (attempt >= 20 || !isFieldchainError(error, "FC_SERIAL_OPEN") || !/lock|busy|temporarily/i.test(error.message)) throw error;
			await sleep(100);
		}
	}
}
