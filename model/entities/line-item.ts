import type { CurrencyCode, MinorUnits, Versioned } from "./common.js";

export type LineItemKind = "labour" | "part" | "service";
export type LineItemStatus = "estimated" | "used" | "billed";

export interface LineItem extends Versioned {
	workOrderId: string;
	taskId: string;
	kind: LineItemKind;
	description: string;
	sku: string | null;
	/** Unit of sale ("ea", "m", "h"). */
	unit: string;
	estimatedQuantity: number;
	/** Set when the item is marked used; what is billed. */
	usedQuantity: number | null;
	unitCostMinor: MinorUnits;
	unitPriceMinor: MinorUnits;
	currency: CurrencyCode;
	status: LineItemStatus;
}
