/**
 * The transactional outbox: an event is stored in the same transaction as the change it announces,
 * so when the event queue cannot take it at that moment (unavailable, or the process dies between
 * the commit and the hand-over) it is relayed later, once, instead of being lost.
 */
import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { SqliteRepository } from "../../model/repository/sqlite.js";
import { waitFor } from "../../test/support/wait.js";
import { startTestService, type TestService } from "../billing/testing/harness.js";
import { Scenario } from "../billing/testing/scenario.js";
import { type BillingEvent, MemoryEventSink } from "./billing-events.js";

/** A sink whose first hand-over fails, as a queue that is down (or a process killed) at that moment. */
class FailingOnceSink extends MemoryEventSink {
	failures = 0;
	override async publish(event: BillingEvent): Promise<void> {
		if (this.failures++ === 0) throw new Error("the event queue is unavailable");
		return super.publish(event);
	}
}

let service: TestService | undefined;
afterEach(async () => {
	await service?.close();
	if (service) rmSync(service.dir, { recursive: true, force: true });
	service = undefined;
});

describe("transactional outbox", () => {
	it("stores a work order's status change and its event together, and relays an event the queue refused", async () => {
		const sink = new FailingOnceSink();
		service = await startTestService({ events: sink });
		const scenario = new Scenario(service);
		await scenario.seedParties();
		await scenario.createWorkOrder(); // scheduled, then in-progress: two status changes
		const changes = () => sink.events.filter((e) => e.type === "workorder.status_changed").map((e) => e.data.to);
		// The first hand-over failed; the event stayed in the outbox and went with the next round.
		expect(changes()).toEqual(["scheduled", "in-progress"]);
		expect(new Set(sink.events.map((e) => e.id)).size).toBe(sink.events.length);
		expect(await service.storage.repo.pendingOutbox(10)).toEqual([]);
	});

	it("keeps the events of committed changes across a stop, and relays them at the next start, once", async () => {
		const down = new FailingOnceSink();
		down.publish = async () => {
			throw new Error("the event queue is unavailable");
		};
		service = await startTestService({ events: down });
		const scenario = new Scenario(service);
		await scenario.seedParties();
		await scenario.createWorkOrder();
		const dir = service.dir;
		await service.app.close();
		await service.storage.close();
		// What the database holds after the stop: the changes and their unrelayed events.
		const repo = new SqliteRepository(`${dir}/billing.sqlite`);
		const stored = await repo.pendingOutbox(10);
		await repo.close();
		expect(stored.map((m) => m.data.to)).toEqual(["scheduled", "in-progress"]);

		const up = new MemoryEventSink();
		service = await startTestService({ dir, events: up });
		await waitFor("the stored events to be relayed", async () => (up.events.length >= 2 ? true : undefined), 10_000);
		expect(up.events.map((e) => e.id)).toEqual(stored.map((m) => m.id));
		expect(await service.storage.repo.pendingOutbox(10)).toEqual([]);
	});
});
