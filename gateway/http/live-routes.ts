/**
 * GET /api/v1/live: the gateway's events for the technician app as server-sent events (HTML
 * Living Standard, "Server-sent events"): `reading`, `device`, `sync`, `task`, `evidence` and
 * `alert`, each a JSON object in `data`. A comment every 15 s keeps proxies and the browser from
 * timing the stream out; the browser's EventSource reconnects by itself and the app adds backoff.
 */
import type { ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import type { GatewayEventName, GatewayEvents } from "../events.js";
import type { SyncStateTracker } from "../work/sync-state.js";

export interface LiveRouteDependencies {
	events: GatewayEvents;
	sync: SyncStateTracker;
	heartbeatMs?: number;
}

/** Gateway event -> SSE event name. */
const FORWARDED: Array<[GatewayEventName, string]> = [
	["reading", "reading"],
	["deviceAttached", "device"],
	["deviceDetached", "device"],
	["taskChanged", "task"],
	["evidenceSealed", "evidence"],
	["alert", "alert"],
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

		app.get("/api/v1/live", (request, reply) => {
			reply.hijack();
			const stream = reply.raw;
			stream.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive", "x-accel-buffering": "no" });
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
			const heartbeat = setInterval(() => stream.write(": keep-alive\n\n"), deps.heartbeatMs ?? 15_000);
			request.raw.once("close", () => {
				clearInterval(heartbeat);
				for (const off of unsubscribe) off();
				streams.delete(stream);
			});
		});
	};
}
