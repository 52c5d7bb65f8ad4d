/** Invoices: read, list, and trace every line back to its time entry or line item, evidence and approvals. */
import type { Approval } from "../../../model/entities/approval.js";
import type { Evidence } from "../../../model/entities/evidence.js";
import type { BillingContext } from "../context.js";
import { invoiceAcknowledgedGaps } from "../evidence-bundles/invoice-bundles.js";
import { requireStored } from "../model-access.js";
import { Approval as ApprovalSchema, Evidence as EvidenceSchema, Invoice, LineItem, TimeEntry } from "../openapi/entity-schemas.js";
import { arr, int, nullable, obj } from "../openapi/schema-helpers.js";
import { idParams, listOf, READ } from "./common.js";
import { AcknowledgedGapSchema } from "./evidence-bundles.js";
import { ok, type RouteSpec } from "./route-spec.js";

const traceSchema = obj({
	invoice: Invoice,
	lines: arr(
		obj({
			lineNo: int({ minimum: 1 }),
			timeEntry: nullable(TimeEntry),
			lineItem: nullable(LineItem),
			evidence: arr(EvidenceSchema),
			approvals: arr(ApprovalSchema),
		}),
	),
	// Records lost for good in the chains of the gateways it draws evidence from (routes/chain-gaps.ts).
	acknowledgedGaps: arr(AcknowledgedGapSchema),
});

export function invoiceRoutes(ctx: BillingContext): RouteSpec[] {
	return [
		{
			method: "GET",
			url: "/v1/invoices/:id",
			operationId: "getInvoice",
			summary: "One invoice; each line names its source, the evidence of its task and its approvals",
			tag: "billing",
			scopes: READ,
			params: idParams,
			responses: { 200: { description: "The invoice", schema: Invoice } },
			async handler(input) {
				const invoice = await requireStored(ctx, "invoice", input.params.id);
				return ok(invoice, invoice.version);
			},
		},
		{
			method: "GET",
			url: "/v1/invoices/:id/trace",
			operationId: "traceInvoice",
			summary: "Every line of an invoice with the time entry or line item, evidence and approvals behind it",
			tag: "billing",
			scopes: READ,
			params: idParams,
			responses: { 200: { description: "The invoice and its sources", schema: traceSchema } },
			async handler(input) {
				const invoice = await requireStored(ctx, "invoice", input.params.id);
				const lines = [];
				for (const line of invoice.lines) {
					const evidence: Evidence[] = [];
					for (const id of line.evidenceIds) evidence.push(await requireStored(ctx, "evidence", id));
					const approvals: Approval[] = [];
					for (const id of line.approvalIds) approvals.push(await requireStored(ctx, "approval", id));
					lines.push({
						lineNo: line.lineNo,
						timeEntry: line.source.kind === "time-entry" ? await requireStored(ctx, "timeEntry", line.source.id) : null,
						lineItem: line.source.kind === "line-item" ? await requireStored(ctx, "lineItem", line.source.id) : null,
						evidence,
						approvals,
					});
				}
				return ok({ invoice, lines, acknowledgedGaps: await invoiceAcknowledgedGaps(ctx, invoice) });
			},
		},
		{
			method: "GET",
			url: "/v1/work-orders/:id/invoices",
			operationId: "listInvoices",
			summary: "Invoices of a work order",
			tag: "billing",
			scopes: READ,
			params: idParams,
			responses: { 200: { description: "Invoices by id", schema: listOf("invoices", Invoice) } },
			async handler(input) {
				await requireStored(ctx, "workOrder", input.params.id);
				return ok({ invoices: await ctx.repo.list("invoice", { workOrderId: input.params.id }) });
			},
		},
	];
}
