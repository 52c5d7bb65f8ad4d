/**
 * A TCP proxy on loopback for fault injection between the gateway and the billing service:
 * passes bytes, refuses connections (cloud down), cuts connections at random after some bytes
 * (a dropped link mid-request or mid-response), or swallows responses (the client times out
 * although the server applied the request: the case that makes "exactly once" hard).
 */
import { createConnection, createServer, type Server, type Socket } from "node:net";

const REQUEST_LINE = /^(GET|POST|PUT|DELETE|PATCH|HEAD) /;

export type ProxyMode = "pass" | "refuse" | "faulty";

export interface ProxyFaults {
	/** Chance that a request's connection is cut (half before it is forwarded, half just after). */
	cutProbability: number;
	/** Chance that a request reaches the server but its answer is swallowed (the client times out). */
	swallowProbability: number;
}

export interface TcpProxy {
	port: number;
	mode: ProxyMode;
	faults: ProxyFaults;
	target: { host: string; port: number };
	/** Added before each chunk from the client is forwarded (a slow link). */
	delayMs: number;
	readonly stats: { connections: number; cut: number; swallowed: number; refused: number };
	close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }, random: () => number = Math.random): Promise<TcpProxy> {
	const sockets = new Set<Socket>();
	const proxy: TcpProxy = {
		port: 0,
		mode: "pass",
		faults: { cutProbability: 0.2, swallowProbability: 0.2 },
		target,
		delayMs: 0,
		stats: { connections: 0, cut: 0, swallowed: 0, refused: 0 },
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
	const track = (socket: Socket) => {
		sockets.add(socket);
		socket.on("close", () => sockets.delete(socket));
		socket.on("error", () => socket.destroy());
	};
	const server: Server = createServer((client) => {
		track(client);
		proxy.stats.connections++;
		if (proxy.mode === "refuse") {
			proxy.stats.refused++;
			client.destroy();
			return;
		}
		const upstream = createConnection(proxy.target);
		track(upstream);
		// Faults are drawn per HTTP request (a chunk that starts a request line), not per
		// connection: keep-alive connections carry many requests.
		let swallowing = false;
		const cut = () => {
			proxy.stats.cut++;
			client.destroy();
			upstream.destroy();
		};
		client.on("data", (chunk: Buffer) => {
			if (proxy.delayMs > 0) client.pause();
			const forward = () => {
				client.resume();
				if (proxy.mode !== "faulty" || swallowing || !REQUEST_LINE.test(chunk.subarray(0, 8).toString("latin1"))) {
					upstream.write(chunk);
					return;
				}
				const roll = random();
				if (roll < proxy.faults.cutProbability / 2) return cut(); // the request never arrives
				upstream.write(chunk);
				if (roll < proxy.faults.cutProbability)
					setTimeout(cut, random() * 50); // it may arrive; its answer is lost
				else if (roll < proxy.faults.cutProbability + proxy.faults.swallowProbability) {
					proxy.stats.swallowed++;
					swallowing = true;
				}
			};
			if (proxy.delayMs > 0) setTimeout(forward, proxy.delayMs);
			else forward();
		});
		upstream.on("data", (chunk: Buffer) => {
			if (!swallowing) client.write(chunk);
		});
		client.on("close", () => upstream.destroy());
		upstream.on("close", () => {
			if (!swallowing) client.destroy();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const address = server.address();
	proxy.port = typeof address === "object" && address ? address.port : 0;
	return proxy;
}
