/**
 * Model-based property tests (fast-check commands) over the actions and state machines: whatever
 * sequence of operations runs, (1) no invoice exists without valid evidence for every required
 * checklist item, approved billable time and a customer sign-off, and (2) approved time never
 * changes. Runs start from a random point along the happy path so releases are actually reached.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isFieldchainErrorIn } from "../platform/errors.js";
import type { ActionContext, ActionResult } from "./actions/context.js";
import { deliverDeliverable, refuseDeliverable, reopenDeliverable, signOffDeliverable } from "./actions/deliverables.js";
import { acceptEvidence, captureEvidence, rejectEvidence } from "./actions/evidence.js";
import {
	approveMarginOverride,
	approveMilestone,
	blockMilestone,
	disputeMilestone,
	markMilestoneInvoiced,
	markMilestoneReady,
	openMilestone,
	resumeMilestone,
} from "./actions/milestones.js";
import { releaseMilestone } from "./actions/release.js";
import { cancelTask, completeTask, startTask } from "./actions/tasks.js";
import {
	approveTimeEntry,
	editTimeEntry,
	recordTime,
	rejectTimeEntry,
	reopenTimeEntry,
	startTimer,
	stopTimer,
	submitTimeEntry,
} from "./actions/time-entries.js";
import { completeWorkOrder, holdWorkOrder, startWorkOrder } from "./actions/work-orders.js";
import { canonicalJson } from "./canonical-json.js";
import type { CalibrationRecord } from "./entities/evidence.js";
import type { ModelSnapshot } from "./entities/kinds.js";
import { applyWrites } from "./repository/apply.js";
import { baseSnapshot, CALIBRATION, DAY, HOUR, items, make, T0 } from "./testing/builders.js";
import { Workspace } from "./workspace.js";

interface Real {
	ws: Workspace;
}
interface Model {
	/** Content of every time entry seen approved, by id. */
	approved: Map<string, string>;
	releases: number;
}

const EXPIRED: CalibrationRecord = { ...CALIBRATION, certificateId: "OLD", calibratedAt: T0 - 500 * DAY, dueAt: T0 - 100 * DAY };
const TASKS = ["T1", "T2"] as const;
const ACTORS = ["SUP1", "TECH1", "TECH2", "CY"] as const;

function initial(): Workspace {
	return new Workspace({
		now: T0,
		snapshot: baseSnapshot({
			workOrders: [make.workOrder()],
			tasks: [
				make.task({ version: 1, checklist: [items.safety(), items.insulation(), items.photo()] }),
				make.task({ id: "T2", sequence: 2, title: "Panel check", checklist: [items.safety(), items.photo()] }),
			],
			deliverables: [make.deliverable()],
			milestones: [make.milestone({ taskIds: ["T1", "T2"] })],
		}),
	});
}

const ack = (taskId: string) => (s: ModelSnapshot, c: ActionContext) =>
	captureEvidence(
		s,
		{
			target: { taskId, checklistItemId: "safety" },
			payload: { kind: "acknowledgement", statement: "isolated" },
			capturedBy: { kind: "technician", id: "TECH1" },
		},
		c,
	);
const photo = (taskId: string) => (s: ModelSnapshot, c: ActionContext) =>
	captureEvidence(
		s,
		{
			target: { taskId, checklistItemId: "photo" },
			payload: { kind: "photo", mediaType: "image/jpeg", byteLength: 1000 },
			capturedBy: { kind: "technician", id: "TECH1" },
		},
		c,
	);
const reading = (value: number, unit: string, calibration: CalibrationRecord | null) => (s: ModelSnapshot, c: ActionContext) =>
	captureEvidence(
		s,
		{
			target: { taskId: "T1", checklistItemId: "insulation" },
			payload: { kind: "reading", quantity: "insulation_resistance", value, unit, deviceId: "MEG", calibration },
			capturedBy: { kind: "device", id: "MEG" },
		},
		c,
	);
const signature = (role: "customer" | "technician") => (s: ModelSnapshot, c: ActionContext) =>
	captureEvidence(
		s,
		{ target: { deliverableId: "D1" }, payload: { kind: "signature", signerName: "Cy", signerRole: role }, capturedBy: { kind: "customer", id: "CY" } },
		c,
	);
const lastEntry = (s: ModelSnapshot) => s.timeEntries.at(-1)!.id;

