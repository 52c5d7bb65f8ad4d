/** Line items (labour, parts, services) on tasks: add, list, mark used. */
import { addLineItem, type NewLineItem, useLineItem } from "../../../model/actions/line-items.js";
import type { BillingContext } from "../context.js";
import { chainOf, requireStored, runAction, storedOf } from "../model-access.js";
import { LineItem } from "../openapi/entity-schemas.js";
import { minor, nullable, num, obj, oneOfValues, str } from "../openapi/schema-helpers.js";
import { ADMIN, actor, checkVersion, FIELD, idParams, listOf, READ, versionField } from "./common.js";
import { created, ok, type RouteSpec } from "./route-spec.js";

const createBody = obj(
	{
		kind: oneOfValues(["labour", "part", "service"]),
		description: str({ maxLength: 1000 }),
		sku: nullable(str({ maxLength: 200 })),
		unit: str({ minLength: 1, maxLength: 20 }),
		estimatedQuantity: num({ minimum: 0 }),
		unitCostMinor: minor(),
		unitPriceMinor: minor(),
	},
	["sku"],
);

export function lineItemRoutes(ctx: BillingContext): RouteSpec[] {
	return [
		{
			method: "POST",
			url: "/v1/tasks/:id/line-items",
			operationId: "createLineItem",
			summary: "Plan labour, a part or a service on a task, priced in the order's currency",
			tag: "work orders",
			scopes: ADMIN,
			params: idParams,
			body: createBody,
			responses: { 201: { description: "The line item (estimated)", schema: LineItem } },
			async handler(input) {
				const snapshot = await chainOf(ctx, "task", input.params.id);
				const { result, stored } = await runAction(ctx, snapshot, actor(input), (s, c) =>
					addLineItem(s, { ...(input.body as Omit<NewLineItem, "taskId">), taskId: input.params.id }, c),
				);
				const item = storedOf<"lineItem">(stored, result.item.id);
				return created(item, item.version);
			},
		},
		{
			method: "GET",
			url: "/v1/work-orders/:id/line-items",
			operationId: "listLineItems",
			summary: "Line items of a work order",
			tag: "work orders",
			scopes: READ,
			params: idParams,
			responses: { 200: { description: "Line items by id", schema: listOf("lineItems", LineItem) } },
			async handler(input) {
				await requireStored(ctx, "workOrder", input.params.id);
				return ok({ lineItems: await ctx.repo.list("lineItem", { workOrderId: input.params.id }) });
			},
		},
		{
			method: "POST",
			url: "/v1/line-items/:id/use",
			operationId: "useLineItem",
			summary: "Record the quantity actually used; that is what gets billed",
			tag: "work orders",
			scopes: FIELD,
			params: idParams,
			body: obj({ ...versionField, usedQuantity: num({ minimum: 0 }) }, ["version"]),
			ifMatch: true,
			responses: { 200: { description: "The line item as stored", schema: LineItem } },
			async handler(input) {
				const item = await requireStored(ctx, "lineItem", input.params.id);
				checkVersion(item, input, false);
				const snapshot = await chainOf(ctx, "lineItem", item.id);
				const { usedQuantity } = input.body as { usedQuantity: number };
				const { stored } = await runAction(ctx, snapshot, actor(input), (s, c) => useLineItem(s, item.id, usedQuantity, c));
				const result = storedOf<"lineItem">(stored, item.id);
				return ok(result, result.version);
			},
		},
	];
}
