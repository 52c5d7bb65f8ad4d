/**
 * Builds a signed image (MCUboot layout, see image-layout.ts): the SHA-256 covers header, payload
 * and protected TLVs, and the Ed25519 signature (RFC 8032, pure Ed25519 over that 32-byte digest,
 * as MCUboot's ED25519 TLV) therefore covers them too. The key TLVs are imgtool's: PUBKEY is the
 * SubjectPublicKeyInfo DER and KEYHASH its SHA-256. A security counter, when given, is MCUboot's
 * protected SEC_CNT TLV; without one the image counts as 0 (no TLV, as imgtool without
 * --security-counter).
 */
import { createHash, sign } from "node:crypto";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { checkHardwareName } from "./hardware.js";
import { encodeHeader, encodeTlvArea, HEADER_SIZE, TLV_INFO_MAGIC, TLV_PROT_INFO_MAGIC, type Tlv, TlvType } from "./image-layout.js";
import { keyHash, type SigningKey, spkiDer } from "./signing-keys.js";
import { parseVersion } from "./version.js";

export interface SignImageOptions {
	payload: Uint8Array;
	key: SigningKey;
	/** major.minor.revision[+build] */
	version: string;
	/** MODEL or MODEL:REVISION, as the device's Hello reports them. */
	hardware: string;
	/** MCUboot's security counter (u32); devices refuse an image whose counter is below theirs. Omitted: no TLV (counts as 0). */
	securityCounter?: number;
}

/** imgtool's `--security-counter auto`: major << 24 | minor << 16 | revision (build not counted). */
export function securityCounterFromVersion(version: string): number {
	const v = parseVersion(version);
	return ((v.major << 24) >>> 0) + (v.minor << 16) + v.revision;
}

function securityCounterTlv(counter: number): Buffer {
	if (!Number.isInteger(counter) || counter < 0 || counter > 0xffffffff) {
		throw new FieldchainError(ErrorCodes.FC_FIRMWARE_IMAGE, `Security counter ${counter} is not an integer from 0 to 4294967295.`, {
			hint: "Pass --security-counter N (a u32, as MCUboot stores it) or --security-counter auto.",
		});
	}
	const value = Buffer.alloc(4);
	value.writeUInt32LE(counter, 0);
	return value;
}

export function signImage(options: SignImageOptions): Buffer {
	const version = parseVersion(options.version);
	const hardware = checkHardwareName(options.hardware);
	const payload = Buffer.from(options.payload);
	const protectedTlvs: Tlv[] = [{ type: TlvType.HARDWARE, value: Buffer.from(hardware, "utf8") }];
	// imgtool writes SEC_CNT first in the protected area.
	if (options.securityCounter !== undefined) protectedTlvs.unshift({ type: TlvType.SEC_CNT, value: securityCounterTlv(options.securityCounter) });
	const protectedArea = encodeTlvArea(TLV_PROT_INFO_MAGIC, protectedTlvs);
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
		{ type: TlvType.PUBKEY, value: spkiDer(options.key.publicKeyRaw) },
		{ type: TlvType.ED25519, value: signature },
	]);
	return Buffer.concat([header, payload, protectedArea, unprotected]);
}
