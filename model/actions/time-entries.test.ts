import { describe, expect, it } from "vitest";
import { baseSnapshot, HOUR, make, T0 } from "../testing/builders.js";
import { expectError } from "../testing/expect-error.js";
import { Workspace } from "../workspace.js";
import { approveTimeEntry, editTimeEntry, recordTime, rejectTimeEntry, reopenTimeEntry, startTimer, stopTimer, submitTimeEntry } from "./time-entries.js";

function ws() {
	return new Workspace({
		now: T0,
		snapshot: baseSnapshot({ workOrders: [make.workOrder({ status: "in-progress" })], tasks: [make.task({ status: "in-progress" })] }),
	});
}
const input = { taskId: "T1", technicianId: "TECH1", kind: "work" as const, billable: true };

describe("time entry actions", () => {
	it("runs a timer, stops it into draft and carries the work order", () => {
		const w = ws();
		const { entry } = w.run("TECH1", (s, c) => startTimer(s, input, c));
		expect(entry).toMatchObject({ status: "running", end: null, workOrderId: "WO1", version: 0 });
		w.advance(90 * 60_000).run("TECH1", (s, c) => stopTimer(s, entry.id, c));
		expect(w.snapshot.timeEntries[0]).toMatchObject({ status: "draft", end: T0 + 90 * 60_000, version: 2 });
	});

	it("goes submitted -> rejected -> draft -> edited -> submitted -> approved, recording each decision", () => {
		const w = ws();
		const { entry } = w.run("TECH1", (s, c) => recordTime(s, { ...input, start: T0, end: T0 + HOUR }, c));
		w.run("TECH1", (s, c) => submitTimeEntry(s, entry.id, c));
		w.run("SUP1", (s, c) => rejectTimeEntry(s, entry.id, "wrong task", c));
		w.run("TECH1", (s, c) => reopenTimeEntry(s, entry.id, c));
		w.run("TECH1", (s, c) => editTimeEntry(s, entry.id, { end: T0 + 2 * HOUR }, c));
		w.run("TECH1", (s, c) => submitTimeEntry(s, entry.id, c));
		const { approval } = w.run("SUP1", (s, c) => approveTimeEntry(s, entry.id, "matches the visit log", c));
		expect(w.snapshot.timeEntries[0]).toMatchObject({ status: "approved", end: T0 + 2 * HOUR });
		expect(w.snapshot.approvals.map((a) => [a.decision, a.approverId, a.reason])).toEqual([
			["rejected", "SUP1", "wrong task"],
			["approved", "SUP1", "matches the visit log"],
		]);
		expect(approval.subjectId).toBe(entry.id);
	});

	it("never lets approved time change, and refuses edits outside draft", () => {
		const w = ws();
		const { entry } = w.run("TECH1", (s, c) => recordTime(s, { ...input, start: T0, end: T0 + HOUR }, c));
		w.run("TECH1", (s, c) => submitTimeEntry(s, entry.id, c));
		expectError(() => w.run("TECH1", (s, c) => editTimeEntry(s, entry.id, { billable: false }, c)), "FC_MODEL_RULE_REFUSED", "submitted");
		w.run("SUP1", (s, c) => approveTimeEntry(s, entry.id, "ok", c));
		expectError(() => w.run("TECH1", (s, c) => editTimeEntry(s, entry.id, { end: T0 + 5 * HOUR }, c)), "FC_MODEL_IMMUTABLE", entry.id, "approved");
		expectError(() => w.run("SUP1", (s, c) => rejectTimeEntry(s, entry.id, "changed my mind", c)), "FC_MODEL_ILLEGAL_TRANSITION", "approved", "rejected");
		// Even around the actions, the write checks refuse it.
		const approved = w.snapshot.timeEntries[0];
		expectError(() => w.run("X", () => ({ writes: [{ kind: "timeEntry", entity: { ...approved, start: 0 } }] })), "FC_MODEL_IMMUTABLE");
	});

	it("refuses self-approval, bad times and time on cancelled tasks", () => {
		const w = ws();
		const { entry } = w.run("TECH1", (s, c) => recordTime(s, { ...input, start: T0, end: T0 + HOUR }, c));
		w.run("TECH1", (s, c) => submitTimeEntry(s, entry.id, c));
		expectError(() => w.run("TECH1", (s, c) => approveTimeEntry(s, entry.id, "me", c)), "FC_MODEL_RULE_REFUSED", "own time entry");
		expectError(() => w.run("TECH1", (s, c) => recordTime(s, { ...input, start: T0, end: T0 - 1 }, c)), "FC_MODEL_INVALID", "ends before it starts");
		w.snapshot = { ...w.snapshot, tasks: [make.task({ status: "cancelled" })] };
		expectError(() => w.run("TECH1", (s, c) => startTimer(s, input, c)), "FC_MODEL_RULE_REFUSED", "cancelled");
	});
});
