/**
 * The billing service's answers on the gateway's receipt topic (protocol/uplink/topics.ts),
 * matched to the batch waiting for them by the MQTT 5 correlation data (the batch id).
 *
 * Invariant: a batch is receipted only by an answer of the billing service, never by the broker's
 * PUBACK; an answer nobody waits for (a late one, after its batch timed out and was resent) is
 * dropped, since the resent batch gets the stored receipt again.
 */
import type { IPublishPacket } from "mqtt";
import { parseBatchReceipt } from "../../../protocol/uplink/wire.js";
import { expectStatus } from "./http-json.js";
import { type EvidenceReceipt, uplinkFailure } from "./transport.js";

interface Waiter {
	resolve(receipt: EvidenceReceipt): void;
	reject(error: Error): void;
}

export class ReceiptWaiters {
	private readonly waiting = new Map<string, Waiter>();

	/** Resolves with the receipt of `batchId`, or rejects with the service's refusal (or the timeout). */
	wait(batchId: string, gatewayId: string, timeoutMs: number, destination: string): { receipt: Promise<EvidenceReceipt>; cancel(): void } {
		let timer: NodeJS.Timeout | undefined;
		let own: Waiter | undefined;
		const receipt = new Promise<EvidenceReceipt>((resolve, reject) => {
			const settle = () => {
				clearTimeout(timer);
				if (this.waiting.get(batchId) === waiter) this.waiting.delete(batchId);
			};
			const waiter: Waiter = {
				resolve: (r) => {
					settle();
					resolve(r);
				},
				reject: (e) => {
					settle();
					reject(e);
				},
			};
			// A resend of the same batch replaces the earlier wait: one answer serves either.
			this.waiting.get(batchId)?.reject(uplinkFailure("timeout", `evidence batch ${batchId} was sent again before its receipt came.`));
			this.waiting.set(batchId, waiter);
			own = waiter;
			timer = setTimeout(
				() =>
					waiter.reject(
						uplinkFailure("timeout", `No receipt for evidence batch ${batchId} of ${gatewayId} from ${destination} in ${timeoutMs} ms.`, {
							hint: "Are the billing ingest workers subscribed (fieldchain cloud serve --ingest-mqtt-url)? The batch is resent.",
						}),
					),
				timeoutMs,
			);
		});
		return { receipt, cancel: () => own?.reject(uplinkFailure("broker", `evidence batch ${batchId} was not published.`)) };
	}

	/** An answer on the receipt topic. */
	deliver(packet: IPublishPacket, gatewayId: string): void {
		const correlation = packet.properties?.correlationData;
		if (!correlation) return;
		const batchId = Buffer.from(correlation).toString("utf8");
		const waiter = this.waiting.get(batchId);
		if (!waiter) return;
		try {
			waiter.resolve(readAnswer(packet, batchId, gatewayId));
		} catch (error) {
			waiter.reject(error as Error);
		}
	}

	/** Every wait fails now (the transport closing). */
	rejectAll(message: string): void {
		for (const waiter of [...this.waiting.values()]) waiter.reject(uplinkFailure("broker", message));
	}
}

/** The answer as the HTTP transport reads POST /v1/evidence/batches: status, then the receipt field by field. */
function readAnswer(packet: IPublishPacket, batchId: string, gatewayId: string): EvidenceReceipt {
	const what = `evidence batch ${batchId}`;
	const status = Number(packet.properties?.userProperties?.status);
	let body: unknown;
	try {
		body = JSON.parse(Buffer.from(packet.payload).toString("utf8"));
	} catch (cause) {
		throw uplinkFailure("server", `${what}: the answer on the receipt topic is not JSON.`, { cause });
	}
	if (!Number.isInteger(status)) throw uplinkFailure("server", `${what}: the answer on the receipt topic carries no status.`);
	expectStatus({ status, body }, what, 200);
	const receipt = parseBatchReceipt(body);
	if (typeof receipt === "string") throw uplinkFailure("server", `${what}: the answer is no receipt (${receipt}).`);
	if (receipt.batchId !== batchId || receipt.gatewayId !== gatewayId)
		throw uplinkFailure("server", `${what}: the receipt is for batch ${receipt.batchId} of ${receipt.gatewayId}.`);
	// A refused checkpoint leaves its records unsealed: report it with the records' refusals.
	const rejected = [...receipt.rejected, ...receipt.checkpointsRejected.map((c) => ({ ...c, reason: `checkpoint-${c.reason}` }))];
	return { sealedUpTo: receipt.sealedUpTo, accepted: receipt.accepted, duplicates: receipt.duplicates, rejected, gap: receipt.gap };
}
