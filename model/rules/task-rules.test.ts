import { describe, expect, it } from "vitest";
import type { Evidence } from "../entities/evidence.js";
import type { ModelSnapshot } from "../entities/kinds.js";
import type { ChecklistItem } from "../entities/task.js";
import { baseSnapshot, CALIBRATION, DAY, hash, items, make, T0 } from "../testing/builders.js";
import { expectError } from "../testing/expect-error.js";
import { assertCanCompleteTask, assertCanStartTask, canCompleteTask, explainCompleteTask, explainStartTask } from "./task-rules.js";

const ack = (o: Partial<Evidence> = {}) =>
	make.evidence({
		id: "ACK",
		checklistItemId: "safety",
		payload: { kind: "acknowledgement", statement: "Circuit isolated and locked out" },
		capturedBy: { kind: "technician", id: "TECH1" },
		...o,
	});
const reading = (value: number, unit: string, o: Partial<Evidence> = {}) =>
	make.evidence({ payload: { kind: "reading", quantity: "insulation_resistance", value, unit, deviceId: "MEGGER-1", calibration: CALIBRATION }, ...o });

function world(evidence: Evidence[], checklist?: ChecklistItem[], orderStatus = "in-progress" as const): ModelSnapshot {
	return baseSnapshot({
		workOrders: [make.workOrder({ status: orderStatus })],
		tasks: [make.task(checklist ? { checklist } : {})],
		evidence,
	});
}

describe("starting a task", () => {
	it("needs its work order started and before-start safety items acknowledged", () => {
		const reasons = explainStartTask(world([], undefined, "scheduled" as never), "T1");
		expect(reasons.map((r) => r.code)).toEqual(["work-order-not-started", "safety-not-acknowledged"]);
		expect(reasons[1].message).toBe("task T1: checklist item 'isolation confirmed' has no acknowledgement before start");
		expectError(() => assertCanStartTask(world([]), "T1"), "FC_MODEL_RULE_REFUSED", "start task T1", "isolation confirmed");
		expect(explainStartTask(world([ack()]), "T1")).toEqual([]);
	});

	it("does not accept rejected acknowledgements", () => {
		expect(explainStartTask(world([ack({ status: "rejected" })]), "T1")[0].message).toContain("evidence ACK was rejected");
	});

	it("throws FC_MODEL_NOT_FOUND for an unknown task", () => {
		expectError(() => explainStartTask(world([]), "T404"), "FC_MODEL_NOT_FOUND", "T404");
	});
});

describe("completing a task", () => {
	it("accepts a reading in any convertible unit within range", () => {
		expect(canCompleteTask(world([ack(), reading(550, "MOhm")]), "T1")).toBe(true);
		expect(canCompleteTask(world([ack(), reading(1500, "kOhm")]), "T1")).toBe(true);
		expect(canCompleteTask(world([ack(), reading(1_000_000, "Ohm")]), "T1")).toBe(true);
	});

	it("names the task, item and evidence when the reading is out of range", () => {
		const reasons = explainCompleteTask(world([ack(), reading(500, "kOhm")]), "T1");
		expect(reasons).toHaveLength(1);
		expect(reasons[0]).toMatchObject({ code: "evidence-missing", entity: "task", id: "T1" });
		expect(reasons[0].message).toBe("task T1: checklist item 'insulation' has no valid evidence (evidence E1: 500 kOhm is below the minimum 1 MOhm)");
		const max = items.insulation({
			requirement: { kind: "reading", quantity: "insulation_resistance", unit: "MOhm", min: null, max: 2, calibratedDevice: false },
		});
		expect(explainCompleteTask(world([ack(), reading(2001, "kOhm")], [items.safety(), max]), "T1")[0].message).toContain("above the maximum 2 MOhm");
	});

	it("refuses readings in an incompatible unit or of another quantity", () => {
		expect(explainCompleteTask(world([ack(), reading(5, "V")]), "T1")[0].message).toContain("is in V, which cannot be converted to MOhm");
		const other = make.evidence({ payload: { kind: "reading", quantity: "resistance", value: 5, unit: "MOhm", deviceId: "D", calibration: CALIBRATION } });
		expect(explainCompleteTask(world([ack(), other]), "T1")[0].message).toContain("measures resistance, not insulation_resistance");
	});

	it("requires the device to have been in calibration at capture", () => {
		const late = reading(550, "MOhm", { capturedAt: CALIBRATION.dueAt });
		expect(explainCompleteTask(world([ack(), late]), "T1")[0].message).toContain("device MEGGER-1 was out of calibration at capture");
		const early = reading(550, "MOhm", { capturedAt: CALIBRATION.calibratedAt - 1 });
		expect(canCompleteTask(world([ack(), early]), "T1")).toBe(false);
		const none = make.evidence({ payload: { kind: "reading", quantity: "insulation_resistance", value: 550, unit: "MOhm", deviceId: "X", calibration: null } });
		expect(explainCompleteTask(world([ack(), none]), "T1")[0].message).toContain("device X reported no calibration");
		const lax = items.insulation({
			requirement: { kind: "reading", quantity: "insulation_resistance", unit: "MOhm", min: 1, max: null, calibratedDevice: false },
		});
		expect(canCompleteTask(world([ack(), none], [items.safety(), lax]), "T1")).toBe(true);
	});

	it("is satisfied by one valid piece of evidence among invalid ones, and ignores optional items", () => {
		const photo = items.photo({ required: false });
		expect(canCompleteTask(world([ack(), reading(0.2, "MOhm", { id: "E0" }), reading(3, "MOhm")], [items.safety(), items.insulation(), photo]), "T1")).toBe(
			true,
		);
	});

	it("checks signatures are by the required signer and hashes are well formed", () => {
		const sign: ChecklistItem = {
			id: "sig",
			label: "customer signature",
			required: true,
			beforeStart: false,
			requirement: { kind: "signature", signerRole: "customer" },
		};
		const byTech = make.evidence({ checklistItemId: "sig", payload: { kind: "signature", signerName: "Ana", signerRole: "technician" } });
		expect(explainCompleteTask(world([byTech], [sign]), "T1")[0].message).toContain("signed by the technician, not the customer");
		const unhashed = make.evidence({ checklistItemId: "sig", contentHash: "abc", payload: { kind: "signature", signerName: "Cy", signerRole: "customer" } });
		expect(explainCompleteTask(world([unhashed], [sign]), "T1")[0].message).toContain("no valid content hash");
		expect(canCompleteTask(world([{ ...unhashed, contentHash: hash(9) }], [sign]), "T1")).toBe(true);
	});

	it("waits for running timers and lists every missing item at once", () => {
		const snapshot = { ...world([]), timeEntries: [make.timeEntry({ status: "running", end: null, start: T0 - DAY })] };
		const reasons = explainCompleteTask(snapshot, "T1");
		expect(reasons.map((r) => r.code)).toEqual(["evidence-missing", "evidence-missing", "timer-running"]);
		expectError(() => assertCanCompleteTask(snapshot, "T1"), "FC_MODEL_RULE_REFUSED", "complete task T1", "time entry TE1 on task T1 is still running");
	});
});