/** The happy path, as [actor, action] steps; a run begins after a random prefix of it. */
const HAPPY: [string, (s: ModelSnapshot, c: ActionContext) => ActionResult][] = [
	["TECH1", (s, c) => startWorkOrder(s, "WO1", c)],
	["TECH1", ack("T1")],
	["TECH1", (s, c) => startTask(s, "T1", c)],
	["TECH1", reading(5, "MOhm", CALIBRATION)],
	["TECH1", photo("T1")],
	["TECH1", (s, c) => completeTask(s, "T1", c)],
	["TECH1", ack("T2")],
	["TECH1", (s, c) => startTask(s, "T2", c)],
	["TECH1", photo("T2")],
	["TECH1", (s, c) => completeTask(s, "T2", c)],
	["TECH1", (s, c) => recordTime(s, { taskId: "T1", technicianId: "TECH1", kind: "work", billable: true, start: T0, end: T0 + 2 * HOUR }, c)],
	["TECH1", (s, c) => submitTimeEntry(s, lastEntry(s), c)],
	["SUP1", (s, c) => approveTimeEntry(s, lastEntry(s), "ok", c)],
	["TECH1", (s, c) => deliverDeliverable(s, "D1", c)],
	["CY", signature("customer")],
	["CY", (s, c) => signOffDeliverable(s, "D1", s.evidence.at(-1)!.id, c)],
	["SUP1", (s, c) => openMilestone(s, "M1", c)],
	["SUP1", (s, c) => markMilestoneReady(s, "M1", c)],
	["SUP1", (s, c) => approveMilestone(s, "M1", "ok", c)],
];

/** Runs an action; a refusal by the model (any FC_MODEL_* error) is a legitimate outcome. */
function attempt(real: Real, actor: string, action: (s: ModelSnapshot, c: ActionContext) => ActionResult): boolean {
	try {
		real.ws.run(actor, action);
		return true;
	} catch (error) {
		if (isFieldchainErrorIn(error, "MODEL")) return false;
		throw error;
	}
}

const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

function entryContent(entry: ModelSnapshot["timeEntries"][number]): string {
	const { status: _s, version: _v, updatedAt: _u, ...rest } = entry;
	return canonicalJson(rest);
}

/** Independent oracle (not the rules under test) for what must hold before any invoice exists. */
function assertBillable(before: ModelSnapshot): void {
	const milestone = before.milestones[0];
	const factor: Record<string, number> = { GOhm: 1000, MOhm: 1, kOhm: 1e-3, Ohm: 1e-6 };
	for (const taskId of milestone.taskIds) {
		const task = before.tasks.find((t) => t.id === taskId)!;
		expect(task.status).toBe("completed");
		for (const item of task.checklist.filter((i) => i.required)) {
			const ok = before.evidence.some((e) => {
				if (e.taskId !== taskId || e.checklistItemId !== item.id || e.status === "rejected" || e.payload.kind !== item.requirement.kind) return false;
				if (e.payload.kind !== "reading") return true;
				const cal = e.payload.calibration;
				return (
					e.payload.unit in factor &&
					e.payload.value * factor[e.payload.unit] >= 1 &&
					cal !== null &&
					cal.calibratedAt <= e.capturedAt &&
					e.capturedAt < cal.dueAt
				);
			});
			expect(ok, `task ${taskId} item ${item.id} has valid evidence`).toBe(true);
		}
		for (const entry of before.timeEntries.filter((e) => e.taskId === taskId && e.billable)) {
			expect(entry.status).toBe("approved");
			const decisions = before.approvals.filter((a) => a.kind === "time-entry" && a.subjectId === entry.id);
			expect(decisions.at(-1)?.decision).toBe("approved");
			expect(decisions.at(-1)?.approverId).not.toBe(entry.technicianId);
		}
	}
	for (const id of milestone.deliverableIds) {
		const d = before.deliverables.find((x) => x.id === id)!;
		expect(d.status).toBe("signed-off");
		const sig = before.evidence.find((e) => e.id === d.signatureEvidenceId)!;
		expect(sig.deliverableId).toBe(id);
		expect(sig.status).not.toBe("rejected");
		expect(sig.payload).toMatchObject({ kind: "signature", signerRole: "customer" });
	}
	expect(before.approvals.filter((a) => a.kind === "milestone").at(-1)?.decision).toBe("approved");
}

function checkInvariants(model: Model, real: Real, invoicesBefore: number, releasing: boolean): void {
	const s = real.ws.snapshot;
	if (!releasing) expect(s.invoices.length, "only a release creates invoices").toBe(invoicesBefore);
	for (const entry of s.timeEntries) {
		const seen = model.approved.get(entry.id);
		if (seen !== undefined) {
			expect(["approved", "invoiced"]).toContain(entry.status);
			expect(entryContent(entry), `approved time entry ${entry.id} changed`).toBe(seen);
		} else if (entry.status === "approved" || entry.status === "invoiced") {
			model.approved.set(entry.id, entryContent(entry));
		}
	}
}

