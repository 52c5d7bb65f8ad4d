/**
 * `fieldchain device smp --serial PATH <command>`: MCUmgr for stock Zephyr/MCUboot devices.
 * image list | upload IMAGE [--image N] | test HASH | confirm [HASH] | erase [--slot N],
 * os reset | echo TEXT | info [--format F], stat list | read NAME, shell exec ARG...
 * Every command prints text, or one JSON object per result with --json (upload adds progress
 * lines); exit status 0 done, 1 failed, 2 bad options, 3 rolled back.
 * The shared flags are accepted before the command or after it.
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { systemClock } from "../../platform/clock.js";
import { isFieldchainError, toError } from "../../platform/errors.js";
import { type ParsedImage, parseImage } from "../../protocol/firmware/image-verify.js";
import { integer } from "../cli-parsers.js";
import { formatBytes, ProgressBar } from "../host/progress-bar.js";
import { uploadImage } from "./image-upload.js";
import type { SmpClient } from "./smp-client.js";
import { echo, eraseImage, type ImageSlotInfo, listImages, osInfo, readParams, reset, setImageState, shellExec, statList, statRead } from "./smp-commands.js";
import { EXIT_OK, EXIT_ROLLBACK, exitCodeOf, type SmpConnectionOptions, usage, withSmpClient } from "./smp-session.js";

export interface SmpCliIo {
	stdout(line: string): void;
	stderr(line: string): void;
	setExitCode(code: number): void;
	/** Unterminated text for a redrawn progress bar; used only when isTTY. */
	write?(text: string): void;
	isTTY?: boolean;
}

interface SmpFlags extends SmpConnectionOptions {
	json?: boolean;
	verbose?: boolean;
}

const HASH = /^[0-9a-fA-F]{64}$/;

