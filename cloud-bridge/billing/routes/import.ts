/** Loading reference data and fixtures (customers, sites, technicians, rate cards, whole chains). */

import { COLLECTION_OF, ENTITY_KINDS, emptySnapshot, type ModelSnapshot } from "../../../model/entities/kinds.js";
import { snapshotWrites } from "../../../model/repository/load.js";
import { validateSnapshot } from "../../../model/validation/validate.js";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import type { BillingContext } from "../context.js";
import { arr, int, obj, str } from "../openapi/schema-helpers.js";
import { ADMIN } from "./common.js";
import { ok, type RouteSpec } from "./route-spec.js";

// Entities stay open objects here (the model's own validation checks them whole); the two fields
// every entity has are declared so the document says what `required` names.
const entity = { type: "object", properties: { id: str(), version: int() }, required: ["id", "version"] };
const collections = Object.fromEntries(ENTITY_KINDS.map((kind) => [COLLECTION_OF[kind], arr(entity)]));

export function importRoutes(ctx: BillingContext): RouteSpec[] {
	return [
		{
			method: "POST",
			url: "/v1/import",
			operationId: "importSnapshot",
			summary: "Load a model snapshot (model JSON: customers, sites, technicians, rate cards, chains) into empty slots, all or nothing",
			tag: "admin",
			scopes: ADMIN,
			body: { type: "object", properties: collections, additionalProperties: false },
			bodyLimit: 64 * 1024 * 1024,
			responses: { 200: { description: "How many entities were loaded", schema: obj({ imported: int({ minimum: 0 }), issues: arr(str()) }) } },
			async handler(input) {
				const snapshot: ModelSnapshot = { ...emptySnapshot(), ...(input.body as Partial<ModelSnapshot>) };
				const issues = validateSnapshot(snapshot).filter((issue) => !/does not exist|missing/.test(issue.message));
				if (issues.length > 0) {
					throw new FieldchainError(
						ErrorCodes.FC_MODEL_INVALID,
						`The snapshot breaks ${issues.length} model rule(s): ${issues
							.slice(0, 5)
							.map((i) => i.message)
							.join("; ")}.`,
						{
							details: { issues },
						},
					);
				}
				const writes = snapshotWrites(snapshot);
				await ctx.repo.restore(writes);
				return ok({ imported: writes.length, issues: [] });
			},
		},
	];
}
