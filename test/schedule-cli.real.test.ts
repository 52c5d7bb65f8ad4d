/**
 * `fieldchain cloud schedule plan|apply` as a user runs it (the built CLI, dist/fieldchain.js, as a
 * child process; `node scripts/build.mjs` first) against the real billing service on loopback: a
 * plan printed as one JSON object, applied (exit 0), applied again (exit 1, stale), bad options (exit 2).
 */

import { execFile } from "node:child_process";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../cloud-bridge/billing/testing/harness.js";
import { baseSnapshot, make } from "../model/testing/builders.js";

let service: TestService | undefined;
afterEach(async () => {
	await service?.close();
	service = undefined;
});

const DAY0 = Date.UTC(2026, 2, 2);
const H = 3_600_000;

const CLI = join(import.meta.dirname, "..", "dist", "fieldchain.js");

function run(args: string[], token: string): Promise<{ code: number; output: string }> {
	return new Promise((resolve) => {
		execFile(process.execPath, [CLI, "cloud", "schedule", ...args, "--token", token], { timeout: 60_000 }, (error, stdout, stderr) => {
			resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` });
		});
	});
}

describe("fieldchain cloud schedule", () => {
	it("plans, applies once, refuses the stale second apply and bad options", async () => {
		service = await startTestService();
		const snapshot = baseSnapshot({
			workOrders: [make.workOrder({ id: "WO1", rootId: "WO1", plannedStart: null, plannedEnd: null })],
			tasks: [make.task({ id: "T1", workOrderId: "WO1" })],
		});
		expect((await service.request("POST", "/v1/import", { body: snapshot })).status).toBeLessThan(300);
		const admin = service.tokens.admin;
		const common = ["--url", service.url];
		const planned = await run(["plan", "--from", new Date(DAY0).toISOString(), "--to", String(DAY0 + 24 * H), "--seconds", "0.2", "--json", ...common], admin);
		expect(planned.code, planned.output).toBe(0);
		const plan = JSON.parse(planned.output.trim().split("\n").pop()!);
		expect(plan.changes).toEqual([expect.objectContaining({ workOrderId: "WO1", appointmentId: null, technicianId: expect.any(String) })]);
		const applied = await run(["apply", plan.id, ...common], admin);
		expect(applied.code, applied.output).toBe(0);
		expect(applied.output).toContain("1 visit(s) booked or moved");
		const again = await run(["apply", plan.id, ...common], admin);
		expect(again.code).toBe(1);
		expect(again.output).toContain("FC_SCHEDULE_PLAN_STALE");
		expect((await run(["plan", "--from", "yesterday", "--to", "1", ...common], admin)).code).toBe(2);
		expect((await run(["apply", plan.id, ...common], service.tokens.reader)).output).toContain("FC_BILLING_FORBIDDEN");
	}, 120_000);
});
