/**
 * A real pseudo-terminal pair made by socat: two paths that behave like the two ends of a
 * serial cable. Killing the socat process is the same as pulling the cable out.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface PtyPair {
	deviceEnd: string;
	hostEnd: string;
	/** Pulls the cable: both ends disappear. */
	kill(): Promise<void>;
	/** Plugs it back in under the same paths. */
	restart(): Promise<void>;
	dispose(): Promise<void>;
}

export function requireSocat(): void {
	try {
		execFileSync("socat", ["-V"], { stdio: "ignore" });
	} catch {
		throw new Error("socat is not installed: apt-get install -y socat (the serial tests use real pseudo-terminals).");
	}
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

export async function createPtyPair(): Promise<PtyPair> {
	requireSocat();
	const dir = mkdtempSync(join(tmpdir(), "fc-pty-"));
	const deviceEnd = join(dir, "device");
	const hostEnd = join(dir, "host");
	let socat: ChildProcess | undefined;

	const start = async () => {
		socat = spawn("socat", [`pty,raw,echo=0,link=${deviceEnd}`, `pty,raw,echo=0,link=${hostEnd}`], { stdio: "ignore" });
		await waitFor(() => existsSync(deviceEnd) && existsSync(hostEnd), "socat to create the pty pair");
	};
	const stop = async () => {
		const child = socat;
		socat = undefined;
		if (!child || child.exitCode !== null) return;
		const exited = new Promise((resolve) => child.once("exit", resolve));
		child.kill("SIGKILL");
		await exited;
		// socat leaves its symlinks behind when killed; remove them like an unplugged device node.
		rmSync(deviceEnd, { force: true });
		rmSync(hostEnd, { force: true });
	};

	await start();
	return {
		deviceEnd,
		hostEnd,
		kill: stop,
		restart: start,
		async dispose() {
			await stop();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
