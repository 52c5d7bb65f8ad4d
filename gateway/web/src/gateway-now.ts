/**
 * "Now" for the app's clocks (SLA countdowns): the gateway's time, learnt from /healthz and carried
 * forward on performance.now(), which the tablet's wall clock cannot move. Before the gateway has
 * answered, the tablet's wall clock as read at load, carried forward the same way. Invariant: a jump
 * of the tablet's wall clock never moves now(); only a new reading of the gateway's time does.
 */
import { Store } from "./store.js";

export type ClockQuality = "synchronised" | "trusted-source" | "unsynchronised";

/** The gateway clock's quality and source as /healthz says (null until it answered). */
export const gatewayClock = new Store<{ quality: ClockQuality; source: string } | null>(null);

export class GatewayNow {
	private anchor: { timeMs: number; monotonicMs: number };

	constructor(
		private readonly monotonic: () => number = () => performance.now(),
		wall: () => number = () => Date.now(),
	) {
		this.anchor = { timeMs: wall(), monotonicMs: monotonic() };
	}

	/** The gateway said its time was timeMs when a request sent at sentAt (monotonic) came back now. */
	learn(timeMs: number, sentAtMonotonicMs: number): void {
		const now = this.monotonic();
		// Its answer was read somewhere in the round trip: take the middle.
		this.anchor = { timeMs, monotonicMs: (sentAtMonotonicMs + now) / 2 };
	}

	now(): number {
		return this.anchor.timeMs + (this.monotonic() - this.anchor.monotonicMs);
	}
}

export const gatewayNow = new GatewayNow();

/** Reads /healthz once: the gateway's time for gatewayNow and its clock quality for the banner. */
export async function refreshGatewayClock(): Promise<void> {
	const sentAt = performance.now();
	const response = await fetch("/healthz", { cache: "no-store" });
	if (!response.ok) return;
	const body = (await response.json()) as { clock?: { time: string; quality: ClockQuality; source: string } };
	if (!body.clock) return;
	const time = Date.parse(body.clock.time);
	if (Number.isFinite(time)) gatewayNow.learn(time, sentAt);
	gatewayClock.set({ quality: body.clock.quality, source: body.clock.source });
}