/** One operation: an actor attempts an action; invariants are checked after every attempt. */
class Op implements fc.Command<Model, Real> {
	constructor(
		readonly label: string,
		readonly actor: string,
		readonly action: (s: ModelSnapshot, c: ActionContext) => ActionResult,
	) {}
	check(): boolean {
		return true;
	}
	run(model: Model, real: Real): void {
		const before = real.ws.snapshot;
		const released = attempt(real, this.actor, this.action) && real.ws.snapshot.invoices.length > before.invoices.length;
		if (released) {
			assertBillable(before);
			model.releases++;
		}
		checkInvariants(model, real, before.invoices.length, released);
		real.ws.advance(10 * 60_000);
	}
	toString(): string {
		return `${this.actor}: ${this.label}`;
	}
}

const task = fc.constantFrom(...TASKS);
const actor = fc.constantFrom(...ACTORS);
const index = fc.nat({ max: 20 });
const op = (
	label: string,
	actorArb: fc.Arbitrary<string>,
	action: fc.Arbitrary<(s: ModelSnapshot, c: ActionContext) => ActionResult>,
	detail: fc.Arbitrary<string> = fc.constant(""),
) => fc.tuple(actorArb, action, detail).map(([a, f, d]) => new Op(`${label}${d}`, a, f));
const entryOp = (label: string, f: (s: ModelSnapshot, id: string, c: ActionContext) => ActionResult) =>
	fc.tuple(actor, index).map(([a, i]) => new Op(`${label}(#${i})`, a, (s, c) => f(s, pick(s.timeEntries, i)?.id ?? "none", c)));
const evidenceOp = (label: string, f: (s: ModelSnapshot, id: string, c: ActionContext) => ActionResult) =>
	fc.tuple(actor, index).map(([a, i]) => new Op(`${label}(#${i})`, a, (s, c) => f(s, pick(s.evidence, i)?.id ?? "none", c)));

const commands = [
	op(
		"start WO1",
		actor,
		fc.constant((s, c) => startWorkOrder(s, "WO1", c)),
	),
	op(
		"hold WO1",
		actor,
		fc.constant((s, c) => holdWorkOrder(s, "WO1", c)),
	),
	op(
		"complete WO1",
		actor,
		fc.constant((s, c) => completeWorkOrder(s, "WO1", c)),
	),
	fc
		.tuple(actor, task, fc.constantFrom("start", "complete", "cancel"))
		.map(
			([a, t, what]) =>
				new Op(`${what} ${t}`, a, (s, c) => (what === "start" ? startTask(s, t, c) : what === "complete" ? completeTask(s, t, c) : cancelTask(s, t, c))),
		),
	task.map((t) => new Op(`ack ${t}`, "TECH1", ack(t))),
	task.map((t) => new Op(`photo ${t}`, "TECH1", photo(t))),
	fc
		.tuple(
			fc.constantFrom(0.5, 1, 5, 500, 1000, 1500),
			fc.constantFrom("MOhm", "kOhm", "GOhm", "V"),
			fc.constantFrom<CalibrationRecord | null>(CALIBRATION, EXPIRED, null),
		)
		.map(([v, u, cal]) => new Op(`reading ${v} ${u} cal=${cal?.certificateId ?? "none"}`, "TECH1", reading(v, u, cal))),
	fc.constantFrom<"customer" | "technician">("customer", "technician").map((role) => new Op(`signature by ${role}`, "CY", signature(role))),
	evidenceOp("accept evidence", (s, id, c) => acceptEvidence(s, id, "ok", c)),
	evidenceOp("reject evidence", (s, id, c) => rejectEvidence(s, id, "bad", c)),
	fc
		.tuple(task, fc.constantFrom("TECH1", "TECH2"), fc.boolean(), fc.boolean())
		.map(
			([t, tech, billable, timer]) =>
				new Op(`${timer ? "timer" : "record"} ${t} ${tech} billable=${billable}`, tech, (s, c) =>
					timer
						? startTimer(s, { taskId: t, technicianId: tech, kind: "work", billable }, c)
						: recordTime(s, { taskId: t, technicianId: tech, kind: "travel", billable, start: c.now - HOUR, end: c.now }, c),
				),
		),
	entryOp("stop timer", stopTimer),
	entryOp("submit", submitTimeEntry),
	entryOp("approve time", (s, id, c) => approveTimeEntry(s, id, "ok", c)),
	entryOp("reject time", (s, id, c) => rejectTimeEntry(s, id, "no", c)),
	entryOp("reopen time", reopenTimeEntry),
	fc
		.tuple(actor, index, fc.integer({ min: 1, max: 3 }))
		.map(
			([a, i, h]) =>
				new Op(`edit time(#${i}) +${h}h`, a, (s, c) =>
					editTimeEntry(s, pick(s.timeEntries, i)?.id ?? "none", { end: (pick(s.timeEntries, i)?.end ?? 0) + h * HOUR, billable: true }, c),
				),
		),
	// Around the actions: a raw write that changes an approved entry must still be refused.
	index.map(
		(i) =>
			new Op(`raw edit of approved time(#${i})`, "X", (s) => {
				const approved = s.timeEntries.filter((e) => e.status === "approved");
				const e = pick(approved, i);
				return { writes: e ? [{ kind: "timeEntry", entity: { ...e, end: (e.end ?? 0) + HOUR } }] : [] };
			}),
	),
	op(
		"deliver D1",
		actor,
		fc.constant((s, c) => deliverDeliverable(s, "D1", c)),
	),
	op(
		"refuse D1",
		actor,
		fc.constant((s, c) => refuseDeliverable(s, "D1", c)),
	),
	op(
		"reopen D1",
		actor,
		fc.constant((s, c) => reopenDeliverable(s, "D1", c)),
	),
	evidenceOp("sign off D1 with", (s, id, c) => signOffDeliverable(s, "D1", id, c)),
	fc.tuple(actor, fc.constantFrom("open", "ready", "approve", "block", "dispute", "resume", "invoiced", "override")).map(
		([a, what]) =>
			new Op(`milestone ${what}`, a, (s, c) => {
				switch (what) {
					case "open":
						return openMilestone(s, "M1", c);
					case "ready":
						return markMilestoneReady(s, "M1", c);
					case "approve":
						return approveMilestone(s, "M1", "ok", c);
					case "block":
						return blockMilestone(s, "M1", "hold", c);
					case "dispute":
						return disputeMilestone(s, "M1", "customer disagrees", c);
					case "resume":
						return resumeMilestone(s, "M1", c);
					case "invoiced":
						return markMilestoneInvoiced(s, "M1", c);
					default:
						return approveMarginOverride(s, "M1", "ok", c);
				}
			}),
	),
] as fc.Arbitrary<fc.Command<Model, Real>>[];

