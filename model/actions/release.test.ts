import { describe, expect, it } from "vitest";
import type { MilestoneAmount } from "../entities/milestone.js";
import { baseSnapshot, HOUR, hash, make, T0 } from "../testing/builders.js";
import { expectError } from "../testing/expect-error.js";
import { Workspace } from "../workspace.js";
import { approveMarginOverride, approveMilestone, markMilestoneInvoiced, markMilestoneReady, openMilestone } from "./milestones.js";
import { releaseMilestone } from "./release.js";

/** A milestone one step from release: 2 h work + 1 h travel approved, 2 fuses used, signed off. */
function approvedMilestone(amount: MilestoneAmount = { kind: "actuals" }, contractValueMinor: number | null = null) {
	const ws = new Workspace({
		now: T0 + 10 * HOUR,
		snapshot: baseSnapshot({
			workOrders: [make.workOrder({ status: "in-progress", contractValueMinor, startedAt: T0 })],
			tasks: [make.task({ status: "completed" })],
			evidence: [
				make.evidence({ id: "E-ack", checklistItemId: "safety", payload: { kind: "acknowledgement", statement: "ok" }, contentHash: hash(3) }),
				make.evidence(),
				make.evidence({
					id: "E-sig",
					taskId: null,
					checklistItemId: null,
					deliverableId: "D1",
					payload: { kind: "signature", signerName: "Cy", signerRole: "customer" },
					capturedBy: { kind: "customer", id: "CY" },
				}),
			],
			deliverables: [make.deliverable({ status: "signed-off", signatureEvidenceId: "E-sig", signedOffBy: "CY", signedOffAt: T0 })],
			timeEntries: [
				make.timeEntry({ status: "approved" }),
				make.timeEntry({ id: "TE2", status: "approved", kind: "travel", start: T0 - HOUR, end: T0 }),
				make.timeEntry({ id: "TE3", status: "approved", billable: false, start: T0 + 2 * HOUR, end: T0 + 3 * HOUR }),
			],
			approvals: ["TE1", "TE2", "TE3"].map((subjectId) => make.approval({ id: `AP-${subjectId}`, subjectId })),
			lineItems: [make.lineItem({ status: "used", usedQuantity: 2 }), make.lineItem({ id: "LI2", status: "estimated" })],
			milestones: [make.milestone({ amount })],
		}),
	});
	ws.run("SUP1", (s, c) => openMilestone(s, "M1", c));
	ws.run("SUP1", (s, c) => markMilestoneReady(s, "M1", c));
	ws.run("SUP1", (s, c) => approveMilestone(s, "M1", "all evidence in", c));
	return ws;
}

