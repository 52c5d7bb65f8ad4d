/**
 * Smoke test of a built package (scripts/package/smoke.sh runs it): unpacks
 * fieldchain-<version>-linux-<arch>.tar.gz and runs its own Node and bundle (under qemu-user when
 * the package is arm64 and this machine is not). The packaged gateway serves a work order with an
 * active task; the simulator sends readings over a socat pty; the gateway is killed with SIGKILL
 * mid-stream and started again. Passes when every reading is stored exactly once, readings were
 * stamped as evidence with an unbroken chain, and the packaged CLI exports a bundle that
 * `evidence verify` accepts. Emulated speed is not a benchmark: the timeouts are generous.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { arch as hostArch, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { runSerialSimulator } from "../../firmware-host/simulator/runners.js";
import { baseSnapshot, items, make } from "../../model/testing/builders.js";
import { freePort } from "../../test/support/gateway-process.js";
import { createPtyPair } from "../../test/support/pty-pair.js";

const { values } = parseArgs({ options: { archive: { type: "string" }, readings: { type: "string", default: "300" } } });
if (!values.archive) throw new Error("smoke: --archive fieldchain-<version>-linux-<arch>.tar.gz is required");
const archive = resolve(values.archive);
const count = Number(values.readings);
const packageArch = /linux-(arm64|x64)\.tar\.gz$/.exec(archive)?.[1];
if (!packageArch) throw new Error(`smoke: ${archive} is not a fieldchain-<version>-linux-<arch>.tar.gz`);

const started = performance.now();
const work = mkdtempSync(join(tmpdir(), "fc-smoke-"));
const log = (line: string) => console.log(`smoke[${packageArch}] ${((performance.now() - started) / 1000).toFixed(1)}s: ${line}`);
const children = new Set<ChildProcess>();

function packagedCommand(): string[] {
	execFileSync("tar", ["-xzf", archive, "-C", work]);
	// The archive holds one directory, fieldchain-<version>, named like the file.
	const release = join(work, /(fieldchain-[^/]+)-linux-(?:arm64|x64)\.tar\.gz$/.exec(archive)?.[1] ?? "");
	const node = join(release, "node", "bin", "node");
	const cli = join(release, "app", "dist", "fieldchain.js");
	const emulate = packageArch === "arm64" && hostArch() !== "arm64";
	return emulate ? ["qemu-aarch64", "-L", "/usr/aarch64-linux-gnu", node, cli] : [node, cli];
}

/**
 * The gateway as the packaged launcher (bin/fieldchain) runs it: the release's bin/gateway-env.sh
 * sourced, its Node flags before the script. qemu-user runs the arm64 node, not the shell
 * launcher, so the smoke test applies the same settings itself.
 */
function gatewaySettings(): { flags: string[]; env: NodeJS.ProcessEnv } {
	const release = join(work, /(fieldchain-[^/]+)-linux-(?:arm64|x64)\.tar\.gz$/.exec(archive)?.[1] ?? "");
	const printed = execFileSync(
		"sh",
		["-c", '. "$0"; printf "%s\n%s" "$FIELDCHAIN_GATEWAY_NODE_FLAGS" "$MALLOC_ARENA_MAX"', join(release, "bin", "gateway-env.sh")],
		{
			encoding: "utf8",
		},
	);
	const [flags, arenas] = printed.split("\n");
	return { flags: flags.split(" ").filter(Boolean), env: { ...process.env, MALLOC_ARENA_MAX: arenas } };
}

function run(command: string[], args: string[]): string {
	return execFileSync(command[0], [...command.slice(1), ...args], { encoding: "utf8", timeout: 300_000 });
}

async function waitUntil<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			const value = await check();
			if (value !== undefined) return value;
		} catch {
			// not there yet
		}
		if (Date.now() > deadline) throw new Error(`smoke: timed out waiting for ${what}`);
		await new Promise((done) => setTimeout(done, 250));
	}
}

