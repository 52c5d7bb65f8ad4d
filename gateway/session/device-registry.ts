/**
 * Which devices are connected, over what, and their counters: the live half of the devices API.
 * A device is known by its hello's device_id, never by its port or client id, so a tool moved to
 * another USB port (or from serial to MQTT) is the same device. But an id only claimed in a hello
 * (serial) never displaces one the broker authenticated (MQTT) while that session is up, and the
 * registry remembers at most MAX_REMEMBERED_DEVICES devices that have left (limits.ts).
 */
import { EventEmitter } from "node:events";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { Logger } from "../../platform/logger.js";
import { emptyLinkCounters, type LinkCounters, type TransportKind } from "../../protocol/link.js";
import { type DeviceSession, emptySessionCounters, type IdentityProof, type SessionCounters } from "./device-session.js";
import { MAX_REMEMBERED_DEVICES } from "./limits.js";

export interface DeviceLiveState {
	deviceId: string;
	connected: boolean;
	transport: TransportKind;
	link: string;
	/** How the device's id was established on its latest session (device-session.ts, IdentityProof). */
	identity: IdentityProof;
	/** True when that id was authenticated (the broker checked the device's password), not only claimed. */
	authenticated: boolean;
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
	/** A claimed id was refused because an authenticated session holds it; that session stays. */
	claimRefused: [deviceId: string, session: DeviceSession, error: FieldchainError];
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
		private readonly maxRemembered: number = MAX_REMEMBERED_DEVICES,
	) {
		super();
	}

	/** Starts tracking a session; it appears under its device id once it said hello. */
	track(session: DeviceSession): void {
		session.identityGuard = (deviceId) => this.checkClaim(deviceId, session);
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

	/**
	 * Refuses a claimed id (serial) while a session whose id the broker authenticated holds it: a
	 * cable and a hello must not take over an MQTT device's identity. The other way round (an
	 * authenticated session replacing a claimed one) is allowed, as is claim after claim.
	 */
	private checkClaim(deviceId: string, session: DeviceSession): FieldchainError | undefined {
		const holder = this.entries.get(deviceId)?.session;
		if (!holder || holder === session || holder.state === "closed") return undefined;
		if (session.identityProof !== "claimed" || holder.identityProof === "claimed") return undefined;
		const error = new FieldchainError(
			ErrorCodes.FC_PROTO_IDENTITY,
			`Device on ${session.link.label} claims to be "${deviceId}", which is connected over ${holder.link.transport} with an authenticated identity (${holder.link.label}); the claim is refused and that link closed.`,
			{ hint: "Two tools share an id, or someone plugged in a tool pretending to be another: check the device on that port." },
		);
		this.logger.error({ code: error.code, deviceId, link: session.link.label, authenticatedLink: holder.link.label }, error.message);
		this.emit("claimRefused", deviceId, session, error);
		return error;
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
			this.forgetLongestGone();
			entry = { session, state: emptyState(deviceId, session, this.now()), retired: zeroCounters() };
			this.entries.set(deviceId, entry);
		}
		entry.session = session;
		entry.state.connected = true;
		entry.state.transport = session.link.transport;
		entry.state.link = session.link.label;
		entry.state.identity = session.identityProof;
		entry.state.authenticated = session.identityProof !== "claimed";
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

	/** Keeps the remembered (disconnected) devices under the bound: the one gone longest goes first. */
	private forgetLongestGone(): void {
		if (this.entries.size < this.maxRemembered) return;
		let oldest: [string, Entry] | undefined;
		for (const pair of this.entries) {
			const detachedAt = pair[1].state.detachedAt;
			if (pair[1].session || detachedAt === undefined) continue;
			if (!oldest || detachedAt < (oldest[1].state.detachedAt ?? 0)) oldest = pair;
		}
		if (oldest) this.entries.delete(oldest[0]);
	}

	/** How many devices the registry holds (connected and remembered). */
	get size(): number {
		return this.entries.size;
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
		identity: session.identityProof,
		authenticated: session.identityProof !== "claimed",
		attachedAt: now,
		detachedAt: undefined,
		lastError: undefined,
		counters: zeroCounters(),
		lastHeartbeatAt: undefined,
		deviceUnackedReadings: undefined,
	};
}
