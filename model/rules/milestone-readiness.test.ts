import { describe, expect, it } from "vitest";
import type { ModelSnapshot } from "../entities/kinds.js";
import { baseSnapshot, hash, make } from "../testing/builders.js";
import { expectError } from "../testing/expect-error.js";
import { assertMilestoneReady, isMilestoneReady, milestoneReadiness } from "./milestone-readiness.js";

const ack = make.evidence({ id: "E-ack", checklistItemId: "safety", payload: { kind: "acknowledgement", statement: "ok" } });
const signature = make.evidence({
	id: "E-sig",
	taskId: null,
	checklistItemId: null,
	deliverableId: "D1",
	payload: { kind: "signature", signerName: "Cy Customer", signerRole: "customer" },
	capturedBy: { kind: "customer", id: "CUST-REP" },
	contentHash: hash(2),
});

function ready(): ModelSnapshot {
	return baseSnapshot({
		workOrders: [make.workOrder({ status: "in-progress" })],
		tasks: [make.task({ status: "completed" })],
		evidence: [ack, make.evidence(), signature],
		deliverables: [make.deliverable({ status: "signed-off", signatureEvidenceId: "E-sig", signedOffBy: "CUST-REP", signedOffAt: 1 })],
		timeEntries: [
			make.timeEntry({ status: "approved" }),
			make.timeEntry({ id: "TE2", status: "invoiced" }),
			make.timeEntry({ id: "TE3", billable: false, status: "draft" }),
		],
		milestones: [make.milestone()],
	});
}

describe("milestone readiness", () => {
	it("is ready with complete tasks, valid evidence, approved billable time and a signed sign-off", () => {
		expect(milestoneReadiness(ready(), "M1")).toEqual([]);
		expect(isMilestoneReady(ready(), "M1")).toBe(true);
	});

	it("lists everything missing, each naming its ids", () => {
		const s = ready();
		s.tasks = [make.task({ status: "in-progress" })];
		s.evidence = [ack, signature];
		s.timeEntries = [make.timeEntry({ status: "submitted" }), make.timeEntry({ id: "TE4", status: "running", end: null })];
		s.deliverables = [make.deliverable({ status: "delivered" })];
		expect(milestoneReadiness(s, "M1").map((r) => r.message)).toEqual([
			"task T1 is in-progress, not completed",
			"task T1: checklist item 'insulation' has no valid evidence",
			"time entry TE1 is submitted, not approved",
			"time entry TE4 is running, not approved",
			"deliverable D1 sign-off 'Customer sign-off' is delivered, not signed off",
		]);
		expectError(() => assertMilestoneReady(s, "M1"), "FC_MODEL_RULE_REFUSED", "bill milestone M1", "not signed off");
	});

	it("re-checks the sign-off signature itself", () => {
		const s = ready();
		s.evidence = [ack, make.evidence(), { ...signature, status: "rejected" }];
		expect(milestoneReadiness(s, "M1")[0].message).toBe("deliverable D1: signature evidence E-sig was rejected");
		s.evidence = [ack, make.evidence(), { ...signature, payload: { kind: "signature", signerName: "Ana", signerRole: "technician" } }];
		expect(milestoneReadiness(s, "M1")[0].message).toContain("signed by the technician, not the customer");
	});

	it("refuses an empty milestone and dangling references", () => {
		const s = ready();
		s.milestones = [make.milestone({ taskIds: [], deliverableIds: [] }), make.milestone({ id: "M2", taskIds: ["T404"], deliverableIds: ["D404"] })];
		expect(milestoneReadiness(s, "M1")[0].code).toBe("milestone-empty");
		expect(milestoneReadiness(s, "M2").map((r) => r.code)).toEqual(["task-missing", "deliverable-missing"]);
	});
});
