/** Checks every backend applies before appending to a gateway's chain, so they refuse alike. */
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import type { AppendChainInput, ChainHead } from "./types.js";

export function headConflict(input: AppendChainInput, stored: ChainHead): FieldchainError {
	return new FieldchainError(
		ErrorCodes.FC_BILLING_CONFLICT,
		`The evidence chain of gateway ${input.gatewayId} moved on (head ${stored.headSeq}, the batch was verified against ${input.expectedHeadSeq}).`,
		{ hint: "Another batch of this gateway was accepted at the same time; send the batch again." },
	);
}

/** Throws unless the records continue the stored head without a gap, in order. */
export function assertAppendable(input: AppendChainInput, stored: ChainHead): void {
	if (stored.headSeq !== input.expectedHeadSeq) throw headConflict(input, stored);
	let expected = input.expectedHeadSeq + 1;
	if (input.resumesAfter && input.resumesAfter.fromSeq === expected && input.records.length > 0) expected = input.resumesAfter.toSeq + 1;
	for (const record of input.records) {
		if (record.chainSeq !== expected) {
			throw new FieldchainError(ErrorCodes.FC_BILLING_STORE, `Gateway ${input.gatewayId}: record ${record.chainSeq} does not follow ${expected - 1}.`, {
				hint: "Append only contiguous, verified records.",
			});
		}
		expected++;
	}
	const head = expected - 1;
	if (input.sealedUpTo > head) {
		throw new FieldchainError(ErrorCodes.FC_BILLING_STORE, `Gateway ${input.gatewayId}: sealedUpTo ${input.sealedUpTo} is beyond the head ${head}.`);
	}
}

export function nextHead(input: AppendChainInput, stored: ChainHead): ChainHead {
	const last = input.records[input.records.length - 1];
	return {
		gatewayId: input.gatewayId,
		headSeq: last ? last.chainSeq : stored.headSeq,
		headHash: last ? last.entryHash : stored.headHash,
		sealedUpTo: Math.max(stored.sealedUpTo, input.sealedUpTo),
	};
}
