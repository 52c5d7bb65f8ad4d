/**
 * The job done by fieldchain: the gateway as a user runs it (the built CLI, `fieldchain gateway
 * --serial`), storing into its SQLite database with its default durability ("full") and acking
 * each reading only after the commit. Node-RED and the uplink are off: this is only the ingest.
 * Invariant: the device forgets a reading only on an ack, so every reading it believes delivered
 * is in gateway.db.
 */
import type { ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { freePort, spawnGateway } from "../../test/support/gateway-process.js";
import { countReadings, type RunningPeer, stopChild } from "./peer.js";

export async function startFieldchain(hostEnd: string, dir: string): Promise<RunningPeer> {
	mkdirSync(join(dir, "gateway"), { mode: 0o700 });
	const port = await freePort();
	const { child }: { child: ChildProcess } = await spawnGateway(
		["--data-dir", join(dir, "gateway"), "--serial", hostEnd, "--no-mqtt", "--no-node-red", "--log-level", "warn"],
		port,
	);
	return {
		name: "fieldchain",
		pids: [child.pid as number],
		acks: true,
		kill9: () => stopChild(child, "SIGKILL"),
		stop: () => stopChild(child),
		countStored: (upTo) => countReadings(join(dir, "gateway", "gateway.db"), upTo),
		async dispose() {
			await stopChild(child, "SIGKILL");
		},
	};
}
