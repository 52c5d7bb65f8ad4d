/**
 * Which devices are connected, over what, and their counters: the live half of the devices API.
 * A device is known by its hello's device_id, never by its port or client id, so a tool moved to
 * another USB port (or from serial to MQTT) is the same device.
 */
import { EventEmitter } from "node:events";
import type { Logger } from "../../platform/logger.js";
import { emptyLinkCounters, type LinkCounters, type TransportKind } from "../../protocol/link.js";
import { type DeviceSession, emptySessionCounters, type SessionCounters } from "./device-session.js";

export interface DeviceLiveState {
	deviceId: string;
	connected: boolean;
	transport: TransportKind;
	link: string;
	attachedAt: number;
	detachedAt: number | undefined;
	lastError: { code: string; message: string } | undefined;
	/** Counters summed over every session of the device since the gateway started. */
	counters: LinkCounters & SessionCounters;
	lastHeartbeatAt: number | undefined;
	deviceUnackedReadings: number | undefined;
}

export interface RegistryEvents {
	attached: [deviceId: string, session: DeviceSession];
	detached: [deviceId: string, reason: Error | undefined];
}

interface Entry {
	session: DeviceSession | undefined;
	state: DeviceLiveState;
	/** Counters of sessions that have ended. */
	retired: LinkCounters & SessionCounters;
}

export class DeviceRegistry extends EventEmitter<RegistryEvents> {
	private readonly entries = new Map<string, Entry>();

	constructor(
		private readonly logger: Logger,
		private readonly now: () => number = Date.now,
	) {
		super();
	}

	/** Starts tracking a session; it appears under its device id once it said hello. */
	track(session: DeviceSession): void {
		session.on("ready", (identity) => this.attach(identity.deviceId, session));
		session.on("closed", (reason) => {
			const deviceId = session.identity?.deviceId;
			if (deviceId) this.detach(deviceId, session, reason);
		});
	}

	session(deviceId: string): DeviceSession | undefined {
		return this.entries.get(deviceId)?.session;
	}

	sessions(): DeviceSession[] {
		return [...this.entries.values()].flatMap((entry) => (entry.session ? [entry.session] : []));
	}

	live(deviceId: string): DeviceLiveState | undefined {
		const entry = this.entries.get(deviceId);
		return entry ? this.snapshot(entry) : undefined;
	}

	all(): DeviceLiveState[] {
		return [...this.entries.values()].map((entry) => this.snapshot(entry));
	}

	private attach(deviceId: string, session: DeviceSession): void {
		let entry = this.entries.get(deviceId);
		const previous = entry?.session;
		if (previous === session) return; // a repeated hello (reboot) on the same link
		if (previous && previous.state !== "closed") {
			this.logger.warn({ deviceId, oldLink: previous.link.label, newLink: session.link.label }, "device attached on a second link; closing the old one");
			this.retire(entry!, previous);
			void previous.close();
		}
		if (!entry) {
			entry = { session, state: emptyState(deviceId, session, this.now()), retired: zeroCounters() };
			this.entries.set(deviceId, entry);
		}
		entry.session = session;
		entry.state.connected = true;
		entry.state.transport = session.link.transport;
		entry.state.link = session.link.label;
		entry.state.attachedAt = this.now();
		entry.state.detachedAt = undefined;
		this.emit("attached", deviceId, session);
	}

	private detach(deviceId: string, session: DeviceSession, reason: Error | undefined): void {
		const entry = this.entries.get(deviceId);
		if (!entry || entry.session !== session) return;
		this.retire(entry, session);
		entry.session = undefined;
		entry.state.connected = false;
		entry.state.detachedAt = this.now();
		this.logger.info({ deviceId, link: session.link.label, reason: reason?.message }, "device detached");
		this.emit("detached", deviceId, reason);
	}

	private retire(entry: Entry, session: DeviceSession): void {
		addCounters(entry.retired, { ...session.link.counters, ...session.counters });
		if (session.lastError) entry.state.lastError = { code: session.lastError.code, message: session.lastError.message };
		entry.state.lastHeartbeatAt = session.lastHeartbeatAt ?? entry.state.lastHeartbeatAt;
	}

	private snapshot(entry: Entry): DeviceLiveState {
		const counters = { ...entry.retired };
		const session = entry.session;
		if (session) addCounters(counters, { ...session.link.counters, ...session.counters });
		const lastError = session?.lastError ? { code: session.lastError.code, message: session.lastError.message } : entry.state.lastError;
		return {
			...entry.state,
			counters,
			lastError,
			lastHeartbeatAt: session?.lastHeartbeatAt ?? entry.state.lastHeartbeatAt,
			deviceUnackedReadings: session?.deviceUnackedReadings ?? entry.state.deviceUnackedReadings,
		};
	}
}

function zeroCounters(): LinkCounters & SessionCounters {
	return { ...emptyLinkCounters(), ...emptySessionCounters() };
}

function addCounters(target: LinkCounters & SessionCounters, source: LinkCounters & SessionCounters): void {
	for (const key of Object.keys(target) as Array<keyof typeof target>) target[key] += source[key] ?? 0;
}

function emptyState(deviceId: string, session: DeviceSession, now: number): DeviceLiveState {
	return {
		deviceId,
		connected: true,
		transport: session.link.transport,
		link: session.link.label,
		attachedAt: now,
		detachedAt: undefined,
		lastError: undefined,
		counters: zeroCounters(),
		lastHeartbeatAt: undefined,
		deviceUnackedReadings: undefined,
	};
}
