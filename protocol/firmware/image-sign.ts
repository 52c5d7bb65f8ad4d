/**
 * Builds a signed image (MCUboot layout, see image-layout.ts): the SHA-256 covers header, payload
 * and protected TLVs, and the Ed25519 signature (RFC 8032, pure Ed25519 over that 32-byte digest,
 * as MCUboot's ED25519 TLV) therefore covers them too.
 */
import { createHash, sign } from "node:crypto";
import { checkHardwareName } from "./hardware.js";
import { encodeHeader, encodeTlvArea, HEADER_SIZE, TLV_INFO_MAGIC, TLV_PROT_INFO_MAGIC, TlvType } from "./image-layout.js";
import { keyHash, type SigningKey } from "./signing-keys.js";
import { parseVersion } from "./version.js";

export interface SignImageOptions {
	payload: Uint8Array;
	key: SigningKey;
	/** major.minor.revision[+build] */
	version: string;
	/** MODEL or MODEL:REVISION, as the device's Hello reports them. */
	hardware: string;
}

export function signImage(options: SignImageOptions): Buffer {
	const version = parseVersion(options.version);
	const hardware = checkHardwareName(options.hardware);
	const payload = Buffer.from(options.payload);
	const protectedArea = encodeTlvArea(TLV_PROT_INFO_MAGIC, [{ type: TlvType.HARDWARE, value: Buffer.from(hardware, "utf8") }]);
	const header = encodeHeader({
		loadAddress: 0,
		headerSize: HEADER_SIZE,
		protectedTlvSize: protectedArea.length,
		imageSize: payload.length,
		flags: 0,
		version,
	});
	const digest = createHash("sha256").update(header).update(payload).update(protectedArea).digest();
	const signature = sign(null, digest, options.key.privateKey);
	const unprotected = encodeTlvArea(TLV_INFO_MAGIC, [
		{ type: TlvType.SHA256, value: digest },
		{ type: TlvType.KEYHASH, value: keyHash(options.key.publicKeyRaw) },
		{ type: TlvType.PUBKEY, value: options.key.publicKeyRaw },
		{ type: TlvType.ED25519, value: signature },
	]);
	return Buffer.concat([header, payload, protectedArea, unprotected]);
}
