/**
 * Releasing an approved milestone: the one action that produces an invoice. It re-checks every
 * rule at the moment of release (readiness, approval, margin floor) rather than trusting the
 * status, because evidence or time may have changed since approval.
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { Invoice } from "../entities/invoice.js";
import type { ModelSnapshot } from "../entities/kinds.js";
import { buildInvoice } from "../rules/invoice-lines.js";
import { latestDecision, requireEntity } from "../rules/lookup.js";
import { assertMilestoneReady } from "../rules/milestone-readiness.js";
import { isBelowFloor } from "../rules/money.js";
import { lineItemMachine, milestoneMachine, timeEntryMachine } from "../state-machines/machines.js";
import { type ActionContext, type ActionResult, write } from "./context.js";

export interface ReleaseOptions {
	/** Lowest acceptable margin in basis points (2500 = 25 %) without a margin-override approval. */
	marginFloorBasisPoints: number;
}

export function releaseMilestone(snapshot: ModelSnapshot, id: string, options: ReleaseOptions, ctx: ActionContext): ActionResult & { invoice: Invoice } {
	const milestone = requireEntity(snapshot, "milestone", id);
	milestoneMachine.assert(id, milestone.status, "released");
	assertMilestoneReady(snapshot, id);
	const approval = latestDecision(snapshot, "milestone", id);
	if (approval?.decision !== "approved") {
		throw new FieldchainError(ErrorCodes.FC_MODEL_RULE_REFUSED, `Cannot release milestone ${id}: it has no standing approval.`);
	}
	const approvalIds = [approval.id];
	let invoice = buildInvoice(snapshot, milestone, { invoiceId: "", now: ctx.now, approvalIds });
	if (isBelowFloor(invoice.margin, options.marginFloorBasisPoints)) {
		const override = latestDecision(snapshot, "margin-override", id);
		if (override?.decision !== "approved") {
			const m = invoice.margin;
			throw new FieldchainError(
				ErrorCodes.FC_MODEL_MARGIN_BELOW_FLOOR,
				`Cannot release milestone ${id}: margin ${m.marginBasisPoints ?? "n/a"} bp (price ${m.priceMinor}, cost ${m.costMinor} ${invoice.currency} minor units) is below the floor of ${options.marginFloorBasisPoints} bp.`,
				{
					hint: "A margin-override approval for this milestone lets it through.",
					details: { milestoneId: id, margin: m, floor: options.marginFloorBasisPoints },
				},
			);
		}
		approvalIds.push(override.id);
		invoice = buildInvoice(snapshot, milestone, { invoiceId: "", now: ctx.now, approvalIds });
	}
	invoice = { ...invoice, id: ctx.newId("invoice") };
	const writes = [write("invoice", invoice), write("milestone", { ...milestoneMachine.transition(milestone, "released", ctx), invoiceId: invoice.id })];
	for (const line of invoice.lines) {
		if (line.source.kind === "time-entry") {
			writes.push(write("timeEntry", timeEntryMachine.transition(requireEntity(snapshot, "timeEntry", line.source.id), "invoiced", ctx)));
		} else if (line.source.kind === "line-item") {
			writes.push(write("lineItem", lineItemMachine.transition(requireEntity(snapshot, "lineItem", line.source.id), "billed", ctx)));
		}
	}
	return { invoice, writes };
}
