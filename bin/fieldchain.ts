/**
 * The fieldchain command line. Each part registers its own commands; this file only wires them.
 */
import { Command, CommanderError } from "commander";
import { registerCloudCommands } from "../cloud-bridge/billing/cli.js";
import { registerStartCommand } from "../demo/start.js";
import { registerDeviceCommands } from "../firmware-host/cli.js";
import { registerFirmwareCommands } from "../firmware-host/firmware-cli.js";
import { registerGatewayCommands } from "../gateway/cli.js";
import { registerDoctorCommand } from "../gateway/doctor/cli.js";
import { registerEvidenceCommands } from "../gateway/evidence/cli.js";
import { isFieldchainError } from "../platform/errors.js";
import { installRejectionPolicy } from "../platform/fatal.js";
import { restrictUmask } from "../platform/private-data.js";
import { registerScheduleCommands } from "../scheduling/cli.js";

const program = new Command()
	.name("fieldchain")
	.description("Turn a plugged-in diagnostic tool into billable, auditable evidence.")
	.version(process.env.FIELDCHAIN_VERSION ?? "0.0.0")
	// `fieldchain --version` only before a subcommand, so `firmware sign --version 1.2.3` is the image version.
	.enablePositionalOptions()
	.showHelpAfterError()
	// Usage errors (a missing or bad option, an unknown command) throw instead of exiting 1, so they
	// exit 2 like every other bad option (README, "Command line": one exit code table). Subcommands inherit this.
	.exitOverride();

// A rejection nobody handled: logged with its stack, services stopped, exit 70 (platform/fatal.ts).
installRejectionPolicy();

/** Commands that keep customer data: everything they create is private to this OS user (0700 / 0600). */
const SERVICES = new Set(["start", "gateway", "cloud serve", "cloud token create", "cloud enrollment create"]);
program.hook("preAction", (_program, action) => {
	const names: string[] = [];
	for (let command: Command | null = action; command && command !== program; command = command.parent) names.unshift(command.name());
	if (SERVICES.has(names.join(" "))) restrictUmask();
});

registerStartCommand(program);
registerGatewayCommands(program);
registerDeviceCommands(program);
registerFirmwareCommands(program);
registerEvidenceCommands(program);
registerCloudCommands(program);
registerScheduleCommands(program);
registerDoctorCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
	if (error instanceof CommanderError) {
		// Commander already printed the message; --help and --version are not errors.
		process.exitCode = error.exitCode === 0 ? 0 : 2;
		return;
	}
	const code = isFieldchainError(error) ? `${error.code}: ` : "";
	process.stderr.write(`fieldchain: ${code}${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = isFieldchainError(error, "FC_CONFIG_INVALID") ? 2 : 1;
});
