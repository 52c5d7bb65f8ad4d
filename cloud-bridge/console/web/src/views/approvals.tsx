/**
 * The approver's queue: submitted time grouped by work order, each entry with its task, checklist
 * and evidence; approve, reject with a reason (the technician reads it), or approve a selection
 * after a confirmation that says what it covers. An entry of the approver's own cannot be
 * selected or decided here, and the service refuses it anyway.
 */
import { useEffect, useState } from "preact/hooks";
import { api, messageOf } from "../api.js";
import { duration, evidenceText, money, percent, time } from "../format.js";
import type { Margin, QueueGroup, Session, TimeEntry } from "../types.js";
import { ReasonField } from "./reason-field.js";

interface Outcome {
	approved: TimeEntry[];
	refused: { id: string; code: string; message: string }[];
}

export function Approvals({ session }: { session: Session }) {
	const canApprove = session.scopes.includes("approve");
	const [groups, setGroups] = useState<QueueGroup[] | null>(null);
	const [margins, setMargins] = useState<Record<string, Margin>>({});
	const [selected, setSelected] = useState<Set<string>>(new Set());
	const [rejecting, setRejecting] = useState<string | null>(null);
	const [reason, setReason] = useState("");
	const [confirmBulk, setConfirmBulk] = useState(false);
	const [status, setStatus] = useState("");
	const [problem, setProblem] = useState<string | null>(null);

	const load = async () => {
		try {
			const queue = await api<{ workOrders: QueueGroup[] }>("GET", "/v1/approvals/time-entries");
			setGroups(queue.workOrders);
			setSelected(new Set());
			if (canApprove || session.scopes.includes("release")) {
				const found: Record<string, Margin> = {};
				for (const group of queue.workOrders) {
					found[group.workOrder.id] = await api<Margin>("GET", `/v1/work-orders/${encodeURIComponent(group.workOrder.id)}/margin`).catch(
						() => undefined as unknown as Margin,
					);
				}
				setMargins(found);
			}
		} catch (error) {
			setProblem(messageOf(error));
		}
	};
	useEffect(() => {
		void load();
	}, []);

	const act = async (work: () => Promise<string>) => {
		setProblem(null);
		try {
			setStatus(await work());
			await load();
		} catch (error) {
			setProblem(messageOf(error));
		}
	};
	const approve = (entry: TimeEntry) =>
		act(async () => {
			await api("POST", `/v1/time-entries/${encodeURIComponent(entry.id)}/approve`, { version: entry.version });
			return `Approved ${entry.technicianId}'s ${duration(entry.start, entry.end)} on ${entry.workOrderId}.`;
		});
	const reject = (entry: TimeEntry) =>
		act(async () => {
			await api("POST", `/v1/time-entries/${encodeURIComponent(entry.id)}/reject`, { version: entry.version, reason: reason.trim() });
			setRejecting(null);
			setReason("");
			return `Rejected ${entry.technicianId}'s entry on ${entry.workOrderId}; the technician sees your reason.`;
		});
	const bulk = () =>
		act(async () => {
			const outcome = await api<Outcome>("POST", "/v1/approvals/time-entries/approve", { ids: [...selected] });
			setConfirmBulk(false);
			const refused = outcome.refused.map((r) => `${r.id}: ${r.message}`).join(" ");
			return `Approved ${outcome.approved.length} entr${outcome.approved.length === 1 ? "y" : "ies"}.${refused ? ` Not approved: ${refused}` : ""}`;
		});
	const toggle = (id: string, on: boolean) => {
		const next = new Set(selected);
		if (on) next.add(id);
		else next.delete(id);
		setSelected(next);
		setConfirmBulk(false);
	};
	const all = groups?.flatMap((g) => g.entries) ?? [];
	const chosen = all.filter((e) => selected.has(e.timeEntry.id));
	const chosenMinutes = chosen.reduce((sum, e) => sum + Math.round(((e.timeEntry.end ?? e.timeEntry.start) - e.timeEntry.start) / 60_000), 0);

	return (
		<section aria-labelledby="approvals-title">
			<h1 id="approvals-title" tabIndex={-1}>
				Time waiting for approval
			</h1>
			<p role="status" class="status">
				{status}
			</p>
			{problem && (
				<p role="alert" class="error">
					{problem}
				</p>
			)}
			{groups === null ? (
				<p>Loading…</p>
			) : groups.length === 0 ? (
				<p class="empty">No submitted time is waiting. Entries appear here once a technician submits them.</p>
			) : (
				<>
					{canApprove && (
						<div class="bulk">
							<button type="button" disabled={selected.size === 0} onClick={() => setConfirmBulk(true)}>
								Approve selected ({selected.size})
							</button>
							{confirmBulk && (
								<fieldset class="confirm">
									<legend class="sr-only">Confirm bulk approval</legend>
									<p id="bulk-question">
										Approve {chosen.length} entr{chosen.length === 1 ? "y" : "ies"} of {new Set(chosen.map((e) => e.timeEntry.technicianId)).size}{" "}
										technician(s), {Math.floor(chosenMinutes / 60)} h {String(chosenMinutes % 60).padStart(2, "0")} min in all? Each becomes billable.
									</p>
									<button type="button" onClick={bulk}>
										Confirm approval
									</button>
									<button type="button" class="quiet" onClick={() => setConfirmBulk(false)}>
										Cancel
									</button>
								</fieldset>
							)}
						</div>
					)}
					{groups.map((group) => {
						const margin = margins[group.workOrder.id];
						return (
							<section class="card" key={group.workOrder.id} aria-labelledby={`wo-${group.workOrder.id}`}>
								<h2 id={`wo-${group.workOrder.id}`}>
									{group.workOrder.id} · {group.workOrder.title}
								</h2>
								<p class="muted">
									Customer {group.workOrder.customerId} · {group.workOrder.status} · priority {group.workOrder.priority}
									{margin && (
										<>
											{" "}
											· price {money(margin.priceMinor, group.workOrder.currency)}, cost {money(margin.costMinor, group.workOrder.currency)}, margin{" "}
											{percent(margin.marginBasisPoints)}
										</>
									)}
								</p>
								<table>
									<thead>
										<tr>
											{canApprove && <th scope="col">Select</th>}
											<th scope="col">Technician</th>
											<th scope="col">Task</th>
											<th scope="col">Time</th>
											<th scope="col">Evidence</th>
											{canApprove && <th scope="col">Decision</th>}
										</tr>
									</thead>
									<tbody>
										{group.entries.map(({ timeEntry: entry, task, evidence, own }) => {
											const label = `${entry.technicianId}, ${task?.title ?? entry.taskId}, ${time(entry.start)}`;
											return (
												<tr key={entry.id}>
													{canApprove && (
														<td>
															<input
																type="checkbox"
																aria-label={`Select ${label}`}
																disabled={own}
																checked={selected.has(entry.id)}
																onChange={(e) => toggle(entry.id, e.currentTarget.checked)}
															/>
														</td>
													)}
													<td>
														{entry.technicianId}
														{own && <span class="badge warn">your own</span>}
													</td>
													<td>
														<strong>{task?.title ?? entry.taskId}</strong>
														<div class="muted">
															{entry.taskId} · {task?.status ?? "?"} · {task?.checklist.length ?? 0} checklist item(s)
														</div>
														{entry.note && <div class="muted">“{entry.note}”</div>}
													</td>
													<td>
														{entry.kind}
														{!entry.billable && <span class="badge">not billable</span>} · {time(entry.start)}–{entry.end === null ? "…" : time(entry.end)}
														<div class="muted">{duration(entry.start, entry.end)}</div>
													</td>
													<td>
														{evidence.length === 0 ? (
															<span class="muted">none on this task</span>
														) : (
															<ul class="evidence">
																{evidence.map((e) => (
																	<li key={e.id}>
																		{evidenceText(e.payload)} <span class="muted">({e.status})</span>
																	</li>
																))}
															</ul>
														)}
													</td>
													{canApprove && (
														<td class="decide">
															{own ? (
																<span class="muted">Another approver decides your own time.</span>
															) : rejecting === entry.id ? (
																<form
																	onSubmit={(e) => {
																		e.preventDefault();
																		void reject(entry);
																	}}
																>
																	<ReasonField id={`reason-${entry.id}`} label="Reason (the technician sees it)" value={reason} onInput={setReason} />
																	<button type="submit" class="danger" disabled={!reason.trim()}>
																		Reject entry
																	</button>
																	<button type="button" class="quiet" onClick={() => setRejecting(null)}>
																		Cancel
																	</button>
																</form>
															) : (
																<>
																	<button type="button" onClick={() => approve(entry)}>
																		Approve<span class="sr-only"> {label}</span>
																	</button>
																	<button
																		type="button"
																		class="quiet"
																		onClick={() => {
																			setRejecting(entry.id);
																			setReason("");
																		}}
																	>
																		Reject…<span class="sr-only"> {label}</span>
																	</button>
																</>
															)}
														</td>
													)}
												</tr>
											);
										})}
									</tbody>
								</table>
							</section>
						);
					})}
				</>
			)}
		</section>
	);
}
