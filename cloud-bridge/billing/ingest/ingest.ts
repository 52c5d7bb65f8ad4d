/**
 * Evidence batch ingest: verify (verify-batch.ts), keep only what a verified checkpoint seals,
 * turn sealed records into model Evidence, then append them to the gateway's chain with the batch
 * receipt. Evidence is written first and skipped when it already exists, so a crash between the
 * two writes is healed by the gateway's retry; the chain append is all or nothing, and carries the
 * `evidence.accepted` event in its transaction (the billing store's outbox): the event exists if and
 * only if the chain records it announces were committed, whatever crashes when.
 */
import { createHash } from "node:crypto";
import type { AnyWrite } from "../../../model/entities/kinds.js";
import { ErrorCodes, FieldchainError, isFieldchainError } from "../../../platform/errors.js";
import type { BatchReceipt, EvidenceBatch } from "../../../protocol/uplink/wire.js";
import type { Principal } from "../auth/authenticate.js";
import { bindingOf } from "../auth/gateway-binding.js";
import type { BillingContext } from "../context.js";
import { advanceMilestones } from "../milestone-flow.js";
import { gapAfterHead } from "../store/chain-gaps.js";
import { isBindingRefusal, refuseOutsideBinding } from "./binding-filter.js";
import { KeyedLock } from "./gateway-lock.js";
import { recordToEvidence, type TargetLookup } from "./record-to-evidence.js";
import { gapSealedByKey } from "./sealed-gap.js";
import { type VerifiedCheckpoint, verifyBatch } from "./verify-batch.js";
import { verifyManifests } from "./verify-manifests.js";

/** Rounds of "someone else appended first, read again" before the conflict is answered (409, the gateway retries). */
const MAX_RACE_ATTEMPTS = 8;

function digestOf(batch: EvidenceBatch): string {
	const hash = createHash("sha256");
	for (const r of batch.records) hash.update(`${r.chainSeq}:${r.contentHash}:${r.record}\n`);
	hash.update("--\n");
	for (const c of batch.checkpoints) hash.update(`${c}\n`);
	return hash.digest("hex");
}

/** The checkpoint that seals each record: the first verified one at or after it. */
function sealerOf(checkpoints: VerifiedCheckpoint[]): (seq: number) => string {
	const sorted = [...checkpoints].sort((a, b) => a.chainSeq - b.chainSeq);
	return (seq) => sorted.find((c) => c.chainSeq >= seq)?.signature ?? "";
}

function cachedLookup(ctx: BillingContext): TargetLookup {
	const tasks = new Map<string, ReturnType<TargetLookup["task"]>>();
	const deliverables = new Map<string, ReturnType<TargetLookup["deliverable"]>>();
	return {
		task(id) {
			const found = tasks.get(id) ?? ctx.repo.get("task", id);
			tasks.set(id, found);
			return found;
		},
		deliverable(id) {
			const found = deliverables.get(id) ?? ctx.repo.get("deliverable", id);
			deliverables.set(id, found);
			return found;
		},
	};
}

export class EvidenceIngest {
	private readonly lock = new KeyedLock();

	constructor(private readonly ctx: BillingContext) {}

	async ingest(principal: Principal, batch: EvidenceBatch): Promise<BatchReceipt> {
		if (principal.gatewayId !== batch.gatewayId) {
			throw new FieldchainError(
				ErrorCodes.FC_BILLING_FORBIDDEN,
				principal.gatewayId
					? `This token belongs to gateway ${principal.gatewayId}, not ${batch.gatewayId}.`
					: "Only an enrolled gateway's own token may send evidence.",
				{ hint: "Enroll the gateway (POST /v1/gateways/enroll) and send its batches with the token it received." },
			);
		}
		const gateway = await this.ctx.store.getGateway(batch.gatewayId);
		if (!gateway) throw new FieldchainError(ErrorCodes.FC_BILLING_FORBIDDEN, `Gateway ${batch.gatewayId} is not enrolled.`, { hint: "Enroll it first." });
		if (gateway.revokedAt !== null) {
			throw new FieldchainError(ErrorCodes.FC_BILLING_GATEWAY_REVOKED, `The key of gateway ${gateway.id} was revoked; its evidence is no longer trusted.`, {
				hint: "Enroll the gateway again with a new key and a new enrollment token.",
			});
		}
		// Only a batch with an id can be replayed, so only its digest is needed.
		const digest = batch.batchId === undefined ? "" : digestOf(batch);
		return this.lock.run(gateway.id, () => this.ingestOnce(gateway.id, batch, digest));
	}

