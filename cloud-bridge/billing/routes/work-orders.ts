/** Work orders: create, read, list, update (optimistic concurrency), lifecycle, margin. */
import { fresh, write } from "../../../model/actions/context.js";
import { cancelWorkOrder, completeWorkOrder, holdWorkOrder, scheduleWorkOrder, startWorkOrder } from "../../../model/actions/work-orders.js";
import type { ModelSnapshot } from "../../../model/entities/kinds.js";
import type { WorkOrder, WorkOrderStatus } from "../../../model/entities/work-order.js";
import { loadChain } from "../../../model/repository/load.js";
import { marginReport } from "../../../model/rules/margin.js";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import { bindingOf } from "../auth/gateway-binding.js";
import type { BillingContext } from "../context.js";
import { chainOfWorkOrder, requireStored, runAction, storedOf } from "../model-access.js";
import { Dependency, MarginReport, WorkOrderStatus as STATUSES, WorkOrder as WorkOrderSchema } from "../openapi/entity-schemas.js";
import { arr, id, minor, ms, nullable, obj, oneOfValues, partial, str } from "../openapi/schema-helpers.js";
import { ADMIN, APPROVE, actor, checkVersion, definedOnly, FIELD, idParams, listOf, READ, versionField } from "./common.js";
import { created, ok, type RouteSpec } from "./route-spec.js";

const createBody = obj(
	{
		id: id(),
		customerId: id(),
		siteId: id(),
		assetId: nullable(id()),
		title: str({ minLength: 1, maxLength: 500 }),
		priority: oneOfValues(["low", "normal", "high", "emergency"]),
		sla: obj({ respondBy: ms(), resolveBy: ms() }),
		parentId: nullable(id()),
		dependencies: arr(Dependency),
		contractValueMinor: nullable(minor()),
	},
	["id", "assetId", "priority", "parentId", "dependencies", "contractValueMinor"],
);

const patchBody = partial({
	...versionField,
	title: str({ minLength: 1, maxLength: 500 }),
	priority: oneOfValues(["low", "normal", "high", "emergency"]),
	sla: obj({ respondBy: ms(), resolveBy: ms() }),
	assetId: nullable(id()),
	dependencies: arr(Dependency),
	contractValueMinor: nullable(minor()),
});

const statusBody = obj({ ...versionField, status: oneOfValues(STATUSES.filter((s) => s !== "draft")), window: obj({ start: ms(), end: ms() }) }, [
	"version",
	"window",
]);

type CreateBody = {
	id?: string;
	customerId: string;
	siteId: string;
	assetId?: string | null;
	title: string;
	priority?: WorkOrder["priority"];
	sla: WorkOrder["sla"];
	parentId?: string | null;
	dependencies?: WorkOrder["dependencies"];
	contractValueMinor?: number | null;
};

/** The chain a new order joins (its parent's) or an empty one, with the parties it refers to. */
async function snapshotForNewOrder(ctx: BillingContext, body: CreateBody, newId: string): Promise<{ snapshot: ModelSnapshot; rootId: string }> {
	const parent = body.parentId ? await requireStored(ctx, "workOrder", body.parentId) : undefined;
	const rootId = parent ? parent.rootId : newId;
	const snapshot = await loadChain(ctx.repo, rootId);
	const customer = await ctx.repo.get("customer", body.customerId);
	if (customer && !snapshot.customers.some((c) => c.id === customer.id)) snapshot.customers.push(customer);
	const site = await ctx.repo.get("site", body.siteId);
	if (site && !snapshot.sites.some((s) => s.id === site.id)) snapshot.sites.push(site);
	if (body.assetId) {
		const asset = await ctx.repo.get("asset", body.assetId);
		if (asset && !snapshot.assets.some((a) => a.id === asset.id)) snapshot.assets.push(asset);
	}
	return { snapshot, rootId };
}

