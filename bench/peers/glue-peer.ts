/**
 * The job as a glue script does it: Mosquitto (the real broker, test/support/mosquitto.ts), a
 * bridge reading the pty and publishing each reading (glue-bridge.mjs), and a subscriber
 * inserting each message into SQLite (glue-subscriber.mjs). The scripts run on plain node, as
 * their author would run them. Its cost is all three processes.
 * Invariant: kill9() kills the two scripts; the broker stays up, as a shared service would.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { startMosquitto } from "../../test/support/mosquitto.js";
import { createPeerDatabase } from "./node-red-peer.js";
import { collectOutput, countReadings, followProbe, type RunningPeer, readyMessage, stopChild } from "./peer.js";
import { findChildPid } from "./process-stats.js";

const TOPIC = "tools/peers-tool-1/readings";

export async function startGlue(hostEnd: string, dir: string): Promise<RunningPeer> {
	const database = join(dir, "glue.db");
	createPeerDatabase(database);
	const broker = await startMosquitto(join(dir, "mosquitto"));
	const brokerPid = findChildPid(join(dir, "mosquitto", "mosquitto.conf"));
	const env = { ...process.env, MQTT_URL: broker.url, MQTT_USERNAME: broker.username, MQTT_PASSWORD: broker.password, TOPIC };
	const children: ChildProcess[] = [];
	const startScript = async (file: string, extra: Record<string, string>) => {
		const child = spawn(process.execPath, [join(import.meta.dirname, file)], { env: { ...env, ...extra }, stdio: ["ignore", "pipe", "pipe", "ipc"] });
		children.push(child);
		await readyMessage(child, file, collectOutput(child));
		return child;
	};
	try {
		const subscriber = await startScript("glue-subscriber.mjs", { SQLITE_DB: database });
		const bridge = await startScript("glue-bridge.mjs", { SERIAL_PORT: hostEnd });
		const stopScripts = async (signal: NodeJS.Signals) => {
			await Promise.all([stopChild(bridge, signal), stopChild(subscriber, signal)]);
		};
		return {
			name: "glue",
			pids: [bridge.pid as number, subscriber.pid as number, ...(brokerPid ? [brokerPid] : [])],
			acks: false,
			storedSoFar: followProbe(subscriber),
			kill9: () => stopScripts("SIGKILL"),
			stop: () => stopScripts("SIGTERM"),
			countStored: (upTo) => countReadings(database, upTo),
			async dispose() {
				await stopScripts("SIGKILL");
				await broker.stop();
			},
		};
	} catch (error) {
		for (const child of children) await stopChild(child, "SIGKILL");
		await broker.stop();
		throw error;
	}
}
