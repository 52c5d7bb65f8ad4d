/**
 * `evidence.accepted` goes through the transactional outbox: it is stored in the chain append's
 * transaction on the real SQLite store, so it exists if and only if the records it announces were
 * committed. Faults are injected into the real database (triggers that abort a write) and into the
 * hand-over to the event sink (a sink that fails, standing for a crash between commit and
 * delivery): no event is lost, none is invented, none is announced twice.
 */
import type { Database } from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BatchReceipt, EvidenceBatch } from "../../../protocol/uplink/wire.js";
import { waitFor } from "../../../test/support/wait.js";
import { type BillingEvent, MemoryEventSink } from "../../events/billing-events.js";
import { startTestService, type TestService } from "../testing/harness.js";
import { expectOk, Scenario, TARGET_INSULATION } from "../testing/scenario.js";

/** A sink that refuses while `down` (the webhook queue unreachable, or the process gone before the hand-over). */
class FlakySink extends MemoryEventSink {
	down = false;
	override async publish(event: BillingEvent): Promise<void> {
		if (this.down) throw new Error("event queue down");
		await super.publish(event);
	}
}

let service: TestService;
let scenario: Scenario;
let sink: FlakySink;
let db: Database;
beforeEach(async () => {
	sink = new FlakySink();
	service = await startTestService({ events: sink });
	db = (service.storage.repo as unknown as { db: Database }).db;
	scenario = new Scenario(service);
	await scenario.seedParties();
	await scenario.createWorkOrder();
	await scenario.enroll();
});
afterEach(async () => {
	await service.close();
});

const send = (body: EvidenceBatch) => service.request("POST", "/v1/evidence/batches", { token: scenario.gatewayToken, body });
const announced = () => sink.events.filter((e) => e.type === "evidence.accepted");
const chainHead = () => db.prepare("SELECT head_seq FROM billing_chain_heads WHERE gateway_id = ?").pluck().get(scenario.gateway.gatewayId) ?? 0;
const stored = () => db.prepare("SELECT COUNT(*) FROM billing_outbox WHERE type = 'evidence.accepted'").pluck().get() as number;

function batchOf(n: number, id: string): EvidenceBatch {
	for (let i = 0; i < n; i++) scenario.gateway.reading(TARGET_INSULATION, 500 + i);
	scenario.gateway.seal();
	const head = scenario.gateway.records.length;
	return scenario.gateway.batch(head - n + 1, head, id);
}

describe("evidence.accepted through the outbox", () => {
	it("is not lost when the hand-over fails after the commit: the relay delivers it later, once", async () => {
		sink.down = true;
		const receipt = expectOk<BatchReceipt>(await send(batchOf(3, "b-1")));
		expect(receipt.accepted).toBe(3);
		// Committed with the records, not yet handed on.
		expect(announced()).toHaveLength(0);
		sink.down = false;
		const [event] = await waitFor("the relay's next round to deliver the stored event", () => (announced().length > 0 ? announced() : undefined), 30_000);
		expect(event.data).toMatchObject({ gatewayId: scenario.gateway.gatewayId, batchId: "b-1", accepted: 3, sealedUpTo: 3 });
		expect(stored()).toBe(1);
		// A replayed batch announces nothing new.
		expectOk(await send(scenario.gateway.batch(1, 3, "b-1")));
		expect(announced()).toHaveLength(1);
	});

	it("is not invented when the chain append fails after the evidence was written (a crash between the two writes)", async () => {
		db.exec("CREATE TRIGGER chain_down BEFORE INSERT ON billing_chain_records BEGIN SELECT RAISE(ABORT, 'disk gone'); END");
		const batch = batchOf(2, "b-2");
		const failed = await send(batch);
		expect(failed.status).toBeGreaterThanOrEqual(500);
		expect(chainHead()).toBe(0);
		expect(stored()).toBe(0);
		expect(announced()).toHaveLength(0);
		db.exec("DROP TRIGGER chain_down");
		// The gateway retries: the records commit, and with them exactly one announcement.
		expect(expectOk<BatchReceipt>(await send(batch)).accepted).toBe(2);
		expect(stored()).toBe(1);
		await waitFor("the announcement", () => (announced().length > 0 ? true : undefined), 30_000);
		expect(announced()).toHaveLength(1);
	});

	it("keeps no records whose announcement could not be stored: the event write is part of the append", async () => {
		db.exec("CREATE TRIGGER outbox_down BEFORE INSERT ON billing_outbox BEGIN SELECT RAISE(ABORT, 'outbox gone'); END");
		const batch = batchOf(2, "b-3");
		expect((await send(batch)).status).toBeGreaterThanOrEqual(500);
		// Rolled back with the event: no chain records, no receipt.
		expect(chainHead()).toBe(0);
		expect(db.prepare("SELECT COUNT(*) FROM billing_chain_records").pluck().get()).toBe(0);
		expect(db.prepare("SELECT COUNT(*) FROM billing_batches").pluck().get()).toBe(0);
		db.exec("DROP TRIGGER outbox_down");
		expect(expectOk<BatchReceipt>(await send(batch)).accepted).toBe(2);
		await waitFor("the announcement", () => (announced().length > 0 ? true : undefined), 30_000);
		expect(announced()).toHaveLength(1);
		expect(chainHead()).toBe(2);
	});
});
