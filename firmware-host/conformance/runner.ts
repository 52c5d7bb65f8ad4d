/** Runs the conformance checks in order and records what each did, for the report and JUnit XML. */
import { toError } from "../../platform/errors.js";
import { type Check, type ConformanceContext, SkipCheck } from "./check.js";
import { firmwareChecks } from "./checks-firmware.js";
import { readingChecks } from "./checks-readings.js";
import { robustnessChecks } from "./checks-robustness.js";
import { sessionChecks } from "./checks-session.js";

export const ALL_CHECKS: Check[] = [...sessionChecks, ...readingChecks, ...robustnessChecks, ...firmwareChecks];

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
}

export async function runConformance(
	context: Omit<ConformanceContext, "log">,
	options: { device: string; checks?: Check[]; onResult?: (result: CheckResult) => void },
): Promise<SuiteResult> {
	const startedAt = new Date(context.clock.now()).toISOString();
	const suiteStart = context.clock.monotonic();
	const results: CheckResult[] = [];
	for (const check of options.checks ?? ALL_CHECKS) {
		const notes: string[] = [];
		const start = context.clock.monotonic();
		const base = { id: check.id, group: check.group, title: check.title, spec: check.spec, notes };
		let result: CheckResult;
		try {
			await check.run({ ...context, log: (line) => notes.push(line) });
			result = { ...base, status: "passed", durationMs: context.clock.monotonic() - start };
		} catch (error) {
			const e = toError(error);
			result = { ...base, status: e instanceof SkipCheck ? "skipped" : "failed", message: e.message, durationMs: context.clock.monotonic() - start };
		}
		results.push(result);
		options.onResult?.(result);
	}
	const count = (status: CheckResult["status"]) => results.filter((r) => r.status === status).length;
	return {
		device: options.device,
		startedAt,
		durationMs: context.clock.monotonic() - suiteStart,
		results,
		passed: count("passed"),
		failed: count("failed"),
		skipped: count("skipped"),
	};
}
