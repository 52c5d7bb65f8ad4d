/**
 * The gateway's side of the field–office round trip, on the gateway's real tables (SQLite in
 * memory, the gateway's migrations) and the demo day: one time-entry lifecycle under one id, the
 * office's decisions merged in as the downlink brings them, visits moved under the model's rules,
 * and what survives a new plan, a restart, or a write that fails halfway.
 */
import Database from "better-sqlite3";
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO_DELIVERABLE_ID, DEMO_TASK_ID, DEMO_TECHNICIAN_ID, DEMO_WORK_ORDER_ID, demoDay } from "../demo/demo-day.js";
import { migrate } from "../gateway/store/migrations.js";
import { Outbox } from "../gateway/uplink/outbox.js";
import { DeliverableSignOffs } from "../gateway/work/deliverable-signoffs.js";
import { FieldStates } from "../gateway/work/field-states.js";
import { TimeEntries, type TimeEntryOutbox } from "../gateway/work/time-entries.js";
import { TimeSubmissions } from "../gateway/work/time-submissions.js";
import { Visits } from "../gateway/work/visits.js";
import { WorkOrders } from "../gateway/work/work-orders.js";
import type { Approval } from "../model/entities/approval.js";
import type { ModelSnapshot } from "../model/entities/kinds.js";
import type { TimeEntry } from "../model/entities/time-entry.js";
import { billedHours } from "../model/rules/billable-time.js";

const tech = DEMO_TECHNICIAN_ID;
const NOW = Date.parse("2027-03-02T09:00:00Z");
let db: Database.Database;
let workOrders: WorkOrders;
let outbox: Outbox;
let uplink: TimeEntryOutbox;

function parts() {
	const fieldStates = new FieldStates(db);
	return {
		fieldStates,
		timeEntries: new TimeEntries(db, uplink),
		submissions: new TimeSubmissions(db, workOrders, fieldStates, uplink),
		visits: new Visits(db, workOrders, fieldStates, uplink),
	};
}

function kinds(): string[] {
	return outbox.pending().map((entry) => entry.kind);
}

/** The office's copy of an entry and its decisions, as the downlink would bring them. */
function officePlan(entries: Array<Partial<TimeEntry> & { id: string; status: TimeEntry["status"] }>, approvals: Array<Partial<Approval>>): ModelSnapshot {
	const plan = structuredClone(workOrders.snapshot);
	plan.timeEntries = entries.map(
		(entry) =>
			({
				version: 2,
				createdAt: NOW,
				updatedAt: NOW,
				workOrderId: DEMO_WORK_ORDER_ID,
				taskId: DEMO_TASK_ID,
				technicianId: tech,
				kind: "work",
				billable: true,
				start: NOW,
				end: NOW + 1,
				note: "",
				...entry,
			}) as TimeEntry,
	);
	plan.approvals = approvals.map(
		(approval, index) =>
			({
				id: `A${index}`,
				version: 1,
				createdAt: NOW + index,
				updatedAt: NOW + index,
				workOrderId: DEMO_WORK_ORDER_ID,
				kind: "time-entry",
				approverId: "office-1",
				decidedAt: NOW + index,
				reason: "",
				...approval,
			}) as Approval,
	);
	return plan;
}

beforeEach(() => {
	db = new Database(":memory:");
	migrate(db);
	workOrders = new WorkOrders(demoDay(NOW));
	outbox = new Outbox(db);
	uplink = { outbox, chainHead: () => 0 };
});

