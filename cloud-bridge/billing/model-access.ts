/**
 * Reading the part of the model an action needs and storing what it wrote. Every change goes
 * through a model action and the repository's version checks, so the service applies the
 * same rules as the gateway.
 */
import type { ActionContext, ActionResult } from "../../model/actions/context.js";
import type { AnyEntity, EntityKind, EntityMap, ModelSnapshot } from "../../model/entities/kinds.js";
import { applyWrites } from "../../model/repository/apply.js";
import { loadChain } from "../../model/repository/load.js";
import { notFound } from "../../model/rules/lookup.js";
import { validateSnapshot } from "../../model/validation/validate.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { BillingEventType } from "../events/billing-events.js";
import type { BillingContext } from "./context.js";

export async function requireStored<K extends EntityKind>(ctx: BillingContext, kind: K, id: string): Promise<EntityMap[K]> {
	const entity = await ctx.repo.get(kind, id);
	if (!entity) throw notFound(kind, id);
	return entity;
}

/** The work-order chain (with technicians, rate cards, customer) that an entity belongs to. */
export async function chainOfWorkOrder(ctx: BillingContext, workOrderId: string): Promise<ModelSnapshot> {
	const order = await requireStored(ctx, "workOrder", workOrderId);
	return loadChain(ctx.repo, order.rootId);
}

export async function chainOf(
	ctx: BillingContext,
	kind: Exclude<EntityKind, "customer" | "site" | "asset" | "rateCard" | "technician">,
	id: string,
): Promise<ModelSnapshot> {
	const entity = await requireStored(ctx, kind, id);
	const workOrderId = kind === "workOrder" ? entity.id : (entity as { workOrderId: string }).workOrderId;
	return chainOfWorkOrder(ctx, workOrderId);
}

/** If-Match: the version the client last read; a different stored version is 412. */
export function checkIfMatch(entity: AnyEntity, ifMatch: string | undefined): void {
	if (ifMatch === undefined || ifMatch === "*") return;
	const versions = ifMatch.split(",").map((v) => v.trim().replace(/^W\//, "").replace(/^"|"$/g, ""));
	if (!versions.includes(String(entity.version))) {
		throw new FieldchainError(ErrorCodes.FC_BILLING_PRECONDITION_FAILED, `${entity.id} is at version ${entity.version}, not ${ifMatch}.`, {
			hint: "Someone changed it since you read it: GET it again, then retry with its ETag.",
			details: { id: entity.id, version: entity.version },
		});
	}
}

function issueKey(issue: { message: string }): string {
	return issue.message;
}

/**
 * Runs an action as `actorId` against `snapshot`, refuses it if the result breaks a model invariant
 * the snapshot did not already break, and commits its writes (all or nothing, version-checked).
 */
export async function runAction<R extends ActionResult>(
	ctx: BillingContext,
	snapshot: ModelSnapshot,
	actorId: string,
	action: (snapshot: ModelSnapshot, actionContext: ActionContext) => R,
	options: {
		validate?: boolean;
		/**
		 * Events announcing the change, from the entities as stored: written to the outbox in the
		 * commit's transaction (transactional outbox), then relayed to the event sink.
		 */
		events?: (stored: readonly AnyEntity[]) => { type: BillingEventType; data: Record<string, unknown> }[];
	} = {},
): Promise<{ result: R; stored: AnyEntity[] }> {
	const actionContext: ActionContext = { now: ctx.clock.now(), actorId, newId: ctx.newId };
	const result = action(snapshot, actionContext);
	if (options.validate ?? true) {
		const before = new Set(validateSnapshot(snapshot).map(issueKey));
		const fresh = validateSnapshot(applyWrites(snapshot, result.writes)).filter((issue) => !before.has(issueKey(issue)));
		if (fresh.length > 0) {
			throw new FieldchainError(ErrorCodes.FC_MODEL_INVALID, `The change breaks the model: ${fresh.map((i) => i.message).join("; ")}.`, {
				details: { issues: fresh },
			});
		}
	}
	const events = options.events;
	const stored = await ctx.repo.commit(
		result.writes,
		events ? { outbox: (entities) => events(entities).map((e) => ctx.outboxEvent(e.type, e.data)) } : undefined,
	);
	if (events) await ctx.relayOutbox();
	return { result, stored };
}

/** The stored copy of one entity out of a commit's result. */
export function storedOf<K extends EntityKind>(stored: AnyEntity[], id: string): EntityMap[K] {
	const matches = stored.filter((e) => e.id === id);
	return matches[matches.length - 1] as EntityMap[K];
}
