/**
 * `fieldchain schedule solve-vrptw` in-process: --json prints exactly one object of the documented
 * shape; bad options are FC_CONFIG_INVALID (the CLI exits 2 for those), an unreadable or malformed
 * file FC_SCHEDULE_INPUT (exit 1).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterEach, describe, expect, it, vi } from "vitest";
import { registerScheduleCommands } from "./cli.js";

const INSTANCE = `TINY

VEHICLE
NUMBER     CAPACITY
  3         50

CUSTOMER
CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

    0      0         0          0          0       200          0
    7      10        0         20          0        50         10
    9      10        10        20          0       100         10
   12      0         10        20         30        90         10
`;

const dirs: string[] = [];
afterEach(() => {
	vi.restoreAllMocks();
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function run(...args: string[]): Promise<string> {
	let out = "";
	vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
		out += String(chunk);
		return true;
	});
	const program = new Command().exitOverride();
	registerScheduleCommands(program);
	await program.parseAsync(["node", "fieldchain", "schedule", "solve-vrptw", ...args]);
	return out;
}

function instanceFile(text = INSTANCE): string {
	const dir = mkdtempSync(join(tmpdir(), "fieldchain-vrptw-"));
	dirs.push(dir);
	const file = join(dir, "tiny.txt");
	writeFileSync(file, text);
	return file;
}

describe("schedule solve-vrptw", () => {
	it("prints exactly one JSON object with the customer numbers of the file", async () => {
		const out = await run(instanceFile(), "--seconds", "0.2", "--seed", "3", "--json");
		expect(out.trim().split("\n")).toHaveLength(1);
		const result = JSON.parse(out);
		expect(Object.keys(result)).toEqual(["instance", "distance", "vehicles", "routes", "seconds"]);
		expect(result.instance).toBe("TINY");
		expect(result.routes.flat().sort((a: number, b: number) => a - b)).toEqual([7, 9, 12]);
		expect(result.vehicles).toBe(result.routes.length);
		expect(result.distance).toBeGreaterThan(0);
	});

	it("prints distance, vehicles and routes for people", async () => {
		const out = await run(instanceFile(), "--seconds", "0.2");
		expect(out).toMatch(/^TINY: distance \d+\.\d\d, \d vehicles/);
		expect(out).toMatch(/route 1: \d+/);
	});

	it("refuses bad options as configuration errors and a bad file as input errors", async () => {
		const file = instanceFile();
		await expect(run(file, "--seconds", "0")).rejects.toMatchObject({ code: "FC_CONFIG_INVALID" });
		await expect(run(file, "--seconds", "soon")).rejects.toMatchObject({ code: "FC_CONFIG_INVALID" });
		await expect(run(file, "--seed", "-1")).rejects.toMatchObject({ code: "FC_CONFIG_INVALID" });
		await expect(run(join(file, "..", "missing.txt"))).rejects.toMatchObject({ code: "FC_SCHEDULE_INPUT", message: expect.stringContaining("ENOENT") });
		await expect(run(instanceFile("not an instance"))).rejects.toMatchObject({ code: "FC_SCHEDULE_INPUT" });
	});
});
