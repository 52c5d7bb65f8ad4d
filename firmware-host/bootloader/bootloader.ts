/**
 * The bootloader side of the simulator: two slots with MCUboot's swap semantics.
 * - Slot 0 (primary) runs; slot 1 (secondary) receives uploads.
 * - test(hash): the secondary image boots once at the next reset (MCUboot "test" / pending).
 * - reset(): a pending secondary is swapped into the primary slot, unconfirmed; an unconfirmed
 *   primary is swapped back (revert, "rollback"); otherwise nothing changes.
 * - confirm(): the running image is kept (MCUboot "confirm" / boot_set_confirmed).
 * Images are verified before they are written (signature, trusted key, hardware, downgrade), so a
 * refused image changes nothing.
 * - Security counter (MCUboot's downgrade prevention): the device keeps the highest SEC_CNT of an
 *   image it confirmed, raised at confirm and never lowered, and refuses to write or test-boot an
 *   image with a lower counter whatever `allow_downgrade` says. That flag only lets a lower
 *   *version* with an equal or higher counter through. protocol/README.md, "Firmware update", is the normative text.
 */
import { createHash } from "node:crypto";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { DeviceHardware } from "../../protocol/firmware/hardware.js";
import { verifyImage } from "../../protocol/firmware/image-verify.js";
import { keyHash } from "../../protocol/firmware/signing-keys.js";
import { compareVersions, looseVersion, parseVersion } from "../../protocol/firmware/version.js";
import type { BootState, BootStateStore, SlotImage } from "./boot-state.js";

export type ResetOutcome = "normal" | "swapped" | "reverted";

export interface BootloaderOptions {
	store: BootStateStore;
	hardware: DeviceHardware;
	/** Version of the factory image in slot 0 when the store is empty. */
	factoryVersion: string;
	/** Key hashes whose signatures the bootloader accepts; with no trustedKeys either, every image is refused. */
	trustedKeyHashes: Uint8Array[];
	/** Raw public keys the bootloader accepts (needed for images that carry only KEYHASH, as imgtool's default). */
	trustedKeys?: Uint8Array[];
	/** Largest image a slot holds, in bytes. */
	slotSize: number;
}

export class Bootloader {
	private state: BootState;

	constructor(private readonly options: BootloaderOptions) {
		this.state = options.store.load() ?? this.factoryState();
	}

	get slotSize(): number {
		return this.options.slotSize;
	}

	get snapshot(): Readonly<BootState> {
		return structuredClone(this.state);
	}

	get runningVersion(): string {
		return this.state.primary.version;
	}

	/** Hashes of every key whose images this bootloader accepts, as the device reports them (ImageState.trusted_key_hashes). */
	get trustedKeyHashes(): Buffer[] {
		return [...this.options.trustedKeyHashes.map((hash) => Buffer.from(hash)), ...(this.options.trustedKeys ?? []).map((key) => keyHash(key))];
	}

	/** The device's security counter: an image below it is never written or booted. */
	get securityCounter(): number {
		return this.state.securityCounter ?? 0;
	}

	/** Uploads may go to the secondary slot only while it does not hold the image to revert to. */
	checkCanWriteSecondary(): void {
		if (!this.state.primaryConfirmed) {
			throw stateError(
				"the running image is on test and the secondary slot holds the image to roll back to",
				"Confirm the running image, or reset the device to roll back, before uploading.",
			);
		}
	}

	/** Verifies the whole image and writes it to the secondary slot. Throws without changing anything. */
	installSecondary(bytes: Uint8Array, allowDowngrade: boolean): SlotImage {
		this.checkCanWriteSecondary();
		if (bytes.length > this.options.slotSize) throw stateError(`the image of ${bytes.length} bytes does not fit the ${this.options.slotSize}-byte slot`);
		if (this.options.trustedKeyHashes.length === 0 && (this.options.trustedKeys ?? []).length === 0) {
			throw new FieldchainError(ErrorCodes.FC_FIRMWARE_SIGNATURE, "Bootloader: no signing key is trusted, so every image is refused.", {
				hint: "Give the simulator the release public key: device simulate --trusted-key KEY.pub.",
			});
		}
		const image = verifyImage(bytes, {
			trustedKeyHashes: this.options.trustedKeyHashes,
			trustedKeys: this.options.trustedKeys,
			device: this.options.hardware,
			minSecurityCounter: this.securityCounter,
			runningVersion: looseVersion(this.state.primary.version),
			allowDowngrade,
		});
		const slot: SlotImage = {
			version: image.version,
			hash: image.hash.toString("hex"),
			hardware: image.hardware ?? "",
			size: image.size,
			keyHash: image.keyHash.toString("hex"),
			securityCounter: image.securityCounter,
		};
		this.commit({ ...this.state, secondary: slot, secondaryPending: false });
		return slot;
	}

