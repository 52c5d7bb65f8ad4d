import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { ErrorCodes, isFieldchainError } from "../platform/errors.js";
import { HEADER_SIZE, IMAGE_MAGIC } from "../protocol/firmware/image-layout.js";
import { signImage } from "../protocol/firmware/image-sign.js";
import { parseImage, verifyImage } from "../protocol/firmware/image-verify.js";
import { generateSigningKey, keyHash, loadPublicKey, loadSigningKey } from "../protocol/firmware/signing-keys.js";
import { compareVersions, parseVersion } from "../protocol/firmware/version.js";

const dir = mkdtempSync(join(tmpdir(), "fc-fw-image-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
generateSigningKey(join(dir, "release.key"));
generateSigningKey(join(dir, "other.key"));
const key = loadSigningKey(join(dir, "release.key"));
const other = loadSigningKey(join(dir, "other.key"));
const device = { model: "FC-SIM-1", hardwareRevision: "A" };

function codeOf(run: () => unknown): string | undefined {
	try {
		run();
	} catch (error) {
		if (isFieldchainError(error)) return error.code;
		throw error;
	}
	return undefined;
}

const payload = Buffer.from("firmware payload ".repeat(40));
const image = signImage({ payload, key, version: "1.2.3+7", hardware: "FC-SIM-1" });

describe("firmware keys", () => {
	it("writes a 0600 private key and a public key that loads to the same raw key, and never overwrites", () => {
		expect(statSync(join(dir, "release.key")).mode & 0o777).toBe(0o600);
		expect(loadPublicKey(join(dir, "release.key.pub"))).toEqual(key.publicKeyRaw);
		expect(codeOf(() => generateSigningKey(join(dir, "release.key")))).toBe(ErrorCodes.FC_FIRMWARE_KEY);
		expect(codeOf(() => loadSigningKey(join(dir, "release.key.pub")))).toBe(ErrorCodes.FC_FIRMWARE_KEY);
	});
});

describe("image layout (MCUboot)", () => {
	it("starts with MCUboot's magic and a 32-byte header, and parses back", () => {
		expect(image.readUInt32LE(0)).toBe(IMAGE_MAGIC);
		const parsed = verifyImage(image, { trustedKeyHashes: [keyHash(key.publicKeyRaw)], device });
		expect(parsed).toMatchObject({ version: "1.2.3+7", hardware: "FC-SIM-1", size: image.length });
		expect(parsed.payload).toEqual(payload);
		expect(parsed.header.imageSize).toBe(payload.length);
		expect(parsed.keyHash).toEqual(keyHash(key.publicKeyRaw));
		expect(image.subarray(HEADER_SIZE, HEADER_SIZE + payload.length)).toEqual(payload);
	});

	it("refuses a key the verifier does not trust", () => {
		const foreign = signImage({ payload, key: other, version: "1.2.3", hardware: "FC-SIM-1" });
		expect(codeOf(() => verifyImage(foreign, { trustedKeyHashes: [keyHash(key.publicKeyRaw)] }))).toBe(ErrorCodes.FC_FIRMWARE_SIGNATURE);
	});

	it("refuses other hardware, by model and by revision", () => {
		expect(codeOf(() => verifyImage(image, { device: { model: "FC-MM1", hardwareRevision: "A" } }))).toBe(ErrorCodes.FC_FIRMWARE_HARDWARE);
		const revB = signImage({ payload, key, version: "1.0.0", hardware: "FC-SIM-1:B" });
		expect(codeOf(() => verifyImage(revB, { device }))).toBe(ErrorCodes.FC_FIRMWARE_HARDWARE);
		expect(codeOf(() => verifyImage(revB, { device: { model: "FC-SIM-1", hardwareRevision: "B" } }))).toBeUndefined();
	});

	it("refuses a downgrade unless allowed, build numbers included", () => {
		expect(codeOf(() => verifyImage(image, { runningVersion: parseVersion("1.2.3+8") }))).toBe(ErrorCodes.FC_FIRMWARE_DOWNGRADE);
		expect(codeOf(() => verifyImage(image, { runningVersion: parseVersion("1.2.3+8"), allowDowngrade: true }))).toBeUndefined();
		expect(codeOf(() => verifyImage(image, { runningVersion: parseVersion("1.2.3+7") }))).toBeUndefined();
		expect(compareVersions(parseVersion("2.0.0"), parseVersion("1.255.65535+9"))).toBeGreaterThan(0);
	});

	it("refuses every truncation with a message that says so", () => {
		for (const length of [0, 10, HEADER_SIZE, HEADER_SIZE + 5, image.length - 64, image.length - 1]) {
			expect(
				codeOf(() => verifyImage(image.subarray(0, length))),
				`length ${length}`,
			).toBe(ErrorCodes.FC_FIRMWARE_IMAGE);
		}
		expect(() => parseImage(image.subarray(0, image.length - 1))).toThrow(/truncated/);
	});

	it("refuses bad versions and hardware names at signing", () => {
		expect(codeOf(() => signImage({ payload, key, version: "1.2", hardware: "X" }))).toBe(ErrorCodes.FC_FIRMWARE_IMAGE);
		expect(codeOf(() => signImage({ payload, key, version: "256.0.0", hardware: "X" }))).toBe(ErrorCodes.FC_FIRMWARE_IMAGE);
		expect(codeOf(() => signImage({ payload, key, version: "1.0.0", hardware: "bad name" }))).toBe(ErrorCodes.FC_FIRMWARE_HARDWARE);
	});

	it("refuses any single changed byte anywhere in the image", () => {
		const small = signImage({ payload: Buffer.from("tiny firmware"), key, version: "0.9.1", hardware: "FC-SIM-1" });
		fc.assert(
			fc.property(fc.nat({ max: small.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, xor) => {
				const changed = Buffer.from(small);
				changed[at] ^= xor;
				const code = codeOf(() => verifyImage(changed, { trustedKeyHashes: [keyHash(key.publicKeyRaw)], device }));
				expect(code, `byte ${at} ^ ${xor}`).toMatch(/^FC_FIRMWARE_(IMAGE|SIGNATURE|HARDWARE)$/);
			}),
			{ numRuns: 2000 },
		);
	});

	it("also refuses one appended byte", () => {
		expect(codeOf(() => verifyImage(Buffer.concat([image, Buffer.of(0)])))).toBe(ErrorCodes.FC_FIRMWARE_IMAGE);
	});

	it("reads the key files it wrote", () => {
		expect(readFileSync(join(dir, "release.key"), "utf8")).toContain("BEGIN PRIVATE KEY");
	});
});
