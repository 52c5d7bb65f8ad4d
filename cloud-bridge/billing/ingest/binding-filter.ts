/**
 * Ingest's part of the gateway binding (auth/gateway-binding.ts): a verified record that names a
 * work order the service knows but the gateway is not bound to is refused ("outside-binding"),
 * and so is every record after it, since the chain cannot continue past a refused link. Records
 * naming no work order, or one the service does not know, link to nothing and stay accepted.
 *
 * Invariant: runs on a verification result before anything is stored, and only shortens it; every
 * record left is sealed by a checkpoint left (or stored before), as ingest requires.
 */
import { CHECKS } from "../../../protocol/evidence/verify/problems.js";
import type { GatewayBinding } from "../auth/gateway-binding.js";
import type { BatchVerification } from "./verify-batch.js";

export async function refuseOutsideBinding(
	verified: BatchVerification,
	binding: GatewayBinding,
	workOrderKnown: (id: string) => Promise<boolean>,
): Promise<void> {
	const known = new Map<string, boolean>();
	let cut = -1;
	for (let i = 0; i < verified.appended.length && cut < 0; i++) {
		const workOrderId = verified.appended[i].record.workOrderId;
		if (!workOrderId || binding.workOrderIds.has(workOrderId)) continue;
		if (!known.has(workOrderId)) known.set(workOrderId, await workOrderKnown(workOrderId));
		if (known.get(workOrderId)) cut = i;
	}
	if (cut < 0) return;
	const refused = verified.appended[cut];
	const workOrderId = refused.record.workOrderId;
	verified.rejected.push({
		chainSeq: refused.chainSeq,
		reason: "outside-binding",
		message: `Record ${refused.chainSeq} is for work order ${workOrderId}, which gateway ${binding.gatewayId} is not bound to: an admin binds it to the work order's technician with PATCH /v1/gateways/${binding.gatewayId}.`,
	});
	for (const later of verified.appended.slice(cut + 1)) {
		verified.rejected.push({
			chainSeq: later.chainSeq,
			reason: "chain-gap",
			message: `Record ${later.chainSeq} cannot be linked: record ${refused.chainSeq} was refused.`,
			problem: CHECKS["record-removed"],
		});
	}
	verified.rejected.sort((a, b) => a.chainSeq - b.chainSeq);
	verified.appended.length = cut;
	// A checkpoint at or past the refused record cannot be stored (its head is not in the chain), so it
	// seals nothing now: records before the refusal count only when an earlier checkpoint seals them.
	verified.checkpoints = verified.checkpoints.filter((c) => c.chainSeq < refused.chainSeq);
	verified.sealedBy = Math.max(0, ...verified.checkpoints.map((c) => c.chainSeq));
}

/** A refusal that binding the gateway can lift: its receipt is not kept for replay, so the same batch sent again is judged afresh. */
export const isBindingRefusal = (verified: BatchVerification): boolean => verified.rejected.some((r) => r.reason === "outside-binding");
