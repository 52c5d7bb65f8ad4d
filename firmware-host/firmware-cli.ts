/**
 * `fieldchain firmware keygen | sign | inspect`: make a signing key, sign an application binary
 * into an image (protocol/README.md, "Firmware images"), and show what an image holds.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { ErrorCodes, FieldchainError, isFieldchainError, isFieldchainErrorIn, toError } from "../platform/errors.js";
import { IMAGE_MAGIC, type Tlv, TlvType } from "../protocol/firmware/image-layout.js";
import { securityCounterFromVersion, signImage } from "../protocol/firmware/image-sign.js";
import { parseImage, verifyImage } from "../protocol/firmware/image-verify.js";
import { generateSigningKey, keyHash, loadPublicKey, loadSigningKey } from "../protocol/firmware/signing-keys.js";
import { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, processIo } from "./simulate-command.js";

const TLV_NAMES: Record<number, string> = {
	[TlvType.KEYHASH]: "KEYHASH",
	[TlvType.PUBKEY]: "PUBKEY",
	[TlvType.SHA256]: "SHA256",
	[TlvType.ED25519]: "ED25519",
	[TlvType.HARDWARE]: "HARDWARE",
	[TlvType.SEC_CNT]: "SEC_CNT",
};

export function registerFirmwareCommands(program: Command, io: CliIo = processIo()): Command {
	const firmware = program.command("firmware").description("Signed firmware images for diagnostic devices (MCUboot layout, Ed25519).");
	firmware
		.command("keygen")
		.description("Make an Ed25519 signing key pair: FILE (private, mode 0600) and FILE.pub.")
		.argument("[file]", "private key file to create", "firmware-signing.key")
		.action((file: string) => io.setExitCode(run(io, () => keygen(file, io))));
	firmware
		.command("sign")
		.description("Sign an application binary into a firmware image.")
		.requiredOption("--key <file>", "private key from `fieldchain firmware keygen`")
		.requiredOption("--version <version>", "image version, major.minor.revision[+build]")
		.requiredOption("--hardware <hardware>", "device model the image is for, MODEL or MODEL:REVISION (as in the device's Hello)")
		.option(
			"--security-counter <n>",
			"MCUboot security counter (u32) in the protected TLVs, or `auto` (major<<24 | minor<<16 | revision); devices refuse a lower one, --allow-downgrade or not (default: none, counts as 0)",
		)
		.option("--force", "overwrite <out> if it exists")
		.argument("<in>", "application binary")
		.argument("<out>", "signed image to write")
		.addHelpText(
			"after",
			"\nExit status: 0 signed, 1 the image could not be written, 2 bad options or input (an unknown --version format, a missing key, an existing <out> without --force).",
		)
		.action((input: string, output: string, options: SignFlags) => io.setExitCode(run(io, () => sign(input, output, options, io))));
	firmware
		.command("inspect")
		.description("Show an image's header, payload and TLVs, and verify its hash and signature.")
		.argument("<image>", "signed image")
		.option("--public-key <file>", "also check that this key signed it")
		.option("--json", "print JSON")
		.addHelpText("after", "\nExit status: 0 valid, 1 invalid (what is wrong is printed), 2 unreadable.")
		.action((image: string, options: { publicKey?: string; json?: boolean }) => io.setExitCode(run(io, () => inspect(image, options, io))));
	return firmware;
}

function run(io: CliIo, action: () => number): number {
	try {
		return action();
	} catch (error) {
		const e = toError(error);
		io.stderr(`error${isFieldchainError(e) ? ` ${e.code}` : ""}: ${e.message}`);
		return isFieldchainErrorIn(e, "FIRMWARE") && e.code !== "FC_FIRMWARE_KEY" ? EXIT_FAILURE : EXIT_USAGE;
	}
}

function keygen(file: string, io: CliIo): number {
	const { keyHash: hash } = generateSigningKey(file);
	io.stdout(`private key: ${file} (mode 0600; keep it secret, never commit it)`);
	io.stdout(`public key:  ${file}.pub (give it to devices: simulate --trusted-key ${file}.pub)`);
	io.stdout(`key hash:    ${hash.toString("hex")}`);
	return EXIT_OK;
}

interface SignFlags {
	key: string;
	version: string;
	hardware: string;
	securityCounter?: string;
	force?: boolean;
}

function sign(input: string, output: string, options: SignFlags, io: CliIo): number {
	let image: Buffer;
	let payload: Buffer;
	try {
		// Everything that can be wrong with what the user passed is checked before anything is written: exit 2.
		if (!options.force && existsSync(output)) {
			throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `${output} exists; firmware sign does not overwrite it.`, {
				hint: "Choose another output file, or pass --force to replace it.",
			});
		}
		payload = readInput(input);
		image = signImage({
			payload,
			key: loadSigningKey(options.key),
			version: options.version,
			hardware: options.hardware,
			securityCounter: parseSecurityCounter(options.securityCounter, options.version),
		});
	} catch (error) {
		const e = toError(error);
		io.stderr(`error${isFieldchainError(e) ? ` ${e.code}` : ""}: ${e.message}`);
		return EXIT_USAGE;
	}
	try {
		// Exclusive create without --force: a file that appeared since the check above is not replaced either.
		writeFileSync(output, image, { flag: options.force ? "w" : "wx" });
	} catch (error) {
		io.stderr(`error: cannot write ${output}: ${toError(error).message}`);
		return (error as NodeJS.ErrnoException).code === "EEXIST" ? EXIT_USAGE : EXIT_FAILURE;
	}
	const parsed = parseImage(image);
	io.stdout(`${output}: version ${parsed.version} for ${parsed.hardware}, payload ${payload.length} bytes, image ${image.length} bytes`);
	if (options.securityCounter !== undefined) io.stdout(`security counter ${parsed.securityCounter}`);
	io.stdout(`image hash ${parsed.hash.toString("hex")}`);
	return EXIT_OK;
}

function inspect(path: string, options: { publicKey?: string; json?: boolean }, io: CliIo): number {
	const bytes = readInput(path);
	const parsed = parseImage(bytes);
	let problem: string | undefined;
	try {
		const key = options.publicKey ? loadPublicKey(options.publicKey) : undefined;
		verifyImage(bytes, key ? { trustedKeyHashes: [keyHash(key)], trustedKeys: [key] } : {});
	} catch (error) {
		if (!isFieldchainError(error)) throw error;
		problem = `${error.code}: ${error.message}`;
	}
	const h = parsed.header;
	const tlv = (t: Tlv) => ({
		type: `0x${t.type.toString(16).padStart(2, "0")}`,
		name: TLV_NAMES[t.type] ?? "unknown",
		length: t.value.length,
		value:
			t.type === TlvType.HARDWARE
				? t.value.toString("utf8")
				: t.type === TlvType.SEC_CNT && t.value.length === 4
					? String(t.value.readUInt32LE(0))
					: t.value.toString("hex"),
	});
	const report = {
		file: path,
		size: parsed.size,
		header: {
			magic: `0x${IMAGE_MAGIC.toString(16)}`,
			loadAddress: h.loadAddress,
			headerSize: h.headerSize,
			protectedTlvSize: h.protectedTlvSize,
			imageSize: h.imageSize,
			flags: h.flags,
			version: parsed.version,
		},
		securityCounter: parsed.securityCounter,
		payload: { offset: h.headerSize, length: parsed.payload.length },
		protectedTlvs: parsed.protectedTlvs.map(tlv),
		tlvs: parsed.unprotectedTlvs.map(tlv),
		valid: problem === undefined,
		...(problem ? { problem } : {}),
	};
	if (options.json) io.stdout(JSON.stringify(report, null, 2));
	else {
		io.stdout(`${path}: ${parsed.size} bytes`);
		io.stdout(
			`header   magic ${report.header.magic}  header ${h.headerSize} B  payload ${h.imageSize} B  protected TLVs ${h.protectedTlvSize} B  flags 0x${h.flags.toString(16)}  load 0x${h.loadAddress.toString(16)}`,
		);
		io.stdout(`version  ${parsed.version}`);
		io.stdout(`hardware ${parsed.hardware ?? "(none: no HARDWARE TLV)"}`);
		io.stdout(`security counter ${parsed.securityCounter}`);
		io.stdout(`payload  offset ${h.headerSize}, ${parsed.payload.length} bytes`);
		for (const t of report.protectedTlvs) io.stdout(`tlv      ${t.type} ${t.name.padEnd(8)} ${String(t.length).padStart(3)} B  ${t.value}  (protected)`);
		for (const t of report.tlvs) io.stdout(`tlv      ${t.type} ${t.name.padEnd(8)} ${String(t.length).padStart(3)} B  ${t.value}`);
		io.stdout(problem ? `INVALID: ${problem}` : `valid: SHA-256 matches, Ed25519 signature verifies${options.publicKey ? " with the given public key" : ""}`);
	}
	return problem ? EXIT_FAILURE : EXIT_OK;
}

/** `--security-counter`: a u32, or `auto` as imgtool derives it from the version. */
function parseSecurityCounter(text: string | undefined, version: string): number | undefined {
	if (text === undefined) return undefined;
	if (text === "auto") return securityCounterFromVersion(version);
	if (!/^\d+$/.test(text)) {
		throw new FieldchainError(ErrorCodes.FC_FIRMWARE_IMAGE, `--security-counter "${text}" is not a whole number or \`auto\`.`, {
			hint: "Pass e.g. --security-counter 3, raised when a release fixes a flaw older images must not come back with.",
		});
	}
	return Number(text);
}

function readInput(path: string): Buffer {
	try {
		return readFileSync(path);
	} catch (error) {
		throw new Error(`Cannot read ${path}: ${toError(error).message}.`);
	}
}
