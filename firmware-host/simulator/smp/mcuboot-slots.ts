/**
 * A stock MCUboot device's two image slots, as MCUmgr's image group and MCUboot's swap show them
 * (mcu-tools/mcuboot docs/design.md, "Image slots", "Swap"; Zephyr's img_mgmt):
 * - uploads go to the secondary slot; a finished upload is only stored, never checked for a
 *   signature (MCUmgr does not verify; MCUboot does, at boot);
 * - test(hash) marks the secondary image pending for one boot, confirm(hash) pending for good;
 *   confirm() without a hash keeps the running image;
 * - reset(): MCUboot validates a pending image (SHA-256 TLV over header, payload and protected
 *   TLVs; KEYHASH naming a built-in key, i.e. SHA-256 of its SubjectPublicKeyInfo DER; Ed25519
 *   signature of that hash) and swaps it in, or erases it when it does not validate; an image
 *   booted for test and not confirmed is swapped back (revert) at the next reset.
 * The image parsing here is the device's own, independent of protocol/firmware's host code, so
 * an image made by `fieldchain firmware sign` passing it is evidence that stock MCUboot takes it.
 * Invariant: the primary slot always holds a bootable image.
 */
import { createHash, createPublicKey, type KeyObject, verify } from "node:crypto";

const IMAGE_MAGIC = 0x96f3b83d;
const TLV_INFO_MAGIC = 0x6907;
const TLV_PROT_INFO_MAGIC = 0x6908;
const TLV_KEYHASH = 0x01;
const TLV_PUBKEY = 0x02;
const TLV_SHA256 = 0x10;
const TLV_ED25519 = 0x24;
/** IMAGE_F_NON_BOOTABLE in the header flags. */
const F_NON_BOOTABLE = 0x10;

export interface SlotImage {
	version: string;
	/** The SHA-256 TLV: the hash MCUmgr lists and test/confirm name. */
	hash: Buffer;
	bootable: boolean;
	bytes: Buffer | undefined;
}

export interface TrustedKey {
	key: KeyObject;
	/** SHA-256 of the SubjectPublicKeyInfo DER: what MCUboot compares KEYHASH with. */
	hash: Buffer;
}

export function trustedKey(raw32: Uint8Array): TrustedKey {
	const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(raw32).toString("base64url") }, format: "jwk" });
	const der = key.export({ type: "spki", format: "der" });
	return { key, hash: createHash("sha256").update(der).digest() };
}

/** What img_mgmt reads of an image (header, TLVs); undefined when it is not an MCUboot image. */
export function readImage(bytes: Buffer): (SlotImage & { tlvs: Map<number, Buffer>; signedEnd: number }) | undefined {
	if (bytes.length < 32 || bytes.readUInt32LE(0) !== IMAGE_MAGIC) return undefined;
	const headerSize = bytes.readUInt16LE(8);
	const protectedSize = bytes.readUInt16LE(10);
	const imageSize = bytes.readUInt32LE(12);
	const flags = bytes.readUInt32LE(16);
	const version = `${bytes[20]}.${bytes[21]}.${bytes.readUInt16LE(22)}`;
	const build = bytes.readUInt32LE(24);
	const signedEnd = headerSize + imageSize + protectedSize;
	const tlvs = new Map<number, Buffer>();
	let at = headerSize + imageSize;
	for (const magic of protectedSize > 0 ? [TLV_PROT_INFO_MAGIC, TLV_INFO_MAGIC] : [TLV_INFO_MAGIC]) {
		if (at + 4 > bytes.length || bytes.readUInt16LE(at) !== magic) return undefined;
		const end = at + bytes.readUInt16LE(at + 2);
		if (end > bytes.length) return undefined;
		for (let p = at + 4; p + 4 <= end; ) {
			const type = bytes.readUInt16LE(p);
			const len = bytes.readUInt16LE(p + 2);
			if (p + 4 + len > end) return undefined;
			if (!tlvs.has(type)) tlvs.set(type, bytes.subarray(p + 4, p + 4 + len));
			p += 4 + len;
		}
		at = end;
	}
	const hash = tlvs.get(TLV_SHA256);
	if (hash?.length !== 32) return undefined;
	return { version: build ? `${version}.${build}` : version, hash, bootable: (flags & F_NON_BOOTABLE) === 0, bytes, tlvs, signedEnd };
}