const release = fc
	.tuple(actor, fc.constantFrom(0, 2000, 9000))
	.map(([a, floor]) => new Op(`release floor=${floor}`, a, (s, c) => releaseMilestone(s, "M1", { marginFloorBasisPoints: floor }, c)));
// Releases are what the property is about: offer them as often as all other operations together.
const weighted = [...commands, ...commands.map(() => release)];

/** Biased towards long prefixes: the interesting refusals happen close to release. */
const prefixes = fc.oneof(
	{ arbitrary: fc.constant(HAPPY.length), weight: 1 },
	{ arbitrary: fc.integer({ min: HAPPY.length - 8, max: HAPPY.length }), weight: 2 },
	{ arbitrary: fc.integer({ min: 0, max: HAPPY.length }), weight: 2 },
);

describe("model-based: invoices and approved time", () => {
	it("no sequence of operations reaches an invoice without evidence, approved time and sign-off; approved time never changes", () => {
		let releases = 0;
		fc.assert(
			fc.property(prefixes, fc.commands(weighted, { maxCommands: 60, size: "medium" }), (prefix, cmds) => {
				const ws = initial();
				for (const [who, action] of HAPPY.slice(0, prefix)) ws.run(who, action);
				const model: Model = { approved: new Map(), releases: 0 };
				checkInvariants(model, { ws }, 0, false);
				fc.modelRun(() => ({ model, real: { ws } }), cmds);
				releases += model.releases;
			}),
			{ numRuns: 200 },
		);
		// The property is only meaningful if releases actually happened.
		expect(releases).toBeGreaterThan(10);
	});

	it("the full happy path releases exactly one invoice", () => {
		const ws = initial();
		for (const [who, action] of HAPPY) ws.run(who, action);
		const before = ws.snapshot;
		ws.run("FIN1", (s, c) => releaseMilestone(s, "M1", { marginFloorBasisPoints: 2000 }, c));
		assertBillable(before);
		expect(ws.snapshot.invoices).toHaveLength(1);
		expect(() => applyWrites(ws.snapshot, [{ kind: "invoice", entity: { ...ws.snapshot.invoices[0], totalMinor: 0 } }])).toThrow(/never changes/);
	});
});
