/**
 * A TCP proxy on loopback for fault injection between the gateway and the billing service:
 * passes bytes, refuses connections (cloud down), cuts connections at random after some bytes
 * (a dropped link mid-request or mid-response), or swallows responses (the client times out
 * although the server applied the request: the case that makes "exactly once" hard).
 */
import { createConnection, createServer, type Server, type Socket } from "node:net";

export type ProxyMode = "pass" | "refuse" | "faulty";

export interface ProxyFaults {
	/** Chance that a connection is cut after a random number of bytes. */
	cutProbability: number;
	/** Chance that a connection's response is swallowed (the request still reaches the server). */
	swallowProbability: number;
}

export interface TcpProxy {
	port: number;
	mode: ProxyMode;
	faults: ProxyFaults;
	target: { host: string; port: number };
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
		const faulty = proxy.mode === "faulty";
		const swallow = faulty && random() < proxy.faults.swallowProbability;
		const cutAfter = faulty && !swallow && random() < proxy.faults.cutProbability ? Math.floor(random() * 4000) : Number.POSITIVE_INFINITY;
		let forwarded = 0;
		const cut = () => {
			proxy.stats.cut++;
			client.destroy();
			upstream.destroy();
		};
		client.on("data", (chunk: Buffer) => {
			forwarded += chunk.length;
			if (forwarded > cutAfter) return cut();
			upstream.write(chunk);
		});
		upstream.on("data", (chunk: Buffer) => {
			if (swallow) {
				proxy.stats.swallowed++;
				return;
			}
			forwarded += chunk.length;
			if (forwarded > cutAfter) return cut();
			client.write(chunk);
		});
		client.on("close", () => upstream.destroy());
		upstream.on("close", () => {
			if (!swallow) client.destroy();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const address = server.address();
	proxy.port = typeof address === "object" && address ? address.port : 0;
	return proxy;
}
