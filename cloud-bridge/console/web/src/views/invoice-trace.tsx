/** One invoice with every line traced to its time entry or line item, the evidence behind it and the approvals it needed. */
import { useEffect, useState } from "preact/hooks";
import { api, messageOf } from "../api.js";
import { dateTime, duration, evidenceText, money, percent } from "../format.js";
import type { Trace } from "../types.js";
import { CreditNotes } from "./credit-note.js";
import { InvoiceBundle } from "./invoice-bundle.js";

export function InvoiceTrace({ invoiceId }: { invoiceId: string }) {
	const [trace, setTrace] = useState<Trace | null>(null);
	const [problem, setProblem] = useState<string | null>(null);
	useEffect(() => {
		api<Trace>("GET", `/v1/invoices/${encodeURIComponent(invoiceId)}/trace`)
			.then(setTrace)
			.catch((error) => setProblem(messageOf(error)));
	}, [invoiceId]);
	const invoice = trace?.invoice;
	return (
		<section aria-labelledby="trace-title">
			<p>
				<a href="#/milestones">← Milestones and invoices</a>
			</p>
			<h1 id="trace-title" tabIndex={-1}>
				Invoice {invoiceId}
			</h1>
			{problem && (
				<p role="alert" class="error">
					{problem}
				</p>
			)}
			{!trace || !invoice ? (
				!problem && <p>Loading…</p>
			) : (
				<>
					<p class="muted">
						{invoice.workOrderId} · milestone {invoice.milestoneId} · customer {invoice.customerId} · issued {dateTime(invoice.issuedAt)} · total{" "}
						<strong>{money(invoice.totalMinor, invoice.currency)}</strong> · margin {percent(invoice.margin.marginBasisPoints)}
					</p>
					<p class="muted">
						The evidence bundle behind this invoice is exported from the gateway (<code>fieldchain evidence export</code>) and verified with{" "}
						<code>fieldchain evidence verify</code>.
					</p>
					<table class="trace">
						<caption class="sr-only">Invoice lines and what each is traced to</caption>
						<thead>
							<tr>
								<th scope="col">Line</th>
								<th scope="col">Billed</th>
								<th scope="col">Source</th>
								<th scope="col">Evidence</th>
								<th scope="col">Approvals</th>
							</tr>
						</thead>
						<tbody>
							{invoice.lines.map((line) => {
								const traced = trace.lines.find((l) => l.lineNo === line.lineNo);
								const entry = traced?.timeEntry;
								return (
									<tr key={line.lineNo}>
										<td>
											<strong>{line.lineNo}</strong> {line.description}
										</td>
										<td>
											{line.quantity} {line.unit} × {money(line.unitPriceMinor, invoice.currency)}
											<div>
												<strong>{money(line.amountMinor, invoice.currency)}</strong>
											</div>
										</td>
										<td>
											{entry ? (
												<>
													Time entry <code>{entry.id.slice(0, 8)}</code>: {entry.technicianId}, {entry.kind}, {dateTime(entry.start)},{" "}
													{duration(entry.start, entry.end)} · {entry.status}
												</>
											) : traced?.lineItem ? (
												<>
													Line item <code>{traced.lineItem.id}</code>
												</>
											) : (
												<>
													{line.source.kind} <code>{line.source.id}</code>
												</>
											)}
										</td>
										<td>
											{traced && traced.evidence.length > 0 ? (
												<ul class="evidence">
													{traced.evidence.map((e) => (
														<li key={e.id}>
															{evidenceText(e.payload)}{" "}
															<span class="muted">
																({e.status}, sha256 {e.contentHash.slice(0, 12)}…)
															</span>
														</li>
													))}
												</ul>
											) : (
												<span class="muted">none</span>
											)}
										</td>
										<td>
											{traced && traced.approvals.length > 0 ? (
												<ul class="evidence">
													{traced.approvals.map((a) => (
														<li key={a.id}>
															{a.kind} {a.decision} by {a.approverId}, {dateTime(a.decidedAt)}
															{a.reason && <span class="muted"> “{a.reason}”</span>}
														</li>
													))}
												</ul>
											) : (
												<span class="muted">none</span>
											)}
										</td>
									</tr>
								);
							})}
						</tbody>
					</table>
					<InvoiceBundle invoiceId={invoiceId} />
					<CreditNotes invoice={invoice} />
				</>
			)}
		</section>
	);
}
