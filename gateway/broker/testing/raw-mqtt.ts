/**
 * Test fixture: raw TCP clients for the embedded broker, from any loopback address (127.0.0.0/8), so
 * a test can play many hosts at once: idle sockets that never send CONNECT, and single CONNECTs
 * (built by mqtt-packet) whose CONNACK return code the test reads, and a flood of bad CONNECTs.
 */
import { connect, type Socket } from "node:net";
import { Worker } from "node:worker_threads";
import { generate, parser as packetParser } from "mqtt-packet";

/** An open socket from `localAddress` that never sends a byte; resolves once connected. */
export function idleSocket(port: number, localAddress: string): Promise<Socket> {
	return new Promise((resolve, reject) => {
		const socket = connect({ host: "127.0.0.1", port, localAddress });
		socket.once("connect", () => resolve(socket));
		socket.once("error", reject);
	});
}

/** Resolves when the server closes `socket` (or it was already closed). */
export function closedByServer(socket: Socket): Promise<void> {
	if (socket.destroyed || socket.readableEnded) return Promise.resolve();
	return new Promise((resolve) => socket.once("close", () => resolve()));
}

export interface RawConnectOptions {
	localAddress: string;
	username: string;
	password: string;
	clientId?: string;
}

/** One MQTT 3.1.1 CONNECT; the CONNACK return code, or "closed" when the server closed without one. */
export function rawConnect(port: number, { localAddress, username, password, clientId = username }: RawConnectOptions): Promise<number | "closed"> {
	return new Promise((resolve) => {
		const socket = connect({ host: "127.0.0.1", port, localAddress });
		const parser = packetParser({ protocolVersion: 4 });
		let answer: number | "closed" = "closed";
		parser.on("packet", (packet) => {
			if (packet.cmd === "connack") {
				answer = packet.returnCode ?? "closed";
				socket.destroy();
			}
		});
		socket.on("data", (chunk) => parser.parse(chunk));
		socket.on("error", () => undefined);
		socket.once("close", () => resolve(answer));
		socket.once("connect", () => {
			socket.write(
				generate({ cmd: "connect", protocolId: "MQTT", protocolVersion: 4, clean: true, keepalive: 0, clientId, username, password: Buffer.from(password) }),
			);
		});
	});
}

/**
 * CONNECTs with a wrong password kept `inFlight` at a time from `addresses`, each sent again `pauseMs`
 * after the broker answers or closes. It runs on a worker thread, as an attacker on another host does
 * not share the broker's event loop. stop() resolves with how many were sent.
 */
export function startConnectFlood(port: number, addresses: readonly string[], inFlight: number, username: string, pauseMs = 10): { stop(): Promise<number> } {
	const connectPacket = generate({
		cmd: "connect",
		protocolId: "MQTT",
		protocolVersion: 4,
		clean: true,
		keepalive: 0,
		clientId: username,
		username,
		password: Buffer.from("guess"),
	});
	const worker = new Worker(FLOOD_WORKER, { eval: true, workerData: { port, addresses, inFlight, connectPacket, pauseMs } });
	worker.unref();
	return {
		stop: () =>
			new Promise((resolve, reject) => {
				worker.once("message", (sent: number) => {
					void worker.terminate();
					resolve(sent);
				});
				worker.once("error", reject);
				worker.postMessage("stop");
			}),
	};
}

const FLOOD_WORKER = `
const { connect } = require("node:net");
const { parentPort, workerData } = require("node:worker_threads");
const { port, addresses, inFlight, connectPacket, pauseMs } = workerData;
const { setTimeout: sleep } = require("node:timers/promises");
let flooding = true;
let sent = 0;
const attempt = (localAddress) => new Promise((resolve) => {
	sent++;
	const socket = connect({ host: "127.0.0.1", port, localAddress });
	socket.on("error", () => undefined);
	socket.on("data", () => socket.destroy());
	socket.once("close", resolve);
	socket.once("connect", () => socket.write(connectPacket));
});
const loops = Array.from({ length: inFlight }, async (_, index) => {
	while (flooding) {
		await attempt(addresses[index % addresses.length]);
		await sleep(pauseMs);
	}
});
parentPort.once("message", async () => {
	flooding = false;
	await Promise.all(loops);
	parentPort.postMessage(sent);
});
`;
