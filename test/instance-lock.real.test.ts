/**
 * A second `fieldchain start` on the same data directory fails at once with FC_INSTANCE_LOCKED and
 * a hint, and leaves the running one's files alone (it used to delete its pty links, then hang on
 * EADDRINUSE). After the first is killed with kill -9 its stale lock is taken over.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exitedAndDrained } from "./support/child-exit.js";
import { CLI, kill9, requireBuiltCli } from "./support/gateway-process.js";
import { requireSocat } from "./support/pty-pair.js";

const dir = mkdtempSync(join(tmpdir(), "fc-instance-"));
const data = join(dir, "data");
const started: ChildProcess[] = [];
afterAll(async () => {
	for (const child of started) await kill9(child);
	rmSync(dir, { recursive: true, force: true });
});

function start(): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
	const child = spawn(
		process.execPath,
		[CLI, "start", "--data-dir", data, "--http", "127.0.0.1:0", "--mqtt", "127.0.0.1:0", "--billing", "127.0.0.1:0", "--log-level", "warn"],
		{ stdio: ["ignore", "pipe", "pipe"] },
	);
	started.push(child);
	let text = "";
	child.stdout?.on("data", (chunk: Buffer) => {
		text += chunk;
	});
	child.stderr?.on("data", (chunk: Buffer) => {
		text += chunk;
	});
	const exited = exitedAndDrained(child).then(({ code }) => code);
	return { child, output: () => text, exited };
}

async function waitForOutput(run: ReturnType<typeof start>, pattern: RegExp, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!pattern.test(run.output())) {
		if (run.child.exitCode !== null) throw new Error(`fieldchain start exited (${run.child.exitCode}):\n${run.output()}`);
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${pattern}:\n${run.output()}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** The children (socat) of a process, to end them when their parent is killed with -9. */
function childrenOf(pid: number): number[] {
	try {
		return execFileSync("ps", ["--ppid", String(pid), "-o", "pid="], { encoding: "utf8" })
			.split("\n")
			.map((line) => Number(line.trim()))
			.filter((child) => child > 0);
	} catch {
		return [];
	}
}

describe("fieldchain start: one instance per data directory", () => {
	it("a second start fails fast and touches nothing; after kill -9 the stale lock is taken over", { timeout: 300_000 }, async () => {
		requireBuiltCli();
		requireSocat();
		const first = start();
		await waitForOutput(first, /Press Ctrl-C to stop/, 120_000);
		const links = { tool: readlinkSync(join(data, "tool.pty")), gateway: readlinkSync(join(data, "gateway.pty")) };
		expect(JSON.parse(readFileSync(join(data, "fieldchain.lock"), "utf8"))).toMatchObject({ pid: first.child.pid, command: "fieldchain start" });

		const second = start();
		const code = await Promise.race([second.exited, new Promise<"hung">((resolve) => setTimeout(() => resolve("hung"), 60_000))]);
		expect(code, second.output()).toBe(1);
		expect(second.output()).toMatch(
			new RegExp(`FC_INSTANCE_LOCKED: Another fieldchain \\(fieldchain start, process ${first.child.pid}, since .*\\) is using the data directory`),
		);
		expect(second.output()).toMatch(/Stop that one first .* or start this one with another --data-dir/);
		// The first one's pty links and lock are as they were, and it still runs.
		expect({ tool: readlinkSync(join(data, "tool.pty")), gateway: readlinkSync(join(data, "gateway.pty")) }).toEqual(links);
		expect(JSON.parse(readFileSync(join(data, "fieldchain.lock"), "utf8")).pid).toBe(first.child.pid);
		expect(first.child.exitCode).toBeNull();

		const orphans = childrenOf(first.child.pid!);
		await kill9(first.child);
		for (const pid of orphans) {
			try {
				process.kill(pid, "SIGKILL");
			} catch {
				// already gone
			}
		}
		const third = start();
		await waitForOutput(third, /Press Ctrl-C to stop/, 120_000);
		expect(JSON.parse(readFileSync(join(data, "fieldchain.lock"), "utf8")).pid).toBe(third.child.pid);
		third.child.kill("SIGTERM");
		expect(await third.exited).toBe(0);
	});
});
