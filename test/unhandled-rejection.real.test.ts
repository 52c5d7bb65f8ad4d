/**
 * The command line's policy for a promise rejection nobody handled (platform/fatal.ts), on the real
 * entry point as a child process: the rejection is logged with its stack, the running gateway is
 * stopped (its queue flushed, its database closed: "gateway stopped") and the process exits 70.
 * The rejection is provoked from outside the code under test: a preloaded module rejects a promise
 * when the child gets SIGUSR2.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { runSourceCli, type SourceCli } from "./support/source-cli.js";

const REJECT_ON_SIGUSR2 = `data:text/javascript,process.on("SIGUSR2", () => { Promise.reject(new Error("injected rejection")); });`;
const dir = mkdtempSync(join(tmpdir(), "fc-reject-"));
let run: SourceCli | undefined;

afterAll(async () => {
	await run?.stop();
	rmSync(dir, { recursive: true, force: true });
});

it("an unhandled rejection in `fieldchain gateway` is logged with its stack, stops the gateway and exits 70", { timeout: 60_000 }, async () => {
	run = runSourceCli(["gateway", "--data-dir", join(dir, "data"), "--no-mqtt", "--http", "127.0.0.1:0"], { nodeOptions: ["--import", REJECT_ON_SIGUSR2] });
	await run.waitFor(/gateway started/);
	run.child.kill("SIGUSR2");
	expect(await run.exited()).toBe(70);
	const output = run.output();
	expect(output).toContain("unhandled promise rejection");
	expect(output).toMatch(/Error: injected rejection\n\s+at /);
	expect(output).toContain("gateway stopped");
});