export function registerSmpCommands(device: Command, io: SmpCliIo): void {
	const smp = shared(device.command("smp"))
		.description("Manage a stock Zephyr/MCUboot device over SMP (MCUmgr) on a serial console: images, reset, echo, stats, shell.")
		.addHelpText(
			"after",
			"\nImage hashes are the SHA-256 TLV MCUboot keeps in each image (`image list` shows them), not the file's SHA-256.\nExit status: 0 done, 1 failed, 2 bad options or unreadable image, 3 the device rolled the image back (or never booted it).",
		);
	const run = (command: Command, action: (client: SmpClient, flags: SmpFlags) => Promise<number | undefined>) => async () => {
		const flags = command.optsWithGlobals() as SmpFlags;
		const text = flags.verbose ? (line: string) => io.stderr(`device: ${line}`) : undefined;
		try {
			const code = await withSmpClient({ ...flags, onText: text }, (client) => action(client, flags));
			io.setExitCode(code ?? EXIT_OK);
		} catch (error) {
			report(io, flags, error);
			io.setExitCode(exitCodeOf(error));
		}
	};

	const image = smp.command("image").description("MCUboot image slots: list, upload, test, confirm, erase.");
	const list = shared(image.command("list")).description("List the image slots: version, hash, and flags (active, confirmed, pending, permanent).");
	list.action(
		run(list, async (client, flags) => {
			printImages(io, flags, await listImages(client));
			return EXIT_OK;
		}),
	);

	const upload = shared(image.command("upload"))
		.description("Upload an image to the secondary slot; resumes an interrupted upload of the same file.")
		.argument("<image>", "MCUboot image file (e.g. from `fieldchain firmware sign`)")
		.option("--image <n>", "image number on a multi-image device (SMP's `image` field); the device picks the slot", integer("--image"));
	upload.action(async (file: string) => {
		const flags = upload.optsWithGlobals() as SmpFlags & { image?: number };
		let bytes: Buffer;
		let parsed: ParsedImage;
		try {
			bytes = readFileSync(file);
			parsed = parseImage(bytes);
		} catch (error) {
			report(io, flags, isFieldchainError(error) ? error : usage(`cannot read ${file}: ${toError(error).message}`));
			io.setExitCode(exitCodeOf(isFieldchainError(error) ? error : usage("unreadable image")));
			return;
		}
		await run(upload, async (client) => {
			const params = await readParams(client);
			const bar = new ProgressBar({ write: (t) => io.write?.(t), line: (t) => io.stderr(t), isTTY: !flags.json && Boolean(io.isTTY && io.write) }, systemClock);
			let lastPercent = -1;
			const outcome = await uploadImage(client, bytes, {
				image: flags.image,
				params,
				onProgress: (confirmed, total) => {
					if (!flags.json) bar.update(confirmed, total);
					const percent = Math.floor((confirmed * 100) / total);
					if (flags.json && percent !== lastPercent) io.stdout(JSON.stringify({ event: "progress", confirmed, total }));
					lastPercent = percent;
				},
			});
			bar.finish();
			const result = {
				event: "uploaded",
				file,
				bytes: outcome.bytes,
				version: parsed.version,
				imageHash: parsed.hash.toString("hex"),
				sha256: outcome.sha256.toString("hex"),
				resumedAt: outcome.resumedAt,
				chunks: outcome.chunks,
				resent: outcome.resent,
				match: outcome.match,
				seconds: Number(outcome.seconds.toFixed(2)),
				bufSize: params.bufSize,
				bufCount: params.bufCount,
				smpVersion: client.protocolVersion === 1 ? 2 : 1,
			};
			if (flags.json) io.stdout(JSON.stringify(result));
			else {
				const rate = outcome.seconds > 0 ? (outcome.bytes - outcome.resumedAt) / outcome.seconds : 0;
				io.stdout(
					`uploaded ${file}: version ${parsed.version}, ${formatBytes(outcome.bytes)} in ${outcome.seconds.toFixed(1)} s (${formatBytes(rate)}/s, ${outcome.chunks} chunks of up to ${params.bufSize}-byte packets${outcome.resumedAt ? `, resumed at ${outcome.resumedAt}` : ""})`,
				);
				io.stdout(`device check of the file's SHA-256: ${outcome.match === undefined ? "not reported" : outcome.match ? "match" : "MISMATCH"}`);
				io.stdout(`image hash: ${result.imageHash}`);
				io.stdout(`next: device smp --serial ${flags.serial} image test ${result.imageHash}`);
			}
			return EXIT_OK;
		})();
	});

	const test = shared(image.command("test"))
		.description("Mark the image with this hash to boot once at the next reset (MCUboot test); unconfirmed, it is rolled back at the reset after.")
		.argument("<hash>", "the image hash `image list` shows (64 hex digits)");
	test.action(async (hash: string) => {
		if (!checkHash(io, test, hash)) return;
		await run(test, async (client, flags) => {
			printImages(io, flags, await setImageState(client, Buffer.from(hash, "hex"), false));
			if (!flags.json) io.stdout("marked for a test boot: reset the device (os reset), then confirm the image once it runs well");
			return EXIT_OK;
		})();
	});

	const confirm = shared(image.command("confirm"))
		.description("Keep the running image for good. With HASH, only if that image is the one running; else exit 3 (rolled back).")
		.argument("[hash]", "the image expected to run (64 hex digits)");
	confirm.action(async (hash: string | undefined) => {
		if (hash !== undefined && !checkHash(io, confirm, hash)) return;
		await run(confirm, async (client, flags) => {
			const before = await listImages(client);
			const active = before.find((slot) => slot.active);
			if (hash && active?.hash.toLowerCase() !== hash.toLowerCase()) {
				// Confirming a non-running image would make MCUboot install it for good without a test boot: never do that here.
				const present = before.some((slot) => slot.hash.toLowerCase() === hash.toLowerCase());
				const why = present
					? "it is in the secondary slot: the device rolled it back, or it was never test-booted"
					: "it is in no slot: MCUboot refused it at boot (bad signature or untrusted key) and erased it, or it was never uploaded";
				const message = `The device runs ${active?.version ?? "?"} (${active?.hash.slice(0, 16) ?? "?"}…), not ${hash.slice(0, 16)}…: ${why}. Nothing was confirmed.`;
				if (flags.json) io.stdout(JSON.stringify({ event: "rolledBack", running: active?.version, runningHash: active?.hash, expected: hash, present }));
				io.stderr(`error FC_FIRMWARE_ROLLBACK: ${message}`);
				return EXIT_ROLLBACK;
			}
			const after = await setImageState(client, undefined, true);
			printImages(io, flags, after);
			if (!flags.json) io.stdout(`confirmed ${after.find((slot) => slot.active)?.version ?? "the running image"}: it stays after resets`);
			return EXIT_OK;
		})();
	});

	const erase = shared(image.command("erase"))
		.description("Erase the secondary slot (an uploaded image, or an unfinished upload).")
		.option("--slot <n>", "slot to erase (default: 1, the secondary)", integer("--slot"));
	erase.action(
		run(erase, async (client, flags) => {
			await eraseImage(client, (flags as SmpFlags & { slot?: number }).slot);
			say(io, flags, { event: "erased" }, "secondary slot erased");
			return EXIT_OK;
		}),
	);

	const os = smp.command("os").description("OS group: reset, echo, info.");
	const resetCommand = shared(os.command("reset")).description("Reset the device (MCUboot then swaps, reverts or keeps images).");
	resetCommand.action(
		run(resetCommand, async (client, flags) => {
			await reset(client);
			say(io, flags, { event: "reset" }, "reset requested; the device answered and is rebooting");
			return EXIT_OK;
		}),
	);
	const echoCommand = shared(os.command("echo")).description("Echo TEXT through the device's SMP server.").argument("<text>", "text to echo");
	echoCommand.action(async (text: string) => {
		await run(echoCommand, async (client, flags) => {
			const answer = await echo(client, text);
			say(io, flags, { event: "echo", text: answer }, answer);
			return EXIT_OK;
		})();
	});
	const info = shared(os.command("info"))
		.description("OS/application info, like uname (where the device enables CONFIG_MCUMGR_GRP_OS_INFO).")
		.option("--format <letters>", "uname-style letters: s n r v b m p i o, or a for all", "a");
	info.action(
		run(info, async (client, flags) => {
			const output = await osInfo(client, (flags as SmpFlags & { format?: string }).format);
			say(io, flags, { event: "info", output }, output);
			return EXIT_OK;
		}),
	);

	const stat = smp.command("stat").description("Statistics group: list groups, read one.");
	const statListCommand = shared(stat.command("list")).description("List the device's statistics groups.");
	statListCommand.action(
		run(statListCommand, async (client, flags) => {
			const groups = await statList(client);
			say(io, flags, { event: "statList", groups }, groups.join("\n") || "(no statistics groups)");
			return EXIT_OK;
		}),
	);
	const statReadCommand = shared(stat.command("read")).description("Read one statistics group.").argument("<name>", "group name from `stat list`");
	statReadCommand.action(async (name: string) => {
		await run(statReadCommand, async (client, flags) => {
			const group = await statRead(client, name);
			say(io, flags, { event: "stat", ...group }, [`${group.name}:`, ...Object.entries(group.fields).map(([key, value]) => `  ${key}: ${value}`)].join("\n"));
			return EXIT_OK;
		})();
	});

	const shell = smp.command("shell").description("Shell group: run a shell command (where CONFIG_MCUMGR_GRP_SHELL is enabled).");
	const exec = shared(shell.command("exec"))
		.description("Run a shell command line on the device; exit status 1 when the command's own return code is not 0.")
		.argument("<argv...>", "command and arguments (put -- before arguments that start with -)");
	exec.action(async (argv: string[]) => {
		await run(exec, async (client, flags) => {
			const result = await shellExec(client, argv);
			if (flags.json) io.stdout(JSON.stringify({ event: "shell", argv, output: result.output, ret: result.ret }));
			else {
				for (const line of result.output.replace(/\r/g, "").replace(/\n$/, "").split("\n")) io.stdout(line);
				if (result.ret !== 0) io.stderr(`shell command returned ${result.ret}`);
			}
			return result.ret === 0 ? EXIT_OK : 1;
		})();
	});
}

