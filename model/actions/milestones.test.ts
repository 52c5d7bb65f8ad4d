import { describe, expect, it } from "vitest";
import { isApproved } from "../rules/lookup.js";
import { baseSnapshot, make, T0 } from "../testing/builders.js";
import { expectError } from "../testing/expect-error.js";
import { Workspace } from "../workspace.js";
import { addLineItem, useLineItem } from "./line-items.js";
import { approveMilestone, blockMilestone, disputeMilestone, markMilestoneReady, openMilestone, resumeMilestone } from "./milestones.js";

const ws = () =>
	new Workspace({
		now: T0,
		snapshot: baseSnapshot({
			workOrders: [make.workOrder({ status: "in-progress" })],
			tasks: [make.task()],
			deliverables: [make.deliverable()],
			milestones: [make.milestone()],
		}),
	});

describe("milestone lifecycle actions", () => {
	it("refuses readiness with the list of what is missing", () => {
		const w = ws();
		w.run("SUP1", (s, c) => openMilestone(s, "M1", c));
		expectError(() => w.run("SUP1", (s, c) => markMilestoneReady(s, "M1", c)), "FC_MODEL_RULE_REFUSED", "task T1 is pending, not completed", "deliverable D1");
		expectError(() => w.run("SUP1", (s, c) => approveMilestone(s, "M1", "ok", c)), "FC_MODEL_ILLEGAL_TRANSITION", "awaiting-evidence", "approved");
	});

	it("keeps block and dispute reasons as rejecting decisions, which withdraw a standing approval", () => {
		const w = ws();
		w.snapshot = {
			...w.snapshot,
			milestones: [make.milestone({ status: "approved" })],
			approvals: [make.approval({ id: "OK", kind: "milestone", subjectId: "M1" })],
		};
		expect(isApproved(w.snapshot, "milestone", "M1")).toBe(true);
		w.advance(1).run("SUP1", (s, c) => blockMilestone(s, "M1", "customer query on parts", c));
		expect(isApproved(w.snapshot, "milestone", "M1")).toBe(false);
		expect(w.snapshot.approvals.at(-1)).toMatchObject({ decision: "rejected", reason: "customer query on parts", approverId: "SUP1" });
		w.run("SUP1", (s, c) => resumeMilestone(s, "M1", c));
		expect(w.snapshot.milestones[0].status).toBe("awaiting-evidence");
		w.snapshot = { ...w.snapshot, milestones: [{ ...w.snapshot.milestones[0], status: "released" }] };
		w.run("CY", (s, c) => disputeMilestone(s, "M1", "hours too high", c));
		expect(w.snapshot.milestones[0].status).toBe("disputed");
	});
});

describe("line item actions", () => {
	it("adds estimated items in the order's currency and marks them used", () => {
		const w = ws();
		const { item } = w.run("DISP", (s, c) =>
			addLineItem(s, { taskId: "T1", kind: "part", description: "Fuse", unit: "ea", estimatedQuantity: 2, unitCostMinor: 100, unitPriceMinor: 250 }, c),
		);
		expect(item).toMatchObject({ workOrderId: "WO1", currency: "EUR", status: "estimated", usedQuantity: null });
		w.run("TECH1", (s, c) => useLineItem(s, item.id, 3, c));
		expect(w.snapshot.lineItems[0]).toMatchObject({ status: "used", usedQuantity: 3 });
		expectError(() => w.run("TECH1", (s, c) => useLineItem(s, item.id, 1, c)), "FC_MODEL_ILLEGAL_TRANSITION", "used");
	});

	it("refuses fractional money and negative quantities", () => {
		const w = ws();
		expectError(
			() =>
				w.run("DISP", (s, c) =>
					addLineItem(s, { taskId: "T1", kind: "part", description: "x", unit: "ea", estimatedQuantity: 1, unitCostMinor: 1.5, unitPriceMinor: 2 }, c),
				),
			"FC_MODEL_INVALID",
			"1.5",
		);
		const { item } = w.run("DISP", (s, c) =>
			addLineItem(s, { taskId: "T1", kind: "service", description: "x", unit: "ea", estimatedQuantity: 1, unitCostMinor: 1, unitPriceMinor: 2 }, c),
		);
		expectError(() => w.run("TECH1", (s, c) => useLineItem(s, item.id, -1, c)), "FC_MODEL_INVALID", "-1");
	});
});
