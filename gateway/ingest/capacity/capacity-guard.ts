/**
 * The disk quota with priority classes (README, "Capacity"):
 *
 *   class 1 — evidence, checkpoints, time entries, task changes, the outbox: never evicted;
 *             accepted until the disk itself is nearly full (free < reserveBytes).
 *   class 2 — readings of a device whose technician has an active task (they may become
 *             evidence): accepted like class 1.
 *   class 3 — raw readings of a device with no active task: refused (not acked) once the quota is
 *             reached; when rawReadingMaxAgeMs is set, those older than that that matched no task
 *             age out to make room.
 *
 * At "disk-full" no reading is acked (devices keep them and re-send after space returns) and
 * evidence from the API is refused with 507. Every change of level is logged and raised as an
 * alarm; refusals are counted by reason and a device is told why (Error CODE_BUSY) at most once
 * every few seconds. Nothing is dropped silently.
 */
import type { Clock, TimerHandle } from "../../../platform/clock.js";
import { ErrorCodes } from "../../../platform/errors.js";
import type { Logger } from "../../../platform/logger.js";
import type { ReadingRow } from "../../store/reading-store.js";
import type { CapacityConfig } from "./capacity-config.js";
import type { DiskProbe } from "./disk-probe.js";
import type { ReadingEviction } from "./reading-eviction.js";

export type CapacityLevel = "ok" | "quota" | "disk-full";

export interface Refusal {
	reason: "quota" | "disk-full";
	message: string;
	/** Tell the device (rate-limited per device). */
	notify: boolean;
}

export interface CapacityStatus {
	level: CapacityLevel;
	usedBytes: number;
	quotaBytes: number | null;
	freeBytes: number;
	reserveBytes: number;
	refusedReadings: { quota: number; diskFull: number };
	agedOutReadings: number;
	levelSince: number;
	message: string | null;
}

export interface CapacityGuardOptions {
	config: CapacityConfig;
	probe: DiskProbe;
	eviction: ReadingEviction;
	/** Does a technician hold this device on an active task? */
	deviceHasActiveTask: (deviceId: string) => boolean;
	clock: Clock;
	logger: Logger;
	onAlarm: (alarm: { code: string; severity: "warning" | "critical"; message: string }) => void;
}

const NOTIFY_EVERY_MS = 5000;

export class CapacityGuard {
	private levelValue: CapacityLevel = "ok";
	private levelSince: number;
	private used = 0;
	private free = Number.POSITIVE_INFINITY;
	private timer: TimerHandle | undefined;
	private readonly refused = { quota: 0, diskFull: 0 };
	private agedOut = 0;
	private readonly lastNotified = new Map<string, number>();
	private readonly activeCache = new Map<string, boolean>();

	constructor(private readonly options: CapacityGuardOptions) {
		this.levelSince = options.clock.now();
	}

	get level(): CapacityLevel {
		return this.levelValue;
	}

	start(): void {
		this.check();
		const tick = () => {
			this.timer = this.options.clock.setTimeout(() => {
				try {
					this.check();
				} catch (error) {
					this.options.logger.error({ err: error }, "capacity check failed; keeping the last level");
				}
				tick();
			}, this.options.config.checkIntervalMs);
		};
		tick();
	}

	stop(): void {
		this.options.clock.clearTimeout(this.timer);
		this.timer = undefined;
	}

	/** Re-measures, ages out what may go, and moves between levels. */
	check(): CapacityLevel {
		const { config } = this.options;
		this.activeCache.clear();
		this.measure();
		if (config.quotaBytes !== null && this.used >= config.quotaBytes && config.rawReadingMaxAgeMs !== null) {
			const deleted = this.options.eviction.ageOut(this.options.clock.now() - config.rawReadingMaxAgeMs);
			if (deleted > 0) {
				this.agedOut += deleted;
				this.options.logger.info({ deleted, agedOutTotal: this.agedOut }, "capacity: aged out raw readings that matched no task");
				this.measure();
			}
		}
		const level: CapacityLevel = this.free < config.reserveBytes ? "disk-full" : config.quotaBytes !== null && this.used >= config.quotaBytes ? "quota" : "ok";
		if (level !== this.levelValue) this.moveTo(level);
		return level;
	}

	/** For a reading about to be stored: undefined to store it, or why not (it is then not acked). */
	admit(row: ReadingRow): Refusal | undefined {
		if (this.levelValue === "ok") return undefined;
		if (this.levelValue === "quota") {
			let active = this.activeCache.get(row.deviceId);
			if (active === undefined) {
				active = this.options.deviceHasActiveTask(row.deviceId);
				this.activeCache.set(row.deviceId, active);
			}
			if (active) return undefined;
			this.refused.quota++;
			return this.refusal(
				row.deviceId,
				"quota",
				`gateway storage quota reached: readings of devices without an active task are not accepted; keep them and re-send later`,
			);
		}
		this.refused.diskFull++;
		return this.refusal(row.deviceId, "disk-full", "gateway disk nearly full: no reading is accepted now; keep them and re-send later");
	}

	/** Evidence and time from the API: refused only when the disk is nearly full. */
	refusesEvidence(): string | undefined {
		return this.levelValue === "disk-full" ? this.message() : undefined;
	}

	status(): CapacityStatus {
		const { config } = this.options;
		return {
			level: this.levelValue,
			usedBytes: this.used,
			quotaBytes: config.quotaBytes,
			freeBytes: Number.isFinite(this.free) ? this.free : -1,
			reserveBytes: config.reserveBytes,
			refusedReadings: { ...this.refused },
			agedOutReadings: this.agedOut,
			levelSince: this.levelSince,
			message: this.levelValue === "ok" ? null : this.message(),
		};
	}

	private measure(): void {
		this.used = this.options.probe.usedBytes();
		this.free = this.options.probe.freeBytes();
	}

	private refusal(deviceId: string, reason: Refusal["reason"], message: string): Refusal {
		const now = this.options.clock.monotonic();
		const last = this.lastNotified.get(deviceId);
		const notify = last === undefined || now - last >= NOTIFY_EVERY_MS;
		if (notify) this.lastNotified.set(deviceId, now);
		return { reason, message, notify };
	}

	private message(): string {
		const { config } = this.options;
		if (this.levelValue === "disk-full") {
			return `The disk holding the gateway's data is nearly full (${this.free} bytes free, under the reserve of ${config.reserveBytes}): devices are not acked (they keep their readings) and new evidence is refused until space is freed.`;
		}
		return `The gateway's data uses ${this.used} bytes of its ${config.quotaBytes}-byte quota: readings of devices without an active task are refused (not acked); evidence, time entries and readings on active tasks are still accepted.`;
	}

	private moveTo(level: CapacityLevel): void {
		const from = this.levelValue;
		this.levelValue = level;
		this.levelSince = this.options.clock.now();
		this.lastNotified.clear();
		if (level === "ok") {
			this.options.logger.info({ from, usedBytes: this.used, freeBytes: this.free }, "capacity: back under the quota, accepting everything");
			this.options.onAlarm({ code: "capacity-ok", severity: "warning", message: `Storage back to normal (was ${from}).` });
			return;
		}
		const message = this.message();
		this.options.logger[level === "disk-full" ? "error" : "warn"]({ level, usedBytes: this.used, freeBytes: this.free }, message);
		this.options.onAlarm({
			code: level === "disk-full" ? ErrorCodes.FC_CAPACITY_DISK_FULL : ErrorCodes.FC_CAPACITY_QUOTA,
			severity: level === "disk-full" ? "critical" : "warning",
			message,
		});
	}
}
