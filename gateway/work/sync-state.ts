/**
 * What the technician app shows about the uplink: queue depth, last receipt, online or not. The
 * uplink (gateway/uplink/drain.ts) announces its state as the gateway's `syncState` event;
 * this tracker keeps the latest one. Until an uplink announces anything, the state says
 * "not configured" rather than pretending to be in sync.
 */
import type { GatewayEventMap, GatewayEvents } from "../events.js";

export interface AppSyncState {
	/** False until an uplink has reported: no cloud is configured (or it has not started yet). */
	configured: boolean;
	/** The drain's state: idle, draining, backoff, circuit-open, stopped. */
	state: string;
	/** Records waiting to be sent, when known. */
	queueDepth: number | null;
	lastReceiptAt: string | null;
	/** False while the uplink cannot reach the cloud (backoff, open circuit). */
	online: boolean;
	at: string | null;
}

const OFFLINE_STATES = new Set(["backoff", "circuit-open", "stopped"]);

/** The adapter from the uplink's syncState event to what the app shows. */
export function syncStateFromUplink(event: GatewayEventMap["syncState"] | undefined): AppSyncState {
	if (!event) return { configured: false, state: "not configured", queueDepth: null, lastReceiptAt: null, online: false, at: null };
	return {
		configured: true,
		state: event.state,
		queueDepth: event.queueDepth,
		lastReceiptAt: event.lastReceiptAt === null ? null : new Date(event.lastReceiptAt).toISOString(),
		online: !OFFLINE_STATES.has(event.state),
		at: new Date(event.at).toISOString(),
	};
}

export class SyncStateTracker {
	private last: GatewayEventMap["syncState"] | undefined;

	constructor(events: GatewayEvents) {
		events.on("syncState", (event) => {
			this.last = event;
		});
	}

	read(): AppSyncState {
		return syncStateFromUplink(this.last);
	}
}