describe("one time-entry lifecycle, one id", () => {
	it("a stopped timer is a draft; only Submit submits, once; the office's decisions come back; a rejection is corrected and resubmitted", () => {
		const { timeEntries, submissions } = parts();
		const entry = timeEntries.start(tech, DEMO_WORK_ORDER_ID, DEMO_TASK_ID, "work", NOW);
		timeEntries.stop(tech, NOW + 8_000);
		expect(submissions.one(tech, entry.id)).toMatchObject({ status: "draft", synced: false, billedHours: 0 });
		expect(kinds()).toEqual(["time-entry"]);

		expect(submissions.submit(tech, NOW + 9_000).map((e) => e.status)).toEqual(["submitted"]);
		// Submitting again (or another tab's Submit) sends nothing more.
		expect(submissions.submit(tech, NOW + 9_500, [entry.id]).map((e) => e.status)).toEqual(["submitted"]);
		expect(kinds()).toEqual(["time-entry", "time-submit"]);
		// An approved entry cannot be "resubmitted"; nor can the wrong technician touch it.
		expect(() => submissions.resubmit(tech, entry.id, {}, NOW)).toThrow(expect.objectContaining({ code: "FC_MODEL_ILLEGAL_TRANSITION" }));
		expect(() => submissions.resubmit("tech-other", entry.id, {}, NOW)).toThrow(expect.objectContaining({ code: "FC_MODEL_NOT_FOUND" }));

		// The office rejects it (the downlink's plan): the reason shows.
		workOrders.replace(officePlan([{ id: entry.id, status: "rejected" }], [{ subjectId: entry.id, decision: "rejected", reason: "wrong task" }]));
		expect(submissions.one(tech, entry.id)).toMatchObject({ status: "rejected", rejectionReason: "wrong task", decidedBy: "office-1" });
		expect(() => submissions.resubmit(tech, entry.id, { startedAt: NOW + 10, endedAt: NOW }, NOW)).toThrow(
			expect.objectContaining({ code: "FC_HTTP_BAD_REQUEST" }),
		);
		const corrected = submissions.resubmit(tech, entry.id, { endedAt: NOW + 20 * 60_000 }, NOW + 60_000);
		expect(corrected).toMatchObject({ status: "submitted", endedAt: NOW + 20 * 60_000, billedHours: 0.3 });
		expect(kinds()).toEqual(["time-entry", "time-submit", "time-resubmit"]);
		// A plan fetched before the resubmission arrived still says rejected: the answer to that rejection stands.
		workOrders.replace(officePlan([{ id: entry.id, status: "rejected" }], [{ subjectId: entry.id, decision: "rejected", reason: "wrong task" }]));
		expect(submissions.one(tech, entry.id).status).toBe("submitted");
		// A second rejection (a new decision) is shown again.
		workOrders.replace(
			officePlan(
				[{ id: entry.id, status: "rejected" }],
				[
					{ subjectId: entry.id, decision: "rejected", reason: "wrong task" },
					{ subjectId: entry.id, decision: "rejected", reason: "still too long" },
				],
			),
		);
		expect(submissions.one(tech, entry.id)).toMatchObject({ status: "rejected", rejectionReason: "still too long" });
		// Approved and then invoiced: final, whatever the gateway marked.
		workOrders.replace(officePlan([{ id: entry.id, status: "invoiced" }], [{ subjectId: entry.id, decision: "approved" }]));
		expect(submissions.one(tech, entry.id)).toMatchObject({ status: "invoiced", rejectionReason: null });
	});

	it("bills time in 6-minute steps, halves up, with no minimum", () => {
		expect([8_000, 2 * 60_000 + 59_000, 3 * 60_000, 59 * 60_000, 61 * 60_000].map(billedHours)).toEqual([0, 0, 0.1, 1, 1]);
	});
});

