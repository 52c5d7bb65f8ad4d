/**
 * The gateway's live event stream (GET /api/v1/live, server-sent events), kept open with backoff:
 * 1 s, 2 s, 4 s ... up to 15 s between attempts while the gateway is away. On each (re)connect the
 * queued input is sent (pending.ts) and views refetch.
 */
import { get } from "./api.js";
import { confirmed, flush } from "./pending.js";
import { Store } from "./store.js";
import type { Reading, SyncState } from "./types.js";

export type LinkState = "connecting" | "online" | "offline";

export const link = new Store<LinkState>("connecting");
export const sync = new Store<SyncState | null>(null);
/** The last readings of each device, oldest first (for the live panels' trend charts). */
export const readings = new Store<Record<string, Reading[]>>({});
/** Bumped on task and evidence changes pushed by the gateway. */
export const changes = new Store(0);

const KEEP = 90;
let source: EventSource | undefined;
let retryMs = 1000;
let timer: ReturnType<typeof setTimeout> | undefined;
let poll: ReturnType<typeof setInterval> | undefined;

interface UplinkStatus {
	configured: boolean;
	state: string;
	queueDepth: number;
	evidence: { lastReceiptAt: number | string | null };
	breaker: { state: string } | null;
}

const OFFLINE_STATES = ["backoff", "circuit-open", "stopped", "off"];

/**
 * The adapter to the uplink: GET /api/v1/uplink (gateway/uplink/uplink-status.ts) as the banner
 * shows it. The `sync` event of the live stream says when the state changes; this reads the
 * queue depth and last receipt, which change without a state change.
 */
export async function readUplinkState(): Promise<SyncState> {
	const status = await get<UplinkStatus>("/api/v1/uplink");
	const receipt = status.evidence.lastReceiptAt;
	return {
		configured: status.configured,
		state: status.configured ? status.state : "not configured",
		queueDepth: status.queueDepth,
		lastReceiptAt: receipt === null ? null : new Date(receipt).toISOString(),
		online: status.configured && !OFFLINE_STATES.includes(status.state) && status.breaker?.state !== "open",
	};
}

function refreshUplink(): void {
	readUplinkState().then(
		(state) => sync.set(state),
		// An older gateway without the uplink route: the stream's sync events still tell the state.
		() => undefined,
	);
}

function onReading(event: MessageEvent<string>): void {
	const reading = JSON.parse(event.data) as Reading;
	readings.update((all) => {
		const list = all[reading.deviceId] ?? [];
		return { ...all, [reading.deviceId]: [...list.slice(-(KEEP - 1)), reading] };
	});
}

export function connectLive(): void {
	clearTimeout(timer);
	source?.close();
	link.set(link.value === "online" ? "connecting" : link.value);
	const stream = new EventSource("/api/v1/live");
	source = stream;
	stream.onopen = () => {
		retryMs = 1000;
		link.set("online");
		void flush().then(() => confirmed.update((n) => n + 1));
		refreshUplink();
		clearInterval(poll);
		let ticks = 0;
		poll = setInterval(() => {
			refreshUplink();
			// Views refetch every 15 s too, for a gateway that does not push the office's decisions.
			if (++ticks % 3 === 0) changes.update((n) => n + 1);
		}, 5000);
	};
	stream.onerror = () => {
		// Our own backoff instead of the browser's fixed retry.
		stream.close();
		clearInterval(poll);
		link.set("offline");
		timer = setTimeout(connectLive, retryMs);
		retryMs = Math.min(retryMs * 2, 15_000);
	};
	stream.addEventListener("reading", onReading);
	stream.addEventListener("sync", (event) => {
		sync.set(JSON.parse((event as MessageEvent<string>).data) as SyncState);
		refreshUplink();
	});
	// "office": the office's decisions came down (time approved or rejected, milestone released, invoice).
	for (const name of ["task", "evidence", "device", "office"]) stream.addEventListener(name, () => changes.update((n) => n + 1));
}

export function disconnectLive(): void {
	clearTimeout(timer);
	clearInterval(poll);
	source?.close();
	source = undefined;
}
