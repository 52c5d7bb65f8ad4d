/**
 * Plausibility of a reading's device time (protocol/README.md, "Time"). A device time is
 * implausible when any of these holds (thresholds configurable, `clock.deviceTime`):
 * 1. unset clock: an epoch time (no READING_FLAG_CLOCK_SINCE_BOOT) of 0 or before `notBefore`
 *    (default 2024-01-01T00:00:00Z), what an RTC that lost power reports;
 * 2. wrong clock: the gateway's own time is synchronised or trusted, and the device time differs
 *    from it by more than `maxSkewSeconds` (default 900 s: a time-zone mistake is a whole hour);
 * 3. jumping clock, within one device boot (since-boot times included):
 *    - forward: the device time minus the gateway's monotonic time at receipt rose above its highest
 *      value so far in the boot by more than `maxStepSeconds` (default 2 s) plus 1% of the monotonic
 *      time since that highest value. Delivery delay (buffered readings sent after a reconnect)
 *      only ever lowers that difference, so it never flags a device;
 *    - backward: a reading's device time is earlier than that of the reading before it (by seq)
 *      by more than `maxStepSeconds`: readings are taken in seq order.
 * Rule 3 compares with the monotonic clock only, so a jump of the gateway's wall clock never
 * flags a device. Invariant: the memory kept is one entry per device (its current boot).
 */
import type { ClockQuality } from "./gateway-time.js";

export interface DeviceTimeRules {
	notBeforeMs: number;
	maxSkewMs: number;
	maxStepMs: number;
	/** Fraction of the elapsed time allowed as drift on top of maxStepMs (0.01: 1%). */
	driftRatio: number;
}

export const DEFAULT_DEVICE_TIME_RULES: DeviceTimeRules = {
	notBeforeMs: Date.UTC(2024, 0, 1),
	maxSkewMs: 900_000,
	maxStepMs: 2000,
	driftRatio: 0.01,
};

export type ImplausibleReason = "unset-clock" | "skew" | "jump";

export interface DeviceTimeInput {
	deviceId: string;
	bootId: string;
	seq: number;
	deviceTimeUs: number;
	/** READING_FLAG_CLOCK_SINCE_BOOT: the time counts from the device's boot. */
	sinceBoot: boolean;
	/** The gateway's stamp for the reading. */
	gatewayTimeMs: number;
	quality: ClockQuality;
	monotonicMs: number;
}

interface BootTrack {
	bootId: string;
	lastSeq: number;
	lastDeviceMs: number;
	/** Highest device time minus monotonic time seen in the boot, and when. */
	maxOffsetMs: number;
	maxOffsetAtMs: number;
}

export class DeviceTimeCheck {
	private readonly boots = new Map<string, BootTrack>();
	/** Readings flagged, by reason, since start. */
	readonly flagged: Record<ImplausibleReason, number> = { "unset-clock": 0, skew: 0, jump: 0 };

	constructor(readonly rules: DeviceTimeRules = DEFAULT_DEVICE_TIME_RULES) {}

	/** The reason the reading's device time is implausible, or undefined when it is plausible. */
	check(input: DeviceTimeInput): ImplausibleReason | undefined {
		const deviceMs = input.deviceTimeUs / 1000;
		const reason = this.absolute(input, deviceMs) ?? this.step(input, deviceMs);
		if (reason) this.flagged[reason]++;
		return reason;
	}

	/** Forget a device (its session closed for good). */
	forget(deviceId: string): void {
		this.boots.delete(deviceId);
	}

	private absolute(input: DeviceTimeInput, deviceMs: number): ImplausibleReason | undefined {
		if (input.sinceBoot) return undefined;
		if (deviceMs <= 0 || deviceMs < this.rules.notBeforeMs) return "unset-clock";
		if (input.quality !== "unsynchronised" && Math.abs(deviceMs - input.gatewayTimeMs) > this.rules.maxSkewMs) return "skew";
		return undefined;
	}

	private step(input: DeviceTimeInput, deviceMs: number): ImplausibleReason | undefined {
		const { rules } = this;
		const offset = deviceMs - input.monotonicMs;
		const track = this.boots.get(input.deviceId);
		if (!track || track.bootId !== input.bootId) {
			this.boots.set(input.deviceId, {
				bootId: input.bootId,
				lastSeq: input.seq,
				lastDeviceMs: deviceMs,
				maxOffsetMs: offset,
				maxOffsetAtMs: input.monotonicMs,
			});
			return undefined;
		}
		let reason: ImplausibleReason | undefined;
		if (input.seq > track.lastSeq) {
			if (deviceMs < track.lastDeviceMs - rules.maxStepMs) reason = "jump";
			track.lastSeq = input.seq;
			track.lastDeviceMs = deviceMs;
		}
		const allowed = rules.maxStepMs + rules.driftRatio * Math.max(0, input.monotonicMs - track.maxOffsetAtMs);
		if (offset > track.maxOffsetMs + allowed) reason = "jump";
		if (offset > track.maxOffsetMs) {
			track.maxOffsetMs = offset;
			track.maxOffsetAtMs = input.monotonicMs;
		}
		return reason;
	}
}
