import { describe, expect, it } from "vitest";
import { baseSnapshot, CALIBRATION, make, T0 } from "../testing/builders.js";
import { expectError } from "../testing/expect-error.js";
import { Workspace } from "../workspace.js";
import { deliverDeliverable, refuseDeliverable, reopenDeliverable, signOffDeliverable } from "./deliverables.js";
import { acceptEvidence, captureEvidence, contentHashOf, rejectEvidence } from "./evidence.js";

const ws = () =>
	new Workspace({
		now: T0,
		snapshot: baseSnapshot({
			workOrders: [make.workOrder({ status: "in-progress" })],
			tasks: [make.task({ status: "in-progress" })],
			deliverables: [make.deliverable()],
		}),
	});
const reading = { kind: "reading" as const, quantity: "insulation_resistance", value: 42, unit: "MOhm", deviceId: "M1", calibration: CALIBRATION };

describe("evidence actions", () => {
	it("captures evidence with a deterministic content hash and records review decisions", () => {
		const w = ws();
		const { evidence } = w.run("TECH1", (s, c) =>
			captureEvidence(s, { target: { taskId: "T1", checklistItemId: "insulation" }, payload: reading, capturedBy: { kind: "device", id: "M1" } }, c),
		);
		expect(evidence.contentHash).toMatch(/^[0-9a-f]{64}$/);
		expect(evidence.contentHash).toBe(
			contentHashOf({
				target: { checklistItemId: "insulation", taskId: "T1" },
				payload: { ...reading },
				capturedBy: { id: "M1", kind: "device" },
				capturedAt: T0,
			}),
		);
		w.run("SUP1", (s, c) => acceptEvidence(s, evidence.id, "looks right", c));
		expect(w.snapshot.evidence[0].status).toBe("accepted");
		expect(w.snapshot.approvals[0]).toMatchObject({ kind: "evidence", subjectId: evidence.id, decision: "approved" });
		expectError(() => w.run("SUP1", (s, c) => rejectEvidence(s, evidence.id, "no", c)), "FC_MODEL_ILLEGAL_TRANSITION", "accepted", "rejected");
	});

	it("refuses evidence of a kind that can never satisfy the item, or for an unknown item", () => {
		const w = ws();
		expectError(
			() =>
				w.run("TECH1", (s, c) =>
					captureEvidence(
						s,
						{
							target: { taskId: "T1", checklistItemId: "insulation" },
							payload: { kind: "note", text: "fine" },
							capturedBy: { kind: "technician", id: "TECH1" },
						},
						c,
					),
				),
			"FC_MODEL_INVALID",
			"needs reading evidence, not note",
		);
		expectError(
			() =>
				w.run("TECH1", (s, c) =>
					captureEvidence(s, { target: { taskId: "T1", checklistItemId: "nope" }, payload: reading, capturedBy: { kind: "device", id: "M1" } }, c),
				),
			"FC_MODEL_NOT_FOUND",
			"nope",
		);
	});
});

describe("deliverable sign-off", () => {
	it("needs a delivered deliverable and the customer's valid signature for it", () => {
		const w = ws();
		const sign = (role: "customer" | "technician") =>
			w.run("CY", (s, c) =>
				captureEvidence(
					s,
					{ target: { deliverableId: "D1" }, payload: { kind: "signature", signerName: "Cy", signerRole: role }, capturedBy: { kind: "customer", id: "CY" } },
					c,
				),
			).evidence;
		const techSig = sign("technician");
		expectError(() => w.run("CY", (s, c) => signOffDeliverable(s, "D1", techSig.id, c)), "FC_MODEL_ILLEGAL_TRANSITION", "pending", "signed-off");
		w.run("TECH1", (s, c) => deliverDeliverable(s, "D1", c));
		expectError(() => w.run("CY", (s, c) => signOffDeliverable(s, "D1", techSig.id, c)), "FC_MODEL_RULE_REFUSED", "not the customer");
		w.run("CY", (s, c) => refuseDeliverable(s, "D1", c));
		w.run("TECH1", (s, c) => reopenDeliverable(s, "D1", c));
		w.run("TECH1", (s, c) => deliverDeliverable(s, "D1", c));
		const good = sign("customer");
		w.run("CY", (s, c) => signOffDeliverable(s, "D1", good.id, c));
		expect(w.snapshot.deliverables[0]).toMatchObject({ status: "signed-off", signatureEvidenceId: good.id, signedOffBy: "CY", signedOffAt: T0 });
	});
});
