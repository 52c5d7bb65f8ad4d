/**
 * The billing service stores both times of format-2 evidence (the canonical bytes, wall time and
 * monotonic anchor inside) and reports corrected times with the correction's source, over HTTP.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TimeQuality } from "../../protocol/evidence/record.js";
import { startTestService, type TestService } from "./testing/harness.js";
import { expectOk, Scenario, TARGET_INSULATION } from "./testing/scenario.js";
import type { CorrectedTime } from "./time/corrected-times.js";

let service: TestService;
let scenario: Scenario;
beforeEach(async () => {
	service = await startTestService();
	scenario = new Scenario(service);
	await scenario.seedParties();
	await scenario.createWorkOrder();
	await scenario.enroll();
});
afterEach(async () => {
	await service.close();
});

const BOOT = Buffer.alloc(16, 0x42);
const TRUE_START = Date.UTC(2026, 0, 15, 9);

describe("GET /v1/gateways/:id/evidence-times", () => {
	it("re-anchors records stamped while unsynchronised by the later NTP-synchronised record of the same boot", async () => {
		const gateway = scenario.gateway;
		const stamp = (monotonicMs: number, wallMs: number, timeQuality: TimeQuality, timeSource = "") =>
			gateway.append({
				...TARGET_INSULATION,
				technicianId: "TECH1",
				kind: 4,
				text: "ack",
				gatewayTimeMs: wallMs,
				timeQuality,
				timeSource,
				monotonic: { bootId: BOOT, offsetMs: monotonicMs },
			});
		// The handheld booted without a clock (1970); NTP answered 10 minutes in.
		stamp(5_000, 5_000, TimeQuality.TIME_QUALITY_UNSYNCHRONISED);
		stamp(600_000, TRUE_START + 595_000, TimeQuality.TIME_QUALITY_SYNCHRONISED, "ntp");
		gateway.seal();
		expectOk(await service.request("POST", "/v1/evidence/batches", { token: scenario.gatewayToken, body: gateway.batch(1, 2, "t-1") }));

		const answer = expectOk<{ gatewayId: string; times: CorrectedTime[] }>(await service.request("GET", `/v1/gateways/${gateway.gatewayId}/evidence-times`));
		expect(answer.times).toEqual([
			{
				chainSeq: 1,
				recordId: gateway.records[0].record.id,
				stampedAtMs: 5_000,
				quality: "unsynchronised",
				source: "",
				monotonic: { bootId: "42".repeat(16), offsetMs: 5_000 },
				correctedAtMs: TRUE_START,
				correction: { source: "ntp", anchorChainSeq: 2 },
			},
			expect.objectContaining({ chainSeq: 2, quality: "synchronised", correctedAtMs: TRUE_START + 595_000, correction: { source: "ntp", anchorChainSeq: 2 } }),
		]);
		// Only records 1..1 asked for: the anchor is found after the range.
		const first = expectOk<{ times: CorrectedTime[] }>(await service.request("GET", `/v1/gateways/${gateway.gatewayId}/evidence-times?fromSeq=1&toSeq=1`));
		expect(first.times[0].correctedAtMs).toBe(TRUE_START);
		expect((await service.request("GET", `/v1/gateways/${gateway.gatewayId}/evidence-times?fromSeq=5&toSeq=2000`)).status).toBe(400);
		expect((await service.request("GET", "/v1/gateways/nobody/evidence-times")).status).toBe(404);
	});
});
