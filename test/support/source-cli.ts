/**
 * The fieldchain command line run from source (node --import tsx bin/fieldchain.ts) as a child
 * process: the real entry point with its process-wide policies (umask, unhandled rejections),
 * without needing a fresh build. Every wait is bounded; stop() ends the child it started.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { exitedAndDrained } from "./child-exit.js";

const ROOT = join(import.meta.dirname, "..", "..");
const ENTRY = join(ROOT, "bin", "fieldchain.ts");
/** By URL, so a child started in another directory (cwd) still finds it. */
const TSX = pathToFileURL(join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;

export interface SourceCli {
	child: ChildProcess;
	/** stdout and stderr so far. */
	output(): string;
	/** Resolves once the output matches, rejects when the child exits first or after timeoutMs. */
	waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
	/** The exit code (or signal name), waiting up to timeoutMs. */
	exited(timeoutMs?: number): Promise<number | string>;
	/** SIGTERM, then the exit. */
	stop(): Promise<number | string>;
}

export function runSourceCli(args: string[], options: { cwd?: string; nodeOptions?: string[] } = {}): SourceCli {
	const child = spawn(process.execPath, ["--import", TSX, ...(options.nodeOptions ?? []), ENTRY, ...args], {
		cwd: options.cwd,
		stdio: ["ignore", "pipe", "pipe"],
	});
	let text = "";
	child.stdout?.on("data", (chunk: Buffer) => {
		text += chunk;
	});
	child.stderr?.on("data", (chunk: Buffer) => {
		text += chunk;
	});
	const exit = exitedAndDrained(child).then(({ code, signal }) => code ?? signal ?? "unknown");
	const exited = async (timeoutMs = 30_000) => {
		let timer: NodeJS.Timeout | undefined;
		try {
			return await Promise.race([
				exit,
				new Promise<never>((_, reject) => {
					timer = setTimeout(() => reject(new Error(`fieldchain ${args.join(" ")} did not exit in ${timeoutMs} ms:\n${text}`)), timeoutMs);
				}),
			]);
		} finally {
			clearTimeout(timer);
		}
	};
	return {
		child,
		output: () => text,
		exited,
		async waitFor(pattern, timeoutMs = 30_000) {
			const deadline = Date.now() + timeoutMs;
			while (!pattern.test(text)) {
				if (child.exitCode !== null || child.signalCode !== null)
					throw new Error(`fieldchain ${args.join(" ")} exited (${child.exitCode ?? child.signalCode}) before ${pattern}:\n${text}`);
				if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${pattern} from fieldchain ${args.join(" ")}:\n${text}`);
				await new Promise((resolve) => setTimeout(resolve, 25));
			}
		},
		async stop() {
			if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
			try {
				return await exited(15_000);
			} catch (error) {
				child.kill("SIGKILL");
				throw error;
			}
		},
	};
}
