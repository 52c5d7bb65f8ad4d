/**
 * GET /api/v1/live: the gateway's events for the technician app as server-sent events (HTML
 * Living Standard, "Server-sent events"): `reading`, `device`, `sync`, `task`, `evidence` and
 * `alert`, each a JSON object in `data`. A comment every 15 s keeps proxies and the browser from
 * timing the stream out; the browser's EventSource reconnects by itself and the app adds backoff.
 */
import type { ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import type { GatewayEventName, GatewayReading } from "../events.js";
import type { GatewayParts } from "../parts.js";
import type { SyncStateTracker } from "../work/sync-state.js";
import { access } from "./route-access.js";

export interface LiveRouteDependencies extends Pick<GatewayParts, "events"> {
	sync: SyncStateTracker;
	heartbeatMs?: number;
	/** At most one reading per device per this many ms goes to a page (the latest wins); default 100. */
	readingIntervalMs?: number;
}

/**
 * A tool may send hundreds of readings a second; a phone needs ten to draw a live trend. Per
 * device, a reading is sent at once if the last went out long enough ago, else it waits (replacing
 * any waiting one) until the interval is up. Every reading is stored either way.
 */
export function readingPacer(send: (reading: GatewayReading) => void, intervalMs: number) {
	const devices = new Map<string, { lastAt: number; waiting: GatewayReading | undefined; timer: ReturnType<typeof setTimeout> | undefined }>();
	return {
		offer(reading: GatewayReading): void {
			let device = devices.get(reading.deviceId);
			if (!device) {
				device = { lastAt: 0, waiting: undefined, timer: undefined };
				devices.set(reading.deviceId, device);
			}
			const now = Date.now();
			if (now - device.lastAt >= intervalMs && !device.timer) {
				device.lastAt = now;
				send(reading);
				return;
			}
			device.waiting = reading;
			if (device.timer) return;
			const entry = device;
			entry.timer = setTimeout(
				() => {
					entry.timer = undefined;
					entry.lastAt = Date.now();
					if (entry.waiting) send(entry.waiting);
					entry.waiting = undefined;
				},
				Math.max(0, entry.lastAt + intervalMs - now),
			);
		},
		stop(): void {
			for (const device of devices.values()) clearTimeout(device.timer);
		},
	};
}

/** Gateway event -> SSE event name. */
const FORWARDED: Array<[GatewayEventName, string]> = [
	["deviceAttached", "device"],
	["deviceDetached", "device"],
	["taskChanged", "task"],
	["evidenceSealed", "evidence"],
	["alert", "alert"],
	["officeChanged", "office"],
];

function send(stream: ServerResponse, event: string, data: unknown): void {
	stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

export function liveRoutes(deps: LiveRouteDependencies) {
	const streams = new Set<ServerResponse>();
	return (app: FastifyInstance): void => {
		// Open streams would keep the server from closing: end them first.
		app.addHook("preClose", async () => {
			for (const stream of streams) stream.end();
			streams.clear();
		});

		app.get("/api/v1/live", access("session-or-token"), (request, reply) => {
			reply.hijack();
			const stream = reply.raw;
			stream.writeHead(200, {
				"content-type": "text/event-stream; charset=utf-8",
				"cache-control": "no-cache",
				connection: "keep-alive",
				"x-accel-buffering": "no",
			});
			// HEAD gets the headers only: Node sends nothing of a HEAD answer until it ends.
			if (request.method === "HEAD") return void stream.end();
			stream.write("retry: 2000\n\n");
			send(stream, "sync", deps.sync.read());
			streams.add(stream);
			const unsubscribe = FORWARDED.map(([name, event]) =>
				deps.events.on(name, (payload: unknown) => {
					if (name === "evidenceSealed") {
						const sealed = payload as { afterSeq: number; upToSeq: number; records: Array<{ workOrderId: string; taskId: string }> };
						const tasks = [...new Set(sealed.records.map((record) => `${record.workOrderId}/${record.taskId}`))];
						send(stream, event, { afterSeq: sealed.afterSeq, upToSeq: sealed.upToSeq, tasks });
					} else send(stream, event, payload);
				}),
			);
			unsubscribe.push(deps.events.on("syncState", () => send(stream, "sync", deps.sync.read())));
			const pacer = readingPacer((reading) => send(stream, "reading", reading), deps.readingIntervalMs ?? 100);
			unsubscribe.push(
				deps.events.on("reading", (reading) => pacer.offer(reading)),
				() => pacer.stop(),
			);
			const heartbeat = setInterval(() => stream.write(": keep-alive\n\n"), deps.heartbeatMs ?? 15_000);
			request.raw.once("close", () => {
				clearInterval(heartbeat);
				for (const off of unsubscribe) off();
				streams.delete(stream);
			});
		});
	};
}
