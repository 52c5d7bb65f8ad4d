import { describe, expect, it } from "vitest";
import { baseSnapshot, DAY, HOUR, make, T0 } from "../testing/builders.js";
import { expectError } from "../testing/expect-error.js";
import { Workspace } from "../workspace.js";
import { moveAppointment } from "./appointments.js";
import { cancelWorkOrder, completeWorkOrder, holdWorkOrder, scheduleWorkOrder, startWorkOrder } from "./work-orders.js";

const ws = () =>
	new Workspace({
		now: T0,
		snapshot: baseSnapshot({
			workOrders: [
				make.workOrder({ status: "draft", plannedStart: null, plannedEnd: null }),
				make.workOrder({ id: "WO2", rootId: "WO1", parentId: "WO1", dependencies: [{ predecessorId: "WO1", kind: "finish-to-start", lagMs: HOUR }] }),
			],
			appointments: [make.appointment()],
		}),
	});

describe("work order and appointment actions", () => {
	it("schedules a draft order and reports the dependants it pushed", () => {
		const w = ws();
		const result = w.run("DISP", (s, c) => scheduleWorkOrder(s, "WO1", { start: T0 + DAY, end: T0 + DAY + 6 * HOUR }, c));
		expect(w.snapshot.workOrders[0]).toMatchObject({ status: "scheduled", plannedStart: T0 + DAY });
		expect(result.moved.map((m) => [m.id, m.to.start])).toEqual([["WO2", T0 + DAY + 7 * HOUR]]);
	});

	it("starts, holds, resumes and completes, stamping times; refuses a start the dependencies forbid", () => {
		const w = ws();
		w.run("DISP", (s, c) => scheduleWorkOrder(s, "WO1", { start: T0, end: T0 + HOUR }, c));
		expectError(() => w.run("TECH1", (s, c) => startWorkOrder(s, "WO2", c)), "FC_MODEL_RULE_REFUSED", "WO1 is scheduled, not completed");
		w.advance(HOUR).run("TECH1", (s, c) => startWorkOrder(s, "WO1", c));
		w.advance(HOUR).run("TECH1", (s, c) => holdWorkOrder(s, "WO1", c));
		w.advance(HOUR).run("TECH1", (s, c) => startWorkOrder(s, "WO1", c));
		expect(w.snapshot.workOrders[0]).toMatchObject({ status: "in-progress", startedAt: T0 + HOUR });
		expectError(() => w.run("TECH1", (s, c) => completeWorkOrder(s, "WO1", c)), "FC_MODEL_RULE_REFUSED", "appointment AP1", "child work order WO2");
		w.run("DISP", (s, c) => moveAppointment(s, "AP1", "cancelled", c));
		w.run("DISP", (s, c) => cancelWorkOrder(s, "WO2", c));
		w.run("TECH1", (s, c) => completeWorkOrder(s, "WO1", c));
		expect(w.snapshot.workOrders[0]).toMatchObject({ status: "completed", completedAt: T0 + 3 * HOUR });
		expectError(() => w.run("TECH1", (s, c) => cancelWorkOrder(s, "WO1", c)), "FC_MODEL_ILLEGAL_TRANSITION", "completed", "cancelled");
	});

	it("dispatches visits only for scheduled or started orders and stamps each step", () => {
		const w = ws();
		expectError(() => w.run("DISP", (s, c) => moveAppointment(s, "AP1", "dispatched", c)), "FC_MODEL_RULE_REFUSED", "WO1 is draft");
		w.run("DISP", (s, c) => scheduleWorkOrder(s, "WO1", { start: T0, end: T0 + HOUR }, c));
		w.run("DISP", (s, c) => moveAppointment(s, "AP1", "dispatched", c));
		expectError(() => w.run("DISP", (s, c) => moveAppointment(s, "AP1", "on-site", c)), "FC_MODEL_ILLEGAL_TRANSITION", "dispatched", "on-site");
		w.advance(HOUR).run("TECH1", (s, c) => moveAppointment(s, "AP1", "en-route", c));
		w.advance(HOUR).run("TECH1", (s, c) => moveAppointment(s, "AP1", "on-site", c));
		w.advance(HOUR).run("TECH1", (s, c) => moveAppointment(s, "AP1", "completed", c));
		expect(w.snapshot.appointments[0]).toMatchObject({ status: "completed", dispatchedAt: T0, arrivedAt: T0 + 2 * HOUR, finishedAt: T0 + 3 * HOUR });
	});
});
