import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { ModelSnapshot } from "../entities/kinds.js";
import type { LineItem, LineItemKind } from "../entities/line-item.js";
import { requireEntity } from "../rules/lookup.js";
import { lineItemMachine } from "../state-machines/machines.js";
import { type ActionContext, type ActionResult, fresh, write } from "./context.js";

export interface NewLineItem {
	taskId: string;
	kind: LineItemKind;
	description: string;
	sku?: string | null;
	unit: string;
	estimatedQuantity: number;
	unitCostMinor: number;
	unitPriceMinor: number;
}

function assertMinor(value: number, what: string): void {
	if (!Number.isSafeInteger(value) || value < 0) {
		throw new FieldchainError(ErrorCodes.FC_MODEL_INVALID, `${what} ${value} is not a non-negative integer of minor units.`);
	}
}

/** Planned labour, part or service on a task, priced in the work order's currency. */
export function addLineItem(snapshot: ModelSnapshot, input: NewLineItem, ctx: ActionContext): ActionResult & { item: LineItem } {
	const task = requireEntity(snapshot, "task", input.taskId);
	const order = requireEntity(snapshot, "workOrder", task.workOrderId);
	assertMinor(input.unitCostMinor, "Unit cost");
	assertMinor(input.unitPriceMinor, "Unit price");
	const item: LineItem = {
		...fresh(ctx.newId("lineItem"), ctx.now),
		workOrderId: order.id,
		taskId: task.id,
		kind: input.kind,
		description: input.description,
		sku: input.sku ?? null,
		unit: input.unit,
		estimatedQuantity: input.estimatedQuantity,
		usedQuantity: null,
		unitCostMinor: input.unitCostMinor,
		unitPriceMinor: input.unitPriceMinor,
		currency: order.currency,
		status: "estimated",
	};
	return { item, writes: [write("lineItem", item)] };
}

export function useLineItem(snapshot: ModelSnapshot, id: string, usedQuantity: number, ctx: ActionContext): ActionResult {
	const item = requireEntity(snapshot, "lineItem", id);
	if (!(Number.isFinite(usedQuantity) && usedQuantity >= 0)) {
		throw new FieldchainError(ErrorCodes.FC_MODEL_INVALID, `Line item ${id}: used quantity ${usedQuantity} is not a non-negative number.`);
	}
	return { writes: [write("lineItem", { ...lineItemMachine.transition(item, "used", ctx), usedQuantity })] };
}
