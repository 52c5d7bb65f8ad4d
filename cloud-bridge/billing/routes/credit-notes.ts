/**
 * Credit notes: issue one against a released invoice whose milestone the customer disputed, read
 * it, list an invoice's, and trace it like an invoice (each credited line to the invoice line, and
 * through it to the time entry or line item, evidence and approvals; plus the dispute it answers).
 * The rules are the model's (model/actions/credit-notes.ts); issuing is for billing (release scope).
 */
import { issueCreditNote } from "../../../model/actions/credit-notes.js";
import type { Approval } from "../../../model/entities/approval.js";
import type { Evidence } from "../../../model/entities/evidence.js";
import type { InvoiceLine } from "../../../model/entities/invoice.js";
import { ErrorCodes, FieldchainError, isFieldchainError } from "../../../platform/errors.js";
import type { BillingContext } from "../context.js";
import { chainOf, requireStored, runAction, storedOf } from "../model-access.js";
import { Approval as ApprovalSchema, Evidence as EvidenceSchema, Invoice, LineItem, TimeEntry } from "../openapi/entity-schemas.js";
import { arr, id, int, minor, ms, nullable, obj, oneOfValues, str, versioned } from "../openapi/schema-helpers.js";
import { actor, idParams, listOf, READ, RELEASE } from "./common.js";
import { created, ok, type RouteSpec } from "./route-spec.js";

const CreditNoteLine = obj({
	lineNo: int({ minimum: 1 }),
	invoiceLineNo: int({ minimum: 1 }),
	description: str(),
	amountMinor: minor(),
	source: obj({ kind: oneOfValues(["time-entry", "line-item", "milestone"]), id: id() }),
});

export const CreditNoteSchema = obj({
	...versioned,
	number: id(),
	invoiceId: id(),
	workOrderId: id(),
	milestoneId: id(),
	customerId: id(),
	currency: str(),
	issuedAt: ms(),
	issuedBy: str(),
	reason: str(),
	disputeApprovalId: id(),
	lines: arr(CreditNoteLine),
	totalMinor: minor(),
});

const issueBody = obj({
	reason: str({ minLength: 1, maxLength: 2000 }),
	lines: arr(obj({ invoiceLineNo: int({ minimum: 1 }), amountMinor: int({ minimum: 1 }) }), { minItems: 1, maxItems: 500 }),
});

const traceSchema = obj({
	creditNote: CreditNoteSchema,
	invoice: Invoice,
	dispute: ApprovalSchema,
	lines: arr(
		obj({
			lineNo: int({ minimum: 1 }),
			invoiceLineNo: int({ minimum: 1 }),
			timeEntry: nullable(TimeEntry),
			lineItem: nullable(LineItem),
			evidence: arr(EvidenceSchema),
			approvals: arr(ApprovalSchema),
		}),
	),
});

/** What one invoice line was billed from: the same answer the invoice trace gives for it. */
async function sourcesOf(ctx: BillingContext, line: InvoiceLine) {
	const evidence: Evidence[] = [];
	for (const evidenceId of line.evidenceIds) evidence.push(await requireStored(ctx, "evidence", evidenceId));
	const approvals: Approval[] = [];
	for (const approvalId of line.approvalIds) approvals.push(await requireStored(ctx, "approval", approvalId));
	return {
		timeEntry: line.source.kind === "time-entry" ? await requireStored(ctx, "timeEntry", line.source.id) : null,
		lineItem: line.source.kind === "line-item" ? await requireStored(ctx, "lineItem", line.source.id) : null,
		evidence,
		approvals,
	};
}

