/**
 * JSON schemas of the evidence batch and its receipt for the route's validation and the OpenAPI
 * document; the types are the wire contract's (protocol/uplink/wire.ts).
 */
import { PROBLEM_KINDS } from "../../../protocol/evidence/verify/problems.js";
import { CHECKPOINT_REJECTIONS, MAX_RECORD_BASE64, RECORD_REJECTIONS } from "../../../protocol/uplink/wire.js";
import { arr, bool, hex64, id, int, nullable, obj, str } from "../openapi/schema-helpers.js";

export function batchSchema(maxRecords: number) {
	return obj(
		{
			gatewayId: id(),
			batchId: str({ minLength: 1, maxLength: 200 }),
			records: arr(obj({ chainSeq: int({ minimum: 1 }), record: str({ minLength: 1, maxLength: MAX_RECORD_BASE64 }), contentHash: hex64() }), {
				maxItems: maxRecords,
			}),
			checkpoints: arr(str({ minLength: 1, maxLength: 4096 }), { maxItems: maxRecords }),
			// Optional (gateways before manifests send none); a checkpoint issues at most one per record it seals.
			manifests: arr(str({ minLength: 1, maxLength: 4096 }), { maxItems: maxRecords }),
		},
		["batchId", "manifests"],
	);
}

const rejected = (reasons: readonly string[]) =>
	arr(
		obj(
			{ chainSeq: int({ minimum: 0 }), reason: { type: "string", enum: [...reasons] }, message: str(), problem: { type: "string", enum: [...PROBLEM_KINDS] } },
			["problem"],
		),
	);

export const receiptSchema = obj({
	gatewayId: id(),
	batchId: nullable(str()),
	replayed: bool(),
	accepted: int({ minimum: 0 }),
	unsealed: int({ minimum: 0 }),
	duplicates: int({ minimum: 0 }),
	rejected: rejected(RECORD_REJECTIONS),
	checkpointsAccepted: int({ minimum: 0 }),
	checkpointsRejected: rejected(CHECKPOINT_REJECTIONS),
	gap: nullable(obj({ expectedSeq: int({ minimum: 1 }), receivedSeq: int({ minimum: 1 }), message: str() })),
	headSeq: int({ minimum: 0 }),
	sealedUpTo: int({ minimum: 0 }),
	evidenceCreated: int({ minimum: 0 }),
	unlinked: arr(obj({ chainSeq: int({ minimum: 1 }), recordId: str(), message: str() })),
});