/** The flags every `device smp` command takes, before or after the command name. No defaults here: a leaf's default would hide the parent's value. */
function shared(command: Command): Command {
	return command
		.option("--serial <path>", "serial port of the device, e.g. /dev/ttyACM0")
		.option("--baud-rate <n>", "serial speed (default 115200)", integer("--baud-rate"))
		.option("--timeout <ms>", "wait this long for each answer before sending the request again (default 1500)", integer("--timeout"))
		.option("--retries <n>", "copies of a request to send at most (default 4)", integer("--retries"))
		.option("--json", "print JSON")
		.option("--verbose", "also show the device's console lines (logs, boot banners) on stderr");
}

function checkHash(io: SmpCliIo, command: Command, hash: string): boolean {
	if (HASH.test(hash)) return true;
	report(io, command.optsWithGlobals(), usage(`"${hash}" is not an image hash`, "Give the 64 hex digits `device smp image list` shows."));
	io.setExitCode(2);
	return false;
}

function printImages(io: SmpCliIo, flags: SmpFlags, images: ImageSlotInfo[]): void {
	if (flags.json) {
		io.stdout(JSON.stringify({ event: "images", images }));
		return;
	}
	io.stdout("image slot version      flags                            hash");
	for (const slot of images) {
		const marks = (["active", "confirmed", "pending", "permanent", "bootable"] as const).filter((flag) => slot[flag]).join(" ");
		io.stdout(`${String(slot.image).padEnd(5)} ${String(slot.slot).padEnd(4)} ${slot.version.padEnd(12)} ${marks.padEnd(32)} ${slot.hash}`);
	}
}

function say(io: SmpCliIo, flags: SmpFlags, json: Record<string, unknown>, text: string): void {
	io.stdout(flags.json ? JSON.stringify(json) : text);
}

function report(io: SmpCliIo, flags: { json?: boolean }, error: unknown): void {
	const e = toError(error);
	const code = isFieldchainError(e) ? e.code : undefined;
	if (flags.json) io.stdout(JSON.stringify({ event: "error", code, message: e.message }));
	io.stderr(`error${code ? ` ${code}` : ""}: ${e.message}`);
}
