/**
 * Parses and verifies a signed image. The host runs it before sending an image and the device
 * (the simulator's bootloader) runs it again before accepting one, as MCUboot does at boot.
 * Every refusal is a FieldchainError whose code says which check failed. Images made by MCUboot's
 * imgtool are read too: a header larger than 32 bytes (--header-size), KEYHASH without PUBKEY
 * (then the verifier must bring the key), no HARDWARE TLV (then no device accepts it).
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
import { keyHash, keyHashMatches, publicKeyObject, rawFromPublicKeyBytes } from "./signing-keys.js";
import { compareVersions, formatVersion, type ImageVersion } from "./version.js";

export interface ParsedImage {
	header: ImageHeader;
	version: string;
	/** The HARDWARE TLV; undefined when the image has none (an imgtool image without the custom TLV). */
	hardware: string | undefined;
	/** The SEC_CNT TLV; 0 when the image has none, as MCUboot treats an image without a counter. */
	securityCounter: number;
	payload: Buffer;
	/** Value of the SHA-256 TLV: the image hash slots and test/confirm use. */
	hash: Buffer;
	/** The KEYHASH TLV, or the SHA-256 of the PUBKEY's SPKI DER when the image has no KEYHASH (imgtool --public-key-format full). */
	keyHash: Buffer;
	/** The raw 32-byte key from the PUBKEY TLV (SPKI DER or raw); undefined when the image carries only KEYHASH. */
	publicKey: Buffer | undefined;
	signature: Buffer;
	/** Bytes the hash and signature cover: header, payload, protected TLV area. */
	signedLength: number;
	protectedTlvs: Tlv[];
	unprotectedTlvs: Tlv[];
	/** Size of the whole file. */
	size: number;
}

export interface VerifyPolicy {
	/** Key hashes the verifier trusts (either encoding, see signing-keys.ts); undefined with no trustedKeys: any key whose signature verifies (host-side check). */
	trustedKeyHashes?: Uint8Array[];
	/** Raw public keys the verifier trusts; needed for images that carry KEYHASH without PUBKEY. */
	trustedKeys?: Uint8Array[];
	/** The device's stored security counter: an image with a lower SEC_CNT is refused, whatever allowDowngrade says. */
	minSecurityCounter?: number;
	/** The device the image must be built for. */
	device?: DeviceHardware;
	/** The running image's version; an older image is refused unless allowDowngrade. */
	runningVersion?: ImageVersion;
	allowDowngrade?: boolean;
}

const UNPROTECTED_TYPES: ReadonlySet<number> = new Set([TlvType.SHA256, TlvType.KEYHASH, TlvType.PUBKEY, TlvType.ED25519]);