	/**
	 * Several service processes may take batches of one gateway at once (the same batch even, sent
	 * to two of them by a retrying gateway or a load balancer). The database serialises the appends
	 * (the store locks the gateway's head row); the one that finds the head moved, or the evidence
	 * written, re-reads and tries again: the batch is then a replay (the stored receipt, identical)
	 * or its records are duplicates. The in-process lock only saves work inside one process.
	 */
	private async ingestOnce(gatewayId: string, batch: EvidenceBatch, digest: string): Promise<BatchReceipt> {
		for (let attempt = 1; ; attempt++) {
			try {
				return await this.ingestAttempt(gatewayId, batch, digest);
			} catch (error) {
				const raced = isFieldchainError(error, ErrorCodes.FC_BILLING_CONFLICT) || isFieldchainError(error, ErrorCodes.FC_MODEL_VERSION_CONFLICT);
				if (!raced || attempt >= MAX_RACE_ATTEMPTS || (await this.replayConflict(gatewayId, batch, digest))) throw error;
			}
		}
	}

	/** A conflict that is the batch's own content mismatch is final, not a race. */
	private async replayConflict(gatewayId: string, batch: EvidenceBatch, digest: string): Promise<boolean> {
		if (batch.batchId === undefined) return false;
		const earlier = await this.ctx.store.getBatchReceipt(gatewayId, batch.batchId);
		return earlier !== undefined && earlier.digest !== digest;
	}

	private async ingestAttempt(gatewayId: string, batch: EvidenceBatch, digest: string): Promise<BatchReceipt> {
		if (batch.batchId !== undefined) {
			const earlier = await this.ctx.store.getBatchReceipt(gatewayId, batch.batchId);
			if (earlier) {
				if (earlier.digest !== digest) {
					throw new FieldchainError(ErrorCodes.FC_BILLING_CONFLICT, `Batch ${batch.batchId} of gateway ${gatewayId} was received before with other content.`, {
						hint: "A retry must send the same batch; new records need a new batchId.",
					});
				}
				return { ...(earlier.receipt as unknown as BatchReceipt), replayed: true };
			}
		}
		return this.ingestLocked(gatewayId, batch, digest);
	}