describe("releasing a milestone", () => {
	it("produces an invoice whose every line traces to its source, evidence and approvals", () => {
		const ws = approvedMilestone();
		const { invoice } = ws.run("FIN1", (s, c) => releaseMilestone(s, "M1", { marginFloorBasisPoints: 2000 }, c));
		const milestoneApproval = ws.snapshot.approvals.find((a) => a.kind === "milestone")!.id;
		expect(invoice.lines.map((l) => [l.kind, l.source.id, l.quantity, l.unitPriceMinor, l.amountMinor])).toEqual([
			["travel", "TE2", 1, 6000, 6000],
			["work", "TE1", 2, 9000, 18000],
			["part", "LI1", 2, 750, 1500],
		]);
		for (const line of invoice.lines) {
			expect(line.evidenceIds.sort()).toEqual(["E-ack", "E1"]);
			expect(line.approvalIds).toContain(milestoneApproval);
		}
		expect(invoice.lines[1].approvalIds).toEqual(["AP-TE1", milestoneApproval]);
		expect(invoice.totalMinor).toBe(25_500);
		expect(invoice.deliverableIds).toEqual(["D1"]);
		// Cost: 4 h approved (incl. non-billable) x 4000 + 2 fuses x 300.
		expect(invoice.margin).toEqual({ priceMinor: 25_500, costMinor: 16_600, marginMinor: 8_900, marginBasisPoints: 3_490 });
		expect(ws.snapshot.milestones[0]).toMatchObject({ status: "released", invoiceId: invoice.id });
		expect(Object.fromEntries(ws.snapshot.timeEntries.map((e) => [e.id, e.status]))).toEqual({ TE1: "invoiced", TE2: "invoiced", TE3: "approved" });
		expect(ws.snapshot.lineItems.map((i) => i.status)).toEqual(["billed", "estimated"]);
		ws.run("FIN1", (s, c) => markMilestoneInvoiced(s, "M1", c));
		expectError(
			() => ws.run("FIN1", (s, c) => releaseMilestone(s, "M1", { marginFloorBasisPoints: 0 }, c)),
			"FC_MODEL_ILLEGAL_TRANSITION",
			"invoiced",
			"released",
		);
	});

	it("adds one adjustment line so a fixed or percentage milestone totals the agreed amount", () => {
		const fixed = approvedMilestone({ kind: "fixed", amountMinor: 30_000 });
		const { invoice } = fixed.run("FIN1", (s, c) => releaseMilestone(s, "M1", { marginFloorBasisPoints: 2000 }, c));
		expect(invoice.lines.at(-1)).toMatchObject({ kind: "milestone-adjustment", amountMinor: 4_500, source: { kind: "milestone", id: "M1" } });
		expect(invoice.totalMinor).toBe(30_000);
		const percent = approvedMilestone({ kind: "percent", basisPoints: 4000 }, 50_000);
		expect(percent.run("FIN1", (s, c) => releaseMilestone(s, "M1", { marginFloorBasisPoints: 0 }, c)).invoice.totalMinor).toBe(20_000);
	});

	it("refuses below the margin floor unless a margin override is approved", () => {
		const ws = approvedMilestone({ kind: "fixed", amountMinor: 18_000 });
		const error = expectError(
			() => ws.run("FIN1", (s, c) => releaseMilestone(s, "M1", { marginFloorBasisPoints: 1000 }, c)),
			"FC_MODEL_MARGIN_BELOW_FLOOR",
			"milestone M1",
			"margin 777 bp",
			"floor of 1000 bp",
		);
		expect(error.details).toMatchObject({ margin: { priceMinor: 18_000, costMinor: 16_600 } });
		expect(ws.snapshot.invoices).toEqual([]);
		const { approval } = ws.run("CFO", (s, c) => approveMarginOverride(s, "M1", "strategic customer", c));
		const { invoice } = ws.run("FIN1", (s, c) => releaseMilestone(s, "M1", { marginFloorBasisPoints: 1000 }, c));
		expect(invoice.approvalIds).toContain(approval.id);
		expect(invoice.lines.every((l) => l.approvalIds.includes(approval.id))).toBe(true);
	});

	it("re-checks readiness at release: evidence rejected after approval stops it", () => {
		const ws = approvedMilestone();
		ws.snapshot = { ...ws.snapshot, evidence: ws.snapshot.evidence.map((e) => (e.id === "E1" ? { ...e, status: "rejected" as const } : e)) };
		expectError(
			() => ws.run("FIN1", (s, c) => releaseMilestone(s, "M1", { marginFloorBasisPoints: 0 }, c)),
			"FC_MODEL_RULE_REFUSED",
			"insulation",
			"E1 was rejected",
		);
	});

	it("refuses rate cards in another currency than the work order", () => {
		const ws = approvedMilestone();
		ws.snapshot = { ...ws.snapshot, rateCards: [make.rateCard({ currency: "USD" })] };
		expectError(() => ws.run("FIN1", (s, c) => releaseMilestone(s, "M1", { marginFloorBasisPoints: 0 }, c)), "FC_MODEL_CURRENCY_MISMATCH", "RC1", "USD");
	});
});
