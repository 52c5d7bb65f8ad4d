import { describe, expect, it } from "vitest";
import { applyWrites } from "../repository/apply.js";
import { baseSnapshot, HOUR, hash, make, T0 } from "../testing/builders.js";
import { expectError } from "../testing/expect-error.js";
import { Workspace } from "../workspace.js";
import { creditableByLine, issueCreditNote } from "./credit-notes.js";
import { approveMilestone, disputeMilestone, markMilestoneReady, openMilestone, resumeMilestone } from "./milestones.js";
import { releaseMilestone } from "./release.js";

/** A released milestone: invoice lines travel 6000, work 18000, part 1500 (see release.test.ts). */
function released() {
	const ws = new Workspace({
		now: T0 + 10 * HOUR,
		snapshot: baseSnapshot({
			workOrders: [make.workOrder({ status: "in-progress", startedAt: T0 })],
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
			timeEntries: [make.timeEntry({ status: "approved" }), make.timeEntry({ id: "TE2", status: "approved", kind: "travel", start: T0 - HOUR, end: T0 })],
			approvals: ["TE1", "TE2"].map((subjectId) => make.approval({ id: `AP-${subjectId}`, subjectId })),
			lineItems: [make.lineItem({ status: "used", usedQuantity: 2 })],
			milestones: [make.milestone()],
		}),
	});
	ws.run("SUP1", (s, c) => openMilestone(s, "M1", c));
	ws.run("SUP1", (s, c) => markMilestoneReady(s, "M1", c));
	ws.run("SUP1", (s, c) => approveMilestone(s, "M1", "all evidence in", c));
	const { invoice } = ws.run("FIN1", (s, c) => releaseMilestone(s, "M1", { marginFloorBasisPoints: 0 }, c));
	return { ws, invoice };
}

function disputed() {
	const r = released();
	r.ws.advance(HOUR).run("SUP1", (s, c) => disputeMilestone(s, "M1", "two fuses were never fitted", c));
	return r;
}

