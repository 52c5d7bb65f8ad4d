/**
 * Keeps a simulated device on a link that comes and goes: when the link closes (the pty pair is
 * killed, the broker drops the connection), it opens a new one every `retryMs` until that works,
 * and attaches the device again, which then resends whatever is unacked.
 */
import { type Clock, systemClock, type TimerHandle } from "../../platform/clock.js";
import { toError } from "../../platform/errors.js";
import type { EnvelopeLink } from "../../protocol/link.js";
import type { SimulatedDevice } from "./simulated-device.js";

export type RunnerStatus =
	| { state: "connected"; label: string }
	| { state: "disconnected"; label: string; reason?: Error }
	/** A reconnect attempt failed; another follows after retryMs. */
	| { state: "retryFailed"; error: Error };

export interface SimulatorHandle {
	device: SimulatedDevice;
	/** Stops the device, closes the link and gives up reconnecting. Also settles `done`. */
	stop(): Promise<void>;
	/** Resolves when `count` readings are all acked, or when stop() is called. */
	done: Promise<void>;
}

export interface LinkLoopOptions {
	retryMs: number;
	clock?: Clock;
	onStatus?: (status: RunnerStatus) => void;
}

/** Opens the first link (failing fast, e.g. on a mistyped path), then keeps reconnecting. */
export async function runOnReconnectingLink(device: SimulatedDevice, open: () => Promise<EnvelopeLink>, options: LinkLoopOptions): Promise<SimulatorHandle> {
	const clock = options.clock ?? systemClock;
	let stopped = false;
	let current: EnvelopeLink | undefined;
	let retryTimer: TimerHandle | undefined;
	let settleDone: () => void = () => {};
	const done = new Promise<void>((resolve) => {
		settleDone = resolve;
	});
	device.whenAllAcked().then(() => settleDone());

	const use = (link: EnvelopeLink) => {
		// It may have died between open and now, and then its 'close' has already fired.
		if (link.closed) {
			options.onStatus?.({ state: "retryFailed", error: new Error(`${link.label} closed right after opening`) });
			scheduleRetry();
			return;
		}
		current = link;
		link.once("close", (reason) => {
			if (stopped || current !== link) return;
			current = undefined;
			options.onStatus?.({ state: "disconnected", label: link.label, reason });
			scheduleRetry();
		});
		device.attach(link);
		options.onStatus?.({ state: "connected", label: link.label });
	};

	const scheduleRetry = () => {
		retryTimer = clock.setTimeout(async () => {
			retryTimer = undefined;
			try {
				const link = await open();
				if (stopped) await link.close();
				else use(link);
			} catch (error) {
				if (stopped) return;
				options.onStatus?.({ state: "retryFailed", error: toError(error) });
				scheduleRetry();
			}
		}, options.retryMs);
	};

	use(await open());

	return {
		device,
		done,
		async stop() {
			stopped = true;
			clock.clearTimeout(retryTimer);
			device.stop();
			const link = current;
			current = undefined;
			await link?.close();
			settleDone();
		},
	};
}