async function json<T>(url: string, init?: RequestInit): Promise<T> {
	const response = await fetch(url, init);
	if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${url}: ${response.status}`);
	return (await response.json()) as T;
}

interface Evidence {
	evidence: Array<{ chainSeq: number; kind: string }>;
}
interface Devices {
	devices: Array<{ id: string; readingsStored: number }>;
}

try {
	const command = packagedCommand();
	log(`running ${command.slice(0, -1).join(" ")}: ${run(command, ["--version"]).trim()}`);
	const dataDir = join(work, "data");
	mkdirSync(dataDir, { mode: 0o700 });
	const workOrders = join(work, "work-orders.json");
	writeFileSync(
		workOrders,
		JSON.stringify(
			baseSnapshot({
				workOrders: [make.workOrder({ status: "in-progress", startedAt: Date.now() - 3_600_000 })],
				tasks: [make.task({ status: "in-progress", startedAt: Date.now() - 3_000_000, checklist: [items.insulation()] })],
			}),
		),
	);
	const pty = await createPtyPair();
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const startGateway = async () => {
		const args = ["gateway", "--data-dir", dataDir, "--serial", pty.hostEnd, "--work-orders", workOrders, "--http", `127.0.0.1:${port}`];
		const { flags, env } = gatewaySettings();
		const withFlags = [...command.slice(0, -1), ...flags, command[command.length - 1]];
		const child = spawn(withFlags[0], [...withFlags.slice(1), ...args, "--no-mqtt", "--no-node-red"], { stdio: ["ignore", "ignore", "inherit"], env });
		children.add(child);
		child.once("exit", () => children.delete(child));
		await waitUntil("the gateway's /healthz", 180_000, async () => ((await fetch(`${baseUrl}/healthz`)).ok ? true : undefined));
		return child;
	};

	let gateway = await startGateway();
	log("gateway up");
	await json(`${baseUrl}/api/v1/technicians/TECH1/active-task`, {
		method: "PUT",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ workOrderId: "WO1", taskId: "T1" }),
	});
	const simulator = await runSerialSimulator({ path: pty.deviceEnd, deviceId: "megger-1", quantity: "insulation_resistance", rate: 20, count, retryMs: 200 });
	const stored = async () => (await json<Devices>(`${baseUrl}/api/v1/devices`)).devices.find((device) => device.id === "megger-1")?.readingsStored ?? 0;
	const before = await waitUntil("a third of the readings", 300_000, async () => ((await stored()) >= count / 3 ? stored() : undefined));
	const evidenceBefore = (await json<Evidence>(`${baseUrl}/api/v1/work-orders/WO1/tasks/T1/evidence`)).evidence.length;
	gateway.kill("SIGKILL");
	await new Promise((done) => gateway.once("exit", done));
	log(`killed the gateway with SIGKILL at ${before} readings stored, ${evidenceBefore} evidence records`);

	gateway = await startGateway();
	log("gateway up again");
	await simulator.done;
	const after = await stored();
	const evidence = (await json<Evidence>(`${baseUrl}/api/v1/work-orders/WO1/tasks/T1/evidence`)).evidence;
	log(`${after} of ${count} readings stored, ${evidence.length} evidence records`);
	if (after !== count) throw new Error(`smoke: ${after} readings stored, expected exactly ${count}`);
	if (evidence.length < evidenceBefore || evidence.length === 0)
		throw new Error(`smoke: ${evidence.length} evidence records after the restart, ${evidenceBefore} before`);
	if (!evidence.every((record, index) => record.chainSeq === index + 1)) throw new Error("smoke: the evidence chain has a gap");
	gateway.kill("SIGTERM");
	await new Promise((done) => gateway.once("exit", done));
	await simulator.stop();
	await pty.dispose();

	const bundle = join(work, "bundle.json");
	run(command, ["evidence", "export", "--data-dir", dataDir, "--work-order", "WO1", "--out", bundle]);
	const key = run(command, ["evidence", "public-key", "--data-dir", dataDir]).trim();
	const verdict = JSON.parse(run(command, ["evidence", "verify", bundle, "--public-key", key, "--json"])) as { ok: boolean };
	if (!verdict.ok) throw new Error(`smoke: evidence verify says ${JSON.stringify(verdict)}`);
	log("evidence bundle exported and verified with the packaged CLI: PASS");
} finally {
	for (const child of children) child.kill("SIGKILL");
	rmSync(work, { recursive: true, force: true });
}
