/** Builds the simulator's bootloader and image service from `device simulate` options. */
import { systemClock } from "../../platform/clock.js";
import { keyHash, loadPublicKey } from "../../protocol/firmware/signing-keys.js";
import { FileBootStateStore, MemoryBootStateStore } from "./boot-state.js";
import { Bootloader } from "./bootloader.js";
import { ImageService } from "./image-service.js";

export const DEFAULT_SLOT_SIZE = 1024 * 1024;
export const DEFAULT_MODEL = "FC-SIM-1";
export const DEFAULT_FIRMWARE_VERSION = "0.1.0-sim";

export interface ImageServiceFlags {
	state?: string;
	trustedKey?: string[];
	model?: string;
	hardwareRevision?: string;
	firmwareVersion?: string;
	slotSize?: number;
	failSelfTest?: boolean;
}

export function createImageService(flags: ImageServiceFlags): ImageService {
	const trustedKeys = (flags.trustedKey ?? []).map((path) => loadPublicKey(path));
	const bootloader = new Bootloader({
		store: flags.state ? new FileBootStateStore(flags.state) : new MemoryBootStateStore(),
		hardware: { model: flags.model ?? DEFAULT_MODEL, hardwareRevision: flags.hardwareRevision ?? "A" },
		factoryVersion: flags.firmwareVersion ?? DEFAULT_FIRMWARE_VERSION,
		trustedKeyHashes: trustedKeys.map((key) => keyHash(key)),
		trustedKeys,
		slotSize: flags.slotSize ?? DEFAULT_SLOT_SIZE,
	});
	return new ImageService(bootloader, { clock: systemClock, failSelfTest: flags.failSelfTest });
}
