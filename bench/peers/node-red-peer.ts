/**
 * The job as a Node-RED user builds it: the real Node-RED runtime (node-red's red.js, as
 * `node-red` starts it) with the flow checked in beside this file (node-red-flow.json: serial in
 * -> function node decoding -> SQLite node, one INSERT per reading) and the nodes a user installs
 * from the npm registry (node-red-node-serialport, node-red-node-sqlite), which live in this
 * folder's own node_modules so the main install stays lean.
 * Invariant: the flow file is used as checked in; only its ${FC_SERIAL_PORT} and ${FC_SQLITE_DB}
 * environment references are filled in, the way Node-RED documents it.
 */
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { freePort } from "../../test/support/gateway-process.js";
import { collectOutput, countReadings, followProbe, type RunningPeer, stopChild } from "./peer.js";

const PEERS_DIR = import.meta.dirname;
export const NODE_RED_FLOW = join(PEERS_DIR, "node-red-flow.json");
const SETTINGS = join(PEERS_DIR, "node-red-settings.cjs");
const RED_JS = join(dirname(createRequire(import.meta.url).resolve("node-red/package.json")), "red.js");

/** Why the Node-RED leg cannot run here, or undefined when the extra packages are installed and load. */
export function nodeRedExtrasMissing(): string | undefined {
	for (const name of ["node-red-node-serialport", "node-red-node-sqlite", "sqlite3"]) {
		if (!existsSync(join(PEERS_DIR, "node_modules", name, "package.json"))) {
			return `${name} is not installed in bench/peers (run: npm ci --prefix bench/peers --build-from-source, or npm run bench:peers once)`;
		}
	}
	const load = spawnSync(process.execPath, ["-e", "require('sqlite3')"], { cwd: PEERS_DIR, encoding: "utf8" });
	if (load.status !== 0) return `sqlite3 in bench/peers does not load (its native module is not built): ${load.stderr.trim().split("\n")[0]}`;
	return undefined;
}

/** The readings table as the flow's "create table" inject node creates it. */
export function flowSchema(): string {
	const nodes = JSON.parse(readFileSync(NODE_RED_FLOW, "utf8")) as { id: string; topic?: string }[];
	const schema = nodes.find((node) => node.id === "n_schema")?.topic;
	if (!schema) throw new Error(`${NODE_RED_FLOW} has no "create table" inject node (n_schema)`);
	return schema;
}

/** Creates the peer database with the flow's table, so no reading races the inject node at start. */
export function createPeerDatabase(path: string): void {
	const db = new Database(path);
	db.exec(flowSchema());
	db.close();
}

const STARTED = /Started flows/;
const SERIAL_OPEN = /serial port .* opened at/;

export async function startNodeRed(hostEnd: string, dir: string): Promise<RunningPeer> {
	const missing = nodeRedExtrasMissing();
	if (missing) throw new Error(`the Node-RED peer cannot run: ${missing}`);
	const database = join(dir, "node-red.db");
	createPeerDatabase(database);
	copyFileSync(NODE_RED_FLOW, join(dir, "flows.json"));
	// Node-RED finds installed nodes in <userDir>/node_modules, where `npm install` in the user dir puts them.
	symlinkSync(join(PEERS_DIR, "node_modules"), join(dir, "node_modules"), "dir");
	const port = await freePort();
	const child = spawn(process.execPath, [RED_JS, "--settings", SETTINGS, "--userDir", dir, "flows.json"], {
		env: { ...process.env, PORT: String(port), FC_SERIAL_PORT: hostEnd, FC_SQLITE_DB: database },
		stdio: ["ignore", "pipe", "pipe", "ipc"],
	});
	const output = collectOutput(child);
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`Node-RED did not start its flow and open ${hostEnd} in 60 s:\n${output.join("")}`)), 60_000);
		const check = () => {
			const text = output.join("");
			if (STARTED.test(text) && SERIAL_OPEN.test(text)) {
				clearTimeout(timer);
				child.stdout?.off("data", check);
				resolve();
			}
		};
		child.stdout?.on("data", check);
		child.once("exit", (code) => {
			clearTimeout(timer);
			reject(new Error(`Node-RED exited with ${code}:\n${output.join("")}`));
		});
	});
	return {
		name: "node-red",
		pids: [child.pid as number],
		acks: false,
		storedSoFar: followProbe(child),
		kill9: () => stopChild(child, "SIGKILL"),
		stop: () => stopChild(child),
		countStored: (upTo) => countReadings(database, upTo),
		async dispose() {
			await stopChild(child, "SIGKILL");
		},
	};
}