export function creditNoteRoutes(ctx: BillingContext): RouteSpec[] {
	return [
		{
			method: "POST",
			url: "/v1/invoices/:id/credit-notes",
			operationId: "issueCreditNote",
			summary: "Issue a credit note on a released invoice whose milestone is disputed: lines credit invoice lines, never beyond what is left",
			tag: "billing",
			scopes: RELEASE,
			params: idParams,
			body: issueBody,
			responses: { 201: { description: "The credit note as issued; it never changes", schema: CreditNoteSchema } },
			async handler(input) {
				const invoice = await requireStored(ctx, "invoice", input.params.id);
				const request = input.body as { reason: string; lines: { invoiceLineNo: number; amountMinor: number }[] };
				const snapshot = await chainOf(ctx, "invoice", invoice.id);
				try {
					const { result, stored } = await runAction(ctx, snapshot, actor(input), (s, c) => issueCreditNote(s, invoice.id, request, c), {
						// The credit note is the action's only write.
						events: (entities) => [{ type: "credit_note.issued", data: { creditNote: entities[0] } }],
					});
					const creditNote = storedOf<"creditNote">(stored, result.creditNote.id);
					ctx.logger.info(
						{ creditNoteId: creditNote.id, invoiceId: invoice.id, totalMinor: creditNote.totalMinor, by: creditNote.issuedBy },
						"credit note issued",
					);
					return created(creditNote, creditNote.version);
				} catch (error) {
					// Another clerk took this credit note's number first; what is left may have changed.
					if (!isFieldchainError(error, "FC_MODEL_VERSION_CONFLICT")) throw error;
					throw new FieldchainError(ErrorCodes.FC_MODEL_VERSION_CONFLICT, `Another credit note was issued on invoice ${invoice.id} at the same moment.`, {
						hint: `GET /v1/invoices/${invoice.id}/credit-notes shows it; check what is left to credit and issue again if still needed.`,
						cause: error,
					});
				}
			},
		},
		{
			method: "GET",
			url: "/v1/invoices/:id/credit-notes",
			operationId: "listInvoiceCreditNotes",
			summary: "Credit notes issued on an invoice",
			tag: "billing",
			scopes: READ,
			params: idParams,
			responses: { 200: { description: "Credit notes by id", schema: listOf("creditNotes", CreditNoteSchema) } },
			async handler(input) {
				const invoice = await requireStored(ctx, "invoice", input.params.id);
				const notes = await ctx.repo.list("creditNote", { workOrderId: invoice.workOrderId });
				return ok({ creditNotes: notes.filter((n) => n.invoiceId === invoice.id) });
			},
		},
		{
			method: "GET",
			url: "/v1/credit-notes/:id",
			operationId: "getCreditNote",
			summary: "One credit note",
			tag: "billing",
			scopes: READ,
			params: idParams,
			responses: { 200: { description: "The credit note", schema: CreditNoteSchema } },
			async handler(input) {
				const creditNote = await requireStored(ctx, "creditNote", input.params.id);
				return ok(creditNote, creditNote.version);
			},
		},
		{
			method: "GET",
			url: "/v1/credit-notes/:id/trace",
			operationId: "traceCreditNote",
			summary: "A credit note with the dispute it answers and every line traced through the invoice line to its sources",
			tag: "billing",
			scopes: READ,
			params: idParams,
			responses: { 200: { description: "The credit note and its sources", schema: traceSchema } },
			async handler(input) {
				const creditNote = await requireStored(ctx, "creditNote", input.params.id);
				const invoice = await requireStored(ctx, "invoice", creditNote.invoiceId);
				const dispute = await requireStored(ctx, "approval", creditNote.disputeApprovalId);
				const lines = [];
				for (const line of creditNote.lines) {
					const invoiceLine = invoice.lines.find((l) => l.lineNo === line.invoiceLineNo);
					if (!invoiceLine)
						throw new FieldchainError(
							ErrorCodes.FC_MODEL_INVALID,
							`Credit note ${creditNote.id} names line ${line.invoiceLineNo}, which invoice ${invoice.id} lacks.`,
						);
					lines.push({ lineNo: line.lineNo, invoiceLineNo: line.invoiceLineNo, ...(await sourcesOf(ctx, invoiceLine)) });
				}
				return ok({ creditNote, invoice, dispute, lines });
			},
		},
	];
}
