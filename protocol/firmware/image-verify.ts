/**
 * Parses and verifies a signed image. The host runs it before sending an image and the device
 * (the simulator's bootloader) runs it again before accepting one, as MCUboot does at boot.
 * Every refusal is a FieldchainError whose code says which check failed.
 */
import { createHash, verify } from "node:crypto";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { type DeviceHardware, describeHardware, hardwareMatches } from "./hardware.js";
import {
	decodeHeader,
	decodeTlvArea,
	HEADER_SIZE,
	type ImageHeader,
	imageError,
	TLV_INFO_MAGIC,
	TLV_PROT_INFO_MAGIC,
	type Tlv,
	TlvType,
} from "./image-layout.js";
import { keyHash, publicKeyObject } from "./signing-keys.js";
import { compareVersions, formatVersion, type ImageVersion } from "./version.js";

export interface ParsedImage {
	header: ImageHeader;
	version: string;
	hardware: string;
	payload: Buffer;
	/** Value of the SHA-256 TLV: the image hash slots and test/confirm use. */
	hash: Buffer;
	keyHash: Buffer;
	publicKey: Buffer;
	signature: Buffer;
	/** Bytes the hash and signature cover: header, payload, protected TLV area. */
	signedLength: number;
	protectedTlvs: Tlv[];
	unprotectedTlvs: Tlv[];
	/** Size of the whole file. */
	size: number;
}

export interface VerifyPolicy {
	/** Key hashes the verifier trusts; undefined: any key whose signature verifies (host-side check). */
	trustedKeyHashes?: Uint8Array[];
	/** The device the image must be built for. */
	device?: DeviceHardware;
	/** The running image's version; an older image is refused unless allowDowngrade. */
	runningVersion?: ImageVersion;
	allowDowngrade?: boolean;
}

/** Structure only: sizes, areas, required TLVs. Throws FC_FIRMWARE_IMAGE. */
export function parseImage(bytes: Uint8Array): ParsedImage {
	const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const header = decodeHeader(file);
	if (header.headerSize !== HEADER_SIZE) throw imageError(`header size ${header.headerSize} (this format uses ${HEADER_SIZE})`);
	const protectedStart = HEADER_SIZE + header.imageSize;
	const unprotectedStart = protectedStart + header.protectedTlvSize;
	if (unprotectedStart + 4 > file.length) {
		throw imageError(
			`the file has ${file.length} bytes but its header announces a ${header.imageSize}-byte payload and TLVs after it`,
			"The file is truncated; copy or download it again.",
		);
	}
	const protectedTlvs = header.protectedTlvSize === 0 ? [] : decodeTlvArea(file.subarray(protectedStart, unprotectedStart), TLV_PROT_INFO_MAGIC, "protected");
	const unprotectedLength = file.readUInt16LE(unprotectedStart + 2);
	if (unprotectedStart + unprotectedLength !== file.length) {
		throw imageError(
			`the file has ${file.length} bytes but its layout needs ${unprotectedStart + unprotectedLength}`,
			"The file is truncated or has bytes appended; copy it again.",
		);
	}
	const unprotectedTlvs = decodeTlvArea(file.subarray(unprotectedStart), TLV_INFO_MAGIC, "unprotected");
	const hardware = single(protectedTlvs, TlvType.HARDWARE, "hardware", undefined).toString("utf8");
	for (const tlv of unprotectedTlvs) {
		if (tlv.type === TlvType.HARDWARE) throw imageError("the hardware TLV must be in the protected area");
	}
	return {
		header,
		version: formatVersion(header.version),
		hardware,
		payload: file.subarray(HEADER_SIZE, protectedStart),
		hash: single(unprotectedTlvs, TlvType.SHA256, "SHA-256", 32),
		keyHash: single(unprotectedTlvs, TlvType.KEYHASH, "key hash", 32),
		publicKey: single(unprotectedTlvs, TlvType.PUBKEY, "public key", 32),
		signature: single(unprotectedTlvs, TlvType.ED25519, "Ed25519 signature", 64),
		signedLength: unprotectedStart,
		protectedTlvs,
		unprotectedTlvs,
		size: file.length,
	};
}

/** Structure, hash, key, signature, then the policy. Returns the parsed image when all pass. */
export function verifyImage(bytes: Uint8Array, policy: VerifyPolicy = {}): ParsedImage {
	const image = parseImage(bytes);
	const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const digest = createHash("sha256").update(file.subarray(0, image.signedLength)).digest();
	if (!digest.equals(image.hash)) {
		throw imageError(
			"the SHA-256 of header, payload and protected TLVs does not match the SHA-256 TLV",
			"The image was modified or damaged; sign it again or copy the original.",
		);
	}
	if (!keyHash(image.publicKey).equals(image.keyHash)) throw signatureError("the key hash TLV does not match the public key TLV");
	if (!verify(null, digest, publicKeyObject(image.publicKey), image.signature)) throw signatureError("the Ed25519 signature does not verify");
	if (policy.trustedKeyHashes && !policy.trustedKeyHashes.some((trusted) => Buffer.from(trusted).equals(image.keyHash))) {
		throw signatureError(`the image is signed by key ${image.keyHash.toString("hex").slice(0, 16)}…, which is not trusted`);
	}
	if (policy.device && !hardwareMatches(image.hardware, policy.device)) {
		throw new FieldchainError(
			ErrorCodes.FC_FIRMWARE_HARDWARE,
			`Firmware image is built for ${image.hardware}, but the device is ${describeHardware(policy.device)}.`,
			{
				hint: "Flash an image signed with --hardware for this device's model.",
			},
		);
	}
	if (policy.runningVersion && !policy.allowDowngrade && compareVersions(image.header.version, policy.runningVersion) < 0) {
		throw new FieldchainError(
			ErrorCodes.FC_FIRMWARE_DOWNGRADE,
			`Firmware image ${image.version} is older than the running ${formatVersion(policy.runningVersion)}.`,
			{
				hint: "Downgrades are refused unless explicitly allowed (--allow-downgrade).",
			},
		);
	}
	return image;
}

function single(tlvs: Tlv[], type: number, name: string, length: number | undefined): Buffer {
	const found = tlvs.filter((tlv) => tlv.type === type);
	if (found.length !== 1)
		throw imageError(found.length === 0 ? `no ${name} TLV` : `${found.length} ${name} TLVs (one expected)`, "Sign the image with `fieldchain firmware sign`.");
	if (length !== undefined && found[0].value.length !== length) throw imageError(`the ${name} TLV has ${found[0].value.length} bytes (expected ${length})`);
	if (length === undefined && found[0].value.length === 0) throw imageError(`the ${name} TLV is empty`);
	return found[0].value;
}

function signatureError(problem: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_FIRMWARE_SIGNATURE, `Firmware image signature: ${problem}.`, {
		hint: "Do not flash this image; sign it again with the release key.",
	});
}
