/**
 * The fieldchain command line. Each part registers its own commands; this file only wires them.
 */
import { Command, CommanderError } from "commander";
import { isFieldchainError } from "../platform/errors.js";
import { installRejectionPolicy } from "../platform/fatal.js";
import { restrictUmask } from "../platform/private-data.js";

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

/**
 * Each top-level command and the part that registers it, imported only when asked for: the gateway on
 * a handheld then never loads the billing service, the charts or the scheduling engine (a third of
 * its memory). Help, --version and an unknown command register them all.
 */
const PARTS: Record<string, () => Promise<(program: Command) => unknown>> = {
	start: async () => (await import("../demo/start.js")).registerStartCommand,
	gateway: async () => (await import("../gateway/cli.js")).registerGatewayCommands,
	device: async () => (await import("../firmware-host/cli.js")).registerDeviceCommands,
	firmware: async () => (await import("../firmware-host/firmware-cli.js")).registerFirmwareCommands,
	evidence: async () => (await import("../gateway/evidence/cli.js")).registerEvidenceCommands,
	cloud: async () => (await import("../cloud-bridge/billing/cli.js")).registerCloudCommands,
	schedule: async () => (await import("../scheduling/cli.js")).registerScheduleCommands,
	doctor: async () => (await import("../gateway/doctor/cli.js")).registerDoctorCommand,
};

/** The command word: the first argument that is not an option (only --version/--help come before it). */
function commandWord(argv: readonly string[]): string | undefined {
	return argv.slice(2).find((arg) => !arg.startsWith("-"));
}

async function registerCommands(): Promise<void> {
	const word = commandWord(process.argv);
	const wanted = word !== undefined && Object.hasOwn(PARTS, word) ? [PARTS[word]] : Object.values(PARTS);
	for (const load of wanted) (await load())(program);
}

registerCommands()
	.then(() => program.parseAsync(process.argv))
	.catch((error: unknown) => {
		if (error instanceof CommanderError) {
			// Commander already printed the message; --help and --version are not errors.
			process.exitCode = error.exitCode === 0 ? 0 : 2;
			return;
		}
		const code = isFieldchainError(error) ? `${error.code}: ` : "";
		process.stderr.write(`fieldchain: ${code}${error instanceof Error ? error.message : String(error)}\n`);
		process.exitCode = isFieldchainError(error, "FC_CONFIG_INVALID") ? 2 : 1;
	});
