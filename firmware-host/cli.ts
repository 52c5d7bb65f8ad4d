/**
 * The `device` commands of the fieldchain CLI. `device` is a parent command so other modules
 * can hang `device list`, `device monitor` or `device flash` on the same node.
 */
import { type Command, Option } from "commander";
import { collect, integer, number } from "./cli-parsers.js";
import { registerFirmwareHostCommands } from "./device-commands.js";
import { type CliIo, EXIT_USAGE, processIo, type SimulateOptions, simulate } from "./simulate-command.js";
import { MAX_RATE } from "./simulator/options.js";
import { QUANTITIES } from "./simulator/quantities.js";
import { registerSmpCommands } from "./smp/smp-cli.js";

/** The program's `device` command, created on first use so registration order does not matter. */
export function deviceCommand(program: Command): Command {
	return program.commands.find((command) => command.name() === "device") ?? program.command("device").description("Diagnostic devices speaking protocol v1.");
}

/** Adds `device simulate` and returns the `device` command. */
export function registerDeviceCommands(program: Command, io: CliIo = processIo()): Command {
	const device = deviceCommand(program);
	device
		.command("simulate")
		.description("Run a virtual diagnostic tool (protocol v1, device side) on a serial port or an MQTT broker.")
		.addOption(new Option("--serial <path>", "serial port or pty to speak on, e.g. /dev/ttyUSB0").conflicts("mqtt"))
		.addOption(new Option("--mqtt <url>", "MQTT broker URL, e.g. mqtt://localhost:1883").conflicts("serial"))
		.requiredOption("--id <id>", "device id (letters, digits, . _ -; also the MQTT username)")
		.option("--password <password>", "MQTT password; prefer env FIELDCHAIN_DEVICE_PASSWORD, which other users cannot see in ps")
		.option("--rate <n>", `readings per second (above 0, at most ${MAX_RATE})`, number("--rate"), 10)
		.option("--count <n>", "stop after N readings and exit 0 once all are acked (default: run until Ctrl-C)", integer("--count"))
		.addOption(new Option("--quantity <q>", "what the tool measures").choices(QUANTITIES).default("resistance"))
		.option("--garbage <fraction>", "fraction of reading frames preceded by random bytes", number("--garbage"))
		.option("--corrupt <fraction>", "fraction of reading frames sent with a flipped bit", number("--corrupt"))
		.option("--drop <fraction>", "fraction of reading frames not sent at all", number("--drop"))
		.option("--resend-timeout <ms>", "resend unacked readings after this long without an ack", number("--resend-timeout"), 1000)
		.option("--json", "print JSON lines instead of text")
		.option("--state <file>", "bootloader state file (two image slots, test/confirm/rollback); created on first use")
		.option("--trusted-key <file>", "public key whose signed images the bootloader accepts (repeatable)", collect, [])
		.option("--model <model>", "model reported in Hello and checked against image hardware", "FC-SIM-1")
		.option("--hardware-revision <rev>", "hardware revision reported in Hello", "A")
		.option("--firmware-version <v>", "version of the factory image in slot 0", "0.1.0-sim")
		.option("--slot-size <bytes>", "largest image a slot holds", integer("--slot-size"))
		.option("--fail-self-test", "fault: every test-booted image fails its self-test (and is rolled back)")
		.option("--broken-ack", "fault: ignore acks and keep re-sending acknowledged readings")
		.option("--no-fast-retransmit", "behave as a protocol 1.0 device: re-send lost readings only after the resend timeout")
		.option("--smp", "be a stock Zephyr/MCUboot device: answer SMP (MCUmgr) on --serial instead of protocol v1")
		.addHelpText("after", "\nExit status: 0 when --count readings are all acked, 1 on failure, 2 on bad options, 130 when interrupted.")
		.action(async (options: SimulateOptions, command: Command) => {
			if (!options.serial && !options.mqtt)
				command.error("error: give exactly one of --serial PATH or --mqtt URL", { exitCode: EXIT_USAGE, code: "fieldchain.transport" });
			io.setExitCode(await simulate(options, io));
		});
	registerFirmwareHostCommands(device, io);
	registerSmpCommands(device, io);
	return device;
}