/** Structure only: sizes, areas, required TLVs. Throws FC_FIRMWARE_IMAGE. */
export function parseImage(bytes: Uint8Array): ParsedImage {
	const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const header = decodeHeader(file);
	// imgtool pads the header (--header-size, e.g. 0x200); the hash covers the padding too.
	if (header.headerSize < HEADER_SIZE) throw imageError(`header size ${header.headerSize} (at least ${HEADER_SIZE})`);
	const protectedStart = header.headerSize + header.imageSize;
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
	const hardware = optional(protectedTlvs, TlvType.HARDWARE, "hardware", undefined)?.toString("utf8");
	const counter = optional(protectedTlvs, TlvType.SEC_CNT, "security counter", 4);
	for (const tlv of unprotectedTlvs) {
		if (tlv.type === TlvType.HARDWARE || tlv.type === TlvType.SEC_CNT)
			throw imageError(`the ${tlv.type === TlvType.HARDWARE ? "hardware" : "security counter"} TLV must be in the protected area`);
		// The unprotected area is not signed: like MCUboot, accept there only what verification itself reads.
		if (!UNPROTECTED_TYPES.has(tlv.type))
			throw imageError(`TLV 0x${tlv.type.toString(16)} is not allowed in the unprotected area (only SHA256, KEYHASH, PUBKEY and ED25519)`);
	}
	const pubkeyTlv = optional(unprotectedTlvs, TlvType.PUBKEY, "public key", undefined);
	const publicKey = pubkeyTlv && rawFromPublicKeyBytes(pubkeyTlv);
	if (pubkeyTlv && !publicKey)
		throw imageError(`the public key TLV has ${pubkeyTlv.length} bytes (expected an Ed25519 SubjectPublicKeyInfo DER of 44, or 32 raw)`);
	// imgtool writes KEYHASH (--public-key-format hash) or PUBKEY (full); fieldchain writes both.
	const keyHashTlv = optional(unprotectedTlvs, TlvType.KEYHASH, "key hash", 32);
	if (!keyHashTlv && !publicKey) throw imageError("no key hash TLV (0x01) and no public key TLV (0x02)", "Sign the image with `fieldchain firmware sign`.");
	return {
		header,
		version: formatVersion(header.version),
		hardware,
		securityCounter: counter ? counter.readUInt32LE(0) : 0,
		payload: file.subarray(header.headerSize, protectedStart),
		hash: single(unprotectedTlvs, TlvType.SHA256, "SHA-256", 32),
		keyHash: keyHashTlv ?? keyHash(publicKey as Buffer),
		publicKey,
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
	const key = signingKey(image, policy);
	if (!verify(null, digest, publicKeyObject(key), image.signature)) throw signatureError("the Ed25519 signature does not verify");
	const trustLists = policy.trustedKeyHashes !== undefined || policy.trustedKeys !== undefined;
	const trusted =
		(policy.trustedKeyHashes ?? []).some((hash) => keyHashMatches(key, hash)) ||
		(policy.trustedKeys ?? []).some((trustedKey) => Buffer.from(trustedKey).equals(key));
	if (trustLists && !trusted) {
		throw signatureError(`the image is signed by key ${image.keyHash.toString("hex").slice(0, 16)}…, which is not trusted`);
	}
	if (policy.device && image.hardware === undefined) {
		throw new FieldchainError(
			ErrorCodes.FC_FIRMWARE_HARDWARE,
			"Firmware image names no hardware (no HARDWARE TLV 0xa0), so it cannot be checked against the device.",
			{
				hint: "Sign it with `fieldchain firmware sign --hardware MODEL`, or with imgtool --custom-tlv 0xa0 MODEL.",
			},
		);
	}
	if (policy.device && image.hardware !== undefined && !hardwareMatches(image.hardware, policy.device)) {
		throw new FieldchainError(
			ErrorCodes.FC_FIRMWARE_HARDWARE,
			`Firmware image is built for ${image.hardware}, but the device is ${describeHardware(policy.device)}.`,
			{
				hint: "Flash an image signed with --hardware for this device's model.",
			},
		);
	}
	// The device's rollback protection: no host flag overrides it (MCUboot's hardware security counter).
	if (policy.minSecurityCounter !== undefined && image.securityCounter < policy.minSecurityCounter) {
		throw new FieldchainError(
			ErrorCodes.FC_FIRMWARE_DOWNGRADE,
			`Firmware image ${image.version} has security counter ${image.securityCounter}, below the device's ${policy.minSecurityCounter}; the device refuses it whatever the host allows.`,
			{
				hint: "Sign the image with --security-counter at least the device's counter; --allow-downgrade cannot lower it.",
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

/** The key that must have made the signature: the image's own (checked against its KEYHASH) or, without PUBKEY, the trusted key KEYHASH names. */
function signingKey(image: ParsedImage, policy: VerifyPolicy): Buffer {
	if (image.publicKey) {
		if (!keyHashMatches(image.publicKey, image.keyHash)) throw signatureError("the key hash TLV does not match the public key TLV");
		return image.publicKey;
	}
	const named = (policy.trustedKeys ?? []).find((candidate) => keyHashMatches(candidate, image.keyHash));
	if (named) return Buffer.from(named);
	throw signatureError(
		policy.trustedKeys?.length
			? `the image names key ${image.keyHash.toString("hex").slice(0, 16)}… by its hash only, and that key is not trusted`
			: "the image carries only the key's hash (no PUBKEY TLV), so the signature needs the public key",
		"Pass the release public key (--public-key KEY.pub; a device uses its trusted keys).",
	);
}

function optional(tlvs: Tlv[], type: number, name: string, length: number | undefined): Buffer | undefined {
	return tlvs.some((tlv) => tlv.type === type) ? single(tlvs, type, name, length) : undefined;
}

function single(tlvs: Tlv[], type: number, name: string, length: number | undefined): Buffer {
	const found = tlvs.filter((tlv) => tlv.type === type);
	if (found.length !== 1)
		throw imageError(found.length === 0 ? `no ${name} TLV` : `${found.length} ${name} TLVs (one expected)`, "Sign the image with `fieldchain firmware sign`.");
	if (length !== undefined && found[0].value.length !== length) throw imageError(`the ${name} TLV has ${found[0].value.length} bytes (expected ${length})`);
	if (length === undefined && found[0].value.length === 0) throw imageError(`the ${name} TLV is empty`);
	return found[0].value;
}

function signatureError(problem: string, hint = "Do not flash this image; sign it again with the release key."): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_FIRMWARE_SIGNATURE, `Firmware image signature: ${problem}.`, { hint });
}