	private async ingestLocked(gatewayId: string, batch: EvidenceBatch, digest: string): Promise<BatchReceipt> {
		const ctx = this.ctx;
		const gateway = await ctx.store.getGateway(gatewayId);
		if (!gateway) throw new FieldchainError(ErrorCodes.FC_BILLING_FORBIDDEN, `Gateway ${gatewayId} is not enrolled.`);
		const head = await ctx.store.getChainHead(gatewayId);
		// A batch without the record after the head may resume after an acknowledged gap (store/chain-gaps.ts);
		// only then are the gaps read, so an ordinary batch costs no extra query.
		const resumesAfter = batch.records.some((r) => r.chainSeq === head.headSeq + 1)
			? undefined
			: gapAfterHead(await ctx.store.listChainGaps(gatewayId), head.headSeq);
		const verified = await verifyBatch(batch.records, batch.checkpoints, {
			gateway,
			head,
			stored: (from, to) => ctx.store.getChainRecords(gatewayId, from, to),
			resumesAfter,
		});
		await refuseOutsideBinding(verified, await bindingOf(ctx, gatewayId), async (id) => (await ctx.repo.get("workOrder", id)) !== undefined);
		const manifests = verifyManifests(gatewayId, batch.manifests, verified);
		// Records past a missing range: noted, so an admin can acknowledge it if they are lost for good (routes/chain-gaps.ts),
		// but only when the gateway's key seals a record past it: a token alone cannot make the service record a gap.
		if (verified.gap && gapSealedByKey(batch, verified.gap.receivedSeq, gateway.publicKey))
			await ctx.store.noteChainGap(gatewayId, verified.gap.expectedSeq, verified.gap.receivedSeq - 1, ctx.clock.now());

		// Only records a verified checkpoint seals are accepted; the rest wait for their checkpoint.
		const sealedUpTo = Math.max(head.sealedUpTo, verified.sealedBy);
		const accepted = verified.appended.filter((r) => r.chainSeq <= sealedUpTo);
		const unsealed = verified.appended.length - accepted.length;

		const now = ctx.clock.now();
		const sealer = sealerOf(verified.checkpoints);
		const lookup = cachedLookup(ctx);
		let writes: AnyWrite[] = [];
		const unlinked: BatchReceipt["unlinked"] = [];
		const touchedOrders = new Set<string>();
		for (const item of accepted) {
			const conversion = await recordToEvidence({ record: item.record, contentHash: item.contentHash, sealedBy: sealer(item.chainSeq) }, lookup, now);
			if (!conversion.ok) {
				unlinked.push({ chainSeq: item.chainSeq, recordId: item.record.id, message: conversion.message });
				continue;
			}
			writes.push({ kind: "evidence", entity: conversion.evidence });
			touchedOrders.add(conversion.evidence.workOrderId);
		}
		writes = await this.notYetStored(writes);
		if (writes.length > 0) await ctx.repo.commit(writes);

		const last = accepted[accepted.length - 1];
		const receipt: BatchReceipt = {
			gatewayId,
			batchId: batch.batchId ?? null,
			replayed: false,
			accepted: accepted.length,
			unsealed,
			duplicates: verified.duplicates,
			rejected: verified.rejected,
			checkpointsAccepted: verified.checkpoints.length,
			checkpointsRejected: verified.checkpointsRejected,
			gap: verified.gap,
			headSeq: last ? last.chainSeq : head.headSeq,
			sealedUpTo: last ? last.chainSeq : head.sealedUpTo,
			evidenceCreated: writes.length,
			unlinked,
		};
		// Announced with the append, in its transaction; the relay hands it to the webhooks after the commit.
		const announcement =
			accepted.length > 0
				? ctx.outboxEvent("evidence.accepted", {
						gatewayId,
						batchId: receipt.batchId,
						accepted: receipt.accepted,
						sealedUpTo: receipt.sealedUpTo,
						evidenceCreated: receipt.evidenceCreated,
						workOrderIds: [...touchedOrders].sort(),
					})
				: undefined;
		// Before the append: a retry after a crash in between is a replay, and finds them stored (idempotent).
		await ctx.store.putManifests(manifests.filter((m) => m.checkpointSeq <= receipt.sealedUpTo));
		await ctx.store.appendChain({
			gatewayId,
			outbox: announcement ? [announcement] : [],
			expectedHeadSeq: head.headSeq,
			...(resumesAfter ? { resumesAfter } : {}),
			records: accepted.map((r) => ({
				chainSeq: r.chainSeq,
				recordId: r.record.id,
				workOrderId: r.record.workOrderId,
				contentHash: r.contentHash,
				entryHash: r.entryHash,
				bytes: r.bytes,
			})),
			checkpoints: verified.checkpoints.filter((c) => c.chainSeq <= receipt.sealedUpTo).map((c) => ({ chainSeq: c.chainSeq, bytes: c.bytes, keyId: c.keyId })),
			sealedUpTo: receipt.sealedUpTo,
			// Only a batch that stored records sealed by a verified checkpoint takes its batch id: one
			// that sealed nothing (another key, no checkpoint, all refused) could come from anyone able
			// to publish on the gateway's topic, and must not make the gateway's real batch a 409.
			receipt:
				batch.batchId !== undefined && accepted.length > 0 && !isBindingRefusal(verified)
					? { gatewayId, batchId: batch.batchId, digest, receivedAt: now, receipt: receipt as unknown as Record<string, unknown> }
					: null,
		});

		if (announcement) await ctx.relayOutbox();
		await this.advance(touchedOrders, `gateway:${gatewayId}`);
		// Another process may have stored this very batch between our receipt lookup and our head read:
		// we then verified it as all duplicates and our receipt was not kept. Answer with the one that was.
		if (accepted.length === 0 && batch.batchId !== undefined) {
			const kept = await ctx.store.getBatchReceipt(gatewayId, batch.batchId);
			if (kept && kept.digest === digest && JSON.stringify(kept.receipt) !== JSON.stringify(receipt))
				return { ...(kept.receipt as unknown as BatchReceipt), replayed: true };
		}
		return receipt;
	}

	/**
	 * Evidence of records past the chain head exists only if an earlier attempt stored it and then
	 * failed before the chain append. That commit was all or nothing and began at the same head, so
	 * when the first record's evidence is absent none is there: one read instead of one per record.
	 */
	private async notYetStored(writes: AnyWrite[]): Promise<AnyWrite[]> {
		if (writes.length === 0 || !(await this.ctx.repo.get("evidence", writes[0].entity.id))) return writes;
		const missing: AnyWrite[] = [];
		for (const w of writes) if (!(await this.ctx.repo.get("evidence", w.entity.id))) missing.push(w);
		return missing;
	}

	/** Evidence can complete a milestone: move those that are waiting in the chains it touched. */
	private async advance(workOrderIds: Set<string>, actorId: string): Promise<void> {
		const roots = new Set<string>();
		for (const id of workOrderIds) {
			const order = await this.ctx.repo.get("workOrder", id);
			if (order) roots.add(order.rootId);
		}
		for (const root of roots) await advanceMilestones(this.ctx, root, actorId);
	}
}
