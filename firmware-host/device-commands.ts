/**
 * The hardware engineer's `device` commands: list, monitor, flash, test. Registered under the
 * existing `device` parent by cli.ts. Each action lives in its own file; this one only wires flags.
 */
import { type Command, Option } from "commander";
import { collect, integer, number } from "./cli-parsers.js";
import { flashCommand, type TerminalIo } from "./flash-command.js";
import { johnnyFiveCommand } from "./johnny-five-command.js";
import { listCommand } from "./list-command.js";
import { monitorCommand } from "./monitor-command.js";
import type { CliIo } from "./simulate-command.js";
import { testCommand } from "./test-command.js";

export function registerFirmwareHostCommands(device: Command, io: CliIo): void {
	device
		.command("list")
		.description("List serial ports with USB VID:PID and serial number, and whether each looks like a fieldchain tool.")
		.option("--json", "print JSON")
		.option("--config <file>", "gateway config whose serial.ports USB matches count as fieldchain tools")
		.option("--vid-pid <vid:pid>", "treat this USB id as a fieldchain tool (repeatable)", collect, [])
		.action(async (options: Parameters<typeof listCommand>[0]) => {
			io.setExitCode(await listCommand(options, io));
		});
	device
		.command("monitor")
		.description("Show live decoded frames from a tool, with error counters (bad CRC, resyncs, oversized) and rates. Never acks.")
		.requiredOption("--serial <path>", "serial port of the device")
		.option("--json", "print JSON lines")
		.option("--hex", "also print each frame's payload in hex")
		.option("--passive", "do not greet the device (watch only)")
		.option("--duration <seconds>", "stop after this long (default: until Ctrl-C)", number("--duration"))
		.option("--count <frames>", "stop after this many frames", integer("--count"))
		.option("--baud-rate <n>", "serial speed", integer("--baud-rate"), 115200)
		.addHelpText("after", "\nExit status: 0 stopped by --duration/--count, 1 port error or closed, 130 Ctrl-C.")
		.action(async (options: Parameters<typeof monitorCommand>[0]) => {
			io.setExitCode(await monitorCommand(options, io));
		});
	device
		.command("flash")
		.description("Upload a signed firmware image, test-boot it, and confirm it once the device reports a healthy boot.")
		.argument("<image>", "signed image made by `fieldchain firmware sign`")
		.requiredOption("--serial <path>", "serial port of the device, e.g. /dev/ttyACM0")
		.option("--test-only", "stop after the test boot: the next reset rolls the image back")
		.option("--resume", "continue an interrupted upload, and wait for an unplugged device to come back")
		.option("--allow-downgrade", "accept an image older than the running one (the device still refuses a lower security counter)")
		.option("--public-key <file>", "only accept images signed with this key (else: any valid signature; the device checks trust)")
		.option("--reconnect-timeout <seconds>", "how long to wait for an unplugged device", number("--reconnect-timeout"), 60)
		.option(
			"--save-readings <file>",
			"if unacknowledged readings stop the device resetting, append them to FILE (JSON lines), then ack them (at a bench without a gateway)",
		)
		.option("--baud-rate <n>", "serial speed", integer("--baud-rate"), 115200)
		.option("--json", "print JSON lines instead of text")
		.addHelpText(
			"after",
			"\nExit status: 0 done, 1 failure, 2 bad options or an unreadable or damaged image, 3 the image is not trusted or the device rolled it back.",
		)
		.action(async (image: string, options: Parameters<typeof flashCommand>[1]) => {
			io.setExitCode(await flashCommand(image, options, io as TerminalIo));
		});
	device
		.command("test")
		.description("Run the protocol v1 conformance suite against a device; print a report and optionally write JUnit XML.")
		.requiredOption("--serial <path>", "serial port of the device")
		.option("--junit <file>", "write JUnit XML here")
		.option("--json", "print the results as JSON")
		.option("--image <file>", "signed image the device accepts, for the firmware update checks (skipped without it)")
		.option("--resend-timeout <ms>", "the device's resend timeout", number("--resend-timeout"), 1000)
		.option("--baud-rate <n>", "serial speed", integer("--baud-rate"), 115200)
		.addHelpText(
			"after",
			"\nAcks the readings it receives without storing them: run it at the bench.\nExit status: 0 conforms, 1 a check failed, 2 bad options.",
		)
		.action(async (options: Parameters<typeof testCommand>[0]) => {
			io.setExitCode(await testCommand(options, io));
		});
	device
		.command("johnny-five")
		.description("Run a Firmata board's johnny-five sensors (analog sensor, thermometer, multi) as a protocol v1 tool.")
		.requiredOption("--board <path>", "serial port of the Firmata board (StandardFirmata)")
		.requiredOption("--sensors <file>", "JSON: {sensors: [{kind: sensor|thermometer|multi, ...}], freq}")
		.requiredOption("--id <id>", "device id (also the MQTT username)")
		.addOption(new Option("--mqtt <url>", "the gateway's MQTT broker").conflicts("serial"))
		.addOption(new Option("--serial <path>", "a serial line to the gateway").conflicts("mqtt"))
		.option("--password <password>", "MQTT password; prefer env FIELDCHAIN_DEVICE_PASSWORD")
		.option("--board-baud-rate <n>", "Firmata speed", integer("--board-baud-rate"), 57600)
		.action(async (options: Parameters<typeof johnnyFiveCommand>[0], command: Command) => {
			if (!options.mqtt && !options.serial) command.error("error: give exactly one of --mqtt URL or --serial PATH", { exitCode: 2 });
			io.setExitCode(await johnnyFiveCommand(options, io));
		});
}
