/**
 * The gateway's time and how far it can be trusted (issue "Time you can trust offline"):
 * - synchronised: the kernel says its clock is disciplined (NTP); the wall clock is used;
 * - trusted-source: set from a source the gateway was configured to trust (a GNSS tool over the
 *   device protocol), then carried forward on the monotonic clock, so later wall-clock jumps do
 *   not move it;
 * - unsynchronised: neither; the wall clock is used and every record says so.
 * Every stamp carries the boot anchor (boot id + monotonic offset), so a trusted time learnt later
 * re-anchors what was stamped while unsynchronised. Invariant: a stamp's quality describes the very
 * time it carries; only configured sources can make the gateway trust a time.
 */
import type { Clock, TimerHandle } from "../../platform/clock.js";
import type { Logger } from "../../platform/logger.js";
import type { BootAnchor } from "./boot-anchor.js";
import type { KernelSyncProbe } from "./kernel-sync.js";

export type ClockQuality = "synchronised" | "trusted-source" | "unsynchronised";

/** The wire number of a quality, the same in the evidence and device protocols. */
export const QUALITY_CODES: Readonly<Record<ClockQuality, number>> = { unsynchronised: 1, synchronised: 2, "trusted-source": 3 };

export interface TimeStamp {
	/** The time to stamp, milliseconds since the Unix epoch. */
	timeMs: number;
	quality: ClockQuality;
	/** "ntp", "gnss:<device id>", or "" when unsynchronised. */
	source: string;
	bootId: Buffer;
	monotonicMs: number;
}

export interface TrustedFix {
	source: string;
	/** The trusted UTC time, and where on the monotonic clock it was received. */
	utcMs: number;
	monotonicMs: number;
	uncertaintyMs: number;
	/** Trusted minus wall clock when it was received (for the status). */
	wallOffsetMs: number;
}

export interface GatewayTimeOptions {
	clock: Clock;
	anchor: BootAnchor;
	/** The kernel's NTP status; absent: never synchronised (tests, platforms without one). */
	probe?: KernelSyncProbe;
	/** Device ids whose TimeSync the gateway trusts (GNSS tools). */
	trustedDevices?: readonly string[];
	/** How often to ask the kernel (default 60 s). */
	pollMs?: number;
	logger?: Logger;
}

export class GatewayTime {
	private kernelSynchronised: boolean | undefined;
	private fix: TrustedFix | undefined;
	private timer: TimerHandle | undefined;
	private stopped = false;
	private readonly trusted: ReadonlySet<string>;
	/** Times a TimeSync from a device the gateway does not trust was ignored. */
	untrustedOffers = 0;

	private readonly startedMonotonicMs: number;

	constructor(private readonly options: GatewayTimeOptions) {
		this.trusted = new Set(options.trustedDevices ?? []);
		this.startedMonotonicMs = options.anchor.monotonicMs();
	}

	/** Milliseconds since this gateway started, on the monotonic clock (a wall-clock jump does not move it). */
	uptimeMs(): number {
		return this.options.anchor.monotonicMs() - this.startedMonotonicMs;
	}

	/** Asks the kernel now and then every pollMs (on the monotonic timer clock). */
	async start(): Promise<void> {
		this.stopped = false;
		await this.refresh();
		this.schedule();
	}

	stop(): void {
		this.stopped = true;
		this.options.clock.clearTimeout(this.timer);
		this.timer = undefined;
	}

	async refresh(): Promise<void> {
		const probe = this.options.probe;
		if (!probe) return;
		const before = this.kernelSynchronised;
		try {
			this.kernelSynchronised = await probe();
		} catch {
			this.kernelSynchronised = undefined;
		}
		if (before !== this.kernelSynchronised)
			this.options.logger?.info({ synchronised: this.kernelSynchronised ?? "unknown" }, "kernel clock synchronisation changed");
	}

	private schedule(): void {
		if (this.stopped) return;
		this.timer = this.options.clock.setTimeout(() => {
			void this.refresh().finally(() => this.schedule());
		}, this.options.pollMs ?? 60_000);
	}

	/** For tests and for a probe pushed from outside. */
	setKernelSynchronised(synchronised: boolean | undefined): void {
		this.kernelSynchronised = synchronised;
	}

	isTrustedDevice(deviceId: string): boolean {
		return this.trusted.has(deviceId);
	}

	/**
	 * A time from a source; used only when the source is configured (`gnss:<device id>` for a device
	 * in trustedDevices). `monotonicMs` is when it was received. True when it was taken.
	 */
	noteTrustedTime(source: string, utcMs: number, monotonicMs: number, uncertaintyMs = 0): boolean {
		const trusted = source.startsWith("gnss:") && this.trusted.has(source.slice(5));
		if (!trusted || !Number.isSafeInteger(utcMs) || utcMs <= 0) {
			this.untrustedOffers++;
			return false;
		}
		const wallNow = this.options.clock.now();
		const elapsed = this.options.anchor.monotonicMs() - monotonicMs;
		this.fix = { source, utcMs, monotonicMs, uncertaintyMs, wallOffsetMs: utcMs + elapsed - wallNow };
		return true;
	}

	/** The time to stamp now, its quality and the boot anchor. Cheap: called per reading. */
	stamp(): TimeStamp {
		const { clock, anchor } = this.options;
		const monotonicMs = anchor.monotonicMs();
		if (this.kernelSynchronised === true) return { timeMs: clock.now(), quality: "synchronised", source: "ntp", bootId: anchor.bootId, monotonicMs };
		const fix = this.fix;
		if (fix) return { timeMs: fix.utcMs + (monotonicMs - fix.monotonicMs), quality: "trusted-source", source: fix.source, bootId: anchor.bootId, monotonicMs };
		return { timeMs: clock.now(), quality: "unsynchronised", source: "", bootId: anchor.bootId, monotonicMs };
	}

	/** What /healthz and /metrics show. */
	status(): ClockStatus {
		const stamp = this.stamp();
		const wall = this.options.clock.now();
		return {
			quality: stamp.quality,
			source: stamp.source,
			kernelSynchronised: this.kernelSynchronised ?? null,
			bootId: stamp.bootId.toString("hex"),
			monotonicMs: stamp.monotonicMs,
			time: new Date(stamp.timeMs).toISOString(),
			wallClockOffsetMs: stamp.timeMs - wall,
			trustedFix: this.fix ? { source: this.fix.source, ageMs: stamp.monotonicMs - this.fix.monotonicMs, uncertaintyMs: this.fix.uncertaintyMs } : null,
			untrustedOffers: this.untrustedOffers,
		};
	}
}

export interface ClockStatus {
	quality: ClockQuality;
	source: string;
	/** null: the kernel's status could not be read (treated as unsynchronised). */
	kernelSynchronised: boolean | null;
	bootId: string;
	monotonicMs: number;
	/** The gateway's best time now, ISO 8601. */
	time: string;
	/** That time minus the wall clock (non-zero while a trusted source corrects a wrong wall clock). */
	wallClockOffsetMs: number;
	trustedFix: { source: string; ageMs: number; uncertaintyMs: number } | null;
	untrustedOffers: number;
}
