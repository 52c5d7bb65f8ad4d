/**
 * Runs every doctor check and renders the report. Exit status: 0 when nothing failed (warnings
 * included), 1 when a check failed (README "Exit codes").
 */
import type { GatewayConfig } from "../config.js";
import { type CheckResult, checkClock, checkDisk, checkSerial, checkTls, checkUplink, type DoctorWorld } from "./checks.js";

export async function runDoctor(world: DoctorWorld, config: GatewayConfig, dataDir: string): Promise<CheckResult[]> {
	return [await checkClock(world), checkDisk(world, dataDir), ...checkSerial(world, config), ...checkTls(world, config), await checkUplink(world, config)];
}

const MARK = { ok: "ok  ", warn: "WARN", fail: "FAIL" } as const;

export function renderReport(results: readonly CheckResult[]): string {
	const lines = results.map(
		(result) => `${MARK[result.status]} ${result.check.padEnd(6)} ${result.detail}${result.advice ? `\n            → ${result.advice}` : ""}`,
	);
	const failed = results.filter((result) => result.status === "fail").length;
	const warned = results.filter((result) => result.status === "warn").length;
	lines.push(failed ? `${failed} failed, ${warned} warnings` : warned ? `no failures, ${warned} warnings` : "all checks passed");
	return `${lines.join("\n")}\n`;
}
