/**
 * Issuing a credit note against a released invoice after the customer disputed its milestone.
 * Invariants: only an invoice whose milestone stands disputed (the dispute's reason is on record)
 * can be credited; each line credits one invoice line by at most what earlier credit notes left
 * on it, so the credits of an invoice never exceed it; who issued it and why are recorded; and
 * the credit note is never edited afterwards (model/repository/guards.ts).
 *
 * The id is the number (`<invoice>-CN<n>`): two clerks crediting one invoice at once both write
 * credit note n as a new entity, and the repository stores only the first, so two credits can
 * never both spend the same remainder.
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { CreditNote, CreditNoteLine } from "../entities/credit-note.js";
import type { ModelSnapshot } from "../entities/kinds.js";
import { latestDecision, requireEntity } from "../rules/lookup.js";
import { type ActionContext, type ActionResult, fresh, write } from "./context.js";

export interface CreditRequestLine {
	invoiceLineNo: number;
	amountMinor: number;
}

export interface CreditNoteRequest {
	reason: string;
	lines: readonly CreditRequestLine[];
}

function refused(message: string, hint: string, details?: Record<string, unknown>): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_MODEL_RULE_REFUSED, message, { hint, details });
}

function invalid(message: string, hint: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_MODEL_INVALID, message, { hint });
}

/** Credit notes already issued against an invoice, oldest number first. */
export function creditNotesOf(snapshot: ModelSnapshot, invoiceId: string): CreditNote[] {
	return snapshot.creditNotes.filter((c) => c.invoiceId === invoiceId).sort((a, b) => a.issuedAt - b.issuedAt || (a.id < b.id ? -1 : 1));
}

/** What each invoice line still has to credit, by line number. */
export function creditableByLine(snapshot: ModelSnapshot, invoiceId: string): Map<number, number> {
	const invoice = requireEntity(snapshot, "invoice", invoiceId);
	const left = new Map(invoice.lines.map((l) => [l.lineNo, l.amountMinor]));
	for (const note of creditNotesOf(snapshot, invoiceId)) {
		for (const line of note.lines) left.set(line.invoiceLineNo, (left.get(line.invoiceLineNo) ?? 0) - line.amountMinor);
	}
	return left;
}

export function issueCreditNote(
	snapshot: ModelSnapshot,
	invoiceId: string,
	request: CreditNoteRequest,
	ctx: ActionContext,
): ActionResult & { creditNote: CreditNote } {
	const invoice = requireEntity(snapshot, "invoice", invoiceId);
	const milestone = requireEntity(snapshot, "milestone", invoice.milestoneId);
	if (milestone.status !== "disputed" || milestone.invoiceId !== invoice.id) {
		throw refused(
			`Cannot credit invoice ${invoice.id}: its milestone ${milestone.id} is ${milestone.status}, not disputed.`,
			"A credit note answers the customer's dispute: record the dispute on the milestone first (POST /v1/milestones/{id}/dispute).",
			{ invoiceId: invoice.id, milestoneId: milestone.id, status: milestone.status },
		);
	}
	const dispute = latestDecision(snapshot, "milestone", milestone.id);
	if (dispute?.decision !== "rejected") {
		throw refused(`Cannot credit invoice ${invoice.id}: no dispute of milestone ${milestone.id} is on record.`, "Record the dispute with its reason first.");
	}
	const reason = request.reason.trim();
	if (!reason)
		throw invalid(`A credit note on invoice ${invoice.id} needs a reason.`, "Say why the customer is credited; the customer and the auditor read it.");
	if (request.lines.length === 0) throw invalid("A credit note needs at least one line.", "Name the invoice line to credit and the amount.");
	const left = creditableByLine(snapshot, invoice.id);
	const seen = new Set<number>();
	const lines: CreditNoteLine[] = request.lines.map((wanted, index) => {
		const source = invoice.lines.find((l) => l.lineNo === wanted.invoiceLineNo);
		if (!source) {
			throw invalid(
				`Invoice ${invoice.id} has no line ${wanted.invoiceLineNo}.`,
				`Its lines are ${invoice.lines.map((l) => l.lineNo).join(", ")}: GET /v1/invoices/${invoice.id}/trace shows them.`,
			);
		}
		if (seen.has(source.lineNo))
			throw invalid(`Invoice line ${source.lineNo} is credited twice in one credit note.`, "Credit each line once, with the whole amount.");
		seen.add(source.lineNo);
		if (!Number.isSafeInteger(wanted.amountMinor) || wanted.amountMinor < 1) {
			throw invalid(
				`Credit on line ${source.lineNo} is ${wanted.amountMinor}; amounts are whole minor units from 1.`,
				"Send amountMinor as an integer of cents.",
			);
		}
		const remaining = left.get(source.lineNo) ?? 0;
		if (wanted.amountMinor > remaining) {
			throw refused(
				`Cannot credit ${wanted.amountMinor} on line ${source.lineNo} of invoice ${invoice.id}: only ${remaining} ${invoice.currency} minor units of its ${source.amountMinor} are left to credit.`,
				"Earlier credit notes already took the rest: GET /v1/invoices/{id}/credit-notes lists them.",
				{ invoiceId: invoice.id, invoiceLineNo: source.lineNo, creditable: remaining, requested: wanted.amountMinor },
			);
		}
		return { lineNo: index + 1, invoiceLineNo: source.lineNo, description: source.description, amountMinor: wanted.amountMinor, source: { ...source.source } };
	});
	const number = `${invoice.id}-CN${creditNotesOf(snapshot, invoice.id).length + 1}`;
	const creditNote: CreditNote = {
		...fresh(number, ctx.now),
		number,
		invoiceId: invoice.id,
		workOrderId: invoice.workOrderId,
		milestoneId: milestone.id,
		customerId: invoice.customerId,
		currency: invoice.currency,
		issuedAt: ctx.now,
		issuedBy: ctx.actorId,
		reason,
		disputeApprovalId: dispute.id,
		lines,
		totalMinor: lines.reduce((sum, l) => sum + l.amountMinor, 0),
	};
	return { creditNote, writes: [write("creditNote", creditNote)] };
}
