/**
 * What happens on the gateway, for listeners outside the ingest path (Node-RED flows, the coming
 * technician app): a typed event map, delivered asynchronously. A listener runs after the code
 * that emitted has returned (never inside a commit or a device session), and an exception in a
 * listener is caught and reported, so no listener can stop readings being stored and acked.
 */
import type { EvidenceView } from "./evidence/evidence-log.js";

export interface GatewayReading {
	deviceId: string;
	/** The device's model from its hello ("" when unknown). */
	model: string;
	bootId: string;
	seq: number;
	quantity: string;
	/** null when the device sent NaN or infinity (an overloaded input). */
	value: number | null;
	unit: string;
	channel: string;
	flags: number;
	deviceTimeUs: number;
	/** Gateway time when the reading arrived, ms since the epoch. */
	receivedAt: number;
}

export interface GatewayAlert {
	id: number;
	severity: "info" | "warning" | "critical";
	title: string;
	message: string;
	/** Who raised it: "api", "flow:<node id>", "gateway". */
	source: string;
	deviceId: string | null;
	workOrderId: string | null;
	taskId: string | null;
	technicianId: string | null;
	data: unknown;
	createdAt: string;
}

export interface GatewayEventMap {
	/** A reading is durable in the store (emitted once per stored reading, never for re-sends). */
	reading: GatewayReading;
	deviceAttached: { deviceId: string; model: string; transport: string; link: string; at: number };
	deviceDetached: { deviceId: string; reason: string | null; at: number };
	/** A signed checkpoint now covers these records. */
	evidenceSealed: { afterSeq: number; upToSeq: number; records: EvidenceView[]; at: number };
	/** Uplink state, emitted by the cloud uplink when one runs. */
	syncState: { state: string; queueDepth: number; lastReceiptAt: number | null; at: number };
	/** Something a person should look at: device trouble, failed commits. */
	alarm: { code: string; severity: "warning" | "critical"; message: string; deviceId: string | null; at: number };
	/** An alert raised for the technician (POST /api/v1/alerts or a flow). */
	alert: GatewayAlert;
	/** A task's status changed on this gateway. */
	taskChanged: { workOrderId: string; taskId: string; status: string; by: string; at: number };
	/** The downlink brought new office decisions (time approved or rejected, milestones, invoices, visits, sign-offs). */
	officeChanged: { kinds: string[]; at: number };
}

export type GatewayEventName = keyof GatewayEventMap;
export type GatewayListener<K extends GatewayEventName> = (payload: GatewayEventMap[K]) => void;

/** Events waiting for delivery; past this, the oldest are dropped and counted. */
const MAX_QUEUED = 100_000;

export class GatewayEvents {
	readonly stats = { emitted: 0, delivered: 0, listenerErrors: 0, dropped: 0 };
	private readonly listeners = new Map<GatewayEventName, Set<GatewayListener<GatewayEventName>>>();
	private queue: Array<[GatewayEventName, unknown]> = [];
	private scheduled = false;

	constructor(
		private readonly onListenerError: (error: unknown, event: GatewayEventName) => void,
		private readonly schedule: (drain: () => void) => void = (drain) => setImmediate(drain),
	) {}

	/** Returns the function that removes the listener. */
	on<K extends GatewayEventName>(event: K, listener: GatewayListener<K>): () => void {
		let set = this.listeners.get(event);
		if (!set) {
			set = new Set();
			this.listeners.set(event, set);
		}
		set.add(listener as GatewayListener<GatewayEventName>);
		return () => {
			set.delete(listener as GatewayListener<GatewayEventName>);
		};
	}

	/** Lets emitters skip building a payload nobody will read (readings come at high rates). */
	hasListeners(event: GatewayEventName): boolean {
		return (this.listeners.get(event)?.size ?? 0) > 0;
	}

	emit<K extends GatewayEventName>(event: K, payload: GatewayEventMap[K]): void {
		if (!this.hasListeners(event)) return;
		this.stats.emitted++;
		if (this.queue.length >= MAX_QUEUED) {
			this.queue.shift();
			this.stats.dropped++;
		}
		this.queue.push([event, payload]);
		if (this.scheduled) return;
		this.scheduled = true;
		this.schedule(() => this.drain());
	}

	private drain(): void {
		this.scheduled = false;
		const batch = this.queue;
		this.queue = [];
		for (const [event, payload] of batch) {
			for (const listener of this.listeners.get(event) ?? []) {
				try {
					listener(payload as never);
					this.stats.delivered++;
				} catch (error) {
					this.stats.listenerErrors++;
					this.onListenerError(error, event);
				}
			}
		}
	}
}
