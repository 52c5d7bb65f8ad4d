/**
 * Milestones and their invoices, per work order: readiness with what is missing, then approve,
 * release, block, dispute or resume (each with the reason where the service keeps one), a
 * margin override when the margin floor stops a release, and a link to each invoice's trace.
 */
import { useEffect, useState } from "preact/hooks";
import { api, messageOf } from "../api.js";
import { dateTime, money } from "../format.js";
import type { Invoice, Milestone, Readiness, Session, WorkOrder } from "../types.js";
import { ReasonField } from "./reason-field.js";

interface Row {
	workOrder: WorkOrder;
	milestones: { milestone: Milestone; readiness: Readiness }[];
	invoices: Invoice[];
}

type ReasonAction = "block" | "dispute" | "margin-override";
const ACTION_LABEL: Record<ReasonAction, string> = { block: "Block", dispute: "Record dispute", "margin-override": "Approve margin override" };

export function Milestones({ session }: { session: Session }) {
	const can = (scope: string) => session.scopes.includes(scope);
	const [rows, setRows] = useState<Row[] | null>(null);
	const [status, setStatus] = useState("");
	const [problem, setProblem] = useState<string | null>(null);
	const [asking, setAsking] = useState<{ id: string; action: ReasonAction } | null>(null);
	const [reason, setReason] = useState("");

	const load = async () => {
		try {
			const { workOrders } = await api<{ workOrders: WorkOrder[] }>("GET", "/v1/work-orders?limit=1000");
			const found: Row[] = [];
			for (const workOrder of workOrders) {
				const path = `/v1/work-orders/${encodeURIComponent(workOrder.id)}`;
				const { milestones } = await api<{ milestones: Milestone[] }>("GET", `${path}/milestones?limit=1000`);
				if (milestones.length === 0) continue;
				const withReadiness = [];
				for (const milestone of milestones)
					withReadiness.push({ milestone, readiness: await api<Readiness>("GET", `/v1/milestones/${encodeURIComponent(milestone.id)}/readiness`) });
				const { invoices } = await api<{ invoices: Invoice[] }>("GET", `${path}/invoices?limit=1000`);
				found.push({ workOrder, milestones: withReadiness, invoices });
			}
			setRows(found);
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
			setAsking(null);
			setReason("");
			await load();
		} catch (error) {
			setProblem(messageOf(error));
		}
	};
	const post = (m: Milestone, verb: string, body: Record<string, unknown>, done: string) =>
		act(async () => {
			await api("POST", `/v1/milestones/${encodeURIComponent(m.id)}/${verb}`, body);
			return done;
		});

	return (
		<section aria-labelledby="milestones-title">
			<h1 id="milestones-title" tabIndex={-1}>
				Milestones and invoices
			</h1>
			<p role="status" class="status">
				{status}
			</p>
			{problem && (
				<p role="alert" class="error">
					{problem}
				</p>
			)}
			{rows === null ? (
				<p>Loading…</p>
			) : rows.length === 0 ? (
				<p class="empty">No work order has milestones yet.</p>
			) : (
				rows.map(({ workOrder, milestones, invoices }) => (
					<section class="card" key={workOrder.id} aria-labelledby={`ms-${workOrder.id}`}>
						<h2 id={`ms-${workOrder.id}`}>
							{workOrder.id} · {workOrder.title}
						</h2>
						<ul class="milestones">
							{milestones.map(({ milestone: m, readiness: r }) => {
								const open = !["released", "invoiced", "blocked", "disputed"].includes(m.status);
								const marginBlocked = r.releaseBlockers.some((b) => /margin/i.test(b.code));
								return (
									<li key={m.id} class="milestone">
										<div class="row">
											<h3>
												{m.name} <span class="muted">{m.id}</span>
											</h3>
											<span class={`badge s-${m.status}`}>{m.status}</span>
										</div>
										{r.missing.length > 0 ? (
											<>
												<p class="muted">Missing before approval:</p>
												<ul class="missing">
													{r.missing.map((reasonItem) => (
														<li key={`${reasonItem.code}-${reasonItem.id}`}>{reasonItem.message}</li>
													))}
												</ul>
											</>
										) : m.status === "approved" ? (
											<p class="ok">{r.releasable ? "Approved: ready for release." : "Approved, but the release is blocked:"}</p>
										) : open ? (
											<p class="ok">Nothing missing: ready for approval.</p>
										) : m.status === "blocked" || m.status === "disputed" ? (
											<p class="muted">Stopped ({m.status}); resume it to take it forward again.</p>
										) : (
											<p class="muted">Released{m.invoiceId ? ` as invoice ${m.invoiceId}` : ""}.</p>
										)}
										{m.status === "approved" && r.releaseBlockers.length > 0 && (
											<ul class="missing">
												{r.releaseBlockers.map((b) => (
													<li key={`${b.code}-${b.id}`}>{b.message}</li>
												))}
											</ul>
										)}
										<div class="actions">
											{can("approve") && open && m.status !== "approved" && (
												<button type="button" disabled={!r.ready} onClick={() => post(m, "approve", { version: m.version }, `Approved milestone ${m.name}.`)}>
													Approve<span class="sr-only"> {m.name}</span>
												</button>
											)}
											{can("release") && m.status === "approved" && (
												<button
													type="button"
													disabled={!r.releasable}
													onClick={() =>
														act(async () => {
															const invoice = await api<Invoice>("POST", `/v1/milestones/${encodeURIComponent(m.id)}/release`, {});
															return `Released ${m.name}: invoice ${invoice.id} for ${money(invoice.totalMinor, invoice.currency)}.`;
														})
													}
												>
													Release<span class="sr-only"> {m.name}</span>
												</button>
											)}
											{can("approve") && marginBlocked && (
												<button type="button" class="quiet" onClick={() => setAsking({ id: m.id, action: "margin-override" })}>
													Margin override…<span class="sr-only"> {m.name}</span>
												</button>
											)}
											{can("approve") && open && (
												<button type="button" class="quiet" onClick={() => setAsking({ id: m.id, action: "block" })}>
													Block…<span class="sr-only"> {m.name}</span>
												</button>
											)}
											{(can("approve") || can("release")) && (m.status === "released" || m.status === "invoiced") && (
												<button type="button" class="quiet" onClick={() => setAsking({ id: m.id, action: "dispute" })}>
													Dispute…<span class="sr-only"> {m.name}</span>
												</button>
											)}
											{can("approve") && (m.status === "blocked" || m.status === "disputed") && (
												<button type="button" onClick={() => post(m, "resume", { version: m.version }, `Resumed ${m.name}: it waits for evidence again.`)}>
													Resume<span class="sr-only"> {m.name}</span>
												</button>
											)}
										</div>
										{asking?.id === m.id && (
											<form
												class="confirm"
												onSubmit={(e) => {
													e.preventDefault();
													const body = asking.action === "margin-override" ? { reason: reason.trim() } : { reason: reason.trim(), version: m.version };
													void post(m, asking.action, body, `${ACTION_LABEL[asking.action]}: done for ${m.name}.`);
												}}
											>
												<ReasonField
													id={`why-${m.id}`}
													label={`Reason for “${ACTION_LABEL[asking.action].toLowerCase()}” (kept with the decision)`}
													value={reason}
													onInput={setReason}
												/>
												<button type="submit" class={asking.action === "margin-override" ? "" : "danger"} disabled={!reason.trim()}>
													{ACTION_LABEL[asking.action]}
												</button>
												<button type="button" class="quiet" onClick={() => setAsking(null)}>
													Cancel
												</button>
											</form>
										)}
									</li>
								);
							})}
						</ul>
						{invoices.length > 0 && (
							<>
								<h3 class="sub">Invoices</h3>
								<ul class="invoices">
									{invoices.map((invoice) => (
										<li key={invoice.id}>
											<a href={`#/invoices/${encodeURIComponent(invoice.id)}`}>
												Invoice {invoice.id} · {money(invoice.totalMinor, invoice.currency)} · {dateTime(invoice.issuedAt)}
											</a>{" "}
											<span class="muted">({invoice.lines.length} lines; open its trace)</span>
										</li>
									))}
								</ul>
							</>
						)}
					</section>
				))
			)}
		</section>
	);
}
