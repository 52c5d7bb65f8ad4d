/**
 * Runs the conformance checks in order and records what each did, for the report and JUnit XML.
 * The device is left as it was found: streaming when the suite starts means streaming after it
 * (the checks end with StopStreaming). A port that cannot be opened stops the suite at once, with
 * one error, instead of failing every check with the same message.
 */
import { ErrorCodes, isFieldchainError, toError } from "../../platform/errors.js";
import { type Check, type ConformanceContext, SkipCheck } from "./check.js";
import { firmwareChecks } from "./checks-firmware.js";
import { readingChecks } from "./checks-readings.js";
import { recoveryChecks } from "./checks-recovery.js";
import { robustnessChecks } from "./checks-robustness.js";
import { sessionChecks } from "./checks-session.js";

export const ALL_CHECKS: Check[] = [...sessionChecks, ...readingChecks, ...recoveryChecks, ...robustnessChecks, ...firmwareChecks];

export interface CheckResult {
	id: string;
	group: string;
	title: string;
	spec: string;
	status: "passed" | "failed" | "skipped";
	/** Why it failed or was skipped. */
	message?: string;
	notes: string[];
	durationMs: number;
}

export interface SuiteResult {
	device: string;
	startedAt: string;
	durationMs: number;
	results: CheckResult[];
	passed: number;
	failed: number;
	skipped: number;
	/** Whether the device streamed before the suite (undefined: it did not say), and so was made to stream again after it. */
	foundStreaming?: boolean;
	/** After a device found streaming: whether it took StartStreaming again. */
	streamingRestored?: boolean;
	/** Why the state before the suite could not be read, so nothing was restored. */
	foundStateError?: string;
}

export async function runConformance(
	context: Omit<ConformanceContext, "log">,
	options: { device: string; checks?: Check[]; onResult?: (result: CheckResult) => void },
): Promise<SuiteResult> {
	const startedAt = new Date(context.clock.now()).toISOString();
	const suiteStart = context.clock.monotonic();
	const results: CheckResult[] = [];
	let found: FoundState = {};
	for (const [index, check] of (options.checks ?? ALL_CHECKS).entries()) {
		const notes: string[] = [];
		const start = context.clock.monotonic();
		const base = { id: check.id, group: check.group, title: check.title, spec: check.spec, notes };
		let result: CheckResult;
		try {
			await check.run({ ...context, log: (line) => notes.push(line) });
			result = { ...base, status: "passed", durationMs: context.clock.monotonic() - start };
		} catch (error) {
			const e = toError(error);
			// Nothing can work on a port that does not open: say it once, not once per check.
			if (isFieldchainError(e, ErrorCodes.FC_SERIAL_OPEN)) throw e;
			result = { ...base, status: e instanceof SkipCheck ? "skipped" : "failed", message: e.message, durationMs: context.clock.monotonic() - start };
		}
		results.push(result);
		options.onResult?.(result);
		// The first check greets the device as a gateway does, which starts a device that streams on a
		// gateway's hello (as the simulator does): what it does now is what a gateway finds, to restore at the end.
		if (index === 0) found = await probeState(context);
	}
	const foundStreaming = found.streaming;
	// The checks also change the rate (SetRate 5/s): put back the rate found, then the streaming.
	const streamingRestored = found.streaming || found.rate !== undefined ? await restoreState(context, found) : undefined;
	const count = (status: CheckResult["status"]) => results.filter((r) => r.status === status).length;
	return {
		device: options.device,
		startedAt,
		durationMs: context.clock.monotonic() - suiteStart,
		results,
		passed: count("passed"),
		failed: count("failed"),
		skipped: count("skipped"),
		foundStreaming,
		streamingRestored,
		...(found.error ? { foundStateError: found.error } : {}),
	};
}

interface FoundState {
	streaming?: boolean;
	rate?: number;
	/** Why the device's state could not be read (so it is not restored). */
	error?: string;
}

/**
 * Asks the device, over a gateway's link, whether it streams and at what rate: what a gateway finds.
 * Not a maintenance link: the first check's greeting can be answered by a Hello the device sent
 * unprompted before it read our HostHello, and when that check closes the link at once the device
 * may never read it, so a device that streams on a gateway's hello would not have started, be found
 * idle and be left idle. The device reads this link's HostHello before the GetStatus behind it, so
 * the answer is the state after a gateway's hello. It re-sends its unacked readings on this link
 * (at most its window, none acked here), as it does for every gateway. A port just closed by the
 * check before may not reopen at once (its lock is still held), so the question is asked up to three
 * times; when no answer comes, `error` says why, for the report.
 */
async function probeState(context: Omit<ConformanceContext, "log">): Promise<FoundState> {
	let error = "";
	for (let attempt = 0; attempt < 3; attempt++) {
		if (attempt > 0) await context.sleep(300 * attempt);
		let session: Awaited<ReturnType<ConformanceContext["connect"]>>;
		try {
			session = await context.connect({ maintenance: false });
		} catch (failure) {
			error = toError(failure).message;
			continue;
		}
		try {
			const status = (await session.connection.request({ command: { getStatus: {} } }, "commandResult", context.answerTimeoutMs)).commandResult?.deviceStatus;
			return { streaming: status?.streaming ?? undefined, rate: status?.readingsPerSecond || undefined };
		} catch (failure) {
			error = toError(failure).message;
		} finally {
			await session.connection.close();
		}
	}
	return { error };
}

/** SetRate back to the rate found, then StartStreaming if it streamed: the checks' SetRate and last StopStreaming are undone. */
async function restoreState(context: Omit<ConformanceContext, "log">, found: FoundState): Promise<boolean | undefined> {
	try {
		const { connection } = await context.connect({ maintenance: true });
		try {
			if (found.rate !== undefined)
				await connection.request({ command: { setRate: { readingsPerSecond: found.rate } } }, "commandResult", context.answerTimeoutMs);
			if (!found.streaming) return undefined;
			const answer = await connection.request({ command: { startStreaming: {} } }, "commandResult", context.answerTimeoutMs);
			return answer.commandResult?.status === 1;
		} finally {
			await connection.close();
		}
	} catch {
		return found.streaming ? false : undefined;
	}
}
