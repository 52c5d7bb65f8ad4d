/**
 * The hardware engineer's `device` commands: list, monitor, flash, test. Registered under the
 * existing `device` parent by cli.ts. Each action lives in its own file; this one only wires flags.
 */
import type { Command } from "commander";
import { integer, number } from "./cli-parsers.js";
import { flashCommand, type TerminalIo } from "./flash-command.js";
import type { CliIo } from "./simulate-command.js";

export function registerFirmwareHostCommands(device: Command, io: CliIo): void {
	device
		.command("flash")
		.description("Upload a signed firmware image, test-boot it, and confirm it once the device reports a healthy boot.")
		.argument("<image>", "signed image made by `fieldchain firmware sign`")
		.requiredOption("--serial <path>", "serial port of the device, e.g. /dev/ttyACM0")
		.option("--test-only", "stop after the test boot: the next reset rolls the image back")
		.option("--resume", "continue an interrupted upload, and wait for an unplugged device to come back")
		.option("--allow-downgrade", "accept an image older than the running one")
		.option("--public-key <file>", "only accept images signed with this key (else: any valid signature; the device checks trust)")
		.option("--reconnect-timeout <seconds>", "how long to wait for an unplugged device", number("--reconnect-timeout"), 60)
		.option("--baud-rate <n>", "serial speed", integer("--baud-rate"), 115200)
		.option("--json", "print JSON lines instead of text")
		.addHelpText("after", "\nExit status: 0 done, 1 failure, 2 bad options or unreadable image, 3 the device rolled the image back.")
		.action(async (image: string, options: Parameters<typeof flashCommand>[1]) => {
			io.setExitCode(await flashCommand(image, options, io as TerminalIo));
		});
}
