import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { exitedAndDrained } from "./child-exit.js";

describe("exitedAndDrained", () => {
	it("settles after the child's last output was read, not merely after it exited", async () => {
		// What a CLI does on bad options: one line to stderr, then exit. With 50 at once, 'exit' came
		// before the line was read for a few percent of them (5 to 7 of 200 here).
		const runs = await Promise.all(
			Array.from({ length: 50 }, async () => {
				const child = spawn(process.execPath, ["-e", 'process.stderr.write("required option missing\\n"); process.exit(2)'], {
					stdio: ["ignore", "pipe", "pipe"],
				});
				let stderr = "";
				child.stderr.on("data", (chunk: Buffer) => {
					stderr += chunk;
				});
				const { code, signal } = await exitedAndDrained(child);
				return { code, signal, stderr };
			}),
		);
		for (const run of runs) expect(run).toEqual({ code: 2, signal: null, stderr: "required option missing\n" });
	});

	it("gives up on pipes a grandchild still holds a moment after the child exited", async () => {
		const child = spawn("sh", ["-c", "sleep 30 & echo $!"], { stdio: ["ignore", "pipe", "pipe"] });
		let text = "";
		child.stdout.on("data", (chunk: Buffer) => {
			text += chunk;
		});
		const started = Date.now();
		const { code } = await exitedAndDrained(child, 300);
		const grandchild = Number(text.trim());
		process.kill(grandchild);
		expect(code).toBe(0);
		expect(grandchild).toBeGreaterThan(1);
		expect(Date.now() - started).toBeLessThan(10_000);
	});

	it("settles for a child that had already exited when asked", async () => {
		const child = spawn(process.execPath, ["-e", "process.exitCode = 5"], { stdio: ["ignore", "pipe", "pipe"] });
		await new Promise((resolve) => child.once("exit", resolve));
		expect((await exitedAndDrained(child, 300)).code).toBe(5);
	});
});