export function workOrderRoutes(ctx: BillingContext): RouteSpec[] {
	return [
		{
			method: "POST",
			url: "/v1/work-orders",
			operationId: "createWorkOrder",
			summary: "Create a work order (draft); a parentId makes it a follow-up visit in the parent's chain",
			tag: "work orders",
			scopes: ADMIN,
			body: createBody,
			responses: { 201: { description: "The work order, version 1", schema: WorkOrderSchema } },
			async handler(input) {
				const body = input.body as CreateBody;
				const newId = body.id ?? ctx.newId("workOrder");
				if (await ctx.repo.get("workOrder", newId)) throw new FieldchainError(ErrorCodes.FC_BILLING_CONFLICT, `Work order ${newId} already exists.`);
				const customer = await requireStored(ctx, "customer", body.customerId);
				const { snapshot, rootId } = await snapshotForNewOrder(ctx, body, newId);
				const now = ctx.clock.now();
				const order: WorkOrder = {
					...fresh(newId, now),
					customerId: body.customerId,
					siteId: body.siteId,
					assetId: body.assetId ?? null,
					title: body.title,
					priority: body.priority ?? "normal",
					sla: body.sla,
					status: "draft",
					parentId: body.parentId ?? null,
					rootId,
					dependencies: body.dependencies ?? [],
					plannedStart: null,
					plannedEnd: null,
					currency: customer.currency,
					contractValueMinor: body.contractValueMinor ?? null,
					startedAt: null,
					completedAt: null,
				};
				const { stored } = await runAction(ctx, snapshot, actor(input), () => ({ writes: [write("workOrder", order)] }));
				const result = storedOf<"workOrder">(stored, newId);
				return created(result, result.version);
			},
		},
		{
			method: "GET",
			url: "/v1/work-orders",
			operationId: "listWorkOrders",
			summary: "List work orders, optionally by status, customer or chain",
			tag: "work orders",
			scopes: READ,
			querystring: partial({ status: oneOfValues(STATUSES), customerId: id(), rootId: id() }),
			responses: { 200: { description: "Work orders by id", schema: listOf("workOrders", WorkOrderSchema) } },
			async handler(input) {
				const orders = await ctx.repo.list("workOrder", definedOnly(input.query));
				// A gateway sees only the work orders of the technicians it is bound to (the downlink's plan).
				const gatewayId = input.principal?.gatewayId;
				if (!gatewayId) return ok({ workOrders: orders });
				const { workOrderIds } = await bindingOf(ctx, gatewayId);
				return ok({ workOrders: orders.filter((order) => workOrderIds.has(order.id)) });
			},
		},
		{
			method: "GET",
			url: "/v1/work-orders/:id",
			operationId: "getWorkOrder",
			summary: "One work order; its ETag is its version",
			tag: "work orders",
			scopes: READ,
			params: idParams,
			responses: { 200: { description: "The work order", schema: WorkOrderSchema } },
			async handler(input) {
				const order = await requireStored(ctx, "workOrder", input.params.id);
				return ok(order, order.version);
			},
		},
		{
			method: "PATCH",
			url: "/v1/work-orders/:id",
			operationId: "updateWorkOrder",
			summary: "Change title, priority, SLA, asset, dependencies or contract value; needs If-Match or version",
			tag: "work orders",
			scopes: ADMIN,
			params: idParams,
			body: patchBody,
			ifMatch: true,
			responses: { 200: { description: "The work order as stored", schema: WorkOrderSchema } },
			async handler(input) {
				const order = await requireStored(ctx, "workOrder", input.params.id);
				checkVersion(order, input, true);
				const snapshot = await loadChain(ctx.repo, order.rootId);
				const next: WorkOrder = { ...order, ...definedOnly(input.body as Partial<WorkOrder>), updatedAt: ctx.clock.now() };
				const { stored } = await runAction(ctx, snapshot, actor(input), () => ({ writes: [write("workOrder", next)] }));
				const result = storedOf<"workOrder">(stored, order.id);
				return ok(result, result.version);
			},
		},
		{
			method: "POST",
			url: "/v1/work-orders/:id/status",
			operationId: "moveWorkOrder",
			summary: "Schedule (with a window) or cancel (admin), start, hold or complete (also the field), under the model's rules",
			tag: "work orders",
			scopes: [...new Set([...FIELD, ...ADMIN])],
			params: idParams,
			body: statusBody,
			ifMatch: true,
			responses: { 200: { description: "The work order as stored", schema: WorkOrderSchema } },
			async handler(input) {
				const body = input.body as { status: WorkOrderStatus; window?: { start: number; end: number } };
				if ((body.status === "scheduled" || body.status === "cancelled") && !input.principal?.scopes.includes("admin")) {
					throw new FieldchainError(
						ErrorCodes.FC_BILLING_FORBIDDEN,
						`Only an admin may move a work order to ${body.status}; the field starts, holds and completes it.`,
					);
				}
				const order = await requireStored(ctx, "workOrder", input.params.id);
				checkVersion(order, input, false);
				const snapshot = await chainOfWorkOrder(ctx, order.id);
				const { stored } = await runAction(
					ctx,
					snapshot,
					actor(input),
					(s, c) => {
						switch (body.status) {
							case "scheduled": {
								const window =
									body.window ?? (order.plannedStart !== null && order.plannedEnd !== null ? { start: order.plannedStart, end: order.plannedEnd } : undefined);
								if (!window)
									throw new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, `Scheduling work order ${order.id} needs a window.`, {
										hint: 'Send "window": { "start", "end" } in epoch ms.',
									});
								return scheduleWorkOrder(s, order.id, window, c);
							}
							case "in-progress":
								return startWorkOrder(s, order.id, c);
							case "on-hold":
								return holdWorkOrder(s, order.id, c);
							case "completed":
								return completeWorkOrder(s, order.id, c);
							default:
								return cancelWorkOrder(s, order.id, c);
						}
					},
					{
						// Stored with the change (transactional outbox): a crash after the commit cannot lose it.
						events: (entities) => {
							const changed = storedOf<"workOrder">([...entities], order.id);
							return changed && changed.status !== order.status
								? [{ type: "workorder.status_changed", data: { workOrder: changed, from: order.status, to: changed.status } }]
								: [];
						},
					},
				);
				const result = storedOf<"workOrder">(stored, order.id) ?? order;
				return ok(result, result.version);
			},
		},
		{
			method: "GET",
			url: "/v1/work-orders/:id/margin",
			operationId: "getWorkOrderMargin",
			summary: "Margin of the order and its child visits: price - (approved hours x hourly cost + parts cost), per task",
			tag: "billing",
			scopes: [...APPROVE, "release", ...ADMIN],
			params: idParams,
			responses: { 200: { description: "Margin report", schema: MarginReport } },
			async handler(input) {
				const snapshot = await chainOfWorkOrder(ctx, input.params.id);
				return ok(marginReport(snapshot, input.params.id));
			},
		},
	];
}
