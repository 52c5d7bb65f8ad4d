/**
 * The byte layout of a fieldchain firmware image, which follows MCUboot's (docs/design.md of
 * mcu-tools/mcuboot, "Image format"): a 32-byte header, the payload, a protected TLV area covered by
 * the hash and signature, and an unprotected TLV area holding the hash, key and signature.
 * All integers little-endian. protocol/README.md, "Firmware images", is the normative text.
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { ImageVersion } from "./version.js";

/** MCUboot's IMAGE_MAGIC. */
export const IMAGE_MAGIC = 0x96f3b83d;
export const HEADER_SIZE = 32;
/** MCUboot's IMAGE_TLV_INFO_MAGIC (unprotected) and IMAGE_TLV_PROT_INFO_MAGIC (protected). */
export const TLV_INFO_MAGIC = 0x6907;
export const TLV_PROT_INFO_MAGIC = 0x6908;
export const TLV_INFO_SIZE = 4;
export const TLV_HEADER_SIZE = 4;

/** TLV types: MCUboot's numbers where MCUboot has the TLV, its custom range (0xa0+) otherwise. */
export const TlvType = {
	KEYHASH: 0x01,
	PUBKEY: 0x02,
	SHA256: 0x10,
	ED25519: 0x24,
	/** MCUboot's IMAGE_TLV_SEC_CNT: the image's security counter, u32, protected (downgrade prevention). */
	SEC_CNT: 0x50,
	/** fieldchain: the hardware the image is built for (UTF-8), protected. */
	HARDWARE: 0xa0,
} as const;

export interface ImageHeader {
	loadAddress: number;
	headerSize: number;
	/** Size of the protected TLV area, its info header included; 0 when there is none. */
	protectedTlvSize: number;
	imageSize: number;
	flags: number;
	version: ImageVersion;
}

export interface Tlv {
	type: number;
	value: Buffer;
}

export function encodeHeader(header: ImageHeader): Buffer {
	const out = Buffer.alloc(HEADER_SIZE);
	out.writeUInt32LE(IMAGE_MAGIC, 0);
	out.writeUInt32LE(header.loadAddress, 4);
	out.writeUInt16LE(header.headerSize, 8);
	out.writeUInt16LE(header.protectedTlvSize, 10);
	out.writeUInt32LE(header.imageSize, 12);
	out.writeUInt32LE(header.flags, 16);
	out.writeUInt8(header.version.major, 20);
	out.writeUInt8(header.version.minor, 21);
	out.writeUInt16LE(header.version.revision, 22);
	out.writeUInt32LE(header.version.build, 24);
	return out;
}

export function decodeHeader(bytes: Buffer): ImageHeader {
	if (bytes.length < HEADER_SIZE)
		throw imageError(`the file has ${bytes.length} bytes, less than the ${HEADER_SIZE}-byte header`, "The file is truncated or not a firmware image.");
	const magic = bytes.readUInt32LE(0);
	if (magic !== IMAGE_MAGIC) {
		throw imageError(
			`bad magic 0x${magic.toString(16).padStart(8, "0")} (expected 0x${IMAGE_MAGIC.toString(16)})`,
			"This is not a signed image; sign it with `fieldchain firmware sign`.",
		);
	}
	return {
		loadAddress: bytes.readUInt32LE(4),
		headerSize: bytes.readUInt16LE(8),
		protectedTlvSize: bytes.readUInt16LE(10),
		imageSize: bytes.readUInt32LE(12),
		flags: bytes.readUInt32LE(16),
		version: { major: bytes.readUInt8(20), minor: bytes.readUInt8(21), revision: bytes.readUInt16LE(22), build: bytes.readUInt32LE(24) },
	};
}

/** A TLV area: info header (magic, total length including itself), then type/length/value entries. */
export function encodeTlvArea(magic: number, tlvs: Tlv[]): Buffer {
	const parts = tlvs.map((tlv) => {
		const head = Buffer.alloc(TLV_HEADER_SIZE);
		head.writeUInt16LE(tlv.type, 0);
		head.writeUInt16LE(tlv.value.length, 2);
		return Buffer.concat([head, tlv.value]);
	});
	const total = TLV_INFO_SIZE + parts.reduce((sum, part) => sum + part.length, 0);
	if (total > 0xffff) throw imageError(`TLV area of ${total} bytes is above 65535`);
	const info = Buffer.alloc(TLV_INFO_SIZE);
	info.writeUInt16LE(magic, 0);
	info.writeUInt16LE(total, 2);
	return Buffer.concat([info, ...parts]);
}

/** Parses a TLV area that must fill `bytes` exactly. */
export function decodeTlvArea(bytes: Buffer, magic: number, name: string): Tlv[] {
	if (bytes.length < TLV_INFO_SIZE) throw imageError(`the ${name} TLV area is missing or truncated`, "The file is truncated; copy it again.");
	const found = bytes.readUInt16LE(0);
	if (found !== magic) throw imageError(`the ${name} TLV area has magic 0x${found.toString(16)} (expected 0x${magic.toString(16)})`);
	const total = bytes.readUInt16LE(2);
	if (total !== bytes.length)
		throw imageError(`the ${name} TLV area says ${total} bytes but ${bytes.length} follow`, "The file is truncated or has bytes appended.");
	const tlvs: Tlv[] = [];
	let at = TLV_INFO_SIZE;
	while (at < total) {
		if (at + TLV_HEADER_SIZE > total) throw imageError(`a ${name} TLV header runs past the end of its area`);
		const type = bytes.readUInt16LE(at);
		const length = bytes.readUInt16LE(at + 2);
		at += TLV_HEADER_SIZE;
		if (at + length > total) throw imageError(`${name} TLV 0x${type.toString(16)} of ${length} bytes runs past the end of its area`);
		tlvs.push({ type, value: bytes.subarray(at, at + length) });
		at += length;
	}
	return tlvs;
}

export function imageError(problem: string, hint?: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_FIRMWARE_IMAGE, `Firmware image: ${problem}.`, { hint });
}