describe("visits", () => {
	it("walk the demo day's second and third visits under the model's rules, the work orders following", () => {
		const { visits, timeEntries } = parts();
		expect(() => visits.move("AP-2", "on-site", tech, NOW)).toThrow(expect.objectContaining({ code: "FC_MODEL_ILLEGAL_TRANSITION" }));
		expect(() => visits.move("AP-2", "dispatched", "tech-other", NOW)).toThrow(expect.objectContaining({ code: "FC_APP_FORBIDDEN" }));
		expect(() => visits.move("AP-9", "dispatched", tech, NOW)).toThrow(expect.objectContaining({ code: "FC_MODEL_NOT_FOUND" }));
		visits.move("AP-2", "dispatched", tech, NOW);
		visits.move("AP-2", "en-route", tech, NOW + 1);
		expect(visits.move("AP-2", "on-site", tech, NOW + 2).workOrder).toEqual({ id: "WO-1052", status: "in-progress" });
		const refused = (() => {
			try {
				visits.move("AP-2", "completed", tech, NOW + 3);
			} catch (error) {
				return error as { code: string; details: { reasons: Array<{ code: string }> } };
			}
		})();
		expect(refused?.code).toBe("FC_MODEL_RULE_REFUSED");
		expect(refused?.details.reasons.map((r) => r.code)).toEqual(["task-open"]);
		expect(kinds()).toEqual(["appointment-status", "appointment-status", "appointment-status", "work-order-status"]);
		// A timer does not move a visit; the outbox holds one entry per change.
		timeEntries.start(tech, "WO-1052", "WO-1052-T1", "travel", NOW);
		expect(visits.actions(visits.appointment("AP-3") as never)).toEqual([{ status: "dispatched", allowed: true, reasons: [] }]);
	});

	it("the field's progress survives a plan that has not caught up, and a restart; the office's cancellation wins", () => {
		const { visits } = parts();
		visits.move("AP-2", "dispatched", tech, NOW);
		const stale = structuredClone(demoDay(NOW));
		workOrders.replace(stale);
		expect(visits.appointment("AP-2")?.status).toBe("dispatched");
		// A restart: new parts over the same database and a fresh plan.
		workOrders = new WorkOrders(demoDay(NOW));
		const again = parts().visits;
		expect(again.appointment("AP-2")).toMatchObject({ status: "dispatched", dispatchedAt: NOW });
		const cancelled = structuredClone(demoDay(NOW));
		(cancelled.appointments.find((a) => a.id === "AP-2") as { status: string }).status = "cancelled";
		workOrders.replace(cancelled);
		expect(again.appointment("AP-2")?.status).toBe("cancelled");
	});

	it("a write that fails halfway leaves nothing behind", () => {
		uplink = {
			outbox: {
				add: () => {
					throw new Error("disk I/O error");
				},
			} as unknown as Outbox,
			chainHead: () => 0,
		};
		const { visits, fieldStates } = parts();
		expect(() => visits.move("AP-2", "dispatched", tech, NOW)).toThrow("disk I/O error");
		expect(fieldStates.get("appointment", "AP-2")).toBeUndefined();
		expect(visits.appointment("AP-2")?.status).toBe("scheduled");
	});
});

describe("deliverable sign-off", () => {
	it("only a technician with a visit in the job takes the customer's signature; nothing is recorded for another", () => {
		const { fieldStates } = parts();
		const added: unknown[] = [];
		const evidence = {
			add: (input: unknown) => {
				added.push(input);
				return { id: `E${added.length}` } as never;
			},
		};
		const signOffs = new DeliverableSignOffs(db, workOrders, evidence, fieldStates, uplink);
		const attachment = { id: "att-1", sha256: "00", size: 1, mediaType: "image/png" } as never;
		const input = { workOrderId: DEMO_WORK_ORDER_ID, deliverableId: DEMO_DELIVERABLE_ID, signerName: "Customer", attachment };
		// Another technician signed in on the same hub: no visit in WO-1041.
		expect(() => signOffs.signOff({ ...input, technicianId: "tech-other" }, NOW)).toThrow(expect.objectContaining({ code: "FC_APP_FORBIDDEN" }));
		expect(added).toHaveLength(0);
		expect(signOffs.list(DEMO_WORK_ORDER_ID)[0]?.status).not.toBe("signed-off");
	});
});
