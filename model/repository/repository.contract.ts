/**
 * The one test suite every Repository backend must pass (after aedes-persistence's abstract.js):
 * a backend is correct when it is indistinguishable from the others through this interface.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ErrorCode, isFieldchainError } from "../../platform/errors.js";
import type { AnyWrite } from "../entities/kinds.js";
import { make } from "../testing/builders.js";
import type { Repository } from "./types.js";

async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
	try {
		await promise;
	} catch (error) {
		if (isFieldchainError(error, code)) return;
		throw error;
	}
	expect.fail(`expected ${code}`);
}

/** A new entity as a caller creates it: version 0. */
function fresh<T extends { version: number }>(entity: T): T {
	return { ...entity, version: 0 };
}

export function repositoryContract(name: string, makeRepo: () => Repository | Promise<Repository>): void {
	describe(`Repository contract: ${name}`, () => {
		let repo: Repository;
		beforeEach(async () => {
			repo = await makeRepo();
		});
		afterEach(async () => {
			await repo.close();
		});

		it("stores outbox messages with their commit, none with a refused one, and relays each once", async () => {
			const message = (id: string, version: number) => ({ id, type: "task.changed", occurredAt: "2025-11-24T10:00:00.000Z", data: { version } });
			const [stored] = await repo.commit([{ kind: "task", entity: fresh(make.task()) } as AnyWrite], {
				outbox: (entities) => [message("m1", entities[0].version)],
			});
			expect(await repo.pendingOutbox(10)).toEqual([message("m1", 1)]);
			// A refused commit (stale version) stores neither its entities nor its messages.
			await expectCode(
				repo.commit([{ kind: "task", entity: { ...stored, version: 0 } } as AnyWrite], { outbox: () => [message("m2", 0)] }),
				"FC_MODEL_VERSION_CONFLICT",
			);
			await repo.commit([{ kind: "task", entity: stored } as AnyWrite], { outbox: (entities) => [message("m3", entities[0].version)] });
			expect((await repo.pendingOutbox(10)).map((m) => m.id)).toEqual(["m1", "m3"]);
			expect((await repo.pendingOutbox(1)).map((m) => m.id)).toEqual(["m1"]);
			await repo.markOutboxRelayed(["m1"], 1);
			expect(await repo.pendingOutbox(10)).toEqual([message("m3", 2)]);
			await repo.markOutboxRelayed(["m3", "m1"], 2);
			expect(await repo.pendingOutbox(10)).toEqual([]);
		});

		it("returns undefined for an unknown id", async () => {
			expect(await repo.get("workOrder", "nope")).toBeUndefined();
		});

		it("creates at version 0 -> 1 and reads back an equal copy", async () => {
			const order = fresh(make.workOrder());
			const stored = await repo.put("workOrder", order);
			expect(stored).toEqual({ ...order, version: 1 });
			expect(await repo.get("workOrder", "WO1")).toEqual(stored);
		});

		it("refuses a create over an existing id and an update from a stale version", async () => {
			const stored = await repo.put("task", fresh(make.task()));
			await expectCode(repo.put("task", fresh(make.task())), "FC_MODEL_VERSION_CONFLICT");
			const v2 = await repo.put("task", { ...stored, title: "first edit" });
			expect(v2.version).toBe(2);
			await expectCode(repo.put("task", { ...stored, title: "lost update" }), "FC_MODEL_VERSION_CONFLICT");
			await expectCode(repo.put("task", { ...fresh(make.task({ id: "T9" })), version: 3 }), "FC_MODEL_VERSION_CONFLICT");
			expect((await repo.get("task", "T1"))?.title).toBe("first edit");
		});

		it("refuses entities without an id or with a bad version", async () => {
			await expectCode(repo.put("task", fresh(make.task({ id: "" }))), "FC_MODEL_INVALID");
			await expectCode(repo.put("task", { ...make.task(), version: -1 }), "FC_MODEL_INVALID");
		});

		it("keeps kinds apart: the same id in two kinds is two entities", async () => {
			await repo.put("customer", fresh(make.customer({ id: "X" })));
			await repo.put("site", fresh(make.site({ id: "X" })));
			expect((await repo.get("customer", "X"))?.name).toBe("Acme Utilities");
			expect((await repo.get("site", "X"))?.name).toBe("Substation North");
			expect(await repo.list("asset")).toEqual([]);
		});

		it("lists by id order and filters on every indexed field", async () => {
			await repo.commit([
				{ kind: "workOrder", entity: fresh(make.workOrder({ id: "WO2", rootId: "WO1", parentId: "WO1", siteId: "S2" })) },
				{ kind: "workOrder", entity: fresh(make.workOrder({ id: "WO1", customerId: "C2" })) },
				{ kind: "timeEntry", entity: fresh(make.timeEntry({ id: "TE2", taskId: "T2", technicianId: "TECH2", status: "submitted" })) },
				{ kind: "timeEntry", entity: fresh(make.timeEntry({ id: "TE1" })) },
				{ kind: "approval", entity: fresh(make.approval({ id: "AP1", subjectId: "TE2" })) },
			]);
			expect((await repo.list("workOrder")).map((o) => o.id)).toEqual(["WO1", "WO2"]);
			expect((await repo.list("workOrder", { rootId: "WO1" })).map((o) => o.id)).toEqual(["WO1", "WO2"]);
			expect((await repo.list("workOrder", { siteId: "S2" })).map((o) => o.id)).toEqual(["WO2"]);
			expect((await repo.list("workOrder", { customerId: "C2" })).map((o) => o.id)).toEqual(["WO1"]);
			expect((await repo.list("timeEntry", { workOrderId: "WO1" })).map((o) => o.id)).toEqual(["TE1", "TE2"]);
			expect((await repo.list("timeEntry", { taskId: "T2" })).map((o) => o.id)).toEqual(["TE2"]);
			expect((await repo.list("timeEntry", { technicianId: "TECH1" })).map((o) => o.id)).toEqual(["TE1"]);
			expect((await repo.list("timeEntry", { status: "submitted", workOrderId: "WO1" })).map((o) => o.id)).toEqual(["TE2"]);
			expect((await repo.list("timeEntry", { status: "submitted", technicianId: "TECH1" })).map((o) => o.id)).toEqual([]);
			expect((await repo.list("approval", { subjectId: "TE2" })).map((o) => o.id)).toEqual(["AP1"]);
			// Work orders have no workOrderId field, so a filter on it matches none of them.
			expect(await repo.list("workOrder", { workOrderId: "WO1" })).toEqual([]);
			await expectCode(repo.list("workOrder", { title: "x" } as never), "FC_MODEL_INVALID");
		});

		it("filters see updated key fields", async () => {
			const te = await repo.put("timeEntry", fresh(make.timeEntry()));
			await repo.put("timeEntry", { ...te, status: "submitted" });
			expect(await repo.list("timeEntry", { status: "draft" })).toEqual([]);
			expect((await repo.list("timeEntry", { status: "submitted" })).length).toBe(1);
		});

		it("commits all or nothing", async () => {
			await repo.put("task", fresh(make.task()));
			const writes: AnyWrite[] = [
				{ kind: "task", entity: fresh(make.task({ id: "T2" })) },
				{ kind: "task", entity: fresh(make.task()) },
			];
			await expectCode(repo.commit(writes), "FC_MODEL_VERSION_CONFLICT");
			expect(await repo.get("task", "T2")).toBeUndefined();
		});

		it("lets later writes in one commit build on earlier ones", async () => {
			const task = fresh(make.task());
			const stored = await repo.commit([
				{ kind: "task", entity: task },
				{ kind: "task", entity: { ...task, version: 1, title: "again" } },
			]);
			expect(stored.map((e) => e.version)).toEqual([1, 2]);
			expect(await repo.get("task", "T1")).toMatchObject({ version: 2, title: "again" });
		});

		it("hands out copies: mutating a returned object changes nothing stored", async () => {
			const stored = await repo.put("task", fresh(make.task()));
			stored.title = "mutated";
			const read = await repo.get("task", "T1");
			read!.checklist.length = 0;
			const again = await repo.get("task", "T1");
			expect(again?.title).toBe("Insulation test");
			expect(again?.checklist.length).toBe(2);
		});

		it("round-trips unicode, nested JSON, nulls and fractional numbers exactly", async () => {
			const evidence = fresh(make.evidence({ payload: { kind: "note", text: 'Zählerstand ✓ 測定 \u{1F50C} "quoted" \\ back' }, checklistItemId: "note" }));
			await repo.put("evidence", evidence);
			const item = fresh(make.lineItem({ estimatedQuantity: 0.1 + 0.2, sku: null }));
			await repo.put("lineItem", item);
			expect(await repo.get("evidence", "E1")).toEqual({ ...evidence, version: 1 });
			expect((await repo.get("lineItem", "LI1"))?.estimatedQuantity).toBe(0.1 + 0.2);
		});

		it("never changes approved time except to mark it invoiced", async () => {
			const approved = await repo.put("timeEntry", fresh(make.timeEntry({ status: "approved" })));
			await expectCode(repo.put("timeEntry", { ...approved, end: approved.end! + 1 }), "FC_MODEL_IMMUTABLE");
			await expectCode(repo.put("timeEntry", { ...approved, status: "draft" }), "FC_MODEL_IMMUTABLE");
			const invoiced = await repo.put("timeEntry", { ...approved, status: "invoiced", updatedAt: approved.updatedAt + 5 });
			expect(invoiced.status).toBe("invoiced");
			await expectCode(repo.put("timeEntry", { ...invoiced, note: "late edit" }), "FC_MODEL_IMMUTABLE");
			expect(await repo.get("timeEntry", "TE1")).toEqual(invoiced);
		});

		it("never changes invoices or approvals, nor the content of evidence", async () => {
			const approval = await repo.put("approval", fresh(make.approval()));
			await expectCode(repo.put("approval", { ...approval, reason: "rewritten" }), "FC_MODEL_IMMUTABLE");
			const evidence = await repo.put("evidence", fresh(make.evidence()));
			await expectCode(repo.put("evidence", { ...evidence, contentHash: "0".repeat(64) }), "FC_MODEL_IMMUTABLE");
			expect((await repo.put("evidence", { ...evidence, status: "accepted" })).status).toBe("accepted");
			const invoice = await repo.put("invoice", {
				...make.approval(),
				version: 0,
				id: "INV1",
				milestoneId: "M1",
				customerId: "C1",
				currency: "EUR",
				issuedAt: 0,
				lines: [],
				totalMinor: 0,
				deliverableIds: [],
				approvalIds: [],
				margin: { priceMinor: 0, costMinor: 0, marginMinor: 0, marginBasisPoints: null },
			} as never);
			await expectCode(repo.put("invoice", { ...invoice, totalMinor: 1 }), "FC_MODEL_IMMUTABLE");
		});

		it("restores entities with their versions into empty slots only", async () => {
			await repo.restore([
				{ kind: "task", entity: make.task({ version: 7 }) },
				{ kind: "customer", entity: make.customer({ version: 2 }) },
			]);
			expect((await repo.get("task", "T1"))?.version).toBe(7);
			await expectCode(
				repo.restore([
					{ kind: "task", entity: make.task({ id: "T2", version: 1 }) },
					{ kind: "task", entity: make.task() },
				]),
				"FC_MODEL_VERSION_CONFLICT",
			);
			expect(await repo.get("task", "T2")).toBeUndefined();
			await expectCode(repo.restore([{ kind: "task", entity: make.task({ id: "T3", version: 0 }) }]), "FC_MODEL_INVALID");
			expect((await repo.put("task", { ...make.task({ version: 7 }), title: "next" })).version).toBe(8);
		});

		it("refuses use after close", async () => {
			await repo.close();
			await expectCode(repo.get("task", "T1"), "FC_STORE_CLOSED");
			await expectCode(repo.put("task", fresh(make.task())), "FC_STORE_CLOSED");
		});
	});
}