/** MCUboot's boot-time check (bootutil_img_validate): hash, then a trusted key's signature. */
export function validateImage(bytes: Buffer, keys: TrustedKey[]): { ok: true } | { ok: false; reason: string } {
	const image = readImage(bytes);
	if (!image) return { ok: false, reason: "not an MCUboot image (bad magic or TLV area)" };
	const digest = createHash("sha256").update(bytes.subarray(0, image.signedEnd)).digest();
	if (!digest.equals(image.hash)) return { ok: false, reason: "the SHA-256 TLV does not match the image" };
	const named =
		image.tlvs.get(TLV_KEYHASH) ??
		(image.tlvs.get(TLV_PUBKEY) &&
			createHash("sha256")
				.update(image.tlvs.get(TLV_PUBKEY) as Buffer)
				.digest());
	if (!named) return { ok: false, reason: "no KEYHASH or PUBKEY TLV" };
	const key = keys.find((candidate) => candidate.hash.equals(named));
	if (!key) return { ok: false, reason: `key ${named.toString("hex").slice(0, 16)}… is not built into this bootloader` };
	const signature = image.tlvs.get(TLV_ED25519);
	if (!signature || !verify(null, digest, key.key, signature)) return { ok: false, reason: "the ED25519 signature does not verify" };
	return { ok: true };
}

export interface SlotState {
	primary: SlotImage;
	secondary: SlotImage | undefined;
	pending: "test" | "permanent" | undefined;
	primaryConfirmed: boolean;
}

export type BootOutcome = { kind: "normal" } | { kind: "swapped"; permanent: boolean } | { kind: "reverted" } | { kind: "refused"; reason: string };

export class McubootSlots {
	state: SlotState;

	constructor(
		factoryVersion: string,
		private readonly keys: TrustedKey[],
		readonly slotSize: number,
	) {
		const hash = createHash("sha256").update(`factory image ${factoryVersion}`).digest();
		this.state = {
			primary: { version: factoryVersion, hash, bootable: true, bytes: undefined },
			secondary: undefined,
			pending: undefined,
			primaryConfirmed: true,
		};
	}

	/** Why the secondary slot cannot take an upload now, or undefined when it can. */
	secondaryBusy(): "pending" | "revert" | undefined {
		if (this.state.pending) return "pending";
		if (!this.state.primaryConfirmed && this.state.secondary) return "revert";
		return undefined;
	}

	storeSecondary(bytes: Buffer): void {
		const image = readImage(bytes);
		this.state.secondary = image ? { version: image.version, hash: image.hash, bootable: image.bootable, bytes } : undefined;
	}

	eraseSecondary(): void {
		this.state.secondary = undefined;
		this.state.pending = undefined;
	}

	/** The MCUboot half of a reset: swap, revert, or refuse a pending image. */
	boot(): BootOutcome {
		const s = this.state;
		if (s.pending && s.secondary) {
			const permanent = s.pending === "permanent";
			const check = validateImage(s.secondary.bytes ?? Buffer.alloc(0), this.keys);
			if (!check.ok) {
				// MCUboot erases a secondary image that does not validate and boots the primary.
				this.eraseSecondary();
				return { kind: "refused", reason: check.reason };
			}
			this.state = { primary: s.secondary, secondary: s.primary, pending: undefined, primaryConfirmed: permanent };
			return { kind: "swapped", permanent };
		}
		if (!s.primaryConfirmed && s.secondary) {
			this.state = { primary: s.secondary, secondary: s.primary, pending: undefined, primaryConfirmed: true };
			return { kind: "reverted" };
		}
		s.pending = undefined;
		return { kind: "normal" };
	}
}
