import { describe, expect, it } from "vitest";
import type { ModelSnapshot } from "../entities/kinds.js";
import { generateFixtures } from "../fixtures/generate.js";
import { baseSnapshot, make } from "../testing/builders.js";
import { expectError } from "../testing/expect-error.js";
import { assertValidSnapshot, validateSnapshot } from "./validate.js";

const good = (): ModelSnapshot =>
	baseSnapshot({ workOrders: [make.workOrder()], tasks: [make.task()], deliverables: [make.deliverable()], milestones: [make.milestone()] });
const messages = (s: ModelSnapshot) => validateSnapshot(s).map((i) => i.message);

describe("snapshot validation", () => {
	it("accepts consistent data", () => {
		expect(validateSnapshot(good())).toEqual([]);
	});

	it("finds duplicate ids, dangling references and bad money", () => {
		const s = good();
		s.tasks.push(make.task());
		s.lineItems = [make.lineItem({ taskId: "T404", unitPriceMinor: 12.5 })];
		expect(messages(s)).toEqual([
			"task T1 appears twice",
			"lineItem LI1 refers to missing task T404",
			"lineItem LI1: unit price 12.5 is not a non-negative integer of minor units",
		]);
		expectError(() => assertValidSnapshot(s), "FC_MODEL_INVALID", "breaks 3 model rule(s)", "T404");
	});

	it("finds states no sequence of actions produces", () => {
		const s = good();
		s.workOrders = [
			make.workOrder({ status: "completed", startedAt: 1 }),
			make.workOrder({ id: "WO2", parentId: "WO1", rootId: "WO9", dependencies: [{ predecessorId: "WO2", kind: "finish-to-start", lagMs: 0 }] }),
		];
		expect(messages(s)).toContain("workOrder WO2 refers to missing workOrder WO9");
		s.workOrders[1] = { ...s.workOrders[1], rootId: "WO1", dependencies: [] };
		s.timeEntries = [make.timeEntry({ status: "approved" }), make.timeEntry({ id: "TE2", status: "running" })];
		s.milestones = [make.milestone({ status: "released" }), make.milestone({ id: "M2", amount: { kind: "percent", basisPoints: 5000 } })];
		expect(messages(s)).toEqual([
			"work order WO1 completed although task T1 is pending, not completed or cancelled",
			"work order WO1 completed although child work order WO2 is scheduled; children complete before their parent",
			"time entry TE1 is approved without an approval",
			"time entry TE2 is running with end 1764007200000",
			"milestone M1 is released without an approval",
			"milestone M1 is released without its invoice",
			"milestone M2 covers task T1, already billed by milestone M1",
			"milestone M2 is a percentage of an order without a contract value",
		]);
	});

	it("finds dependency cycles and evidence filed against the wrong item", () => {
		const s = good();
		s.workOrders = [
			make.workOrder({ dependencies: [{ predecessorId: "WO2", kind: "finish-to-start", lagMs: 0 }] }),
			make.workOrder({ id: "WO2", rootId: "WO1", parentId: "WO1", dependencies: [{ predecessorId: "WO1", kind: "same-day", lagMs: 0 }] }),
		];
		expect(messages(s)[0]).toContain("dependencies form a cycle");
		const t = good();
		t.evidence = [make.evidence({ checklistItemId: "safety" })];
		expect(messages(t)).toEqual(["evidence E1 is reading evidence for item safety, which needs acknowledgement"]);
	});

	it("accepts generated fixtures and flags one corrupted record in them", () => {
		const { snapshot } = generateFixtures({ seed: 5, workOrders: 60 });
		expect(validateSnapshot(snapshot)).toEqual([]);
		const invoice = snapshot.invoices[0];
		const corrupted = { ...snapshot, invoices: [{ ...invoice, totalMinor: invoice.totalMinor + 1 }, ...snapshot.invoices.slice(1)] };
		expect(messages(corrupted)).toEqual([`invoice ${invoice.id} totals ${invoice.totalMinor + 1}, its lines ${invoice.totalMinor}`]);
	});
});
