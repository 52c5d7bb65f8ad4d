/**
 * Enrollment when the answer is lost: the gateway's client against the real billing service over
 * HTTP, through a TCP proxy that lets the request reach the service and swallows its answer. The
 * retry carries the gateway's proof of possession and gets a new token; the lost one is revoked.
 * Also: a service older than enrollment proofs is asked again without one.
 */
import { createServer } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SimulatedGateway } from "../cloud-bridge/billing/testing/gateway-sim.js";
import { startTestService, type TestService } from "../cloud-bridge/billing/testing/harness.js";
import { enrollGateway } from "../gateway/uplink/enrollment.js";
import { signEnrollmentProof } from "../protocol/uplink/enrollment-proof.js";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy.js";

let service: TestService;
let proxy: TcpProxy;
beforeEach(async () => {
	service = await startTestService();
	proxy = await startTcpProxy({ host: "127.0.0.1", port: Number(new URL(service.url).port) }, () => 0.5);
});
afterEach(async () => {
	await proxy.close();
	await service.close();
});

describe("gateway enrollment over a link that loses the answer", () => {
	it("the retry with the proof gets a new token, and the lost one no longer works", async () => {
		const gateway = new SimulatedGateway("van-7");
		const { enrollmentToken } = (await service.request("POST", "/v1/enrollments")).body as { enrollmentToken: string };
		const options = {
			url: `http://127.0.0.1:${proxy.port}`,
			enrollmentToken,
			gatewayId: "van-7",
			publicKey: gateway.publicKeyBase64,
			proof: signEnrollmentProof(gateway.privateKey, "van-7", enrollmentToken),
			timeoutMs: 1500,
		};
		proxy.mode = "faulty";
		proxy.faults = { cutProbability: 0, swallowProbability: 1 };
		await expect(enrollGateway(options)).rejects.toMatchObject({ code: "FC_UPLINK_TRANSPORT" });
		expect(proxy.stats.swallowed).toBe(1);
		// The service did enroll it, and the token the gateway never saw is live.
		const gateways = (await service.request("GET", "/v1/gateways")).body as { gateways: { id: string }[] };
		expect(gateways.gateways.map((g) => g.id)).toEqual(["van-7"]);
		const tokensBefore = (await service.request("GET", "/v1/tokens")).body as { tokens: { gatewayId: string | null; revokedAt: number | null }[] };
		expect(tokensBefore.tokens.filter((t) => t.gatewayId === "van-7" && t.revokedAt === null)).toHaveLength(1);

		proxy.mode = "pass";
		const token = await enrollGateway(options);
		expect((await service.request("GET", "/v1/work-orders", { token })).status).toBe(200);
		const tokensAfter = (await service.request("GET", "/v1/tokens")).body as { tokens: { gatewayId: string | null; revokedAt: number | null }[] };
		expect(tokensAfter.tokens.filter((t) => t.gatewayId === "van-7").map((t) => t.revokedAt === null)).toEqual([false, true]);
		// Without the proof the same retry is the old refusal.
		await expect(enrollGateway({ ...options, proof: undefined })).rejects.toMatchObject({ code: "FC_UPLINK_ENROLLMENT" });
	});

	it("asks a service that predates proofs again, without one", async () => {
		const bodies: Record<string, unknown>[] = [];
		const older = createServer((request, response) => {
			let text = "";
			request.on("data", (chunk) => {
				text += chunk;
			});
			request.on("end", () => {
				const body = JSON.parse(text) as Record<string, unknown>;
				bodies.push(body);
				response.setHeader("content-type", "application/json");
				if ("proof" in body) {
					response.statusCode = 400;
					response.end(JSON.stringify({ error: { code: "FC_BILLING_BAD_REQUEST", message: "Bad request: body must NOT have additional properties." } }));
				} else {
					response.statusCode = 201;
					response.end(JSON.stringify({ gatewayId: body.gatewayId, keyId: "0".repeat(64), token: "fcb_older", scopes: ["evidence:write"], technicianIds: [] }));
				}
			});
		});
		await new Promise<void>((resolve) => older.listen(0, "127.0.0.1", resolve));
		try {
			const address = older.address() as { port: number };
			const token = await enrollGateway({ url: `http://127.0.0.1:${address.port}`, enrollmentToken: "fce_x", gatewayId: "van-8", publicKey: "k", proof: "p" });
			expect(token).toBe("fcb_older");
			expect(bodies.map((b) => "proof" in b)).toEqual([true, false]);
		} finally {
			await new Promise<void>((resolve) => older.close(() => resolve()));
		}
	});
});
