/**
 * Credit notes on the invoice view: the ones issued so far (number, who, why, lines), and for
 * billing users a "Credit note" form once the customer's dispute is recorded on the milestone.
 * Each invoice line shows what is still creditable and takes an amount; the service decides
 * (disputed milestone, never beyond what is left), the form only helps the clerk get it right.
 */
import { useEffect, useState } from "preact/hooks";
import { api, messageOf } from "../api.js";
import { dateTime, money } from "../format.js";
import type { Invoice, Session } from "../types.js";
import { ReasonField } from "./reason-field.js";

interface CreditNote {
	id: string;
	number: string;
	invoiceId: string;
	issuedAt: number;
	issuedBy: string;
	reason: string;
	currency: string;
	totalMinor: number;
	lines: { lineNo: number; invoiceLineNo: number; description: string; amountMinor: number }[];
}

/** "12.50" or "12,50" to 1250 minor units; null for anything that is not a positive amount of cents. */
function toMinor(text: string): number | null {
	const trimmed = text.trim().replace(",", ".");
	if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return null;
	const minor = Math.round(Number(trimmed) * 100);
	return minor > 0 ? minor : null;
}

export function CreditNotes({ invoice }: { invoice: Invoice }) {
	const [notes, setNotes] = useState<CreditNote[] | null>(null);
	const [milestoneStatus, setMilestoneStatus] = useState<string | null>(null);
	const [session, setSession] = useState<Session | null>(null);
	const [open, setOpen] = useState(false);
	const [reason, setReason] = useState("");
	const [amounts, setAmounts] = useState<Record<number, string>>({});
	const [status, setStatus] = useState("");
	const [problem, setProblem] = useState<string | null>(null);
	const path = `/v1/invoices/${encodeURIComponent(invoice.id)}/credit-notes`;

	const load = async () => {
		try {
			const [listed, milestone, current] = await Promise.all([
				api<{ creditNotes: CreditNote[] }>("GET", `${path}?limit=1000`),
				api<{ status: string }>("GET", `/v1/milestones/${encodeURIComponent(invoice.milestoneId)}`),
				api<Session>("GET", "/v1/sessions/current"),
			]);
			setNotes(listed.creditNotes);
			setMilestoneStatus(milestone.status);
			setSession(current);
		} catch (error) {
			setProblem(messageOf(error));
		}
	};
	useEffect(() => {
		void load();
	}, [invoice.id]);

	const credited = new Map<number, number>();
	for (const note of notes ?? []) for (const l of note.lines) credited.set(l.invoiceLineNo, (credited.get(l.invoiceLineNo) ?? 0) + l.amountMinor);
	const left = (lineNo: number, amountMinor: number) => amountMinor - (credited.get(lineNo) ?? 0);
	const billing = session?.scopes.includes("release") ?? false;
	const entered = invoice.lines
		.map((line) => ({ line, text: amounts[line.lineNo] ?? "" }))
		.filter(({ text }) => text.trim() !== "")
		.map(({ line, text }) => ({ line, minor: toMinor(text) }));
	const badEntry = entered.find(({ line, minor }) => minor === null || minor > left(line.lineNo, line.amountMinor));
	const total = entered.reduce((sum, e) => sum + (e.minor ?? 0), 0);

	const issue = async () => {
		setProblem(null);
		try {
			const note = await api<CreditNote>("POST", path, {
				reason: reason.trim(),
				lines: entered.map(({ line, minor }) => ({ invoiceLineNo: line.lineNo, amountMinor: minor })),
			});
			setStatus(`Issued credit note ${note.number} for ${money(note.totalMinor, note.currency)}.`);
			setOpen(false);
			setReason("");
			setAmounts({});
			await load();
		} catch (error) {
			setProblem(messageOf(error));
		}
	};

	return (
		<section class="credit-notes" aria-labelledby="credit-notes-title">
			<h2 id="credit-notes-title">Credit notes</h2>
			<p role="status" class="status">
				{status}
			</p>
			{problem && (
				<p role="alert" class="error">
					{problem}
				</p>
			)}
			{notes === null ? (
				!problem && <p>Loading…</p>
			) : notes.length === 0 ? (
				<p class="empty">No credit note on this invoice.</p>
			) : (
				<ul class="credit-list">
					{notes.map((note) => (
						<li key={note.id} class="credit-item">
							<strong>{note.number}</strong> · {money(note.totalMinor, note.currency)} · issued {dateTime(note.issuedAt)} by {note.issuedBy}
							<div class="muted">“{note.reason}”</div>
							<ul class="evidence">
								{note.lines.map((l) => (
									<li key={l.lineNo}>
										Invoice line {l.invoiceLineNo} ({l.description}): {money(l.amountMinor, note.currency)}
									</li>
								))}
							</ul>
						</li>
					))}
				</ul>
			)}
			{billing && milestoneStatus !== null && milestoneStatus !== "disputed" && (
				<p class="muted">
					A credit note answers a dispute: record the customer's dispute on milestone {invoice.milestoneId} first (
					<a href="#/milestones">Milestones and invoices</a>, “Dispute…”). It is {milestoneStatus} now.
				</p>
			)}
			{billing && milestoneStatus === "disputed" && !open && (
				<button type="button" onClick={() => setOpen(true)}>
					Credit note…
				</button>
			)}
			{billing && open && (
				<form
					class="confirm credit-form"
					aria-labelledby="credit-form-title"
					onSubmit={(e) => {
						e.preventDefault();
						void issue();
					}}
				>
					<h3 id="credit-form-title">Credit note on invoice {invoice.id}</h3>
					<ReasonField id="credit-reason" label="Reason (the customer and the auditor read it)" value={reason} onInput={setReason} />
					<table class="credit-lines">
						<caption class="sr-only">Amount to credit per invoice line</caption>
						<thead>
							<tr>
								<th scope="col">Invoice line</th>
								<th scope="col">Billed</th>
								<th scope="col">Left to credit</th>
								<th scope="col">Credit ({invoice.currency})</th>
							</tr>
						</thead>
						<tbody>
							{invoice.lines.map((line) => {
								const remaining = left(line.lineNo, line.amountMinor);
								const id = `credit-line-${line.lineNo}`;
								return (
									<tr key={line.lineNo}>
										<th scope="row">
											<label for={id}>
												{line.lineNo} {line.description}
											</label>
										</th>
										<td>{money(line.amountMinor, invoice.currency)}</td>
										<td>{money(remaining, invoice.currency)}</td>
										<td>
											<input
												id={id}
												inputMode="decimal"
												autocomplete="off"
												disabled={remaining <= 0}
												placeholder={remaining > 0 ? (remaining / 100).toFixed(2) : "nothing left"}
												value={amounts[line.lineNo] ?? ""}
												onInput={(e) => setAmounts({ ...amounts, [line.lineNo]: e.currentTarget.value })}
											/>
										</td>
									</tr>
								);
							})}
						</tbody>
					</table>
					{badEntry && (
						<p class="error">
							Line {badEntry.line.lineNo}:{" "}
							{badEntry.minor === null
								? "enter an amount such as 12.50."
								: `at most ${money(left(badEntry.line.lineNo, badEntry.line.amountMinor), invoice.currency)} is left to credit.`}
						</p>
					)}
					<p>
						Total credit: <strong>{money(total, invoice.currency)}</strong>
					</p>
					<button type="submit" class="danger" disabled={!reason.trim() || entered.length === 0 || badEntry !== undefined}>
						Issue credit note
					</button>
					<button type="button" class="quiet" onClick={() => setOpen(false)}>
						Cancel
					</button>
				</form>
			)}
		</section>
	);
}
