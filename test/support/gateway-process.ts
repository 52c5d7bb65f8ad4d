/** The gateway as a real child process (the built CLI), for crash tests. */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

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

export async function spawnGateway(args: string[], httpPort: number): Promise<GatewayProcess> {
	requireBuiltCli();
	const child = spawn(process.execPath, [CLI, "gateway", ...args, "--http", `127.0.0.1:${httpPort}`], { stdio: ["ignore", "pipe", "pipe"] });
	const output: string[] = [];
	child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
	child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
	const baseUrl = `http://127.0.0.1:${httpPort}`;
	const deadline = Date.now() + 15_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`gateway exited with ${child.exitCode}:\n${output.join("")}`);
		try {
			if ((await fetch(`${baseUrl}/healthz`)).ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`gateway did not answer /healthz in 15 s:\n${output.join("")}`);
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
