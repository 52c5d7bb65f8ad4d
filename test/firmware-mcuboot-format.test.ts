/**
 * Key TLVs as MCUboot has them. The images here are written byte by byte from MCUboot's published
 * format (docs/design.md "Image format"; imgtool's image.py and keys/ed25519.py), not by
 * fieldchain's signer: a padded header (imgtool --header-size 0x200), SEC_CNT and a custom TLV in
 * the protected area, and KEYHASH = SHA-256 of the key's SubjectPublicKeyInfo DER (what imgtool's
 * `get_public_bytes()` returns) or PUBKEY = that DER. `fieldchain firmware inspect` and the
 * simulated bootloader must accept them; fieldchain's own images must carry the same encoding; and
 * images signed before, with the raw 32-byte key, must still verify.
 */
import { createHash, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, describe, expect, it } from "vitest";
import { createImageService } from "../firmware-host/bootloader/create-image-service.js";
import { registerFirmwareCommands } from "../firmware-host/firmware-cli.js";
import type { CliIo } from "../firmware-host/simulate-command.js";
import { signImage } from "../protocol/firmware/image-sign.js";
import { verifyImage } from "../protocol/firmware/image-verify.js";

const dir = mkdtempSync(join(tmpdir(), "fc-fw-mcuboot-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
/** SubjectPublicKeyInfo DER as node (OpenSSL) writes it, i.e. imgtool's get_public_bytes(). */
const spki = publicKey.export({ format: "der", type: "spki" });
const raw = spki.subarray(spki.length - 32);
const pubPem = join(dir, "release.pub");
writeFileSync(pubPem, publicKey.export({ format: "pem", type: "spki" }));

const u16 = (n: number) => Buffer.from([n & 0xff, n >> 8]);
const u32 = (n: number) => {
	const b = Buffer.alloc(4);
	b.writeUInt32LE(n, 0);
	return b;
};
const sha256 = (...parts: Buffer[]) => createHash("sha256").update(Buffer.concat(parts)).digest();
const tlv = (type: number, value: Buffer) => Buffer.concat([u16(type), u16(value.length), value]);
const area = (magic: number, entries: Buffer[]) => {
	const body = Buffer.concat(entries);
	return Buffer.concat([u16(magic), u16(4 + body.length), body]);
};

interface HandImage {
	headerSize: number;
	protectedTlvs: Buffer[];
	/** The key TLVs after SHA256 and before the signature. */
	keyTlvs: (digest: Buffer) => Buffer[];
	signer?: KeyObject;
}

/** struct image_header, payload, protected TLVs (0x6908), TLVs (0x6907): MCUboot's layout, by hand. */
function handImage(options: HandImage): Buffer {
	const payload = Buffer.alloc(3000);
	for (let i = 0; i < payload.length; i++) payload[i] = (i * 7) & 0xff;
	const prot = options.protectedTlvs.length ? area(0x6908, options.protectedTlvs) : Buffer.alloc(0);
	const header = Buffer.concat([
		u32(0x96f3b83d), // ih_magic
		u32(0), // ih_load_addr
		u16(options.headerSize), // ih_hdr_size
		u16(prot.length), // ih_protect_tlv_size
		u32(payload.length), // ih_img_size
		u32(0), // ih_flags
		Buffer.from([1, 2]), // iv_major, iv_minor
		u16(3), // iv_revision
		u32(0), // iv_build_num
		u32(0), // _pad1
	]);
	const paddedHeader = Buffer.concat([header, Buffer.alloc(options.headerSize - header.length)]);
	const digest = sha256(paddedHeader, payload, prot);
	const signature = sign(null, digest, options.signer ?? privateKey);
	const tlvs = area(0x6907, [tlv(0x10, digest), ...options.keyTlvs(digest), tlv(0x24, signature)]);
	return Buffer.concat([paddedHeader, payload, prot, tlvs]);
}

const mcubootProtected = [tlv(0x50, u32(5)), tlv(0xa0, Buffer.from("FC-SIM-1"))];
const imgtoolHash = handImage({ headerSize: 0x200, protectedTlvs: mcubootProtected, keyTlvs: () => [tlv(0x01, sha256(spki))] });
const imgtoolFull = handImage({ headerSize: 0x200, protectedTlvs: mcubootProtected, keyTlvs: () => [tlv(0x02, spki)] });
/** A fieldchain image from before: 32-byte header, KEYHASH = SHA-256 of the raw key, PUBKEY = raw key. */
const legacy = handImage({
	headerSize: 32,
	protectedTlvs: [tlv(0xa0, Buffer.from("FC-SIM-1"))],
	keyTlvs: () => [tlv(0x01, sha256(raw)), tlv(0x02, raw)],
});

function inspect(bytes: Buffer, extra: string[] = []): { code: number | undefined; json: Record<string, unknown>; text: string } {
	const path = join(dir, `image-${Math.random().toString(16).slice(2)}.img`);
	writeFileSync(path, bytes);
	const lines: string[] = [];
	let code: number | undefined;
	const io: CliIo = {
		stdout: (line) => lines.push(line),
		stderr: (line) => lines.push(line),
		env: {},
		signals: { once: () => undefined, off: () => undefined },
		setExitCode: (c) => {
			code = c;
		},
	};
	const program = new Command().exitOverride();
	registerFirmwareCommands(program, io);
	program.parse(["firmware", "inspect", path, "--json", ...extra], { from: "user" });
	const text = lines.join("\n");
	return { code, json: code === 0 || text.startsWith("{") ? JSON.parse(text) : {}, text };
}

function bootloader() {
	return createImageService({ trustedKey: [pubPem], firmwareVersion: "1.0.0" }).bootloader;
}

describe("MCUboot's key TLVs", () => {
	it("inspect accepts an imgtool image naming its key by KEYHASH (SHA-256 of the SPKI DER) when given that key", () => {
		const result = inspect(imgtoolHash, ["--public-key", pubPem]);
		expect(result.code, result.text).toBe(0);
		expect(result.json).toMatchObject({ valid: true, securityCounter: 5, header: { headerSize: 0x200, version: "1.2.3" } });
		expect(result.json.payload).toEqual({ offset: 0x200, length: 3000 });
		// Without the key there is nothing to check the signature against; inspect says so.
		const keyless = inspect(imgtoolHash);
		expect(keyless.code).toBe(1);
		expect(keyless.json.problem).toMatch(/only the key's hash/);
	});

	it("inspect accepts an imgtool image carrying PUBKEY as the SPKI DER, with or without --public-key", () => {
		expect(inspect(imgtoolFull).code).toBe(0);
		expect(inspect(imgtoolFull, ["--public-key", pubPem]).code).toBe(0);
	});

	it("accepts a key given as imgtool getpub's bytes (hex of the SPKI DER)", () => {
		const hexKey = join(dir, "getpub.hex");
		writeFileSync(hexKey, `${spki.toString("hex")}\n`);
		expect(inspect(imgtoolHash, ["--public-key", hexKey]).code).toBe(0);
	});

	it("the simulated bootloader verifies and writes both imgtool images, keeping their security counter", () => {
		for (const image of [imgtoolHash, imgtoolFull]) {
			const slot = bootloader().installSecondary(image, false);
			expect(slot).toMatchObject({ version: "1.2.3", hardware: "FC-SIM-1", securityCounter: 5, keyHash: sha256(spki).toString("hex") });
		}
	});

	it("fieldchain signs with the same encoding: PUBKEY is the SPKI DER, KEYHASH its SHA-256", () => {
		const image = signImage({ payload: Buffer.alloc(100), key: { privateKey, publicKeyRaw: raw }, version: "1.0.0", hardware: "FC-SIM-1" });
		const parsed = verifyImage(image);
		expect(parsed.unprotectedTlvs.find((t) => t.type === 0x02)?.value).toEqual(spki);
		expect(parsed.keyHash).toEqual(sha256(spki));
	});

	it("images signed before with the raw 32-byte key still verify, in inspect and in the bootloader", () => {
		expect(inspect(legacy, ["--public-key", pubPem]).code).toBe(0);
		expect(inspect(legacy).code).toBe(0);
		expect(bootloader().installSecondary(legacy, false)).toMatchObject({ version: "1.2.3", securityCounter: 0 });
	});

	it("still refuses what must be refused: another signer, a KEYHASH that names another key", () => {
		const other = generateKeyPairSync("ed25519").privateKey;
		const forged = handImage({ headerSize: 0x200, protectedTlvs: mcubootProtected, keyTlvs: () => [tlv(0x02, spki)], signer: other });
		expect(inspect(forged).json.problem).toMatch(/FC_FIRMWARE_SIGNATURE/);
		const mismatched = handImage({
			headerSize: 0x200,
			protectedTlvs: mcubootProtected,
			keyTlvs: () => [tlv(0x01, sha256(raw, Buffer.from([1]))), tlv(0x02, spki)],
		});
		expect(inspect(mismatched).json.problem).toMatch(/key hash TLV does not match/);
		// An image naming no hardware cannot go onto a device.
		const noHardware = handImage({ headerSize: 0x200, protectedTlvs: [tlv(0x50, u32(5))], keyTlvs: () => [tlv(0x02, spki)] });
		expect(inspect(noHardware).code).toBe(0);
		expect(() => bootloader().installSecondary(noHardware, false)).toThrow(/names no hardware/);
	});
});
