/**
 * One evidence batch that arrived over MQTT, answered as POST /v1/evidence/batches answers it:
 * the same schema check (wire.ts), the same EvidenceIngest (verification against the gateway's
 * pinned key, binding, storage, the stored receipt), the same JSON body and HTTP status.
 *
 * Invariant: the only identity is the gateway the topic names. The batch must claim that gateway,
 * and its checkpoints are verified against the key the service pinned for it at enrollment
 * (EvidenceIngest), never against anything the message carries; a batch published on gateway A's
 * topic is A's batch, and nothing B signed can seal a record of A's chain.
 */
import { Ajv, type ValidateFunction } from "ajv";
import { ErrorCodes, FieldchainError, statusOf } from "../../../platform/errors.js";
import { errorBody } from "../../../platform/http-errors.js";
import { gatewayOfEvidenceTopic } from "../../../protocol/uplink/topics.js";
import type { BatchReceipt, EvidenceBatch } from "../../../protocol/uplink/wire.js";
import type { Principal } from "../auth/authenticate.js";
import { asFieldchainError } from "../http-errors.js";
import { batchSchema } from "./wire.js";

/** The HTTP route's body limit (routes/evidence.ts). */
export const MAX_MQTT_BATCH_BYTES = 32 * 1024 * 1024;

export interface MqttAnswer {
	/** The gateway the topic names (undefined: not an evidence topic, nobody to answer). */
	gatewayId: string | undefined;
	batchId: string | undefined;
	status: number;
	/** The HTTP body: a BatchReceipt on 200, `{ error }` otherwise. */
	body: unknown;
	/** Set when the failure is the service's own (logged with its correlation id), not the sender's. */
	unexpected?: unknown;
}

export interface EvidenceIngestPort {
	ingest(principal: Principal, batch: EvidenceBatch): Promise<BatchReceipt>;
}

/** The principal a message on a gateway's evidence topic acts as: that gateway, evidence only. */
export function topicPrincipal(gatewayId: string): Principal {
	return { tokenId: `mqtt:${gatewayId}`, name: `gateway ${gatewayId} (MQTT)`, scopes: ["evidence:write"], gatewayId };
}

export class MqttEvidenceAnswerer {
	private readonly validate: ValidateFunction;

	constructor(
		private readonly ingest: EvidenceIngestPort,
		maxBatchRecords: number,
	) {
		// As the HTTP route validates (service.ts): nothing removed, nothing coerced.
		this.validate = new Ajv({ removeAdditional: false, coerceTypes: false, allErrors: false, strict: false }).compile(batchSchema(maxBatchRecords));
	}

	async answer(topic: string, payload: Buffer): Promise<MqttAnswer> {
		const gatewayId = gatewayOfEvidenceTopic(topic);
		let batchId: string | undefined;
		try {
			if (!gatewayId) throw badRequest(`${topic} is not a gateway's evidence topic.`, "Publish batches on fieldchain/v1/gateways/{gatewayId}/evidence.");
			if (payload.length > MAX_MQTT_BATCH_BYTES)
				throw new FieldchainError(ErrorCodes.FC_BILLING_TOO_LARGE, `The batch is ${payload.length} bytes, over ${MAX_MQTT_BATCH_BYTES}.`, {
					hint: "Send smaller batches (uplink.batchRecords).",
				});
			let batch: unknown;
			try {
				batch = JSON.parse(payload.toString("utf8"));
			} catch {
				throw badRequest("The message is not JSON.", "Publish the batch as the JSON body of POST /v1/evidence/batches.");
			}
			if (typeof (batch as { batchId?: unknown })?.batchId === "string") batchId = (batch as { batchId: string }).batchId;
			if (!this.validate(batch)) {
				const first = this.validate.errors?.[0];
				throw badRequest(`Bad request: body${first?.instancePath ?? ""} ${first?.message ?? "is invalid"}.`, "See /openapi.json for the request schema.");
			}
			const receipt = await this.ingest.ingest(topicPrincipal(gatewayId), batch as EvidenceBatch);
			return { gatewayId, batchId, status: 200, body: receipt };
		} catch (thrown) {
			const { error, unexpected } = asFieldchainError(thrown);
			return { gatewayId, batchId, status: statusOf(error), body: errorBody(error), ...(unexpected ? { unexpected: thrown } : {}) };
		}
	}
}

function badRequest(message: string, hint: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, message, { hint });
}
