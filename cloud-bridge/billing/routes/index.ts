/** Every route group of the billing service, in the order the OpenAPI document lists them. */
import type { BillingContext } from "../context.js";
import { appointmentRoutes } from "./appointments.js";
import { approvalQueueRoutes } from "./approval-queue.js";
import { chainGapRoutes } from "./chain-gaps.js";
import { creditNoteRoutes } from "./credit-notes.js";
import { deliverableRoutes } from "./deliverables.js";
import { evidenceRoutes } from "./evidence.js";
import { evidenceBundleRoutes } from "./evidence-bundles.js";
import { evidenceTimeRoutes } from "./evidence-times.js";
import { gatewayKeyRoutes } from "./gateway-keys.js";
import { gatewayRoutes } from "./gateways.js";
import { impactRoutes } from "./impact.js";
import { importRoutes } from "./import.js";
import { invoiceRoutes } from "./invoices.js";
import { lineItemRoutes } from "./line-items.js";
import { milestoneActionRoutes } from "./milestone-actions.js";
import { milestoneRoutes } from "./milestones.js";
import { policyRoutes } from "./policies.js";
import type { RouteSpec } from "./route-spec.js";
import { scheduleRoutes } from "./schedule.js";
import { scheduleMovePreviewRoutes } from "./schedule-move-preview.js";
import { taskRoutes } from "./tasks.js";
import { timeEntryRoutes } from "./time-entries.js";
import { tokenRoutes } from "./tokens.js";
import { workOrderRoutes } from "./work-orders.js";

export function allRoutes(ctx: BillingContext): RouteSpec[] {
	return [
		...gatewayRoutes(ctx),
		...tokenRoutes(ctx),
		...gatewayKeyRoutes(ctx),
		...importRoutes(ctx),
		...workOrderRoutes(ctx),
		...taskRoutes(ctx),
		...appointmentRoutes(ctx),
		...lineItemRoutes(ctx),
		...timeEntryRoutes(ctx),
		...approvalQueueRoutes(ctx),
		...evidenceRoutes(ctx),
		...evidenceTimeRoutes(ctx),
		...deliverableRoutes(ctx),
		...milestoneRoutes(ctx),
		...milestoneActionRoutes(ctx),
		...invoiceRoutes(ctx),
		...evidenceBundleRoutes(ctx),
		...chainGapRoutes(ctx),
		...creditNoteRoutes(ctx),
		...policyRoutes(ctx),
		...impactRoutes(ctx),
		...scheduleRoutes(ctx),
		...scheduleMovePreviewRoutes(ctx),
	];
}
