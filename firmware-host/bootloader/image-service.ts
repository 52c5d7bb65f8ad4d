/**
 * The image management service of the simulated device (MCUmgr's image group): answers
 * ImageUpload and ImageStateRequest, runs the bootloader at every reset and a self-test after it.
 * A real tool's application runs its self-test after a test swap; here it takes `selfTestMs` and
 * fails when the simulator is started with the fail-self-test fault.
 */
import type { Clock, TimerHandle } from "../../platform/clock.js";
import { isFieldchainError, toError } from "../../platform/errors.js";
import {
	ImageAction,
	type ImageSlot,
	type ImageState,
	type ImageStateRequest,
	ImageStatus,
	type ImageUpload,
	type ImageUploadResult,
	imageStatusOf,
	SelfTest,
} from "../../protocol/firmware/messages.js";
import type { Bootloader, ResetOutcome } from "./bootloader.js";
import { UploadReceiver } from "./upload-receiver.js";

export interface ImageServiceOptions {
	clock: Clock;
	selfTestMs?: number;
	/** Every image booted by a test swap fails its self-test (fault injection). */
	failSelfTest?: boolean;
}

export class ImageService {
	private readonly receiver: UploadReceiver;
	private selfTest: number = SelfTest.SELF_TEST_PASSED;
	private selfTestTimer: TimerHandle | undefined;
	private lastReset: ResetOutcome = "normal";

	constructor(
		readonly bootloader: Bootloader,
		private readonly options: ImageServiceOptions,
	) {
		this.receiver = new UploadReceiver(bootloader);
	}

	get runningVersion(): string {
		return this.bootloader.runningVersion;
	}

	get lastResetOutcome(): ResetOutcome {
		return this.lastReset;
	}

	/** Power-on or reset: the bootloader swaps or reverts, then the application tests itself. */
	boot(): ResetOutcome {
		this.options.clock.clearTimeout(this.selfTestTimer);
		const outcome = this.bootloader.reset();
		this.lastReset = outcome;
		if (outcome !== "swapped") {
			this.selfTest = SelfTest.SELF_TEST_PASSED;
			return outcome;
		}
		this.selfTest = SelfTest.SELF_TEST_RUNNING;
		this.selfTestTimer = this.options.clock.setTimeout(() => {
			this.selfTestTimer = undefined;
			this.selfTest = this.options.failSelfTest ? SelfTest.SELF_TEST_FAILED : SelfTest.SELF_TEST_PASSED;
		}, this.options.selfTestMs ?? 300);
		return outcome;
	}

	stop(): void {
		this.options.clock.clearTimeout(this.selfTestTimer);
	}

	upload(request: ImageUpload, requestSeq: number): ImageUploadResult {
		return this.receiver.handle(request, requestSeq);
	}

	state(request: ImageStateRequest, requestSeq: number): ImageState {
		const answer = (status: number, message = ""): ImageState => ({ requestSeq, status, message, ...this.describe() });
		const action = request.action ?? ImageAction.ACTION_READ;
		try {
			if (action === ImageAction.ACTION_TEST) this.bootloader.test(request.hash ?? new Uint8Array(), request.allowDowngrade ?? false);
			else if (action === ImageAction.ACTION_CONFIRM) {
				if (this.selfTest !== SelfTest.SELF_TEST_PASSED)
					return answer(ImageStatus.IMAGE_STATUS_BUSY, "The running image has not passed its self-test; it cannot be confirmed.");
				this.bootloader.confirm(request.hash ?? undefined);
			} else if (action !== ImageAction.ACTION_READ) return answer(ImageStatus.IMAGE_STATUS_INVALID_ARGUMENT, `Unknown action ${action}.`);
		} catch (error) {
			const notFound = isFieldchainError(error) && /No image/.test(error.message);
			return answer(
				notFound ? ImageStatus.IMAGE_STATUS_NOT_FOUND : isFieldchainError(error) ? imageStatusOf(error.code) : ImageStatus.IMAGE_STATUS_BUSY,
				toError(error).message,
			);
		}
		return answer(ImageStatus.IMAGE_STATUS_OK);
	}

	private describe(): Omit<ImageState, "requestSeq" | "status" | "message"> {
		const state = this.bootloader.snapshot;
		const slots: ImageSlot[] = [
			{
				slot: 0,
				version: state.primary.version,
				hash: hex(state.primary.hash),
				hardware: state.primary.hardware,
				pending: false,
				confirmed: state.primaryConfirmed,
				active: true,
				size: state.primary.size,
			},
		];
		if (state.secondary) {
			const s = state.secondary;
			slots.push({
				slot: 1,
				version: s.version,
				hash: hex(s.hash),
				hardware: s.hardware,
				pending: state.secondaryPending,
				confirmed: false,
				active: false,
				size: s.size,
			});
		}
		const progress = this.receiver.progress;
		return {
			slots,
			selfTest: this.selfTest,
			rolledBack: state.rolledBack,
			uploadSha256: progress?.sha256,
			uploadOffset: progress?.offset,
			uploadLength: progress?.length,
			trustedKeyHashes: this.bootloader.trustedKeyHashes,
		};
	}
}

function hex(text: string): Buffer {
	return Buffer.from(text, "hex");
}