describe("issuing a credit note", () => {
	it("credits lines of a disputed invoice, traced to the invoice lines, with who, why and the dispute", () => {
		const { ws, invoice } = disputed();
		const partLine = invoice.lines.find((l) => l.kind === "part")!;
		const { creditNote } = ws
			.advance(HOUR)
			.run("FIN2", (s, c) =>
				issueCreditNote(s, invoice.id, { reason: "  fuses not fitted  ", lines: [{ invoiceLineNo: partLine.lineNo, amountMinor: 1500 }] }, c),
			);
		const dispute = ws.snapshot.approvals.at(-1)!;
		expect(creditNote).toMatchObject({
			id: `${invoice.id}-CN1`,
			number: `${invoice.id}-CN1`,
			invoiceId: invoice.id,
			milestoneId: "M1",
			workOrderId: invoice.workOrderId,
			customerId: invoice.customerId,
			currency: "EUR",
			issuedBy: "FIN2",
			issuedAt: T0 + 12 * HOUR,
			reason: "fuses not fitted",
			disputeApprovalId: dispute.id,
			totalMinor: 1500,
			lines: [{ lineNo: 1, invoiceLineNo: partLine.lineNo, description: partLine.description, amountMinor: 1500, source: { kind: "line-item", id: "LI1" } }],
		});
		expect(dispute).toMatchObject({ decision: "rejected", reason: "two fuses were never fitted" });
		expect(ws.snapshot.creditNotes).toHaveLength(1);
	});

	it("refuses an invoice whose milestone is not disputed: released, or resumed after the dispute", () => {
		const { ws, invoice } = released();
		const request = { reason: "goodwill", lines: [{ invoiceLineNo: 1, amountMinor: 100 }] };
		expectError(() => ws.run("FIN1", (s, c) => issueCreditNote(s, invoice.id, request, c)), "FC_MODEL_RULE_REFUSED", "is released, not disputed");
		ws.advance(HOUR).run("SUP1", (s, c) => disputeMilestone(s, "M1", "wrong site", c));
		ws.run("SUP1", (s, c) => resumeMilestone(s, "M1", c));
		expectError(() => ws.run("FIN1", (s, c) => issueCreditNote(s, invoice.id, request, c)), "FC_MODEL_RULE_REFUSED", "awaiting-evidence, not disputed");
		expectError(() => ws.run("FIN1", (s, c) => issueCreditNote(s, "INV-nope", request, c)), "FC_MODEL_NOT_FOUND", "INV-nope");
	});

	it("never lets the credits of a line, over several notes, exceed what the line billed", () => {
		const { ws, invoice } = disputed();
		const work = invoice.lines.find((l) => l.kind === "work")!;
		ws.run("FIN1", (s, c) => issueCreditNote(s, invoice.id, { reason: "one hour short", lines: [{ invoiceLineNo: work.lineNo, amountMinor: 9000 }] }, c));
		expect(creditableByLine(ws.snapshot, invoice.id).get(work.lineNo)).toBe(9000);
		expectError(
			() => ws.run("FIN1", (s, c) => issueCreditNote(s, invoice.id, { reason: "more", lines: [{ invoiceLineNo: work.lineNo, amountMinor: 9001 }] }, c)),
			"FC_MODEL_RULE_REFUSED",
			"only 9000 EUR minor units of its 18000 are left",
		);
		const { creditNote } = ws.run("FIN1", (s, c) =>
			issueCreditNote(s, invoice.id, { reason: "rest of it", lines: [{ invoiceLineNo: work.lineNo, amountMinor: 9000 }] }, c),
		);
		expect(creditNote.number).toBe(`${invoice.id}-CN2`);
		expect(creditableByLine(ws.snapshot, invoice.id).get(work.lineNo)).toBe(0);
		expectError(
			() => ws.run("FIN1", (s, c) => issueCreditNote(s, invoice.id, { reason: "again", lines: [{ invoiceLineNo: work.lineNo, amountMinor: 1 }] }, c)),
			"FC_MODEL_RULE_REFUSED",
			"only 0",
		);
	});

	it("refuses clumsy input with what to do: no reason, no lines, unknown or repeated line, odd amounts", () => {
		const { ws, invoice } = disputed();
		const run = (reason: string, lines: { invoiceLineNo: number; amountMinor: number }[]) => () =>
			ws.run("FIN1", (s, c) => issueCreditNote(s, invoice.id, { reason, lines }, c));
		expectError(run("   ", [{ invoiceLineNo: 1, amountMinor: 1 }]), "FC_MODEL_INVALID", "needs a reason");
		expectError(run("x", []), "FC_MODEL_INVALID", "at least one line");
		expectError(run("x", [{ invoiceLineNo: 99, amountMinor: 1 }]), "FC_MODEL_INVALID", "has no line 99");
		expectError(
			run("x", [
				{ invoiceLineNo: 1, amountMinor: 1 },
				{ invoiceLineNo: 1, amountMinor: 1 },
			]),
			"FC_MODEL_INVALID",
			"credited twice",
		);
		for (const amount of [0, -5, 1.5, Number.NaN]) expectError(run("x", [{ invoiceLineNo: 1, amountMinor: amount }]), "FC_MODEL_INVALID", "whole minor units");
		expect(ws.snapshot.creditNotes).toEqual([]);
	});

	it("is never editable after issue, and two clerks issuing at once cannot both spend the remainder", () => {
		const { ws, invoice } = disputed();
		const before = ws.snapshot;
		const a = issueCreditNote(before, invoice.id, { reason: "a", lines: [{ invoiceLineNo: 1, amountMinor: 6000 }] }, ws.context("FIN1"));
		const b = issueCreditNote(before, invoice.id, { reason: "b", lines: [{ invoiceLineNo: 1, amountMinor: 6000 }] }, ws.context("FIN2"));
		const after = applyWrites(before, a.writes);
		// Both read the same remainder; b is a new entity with a's number, which storage refuses.
		expectError(() => applyWrites(after, b.writes), "FC_MODEL_VERSION_CONFLICT", `creditNote ${invoice.id}-CN1`);
		const stored = after.creditNotes[0];
		expectError(() => applyWrites(after, [{ kind: "creditNote", entity: { ...stored, totalMinor: 1 } }]), "FC_MODEL_IMMUTABLE", "never changes");
	});
});
