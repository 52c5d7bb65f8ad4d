import type { IPublishPacket } from "mqtt";
import { describe, expect, it } from "vitest";
import { ReceiptWaiters } from "./mqtt-receipts.js";
import { failureReason } from "./transport.js";

const receipt = (batchId: string, o: Record<string, unknown> = {}) => ({
	gatewayId: "gw-1",
	batchId,
	replayed: false,
	accepted: 10,
	unsealed: 0,
	duplicates: 0,
	rejected: [],
	checkpointsAccepted: 1,
	checkpointsRejected: [],
	gap: null,
	headSeq: 10,
	sealedUpTo: 10,
	evidenceCreated: 10,
	unlinked: [],
	...o,
});

function packet(body: unknown, correlation: string | undefined, status: string | null = "200"): IPublishPacket {
	return {
		cmd: "publish",
		topic: "fieldchain/v1/gateways/gw-1/receipts",
		payload: Buffer.from(typeof body === "string" ? body : JSON.stringify(body)),
		qos: 1,
		dup: false,
		retain: false,
		properties: { ...(correlation === undefined ? {} : { correlationData: Buffer.from(correlation) }), ...(status ? { userProperties: { status } } : {}) },
	};
}

async function outcome(answer: IPublishPacket, batchId = "chain-1-10") {
	const waiters = new ReceiptWaiters();
	const wait = waiters.wait(batchId, "gw-1", 5_000, "mqtt:test");
	waiters.deliver(answer, "gw-1");
	return wait.receipt.then(
		(r) => ({ ok: r }),
		(e: Error) => ({ reason: failureReason(e), message: e.message }),
	);
}

describe("receipts on the MQTT uplink", () => {
	it("a batch is receipted by the service's answer, read as the HTTP transport reads it", async () => {
		expect(await outcome(packet(receipt("chain-1-10"), "chain-1-10"))).toEqual({
			ok: { sealedUpTo: 10, accepted: 10, duplicates: 0, rejected: [], gap: null },
		});
		const refused = receipt("chain-1-10", {
			accepted: 0,
			sealedUpTo: 0,
			checkpointsRejected: [{ chainSeq: 10, reason: "bad-signature", message: "no", problem: "checkpoint-signature" }],
		});
		const read = (await outcome(packet(refused, "chain-1-10"))) as { ok: { rejected: Array<{ reason: string }> } };
		expect(read.ok.rejected.map((r) => r.reason)).toEqual(["checkpoint-bad-signature"]);
	});

	it("refusals and answers that are not receipts fail the send with a reason the drain counts", async () => {
		const error = (code: string) => ({ error: { code, message: "m", hint: null } });
		expect(await outcome(packet(error("FC_BILLING_FORBIDDEN"), "chain-1-10", "403"))).toMatchObject({ reason: "auth" });
		expect(await outcome(packet(error("FC_BILLING_UNAVAILABLE"), "chain-1-10", "503"))).toMatchObject({ reason: "server" });
		expect(await outcome(packet(error("FC_BILLING_CONFLICT"), "chain-1-10", "409"))).toMatchObject({ reason: "refused" });
		expect(await outcome(packet("{oops", "chain-1-10"))).toMatchObject({ reason: "server", message: expect.stringMatching(/not JSON/) });
		expect(await outcome(packet(receipt("chain-1-10"), "chain-1-10", null))).toMatchObject({
			reason: "server",
			message: expect.stringMatching(/no status/),
		});
		expect(await outcome(packet({ accepted: "all" }, "chain-1-10"))).toMatchObject({ reason: "server" });
		// Correlated to our batch but about another one, or another gateway's: not our receipt.
		expect(await outcome(packet(receipt("chain-11-20"), "chain-1-10"))).toMatchObject({ reason: "server" });
		expect(await outcome(packet(receipt("chain-1-10", { gatewayId: "gw-2" }), "chain-1-10"))).toMatchObject({ reason: "server" });
	});

	it("an answer nobody waits for is dropped; no answer is a timeout", async () => {
		const waiters = new ReceiptWaiters();
		const wait = waiters.wait("chain-1-10", "gw-1", 50, "mqtt:test");
		waiters.deliver(packet(receipt("chain-11-20"), "chain-11-20"), "gw-1");
		waiters.deliver(packet(receipt("chain-1-10"), undefined), "gw-1");
		await expect(wait.receipt).rejects.toMatchObject({ message: expect.stringMatching(/No receipt for evidence batch chain-1-10/) });
		expect(failureReason(await wait.receipt.catch((e) => e))).toBe("timeout");
		// Late, after the timeout: nobody waits, nothing happens.
		waiters.deliver(packet(receipt("chain-1-10"), "chain-1-10"), "gw-1");
	});

	it("closing fails every wait at once", async () => {
		const waiters = new ReceiptWaiters();
		const wait = waiters.wait("chain-1-10", "gw-1", 60_000, "mqtt:test");
		waiters.rejectAll("closing");
		expect(failureReason(await wait.receipt.catch((e) => e))).toBe("broker");
	});
});
