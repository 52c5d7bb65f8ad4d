/**
 * `fieldchain doctor [--data-dir DIR] [--config FILE] [--json]`: what is wrong with this hub and
 * what to do about it. Reads only; safe beside a running gateway.
 */
import { resolve } from "node:path";
import type { Command } from "commander";
import { kernelSyncProbe } from "../clock/kernel-sync.js";
import { defaultGatewayConfig, loadGatewayConfig } from "../config.js";
import { systemWorld } from "./checks.js";
import { renderReport, runDoctor } from "./doctor.js";

export function registerDoctorCommand(program: Command): Command {
	return program
		.command("doctor")
		.description("Check this hub: clock synchronisation, disk space, serial permissions, TLS certificate expiry, uplink reachability; says what to do.")
		.option("--data-dir <dir>", "the gateway's data directory", process.env.FIELDCHAIN_DATA_DIR ?? ".fieldchain-data")
		.option("--config <file>", "the gateway's JSON configuration (the packaged service's: /etc/fieldchain/gateway.json)")
		.option("--json", "print the results as JSON")
		.action(async (options: { dataDir: string; config?: string; json?: boolean }) => {
			const config = options.config ? loadGatewayConfig(options.config) : defaultGatewayConfig();
			const results = await runDoctor({ ...systemWorld, kernelSync: kernelSyncProbe() }, config, resolve(options.dataDir));
			process.stdout.write(options.json ? `${JSON.stringify({ ok: results.every((r) => r.status !== "fail"), results }, null, 2)}\n` : renderReport(results));
			if (results.some((result) => result.status === "fail")) process.exitCode = 1;
		});
}
