/**
 * Finds tools on serial ports and keeps them connected. Each configured target is either an
 * explicit path or a USB match (vendor id, product id, serial number) against the port list,
 * which is polled, so a tool plugged in later, unplugged, or re-plugged on another port is picked
 * up without a restart. One small state machine per path:
 *
 *   idle --poll finds path--> opening --ok--> open --link closed--> idle
 *                                  \--fails--> backoff --delay--> idle
 */
import { existsSync } from "node:fs";
import type { Clock, TimerHandle } from "../../platform/clock.js";
import type { Logger } from "../../platform/logger.js";
import type { EnvelopeLink } from "../../protocol/link.js";
import { listSerialPorts, openSerialLink, type SerialBinding, type SerialPortInfo } from "../../protocol/transport/serial.js";

export interface SerialTarget {
	path?: string;
	vendorId?: string;
	productId?: string;
	serialNumber?: string;
	baudRate?: number;
}

export interface SerialManagerOptions {
	targets: readonly SerialTarget[];
	onLink: (link: EnvelopeLink) => void;
	logger: Logger;
	clock: Clock;
	binding?: SerialBinding;
	pollIntervalMs?: number;
	/** Injected in tests; opens the framed link. */
	open?: (path: string, target: SerialTarget) => Promise<EnvelopeLink>;
	/** Injected in tests; lists ports. */
	list?: () => Promise<SerialPortInfo[]>;
	/** Injected in tests; whether an explicit path exists. */
	exists?: (path: string) => boolean;
}

type PortState = { kind: "opening" } | { kind: "open"; link: EnvelopeLink } | { kind: "backoff"; until: number; delayMs: number };

const FIRST_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 5000;

export class SerialManager {
	private readonly ports = new Map<string, PortState>();
	private timer: TimerHandle | undefined;
	private stopped = false;
	private polling = false;
	private readonly pollIntervalMs: number;

	constructor(private readonly options: SerialManagerOptions) {
		this.pollIntervalMs = options.pollIntervalMs ?? 1000;
	}

	start(): void {
		this.stopped = false;
		void this.poll();
	}

	async stop(): Promise<void> {
		this.stopped = true;
		this.options.clock.clearTimeout(this.timer);
		const closing: Promise<void>[] = [];
		for (const state of this.ports.values()) if (state.kind === "open") closing.push(state.link.close());
		await Promise.allSettled(closing);
		this.ports.clear();
	}

	/** Paths currently open, for the devices API and tests. */
	openPaths(): string[] {
		return [...this.ports].filter(([, state]) => state.kind === "open").map(([path]) => path);
	}

	async poll(): Promise<void> {
		if (this.stopped || this.polling) return;
		this.polling = true;
		try {
			for (const [path, target] of await this.candidates()) this.consider(path, target);
		} catch (error) {
			this.options.logger.warn({ err: error }, "listing serial ports failed; will retry");
		} finally {
			this.polling = false;
			if (!this.stopped) this.timer = this.options.clock.setTimeout(() => void this.poll(), this.pollIntervalMs);
		}
	}

	private async candidates(): Promise<Map<string, SerialTarget>> {
		const found = new Map<string, SerialTarget>();
		const exists = this.options.exists ?? existsSync;
		const matchers = this.options.targets.filter((target) => !target.path);
		for (const target of this.options.targets) if (target.path && exists(target.path)) found.set(target.path, target);
		if (matchers.length > 0) {
			const ports = await (this.options.list ?? (() => listSerialPorts(this.options.binding)))();
			for (const port of ports) {
				const target = matchers.find((matcher) => matches(matcher, port));
				if (target && !found.has(port.path)) found.set(port.path, target);
			}
		}
		return found;
	}

	private consider(path: string, target: SerialTarget): void {
		const state = this.ports.get(path);
		if (state?.kind === "open" || state?.kind === "opening") return;
		if (state?.kind === "backoff" && this.options.clock.monotonic() < state.until) return;
		this.ports.set(path, { kind: "opening" });
		const previousDelay = state?.kind === "backoff" ? state.delayMs : 0;
		const open =
			this.options.open ??
			((portPath: string, portTarget: SerialTarget) => openSerialLink({ path: portPath, baudRate: portTarget.baudRate, binding: this.options.binding }));
		open(path, target).then(
			(link) => {
				if (this.stopped) {
					void link.close();
					return;
				}
				this.ports.set(path, { kind: "open", link });
				this.options.logger.info({ path }, "serial port opened");
				link.once("close", (reason) => {
					this.ports.delete(path);
					this.options.logger.info({ path, reason: reason?.message }, "serial port closed; watching for it to come back");
				});
				this.options.onLink(link);
			},
			(error: Error) => {
				const delayMs = Math.min(Math.max(previousDelay * 2, FIRST_BACKOFF_MS), MAX_BACKOFF_MS);
				this.ports.set(path, { kind: "backoff", until: this.options.clock.monotonic() + delayMs, delayMs });
				this.options.logger.warn({ path, err: error, retryInMs: delayMs }, "could not open serial port");
			},
		);
	}
}

function matches(target: SerialTarget, port: SerialPortInfo): boolean {
	const same = (wanted: string | undefined, actual: string | undefined) => wanted === undefined || wanted.toLowerCase() === (actual ?? "").toLowerCase();
	return same(target.vendorId, port.vendorId) && same(target.productId, port.productId) && same(target.serialNumber, port.serialNumber);
}
