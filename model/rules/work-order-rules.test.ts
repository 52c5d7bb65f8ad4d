import { describe, expect, it } from "vitest";
import type { WorkOrderDependency } from "../entities/work-order.js";
import { baseSnapshot, make } from "../testing/builders.js";
import { expectError } from "../testing/expect-error.js";
import { assertCanCompleteWorkOrder, assertCanStartWorkOrder, canStartWorkOrder, explainCompleteWorkOrder, explainStartWorkOrder } from "./work-order-rules.js";

const fs: WorkOrderDependency = { predecessorId: "WO1", kind: "finish-to-start", lagMs: 0 };
const ack = make.evidence({ id: "E-ack", checklistItemId: "safety", payload: { kind: "acknowledgement", statement: "ok" }, status: "accepted" });

function chain(predStatus: string, evidenceStatus: "captured" | "accepted" | "rejected", dep = fs) {
	return baseSnapshot({
		workOrders: [make.workOrder({ status: predStatus as never }), make.workOrder({ id: "WO2", rootId: "WO1", parentId: "WO1", dependencies: [dep] })],
		tasks: [make.task({ status: "completed" })],
		evidence: [ack, make.evidence({ status: evidenceStatus })],
	});
}

describe("starting a work order", () => {
	it("waits for a finish-to-start predecessor to be completed", () => {
		const reasons = explainStartWorkOrder(chain("in-progress", "accepted"), "WO2");
		expect(reasons).toEqual([
			{ code: "predecessor-not-completed", entity: "workOrder", id: "WO1", message: "finish-to-start predecessor WO1 is in-progress, not completed" },
		]);
		expectError(() => assertCanStartWorkOrder(chain("in-progress", "accepted"), "WO2"), "FC_MODEL_RULE_REFUSED", "start work order WO2", "WO1");
	});

	it("and for its evidence to be accepted, not merely captured", () => {
		const reasons = explainStartWorkOrder(chain("completed", "captured"), "WO2");
		expect(reasons).toHaveLength(1);
		expect(reasons[0].message).toBe("predecessor WO1: task T1 checklist item 'insulation' has no accepted evidence (E1 awaiting acceptance)");
		expect(explainStartWorkOrder(chain("completed", "rejected"), "WO2")[0].message).toBe(
			"predecessor WO1: task T1 checklist item 'insulation' has no accepted evidence",
		);
		expect(canStartWorkOrder(chain("completed", "accepted"), "WO2")).toBe(true);
	});

	it("needs start-to-start predecessors started, and ignores same-day links", () => {
		const ss = { ...fs, kind: "start-to-start" as const };
		expect(explainStartWorkOrder(chain("scheduled", "captured", ss), "WO2")[0].code).toBe("predecessor-not-started");
		expect(canStartWorkOrder(chain("in-progress", "captured", ss), "WO2")).toBe(true);
		expect(canStartWorkOrder(chain("draft", "captured", { ...fs, kind: "same-day" }), "WO2")).toBe(true);
	});

	it("reports a dangling predecessor", () => {
		const snapshot = chain("completed", "accepted", { ...fs, predecessorId: "WO-gone" });
		expect(explainStartWorkOrder(snapshot, "WO2")[0].message).toBe("predecessor WO-gone of WO2 does not exist");
	});
});

describe("completing a work order", () => {
	const snapshot = baseSnapshot({
		workOrders: [make.workOrder({ status: "in-progress" }), make.workOrder({ id: "WO2", parentId: "WO1", rootId: "WO1", status: "scheduled" })],
		tasks: [make.task({ status: "completed" }), make.task({ id: "T2", status: "in-progress" }), make.task({ id: "T3", status: "cancelled" })],
		appointments: [make.appointment({ status: "on-site" })],
	});

	it("lists open tasks, open visits and open children", () => {
		expect(explainCompleteWorkOrder(snapshot, "WO1").map((r) => r.message)).toEqual([
			"task T2 is in-progress, not completed or cancelled",
			"appointment AP1 is on-site, not completed or cancelled",
			"child work order WO2 is scheduled; children complete before their parent",
		]);
		expectError(() => assertCanCompleteWorkOrder(snapshot, "WO1"), "FC_MODEL_RULE_REFUSED", "complete work order WO1");
	});

	it("allows completion once every task, visit and child is finished", () => {
		const done = {
			...snapshot,
			workOrders: snapshot.workOrders.map((o) => ({ ...o, status: o.id === "WO2" ? ("cancelled" as const) : o.status })),
			tasks: snapshot.tasks.map((t) => ({ ...t, status: t.id === "T2" ? ("completed" as const) : t.status })),
			appointments: [make.appointment({ status: "completed" })],
		};
		expect(explainCompleteWorkOrder(done, "WO1")).toEqual([]);
	});
});
