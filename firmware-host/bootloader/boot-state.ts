/**
 * What the simulated bootloader remembers across resets: two slots and their flags, as MCUboot
 * keeps them in its image trailers. Behind a small store interface, with an in-memory version for
 * tests and a JSON file for `device simulate --state FILE`.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";

export interface SlotImage {
	version: string;
	/** Hex of the image's SHA-256 TLV. */
	hash: string;
	hardware: string;
	size: number;
	/** Hex of the signing key's hash; empty for the factory image. */
	keyHash: string;
	/** The image's SEC_CNT; absent (0) for the factory image and in state files written before counters. */
	securityCounter?: number;
}

export interface BootState {
	primary: SlotImage;
	secondary: SlotImage | undefined;
	/** test: boot the secondary image once at the next reset. */
	secondaryPending: boolean;
	/** The running image is kept across resets. False right after a test swap. */
	primaryConfirmed: boolean;
	/** The last reset reverted an unconfirmed image. */
	rolledBack: boolean;
	/**
	 * The device's security counter (MCUboot's hardware rollback counter): the highest SEC_CNT of an
	 * image confirmed here. It only grows; absent in older state files, meaning 0.
	 */
	securityCounter?: number;
}

export interface BootStateStore {
	load(): BootState | undefined;
	save(state: BootState): void;
}

export class MemoryBootStateStore implements BootStateStore {
	private state: BootState | undefined;
	load(): BootState | undefined {
		return this.state ? structuredClone(this.state) : undefined;
	}
	save(state: BootState): void {
		this.state = structuredClone(state);
	}
}

/** One JSON file, replaced atomically (write to a temporary file, then rename). */
export class FileBootStateStore implements BootStateStore {
	constructor(readonly path: string) {}

	load(): BootState | undefined {
		let text: string;
		try {
			text = readFileSync(this.path, "utf8");
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
			throw stateError(`cannot read ${this.path}: ${(error as Error).message}`, error);
		}
		try {
			const parsed = JSON.parse(text) as { format?: number; state?: BootState };
			if (parsed.format !== 1 || !parsed.state?.primary) throw new Error("not a fieldchain simulator state file (format 1)");
			return { ...parsed.state, secondary: parsed.state.secondary ?? undefined };
		} catch (error) {
			throw stateError(`${this.path} is not a valid state file: ${(error as Error).message}`, error);
		}
	}

	save(state: BootState): void {
		const temporary = `${this.path}.tmp-${process.pid}`;
		writeFileSync(temporary, `${JSON.stringify({ format: 1, state: { ...state, secondary: state.secondary ?? null } }, null, 2)}\n`);
		renameSync(temporary, this.path);
	}
}

function stateError(message: string, cause: unknown): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_FIRMWARE_STATE, `Simulator state: ${message}.`, {
		cause,
		hint: "Fix or delete the state file; a missing file starts from the factory image.",
	});
}
