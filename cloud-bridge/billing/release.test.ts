import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Approval } from "../../model/entities/approval.js";
import type { Evidence } from "../../model/entities/evidence.js";
import type { Invoice } from "../../model/entities/invoice.js";
import type { LineItem } from "../../model/entities/line-item.js";
import type { TimeEntry } from "../../model/entities/time-entry.js";
import type { Reason } from "../../model/rules/reasons.js";
import { startTestService, type TestService } from "./testing/harness.js";
import { expectOk, Scenario, TASK, WO } from "./testing/scenario.js";

let service: TestService;
let scenario: Scenario;
beforeEach(async () => {
	service = await startTestService();
	scenario = new Scenario(service);
});
afterEach(async () => {
	await service.close();
});

const release = () => service.request("POST", "/v1/milestones/M1/release", { token: service.tokens.releaser });
const codes = (body: { error: { details: { missing: { code: string }[] } } }) => body.error.details.missing.map((m) => m.code);

interface Trace {
	invoice: Invoice;
	lines: { lineNo: number; timeEntry: TimeEntry | null; lineItem: LineItem | null; evidence: Evidence[]; approvals: Approval[] }[];
}

describe("invoice release", () => {
	it("releases an approved milestone into an invoice whose every line traces to time, items, evidence and approvals", async () => {
		await scenario.runToApproval();
		const invoice = expectOk<Invoice>(await release(), 201);
		expect(invoice.lines.map((l) => l.source.kind).sort()).toEqual(["line-item", "time-entry"]);
		const timeLine = invoice.lines.find((l) => l.source.kind === "time-entry") as Invoice["lines"][number];
		expect(timeLine).toMatchObject({ source: { id: scenario.timeEntryId }, amountMinor: 18000, taskId: TASK });
		expect(timeLine.evidenceIds.length).toBeGreaterThan(0);
		expect(timeLine.approvalIds.length).toBe(2);
		expect(invoice.lines.find((l) => l.source.kind === "line-item")).toMatchObject({ source: { id: scenario.lineItemId }, amountMinor: 1500 });
		expect(invoice.totalMinor).toBe(19500);

		const trace = expectOk<Trace>(await service.request("GET", `/v1/invoices/${invoice.id}/trace`, { token: service.tokens.reader }));
		const traced = trace.lines.find((l) => l.timeEntry) as Trace["lines"][number];
		expect(traced.timeEntry).toMatchObject({ id: scenario.timeEntryId, status: "invoiced" });
		expect(traced.evidence.map((e) => e.checklistItemId).sort()).toEqual(["insulation", "safety"]);
		expect(traced.approvals.map((a) => a.kind).sort()).toEqual(["milestone", "time-entry"]);
		expect(trace.lines.find((l) => l.lineItem)?.lineItem).toMatchObject({ status: "billed" });

		expect(expectOk<{ status: string }>(await service.request("GET", "/v1/milestones/M1")).status).toBe("released");
		expect(expectOk<{ invoices: Invoice[] }>(await service.request("GET", `/v1/work-orders/${WO}/invoices`)).invoices).toHaveLength(1);
		expect(service.events.events.map((e) => e.type)).toEqual(
			expect.arrayContaining(["milestone.ready", "milestone.released", "invoice.created", "evidence.accepted"]),
		);
		// Released once: a second release is refused.
		const again = await release();
		expect(again.status).toBe(409);
		expect(codes(again.body)).toEqual(["milestone-released"]);
	});

	it("refuses release without evidence, approved time and sign-off, listing each", async () => {
		await scenario.seedParties();
		await scenario.createWorkOrder();
		await scenario.enroll();
		const refused = await release();
		expect(refused.status).toBe(409);
		expect(refused.body.error.code).toBe("FC_MODEL_RULE_REFUSED");
		expect(codes(refused.body)).toEqual(expect.arrayContaining(["task-not-completed", "evidence-missing", "deliverable-not-signed", "milestone-not-approved"]));
		const readiness = expectOk<{ ready: boolean; releasable: boolean; missing: Reason[] }>(
			await service.request("GET", "/v1/milestones/M1/readiness", { token: service.tokens.reader }),
		);
		expect(readiness).toMatchObject({ ready: false, releasable: false });
		expect(readiness.missing.some((m) => m.message.includes("deliverable D1"))).toBe(true);
	});

	it("refuses release while time is not approved, and names the time entry", async () => {
		await scenario.seedParties();
		await scenario.createWorkOrder();
		await scenario.enroll();
		await scenario.startTask();
		await scenario.recordWork();
		await scenario.signOff();
		const refused = await release();
		expect(codes(refused.body)).toEqual(expect.arrayContaining(["time-not-approved", "milestone-not-approved"]));
		expect(refused.body.error.message).toContain(`time entry ${scenario.timeEntryId} is submitted, not approved`);
		// Approval of the milestone is refused too, for the same reason.
		const approve = await service.request("POST", "/v1/milestones/M1/approve", { token: service.tokens.approver, body: { reason: "x" } });
		expect(approve.status).toBe(409);
		expect(approve.body.error.message).toContain("not approved");
	});

	it("refuses release without the customer's sign-off", async () => {
		await scenario.seedParties();
		await scenario.createWorkOrder();
		await scenario.enroll();
		await scenario.startTask();
		await scenario.recordWork();
		await scenario.approveTime();
		const refused = await release();
		expect(codes(refused.body)).toEqual(expect.arrayContaining(["deliverable-not-signed"]));
		expect(codes(refused.body)).not.toContain("time-not-approved");
	});

	it("refuses release below the margin floor until someone approves a margin override", async () => {
		await service.close();
		service = await startTestService({ policy: { marginFloorBasisPoints: 9000 } });
		scenario = new Scenario(service);
		await scenario.runToApproval();
		const refused = await release();
		expect(refused.status).toBe(409);
		expect(codes(refused.body)).toEqual(["margin-below-floor"]);
		expectOk(
			await service.request("POST", "/v1/milestones/M1/margin-override", { token: service.tokens.approver, body: { reason: "strategic customer" } }),
			201,
		);
		const invoice = expectOk<Invoice>(await release(), 201);
		expect(invoice.approvalIds).toHaveLength(2);
	});

	it("needs the release scope, and approvals need the approve scope", async () => {
		await scenario.seedParties();
		await scenario.createWorkOrder();
		expect((await service.request("POST", "/v1/milestones/M1/release", { token: service.tokens.approver })).status).toBe(403);
		expect((await service.request("POST", "/v1/milestones/M1/approve", { token: service.tokens.releaser, body: { reason: "x" } })).status).toBe(403);
	});
});
