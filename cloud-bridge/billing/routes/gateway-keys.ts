/**
 * The enrolled signing keys of one gateway, for verifiers: `fieldchain evidence verify --keys-from`
 * pins a bundle's key to what the gateway enrolled here instead of trusting the key the bundle
 * carries. A key is public, but which gateways exist is not: readers of work orders (and admins)
 * may ask. Each key says when it was enrolled and, once revoked, when; a verifier must not trust a
 * revoked key (whoever holds it now can sign anything, backdated).
 */
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import type { BillingContext } from "../context.js";
import { arr, hex64, id, ms, nullable, obj, str } from "../openapi/schema-helpers.js";
import { idParams, READ } from "./common.js";
import { ok, type RouteSpec } from "./route-spec.js";

const KeySchema = obj({ keyId: hex64(), publicKey: str(), enrolledAt: ms(), revokedAt: nullable(ms()) });
const GatewayKeysSchema = obj({ gatewayId: id(), keys: arr(KeySchema) });

export function gatewayKeyRoutes(ctx: BillingContext): RouteSpec[] {
	return [
		{
			method: "GET",
			url: "/v1/gateways/:id/keys",
			operationId: "listGatewayKeys",
			summary: "A gateway's enrolled Ed25519 public keys (raw, base64), for pinning the signer of an evidence bundle",
			tag: "gateways",
			scopes: READ,
			params: idParams,
			responses: { 200: { description: "The gateway's keys, with enrollment and revocation times", schema: GatewayKeysSchema } },
			async handler(input) {
				const gateway = await ctx.store.getGateway(input.params.id);
				if (!gateway)
					throw new FieldchainError(ErrorCodes.FC_BILLING_NOT_FOUND, `No gateway ${input.params.id} is enrolled.`, {
						hint: "A bundle signed by a gateway that never enrolled here cannot be vouched for by this service.",
					});
				// One key per gateway today; a list so key rotation can add keys without a new route.
				const keys = [{ keyId: gateway.keyId, publicKey: gateway.publicKey, enrolledAt: gateway.enrolledAt, revokedAt: gateway.revokedAt }];
				return ok({ gatewayId: gateway.id, keys });
			},
		},
	];
}
