import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { BatchReceipt } from "../../protocol/uplink/wire.js";
import { startTestService, type TestService } from "./testing/harness.js";
import { expectOk, Scenario, TARGET_INSULATION } from "./testing/scenario.js";

let service: TestService | undefined;
let dir: string | undefined;
afterEach(async () => {
	await service?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the chain across a restart and concurrent batches", () => {
	it("keeps each gateway's chain head, receipts and tokens in the database across a restart", async () => {
		service = await startTestService();
		dir = service.dir;
		const scenario = new Scenario(service);
		await scenario.seedParties();
		await scenario.createWorkOrder();
		await scenario.enroll();
		for (let i = 0; i < 3; i++) scenario.gateway.reading(TARGET_INSULATION, 100 + i);
		scenario.gateway.seal();
		const first = expectOk<BatchReceipt>(
			await service.request("POST", "/v1/evidence/batches", { token: scenario.gatewayToken, body: scenario.gateway.batch(1, 3, "b-1") }),
		);

		await service.app.close();
		await service.storage.close();
		service = await startTestService({ dir });
		const send = (body: unknown) => (service as TestService).request("POST", "/v1/evidence/batches", { token: scenario.gatewayToken, body });
		expect(expectOk<BatchReceipt>(await send(scenario.gateway.batch(1, 3, "b-1")))).toEqual({ ...first, replayed: true });
		for (let i = 0; i < 2; i++) scenario.gateway.reading(TARGET_INSULATION, 200 + i);
		scenario.gateway.seal();
		expect(expectOk<BatchReceipt>(await send(scenario.gateway.batch(1, 5)))).toMatchObject({ accepted: 2, duplicates: 3, sealedUpTo: 5 });
	});

	it("applies concurrent batches of one gateway one at a time, each record once", async () => {
		service = await startTestService();
		const scenario = new Scenario(service);
		await scenario.seedParties();
		await scenario.createWorkOrder();
		await scenario.enroll();
		for (let i = 0; i < 40; i++) {
			scenario.gateway.reading(TARGET_INSULATION, 100 + i);
			if (i % 10 === 9) scenario.gateway.seal();
		}
		const bodies = [scenario.gateway.batch(1, 20), scenario.gateway.batch(11, 30), scenario.gateway.batch(1, 40), scenario.gateway.batch(21, 40)];
		const receipts = await Promise.all(
			bodies.map(async (body) =>
				expectOk<BatchReceipt>(await (service as TestService).request("POST", "/v1/evidence/batches", { token: scenario.gatewayToken, body })),
			),
		);
		expect(receipts.reduce((sum, r) => sum + r.accepted, 0)).toBe(40);
		expect(receipts.every((r) => r.rejected.every((x) => x.reason === "chain-gap"))).toBe(true);
		const evidence = expectOk<{ evidence: unknown[] }>(await service.request("GET", "/v1/work-orders/WO1/evidence")).evidence;
		expect(evidence).toHaveLength(40);
	});
});
