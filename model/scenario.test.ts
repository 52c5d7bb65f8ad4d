/**
 * The product's five-step workflow, end to end through a repository: (1) a parent work order with
 * two child visits in sequence, (2) labour, parts and service lines on tasks, (3) time entries
 * submitted and approved, (4) appointments dispatched, (5) evidence and customer sign-off, then the
 * milestone released into an invoice whose every line is traceable. Runs on both backends.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { moveAppointment } from "./actions/appointments.js";
import { type ActionContext, type ActionResult, sequentialIds } from "./actions/context.js";
import { deliverDeliverable, signOffDeliverable } from "./actions/deliverables.js";
import { acceptEvidence, captureEvidence } from "./actions/evidence.js";
import { addLineItem, useLineItem } from "./actions/line-items.js";
import { approveMilestone, markMilestoneInvoiced, markMilestoneReady, openMilestone } from "./actions/milestones.js";
import { releaseMilestone } from "./actions/release.js";
import { completeTask, startTask } from "./actions/tasks.js";
import { approveTimeEntry, recordTime, submitTimeEntry } from "./actions/time-entries.js";
import { completeWorkOrder, scheduleWorkOrder, startWorkOrder } from "./actions/work-orders.js";
import type { ModelSnapshot } from "./entities/kinds.js";
import type { ChecklistItem } from "./entities/task.js";
import { loadChain, loadSnapshot, snapshotWrites } from "./repository/load.js";
import { MemoryRepository } from "./repository/memory.js";
import { SqliteRepository } from "./repository/sqlite.js";
import type { Repository } from "./repository/types.js";
import { marginReport } from "./rules/margin.js";
import { milestoneReadiness } from "./rules/milestone-readiness.js";
import { baseSnapshot, CALIBRATION, DAY, HOUR, items, make, T0 } from "./testing/builders.js";
import { expectError } from "./testing/expect-error.js";
import { validateSnapshot } from "./validation/validate.js";

const dir = mkdtempSync(join(tmpdir(), "fieldchain-scenario-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const D1 = Math.floor(T0 / DAY) * DAY + DAY; // a midnight after T0
const continuity: ChecklistItem = {
	id: "continuity",
	label: "earth continuity",
	required: true,
	beforeStart: false,
	requirement: { kind: "reading", quantity: "resistance", unit: "Ohm", min: null, max: 0.5, calibratedDevice: true },
};

const backends: [string, () => Repository][] = [
	["memory", () => new MemoryRepository()],
	["sqlite", () => new SqliteRepository(join(dir, "scenario.sqlite"))],
];

describe.each(backends)("five-step workflow on %s", (_name, makeRepo) => {
	it("takes a chained order from planning to a traceable invoice", async () => {
		const repo = makeRepo();
		let now = T0;
		const newId = sequentialIds("x-");
		const act = async <R extends ActionResult>(actorId: string, action: (s: ModelSnapshot, c: ActionContext) => R): Promise<R> => {
			const result = action(await loadChain(repo, "WO-P"), { now, actorId, newId });
			await repo.commit(result.writes);
			return result;
		};

		// Step 1: a parent order with two child visits in sequence (V2 finish-to-start after V1).
		const parent = make.workOrder({
			id: "WO-P",
			rootId: "WO-P",
			status: "draft",
			plannedStart: null,
			plannedEnd: null,
			contractValueMinor: 120_000,
			title: "Replace feeder breaker",
		});
		const v1 = make.workOrder({
			id: "WO-V1",
			rootId: "WO-P",
			parentId: "WO-P",
			status: "draft",
			plannedStart: null,
			plannedEnd: null,
			title: "Visit 1: isolate and test",
		});
		const v2 = make.workOrder({
			id: "WO-V2",
			rootId: "WO-P",
			parentId: "WO-P",
			status: "draft",
			plannedStart: null,
			plannedEnd: null,
			title: "Visit 2: replace breaker",
			dependencies: [{ predecessorId: "WO-V1", kind: "finish-to-start", lagMs: 20 * HOUR }],
		});
		const seed = baseSnapshot({
			workOrders: [parent, v1, v2],
			tasks: [
				make.task({ id: "T-TEST", workOrderId: "WO-V1", title: "Insulation test", checklist: [items.safety(), items.insulation(), items.photo()] }),
				make.task({ id: "T-SWAP", workOrderId: "WO-V2", title: "Swap breaker", checklist: [items.safety(), continuity, items.photo({ required: false })] }),
			],
			appointments: [
				make.appointment({ id: "AP-1", workOrderId: "WO-V1", technicianId: "TECH1", window: { start: D1 + 8 * HOUR, end: D1 + 12 * HOUR } }),
				make.appointment({ id: "AP-2", workOrderId: "WO-V2", technicianId: "TECH2", window: { start: D1 + DAY + 8 * HOUR, end: D1 + DAY + 12 * HOUR } }),
			],
			deliverables: [make.deliverable({ id: "DEL-SIGN", workOrderId: "WO-P", title: "Works accepted" })],
			milestones: [
				make.milestone({
					id: "MS-1",
					workOrderId: "WO-P",
					name: "Breaker replaced",
					amount: { kind: "percent", basisPoints: 10_000 },
					taskIds: ["T-TEST", "T-SWAP"],
					deliverableIds: ["DEL-SIGN"],
				}),
			],
		});
		await repo.restore(snapshotWrites(seed));
		await act("DISP", (s, c) => scheduleWorkOrder(s, "WO-P", { start: D1 + 8 * HOUR, end: D1 + DAY + 12 * HOUR }, c));
		await act("DISP", (s, c) => scheduleWorkOrder(s, "WO-V1", { start: D1 + 8 * HOUR, end: D1 + 12 * HOUR }, c));
		await act("DISP", (s, c) => scheduleWorkOrder(s, "WO-V2", { start: D1 + DAY + 8 * HOUR, end: D1 + DAY + 12 * HOUR }, c));
		// Visit 1 slips by four hours: visit 2 must move to keep its 20 h lag, and says so.
		const slip = await act("DISP", (s, c) => scheduleWorkOrder(s, "WO-V1", { start: D1 + 12 * HOUR, end: D1 + 16 * HOUR }, c));
		expect(slip.moved).toEqual([
			{
				id: "WO-V2",
				from: { start: D1 + DAY + 8 * HOUR, end: D1 + DAY + 12 * HOUR },
				to: { start: D1 + DAY + 12 * HOUR, end: D1 + DAY + 16 * HOUR },
				because: ["WO-V1"],
			},
		]);

		// Step 2: labour, parts and service lines on the tasks.
		const callOut = await act("DISP", (s, c) =>
			addLineItem(
				s,
				{ taskId: "T-TEST", kind: "service", description: "Call-out", unit: "ea", estimatedQuantity: 1, unitCostMinor: 0, unitPriceMinor: 8_000 },
				c,
			),
		);
		const breaker = await act("DISP", (s, c) =>
			addLineItem(
				s,
				{
					taskId: "T-SWAP",
					kind: "part",
					description: "Breaker 63 A",
					sku: "BRK-63",
					unit: "ea",
					estimatedQuantity: 1,
					unitCostMinor: 21_000,
					unitPriceMinor: 34_000,
				},
				c,
			),
		);
		const testing = await act("DISP", (s, c) =>
			addLineItem(
				s,
				{ taskId: "T-SWAP", kind: "labour", description: "Commissioning test", unit: "h", estimatedQuantity: 1, unitCostMinor: 4_000, unitPriceMinor: 9_500 },
				c,
			),
		);

		// Step 4 (dispatch) precedes the work: visit 1 goes out, the technician arrives.
		now = D1 + 11 * HOUR;
		for (const to of ["dispatched", "en-route", "on-site"] as const) await act("DISP", (s, c) => moveAppointment(s, "AP-1", to, c));
		await act("TECH1", (s, c) => startWorkOrder(s, "WO-P", c));
		await act("TECH1", (s, c) => startWorkOrder(s, "WO-V1", c));
		expectError(() => startTask(seed, "T-TEST", { now, actorId: "TECH1", newId }), "FC_MODEL_RULE_REFUSED", "isolation confirmed");

		// Step 5 (evidence) on visit 1: safety first, then a calibrated reading in kOhm against a MOhm limit, and a photo.
		const tech1 = { kind: "technician", id: "TECH1" } as const;
		const e1 = await act("TECH1", (s, c) =>
			captureEvidence(
				s,
				{
					target: { taskId: "T-TEST", checklistItemId: "safety" },
					payload: { kind: "acknowledgement", statement: "Circuit isolated and locked out" },
					capturedBy: tech1,
				},
				c,
			),
		);
		await act("TECH1", (s, c) => startTask(s, "T-TEST", c));
		const e2 = await act("TECH1", (s, c) =>
			captureEvidence(
				s,
				{
					target: { taskId: "T-TEST", checklistItemId: "insulation" },
					payload: { kind: "reading", quantity: "insulation_resistance", value: 8200, unit: "kOhm", deviceId: "MEGGER-1", calibration: CALIBRATION },
					capturedBy: { kind: "device", id: "MEGGER-1" },
				},
				c,
			),
		);
		const e3 = await act("TECH1", (s, c) =>
			captureEvidence(
				s,
				{ target: { taskId: "T-TEST", checklistItemId: "photo" }, payload: { kind: "photo", mediaType: "image/jpeg", byteLength: 181_223 }, capturedBy: tech1 },
				c,
			),
		);
		await act("TECH1", (s, c) => completeTask(s, "T-TEST", c));
		await act("TECH1", (s, c) => useLineItem(s, callOut.item.id, 1, c));
		now = D1 + 16 * HOUR;
		await act("TECH1", (s, c) => moveAppointment(s, "AP-1", "completed", c));
		const early = await loadChain(repo, "WO-P");
		expectError(() => startWorkOrder(early, "WO-V2", { now, actorId: "TECH2", newId }), "FC_MODEL_RULE_REFUSED", "WO-V1 is in-progress, not completed");
		await act("TECH1", (s, c) => completeWorkOrder(s, "WO-V1", c));

		// Visit 2 waits for visit 1's evidence to be accepted.
		now = D1 + DAY + 12 * HOUR;
		const pending = await loadChain(repo, "WO-P");
		expectError(() => startWorkOrder(pending, "WO-V2", { now, actorId: "TECH2", newId }), "FC_MODEL_RULE_REFUSED", "no accepted evidence");
		for (const e of [e1, e2, e3]) await act("SUP1", (s, c) => acceptEvidence(s, e.evidence.id, "reviewed", c));
		for (const to of ["dispatched", "en-route", "on-site"] as const) await act("DISP", (s, c) => moveAppointment(s, "AP-2", to, c));
		await act("TECH2", (s, c) => startWorkOrder(s, "WO-V2", c));
		const tech2 = { kind: "technician", id: "TECH2" } as const;
		await act("TECH2", (s, c) =>
			captureEvidence(
				s,
				{
					target: { taskId: "T-SWAP", checklistItemId: "safety" },
					payload: { kind: "acknowledgement", statement: "Circuit isolated and locked out" },
					capturedBy: tech2,
				},
				c,
			),
		);
		await act("TECH2", (s, c) => startTask(s, "T-SWAP", c));
		const badReading = { kind: "reading", quantity: "resistance", value: 740, unit: "mOhm", deviceId: "LOOP-7", calibration: CALIBRATION } as const;
		await act("TECH2", (s, c) =>
			captureEvidence(s, { target: { taskId: "T-SWAP", checklistItemId: "continuity" }, payload: badReading, capturedBy: { kind: "device", id: "LOOP-7" } }, c),
		);
		const chain = await loadChain(repo, "WO-P");
		expectError(() => completeTask(chain, "T-SWAP", { now, actorId: "TECH2", newId }), "FC_MODEL_RULE_REFUSED", "740 mOhm is above the maximum 0.5 Ohm");
		await act("TECH2", (s, c) =>
			captureEvidence(
				s,
				{ target: { taskId: "T-SWAP", checklistItemId: "continuity" }, payload: { ...badReading, value: 120 }, capturedBy: { kind: "device", id: "LOOP-7" } },
				c,
			),
		);
		await act("TECH2", (s, c) => completeTask(s, "T-SWAP", c));
		await act("TECH2", (s, c) => useLineItem(s, breaker.item.id, 1, c));
		await act("TECH2", (s, c) => useLineItem(s, testing.item.id, 0.5, c));

		// Step 3: time entries recorded, submitted and approved by the supervisor.
		const entries = [
			{ taskId: "T-TEST", technicianId: "TECH1", kind: "travel", start: D1 + 10 * HOUR, end: D1 + 11 * HOUR },
			{ taskId: "T-TEST", technicianId: "TECH1", kind: "work", start: D1 + 11 * HOUR, end: D1 + 14.5 * HOUR },
			{ taskId: "T-SWAP", technicianId: "TECH2", kind: "work", start: D1 + DAY + 12 * HOUR, end: D1 + DAY + 15 * HOUR },
		] as const;
		for (const e of entries) {
			const { entry } = await act(e.technicianId, (s, c) => recordTime(s, { ...e, billable: true }, c));
			await act(e.technicianId, (s, c) => submitTimeEntry(s, entry.id, c));
		}
		const readiness = milestoneReadiness(await loadChain(repo, "WO-P"), "MS-1").map((r) => r.message);
		expect(readiness).toHaveLength(4);
		expect(readiness.slice(0, 3).every((m) => /time entry x-timeEntry-\d is submitted, not approved/.test(m))).toBe(true);
		expect(readiness[3]).toBe("deliverable DEL-SIGN sign-off 'Works accepted' is pending, not signed off");
		for (const e of await repo.list("timeEntry", { status: "submitted" })) await act("SUP1", (s, c) => approveTimeEntry(s, e.id, "matches the visit log", c));

		// Step 5: the customer signs off, visits close, the parent completes after its children.
		now = D1 + DAY + 16 * HOUR;
		await act("TECH2", (s, c) => deliverDeliverable(s, "DEL-SIGN", c));
		const signature = await act("CY", (s, c) =>
			captureEvidence(
				s,
				{
					target: { deliverableId: "DEL-SIGN" },
					payload: { kind: "signature", signerName: "Cy Customer", signerRole: "customer" },
					capturedBy: { kind: "customer", id: "CY" },
				},
				c,
			),
		);
		await act("CY", (s, c) => signOffDeliverable(s, "DEL-SIGN", signature.evidence.id, c));
		await act("TECH2", (s, c) => moveAppointment(s, "AP-2", "completed", c));
		expectError(() => completeWorkOrder(chain, "WO-P", { now, actorId: "TECH2", newId }), "FC_MODEL_RULE_REFUSED", "children complete before their parent");
		await act("TECH2", (s, c) => completeWorkOrder(s, "WO-V2", c));
		await act("SUP1", (s, c) => completeWorkOrder(s, "WO-P", c));

		// The milestone: ready, approved, released into an invoice.
		await act("SUP1", (s, c) => openMilestone(s, "MS-1", c));
		await act("SUP1", (s, c) => markMilestoneReady(s, "MS-1", c));
		const { approval } = await act("SUP1", (s, c) => approveMilestone(s, "MS-1", "visits complete, customer signed", c));
		const { invoice } = await act("FIN1", (s, c) => releaseMilestone(s, "MS-1", { marginFloorBasisPoints: 1500 }, c));
		await act("FIN1", (s, c) => markMilestoneInvoiced(s, "MS-1", c));

		const final = await loadSnapshot(repo);
		expect(invoice.totalMinor).toBe(120_000); // 100 % of the 1200.00 contract
		expect(invoice.lines.map((l) => [l.kind, l.taskId, l.amountMinor])).toEqual([
			["travel", "T-TEST", 6_000],
			["work", "T-TEST", 31_500],
			["service", "T-TEST", 8_000],
			["work", "T-SWAP", 27_000],
			["part", "T-SWAP", 34_000],
			["labour", "T-SWAP", 4_750],
			["milestone-adjustment", null, 8_750],
		]);
		// Every line traces to its source, the evidence of its task and standing approvals.
		for (const line of invoice.lines) {
			expect(line.approvalIds).toContain(approval.id);
			expect(line.evidenceIds.length).toBeGreaterThan(0);
			for (const id of line.evidenceIds) {
				const e = final.evidence.find((x) => x.id === id)!;
				expect(e.status).not.toBe("rejected");
				if (line.taskId) expect(e.taskId).toBe(line.taskId);
			}
			for (const id of line.approvalIds) expect(final.approvals.find((a) => a.id === id)?.decision).toBe("approved");
			if (line.source.kind === "time-entry") {
				const entry = final.timeEntries.find((e) => e.id === line.source.id)!;
				expect(entry.status).toBe("invoiced");
				expect(line.approvalIds).toContain(final.approvals.find((a) => a.kind === "time-entry" && a.subjectId === entry.id)!.id);
			}
			if (line.source.kind === "line-item") expect(final.lineItems.find((i) => i.id === line.source.id)?.status).toBe("billed");
		}
		expect(final.milestones[0]).toMatchObject({ status: "invoiced", invoiceId: invoice.id });
		expect(marginReport(final, "WO-P")).toMatchObject({ priceMinor: 120_000, costMinor: 4.5 * 4_000 + 3 * 5_000 + 21_000 + 0.5 * 4_000 });
		expect(validateSnapshot(final)).toEqual([]);
		await repo.close();
	});
});