	/** Marks the secondary image for one test boot. */
	test(hash: Uint8Array, allowDowngrade: boolean): void {
		const secondary = this.state.secondary;
		const wanted = Buffer.from(hash).toString("hex");
		if (!secondary || secondary.hash !== wanted) {
			throw new FieldchainError(ErrorCodes.FC_FIRMWARE_STATE, `No image ${wanted.slice(0, 16)}… in the secondary slot.`, { hint: "Upload the image first." });
		}
		if (wanted === this.state.primary.hash) throw stateError("that image is already running");
		this.checkCanWriteSecondary();
		// The secondary slot may hold an image written before the counter rose (the one swapped out).
		if ((secondary.securityCounter ?? 0) < this.securityCounter) {
			throw new FieldchainError(
				ErrorCodes.FC_FIRMWARE_DOWNGRADE,
				`Image ${secondary.version} has security counter ${secondary.securityCounter ?? 0}, below the device's ${this.securityCounter}; the device refuses it whatever the host allows.`,
				{ hint: "Flash an image signed with --security-counter at least the device's counter." },
			);
		}
		const running = looseVersion(this.state.primary.version);
		if (running && !allowDowngrade && compareVersions(parseVersion(secondary.version), running) < 0) {
			throw new FieldchainError(ErrorCodes.FC_FIRMWARE_DOWNGRADE, `Image ${secondary.version} is older than the running ${this.state.primary.version}.`, {
				hint: "Allow the downgrade explicitly.",
			});
		}
		this.commit({ ...this.state, secondaryPending: true });
	}

	/** Keeps the running image. `hash`, when given, must be the running image's. */
	confirm(hash?: Uint8Array): void {
		if (hash && hash.length > 0 && Buffer.from(hash).toString("hex") !== this.state.primary.hash) {
			throw stateError("only the running image can be confirmed", "Test-boot the image first, then confirm it while it runs.");
		}
		// Confirming is when MCUboot raises its counter: an image on test can still be rolled back.
		const securityCounter = Math.max(this.securityCounter, this.state.primary.securityCounter ?? 0);
		this.commit({ ...this.state, primaryConfirmed: true, securityCounter });
	}

	/** What the bootloader does at power-on or reset. */
	reset(): ResetOutcome {
		const { primary, secondary } = this.state;
		if (this.state.secondaryPending && secondary) {
			this.commit({ ...this.state, primary: secondary, secondary: primary, secondaryPending: false, primaryConfirmed: false, rolledBack: false });
			return "swapped";
		}
		if (!this.state.primaryConfirmed && secondary) {
			this.commit({ ...this.state, primary: secondary, secondary: primary, secondaryPending: false, primaryConfirmed: true, rolledBack: true });
			return "reverted";
		}
		this.commit({ ...this.state, rolledBack: false });
		return "normal";
	}

	private commit(state: BootState): void {
		this.options.store.save(state);
		this.state = state;
	}

	private factoryState(): BootState {
		const { model } = this.options.hardware;
		const version = this.options.factoryVersion;
		const hash = createHash("sha256").update(`fieldchain factory image ${model} ${version}`).digest("hex");
		return {
			primary: { version, hash, hardware: model, size: 0, keyHash: "" },
			secondary: undefined,
			secondaryPending: false,
			primaryConfirmed: true,
			rolledBack: false,
		};
	}
}

function stateError(problem: string, hint?: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_FIRMWARE_STATE, `Bootloader: ${problem}.`, { hint });
}
