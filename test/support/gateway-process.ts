/** The gateway as a real child process (the built CLI), for crash tests. */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { exitedAndDrained } from "./child-exit.js";

export const CLI = join(import.meta.dirname, "..", "..", "dist", "fieldchain.js");

export function requireBuiltCli(): void {
	if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test builds it first).`);
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once("error", reject);
		server.listen(0, "127.0.0.1", () => {
			const address = server.address();
			server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
		});
	});
}

export interface GatewayProcess {
	child: ChildProcess;
	output: string[];
	baseUrl: string;
}

/** The memory settings the packaged command runs the gateway with (scripts/package/gateway-env.sh). */
export const GATEWAY_ENV = join(import.meta.dirname, "..", "..", "scripts", "package", "gateway-env.sh");

/** `sh` arguments that run `node args...` with gateway-env.sh sourced and its Node flags given (same PID, through exec). */
export function withPackagedSettings(node: string, args: readonly string[]): string[] {
	return ["-c", '. "$1"; shift; exec "$0" $FIELDCHAIN_GATEWAY_NODE_FLAGS "$@"', node, GATEWAY_ENV, ...args];
}

export interface SpawnGatewayOptions {
	/** Run it as the packaged command does: gateway-env.sh sourced, its Node flags given (same PID, through exec). */
	packagedSettings?: boolean;
	/** Another Node.js to run it with (default this process's), and what its environment needs beside this one's. */
	runtime?: { execPath: string; env?: Record<string, string> };
}

export async function spawnGateway(args: string[], httpPort: number, options: SpawnGatewayOptions = {}): Promise<GatewayProcess> {
	requireBuiltCli();
	const argv = [CLI, "gateway", ...args, "--http", `127.0.0.1:${httpPort}`];
	const node = options.runtime?.execPath ?? process.execPath;
	const env = { ...process.env, ...options.runtime?.env };
	const child = options.packagedSettings
		? spawn("sh", withPackagedSettings(node, argv), {
				stdio: ["ignore", "pipe", "pipe"],
				env,
			})
		: spawn(node, argv, { stdio: ["ignore", "pipe", "pipe"], env });
	const output: string[] = [];
	child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
	child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
	const baseUrl = `http://127.0.0.1:${httpPort}`;
	// Generous: a loaded 2-core machine takes tens of seconds to start Node; a healthy run polls its way out in a few.
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`gateway exited with ${child.exitCode}:\n${output.join("")}`);
		try {
			if ((await fetch(`${baseUrl}/healthz`)).ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`gateway did not answer /healthz in 30 s:\n${output.join("")}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	return { child, output, baseUrl };
}

export async function kill9(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once("exit", resolve));
	child.kill("SIGKILL");
	await exited;
}

export interface CliRun {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Runs the built CLI to its end in `cwd`; killed and refused after `timeoutMs`. */
export function runCli(args: string[], cwd: string, timeoutMs = 30_000): Promise<CliRun> {
	requireBuiltCli();
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
		let stdout = "";
		let stderr = "";
		child.stdout?.on("data", (chunk: Buffer) => {
			stdout += chunk;
		});
		child.stderr?.on("data", (chunk: Buffer) => {
			stderr += chunk;
		});
		const timer = setTimeout(() => {
			child.kill("SIGKILL");
			reject(new Error(`fieldchain ${args.join(" ")} did not finish in ${timeoutMs} ms:\n${stdout}\n${stderr}`));
		}, timeoutMs);
		void exitedAndDrained(child).then(({ code }) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr });
		});
	});
}
