/**
 * A plan as the office reads it: what changes per entity, before → after, in tables with a caption
 * each (only the tables that have rows), then the webhooks that would fire and the approvals it
 * needs. Read only: nothing here changes anything.
 */
import { dateTime, money, percent } from "../format.js";
import type { Plan } from "./impact-types.js";

const SUMMARY_LABELS: Record<string, string> = {
	openWorkOrdersInScope: "Open work orders in scope",
	workOrdersAffected: "Work orders affected",
	deadlinesMoved: "Deadlines moved",
	appointmentsLate: "Appointments made late",
	lineItemsRepriced: "Line items repriced",
	marginsBelowFloor: "Margins under the floor",
	milestonesBlocked: "Milestones blocked",
	invoicesChanged: "Unreleased invoices changed",
	tasksWithNewChecklist: "Tasks with a new checklist",
};

export function summaryLabel(key: string): string {
	return SUMMARY_LABELS[key] ?? key;
}

function Table({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
	if (rows.length === 0) return null;
	return (
		<table class="plan-table">
			<caption>{caption}</caption>
			<thead>
				<tr>
					{head.map((h) => (
						<th scope="col" key={h}>
							{h}
						</th>
					))}
				</tr>
			</thead>
			<tbody>
				{rows.map((row) => (
					<tr key={row.join("|")}>
						{row.map((cell, i) => (
							<td key={i}>{cell}</td>
						))}
					</tr>
				))}
			</tbody>
		</table>
	);
}

export function PlanTables({ plan, currency }: { plan: Plan; currency: string }) {
	const moved = (before: number, after: number) => {
		const hours = Math.round((after - before) / 360_000) / 10;
		return `${dateTime(before)} → ${dateTime(after)} (${hours > 0 ? "+" : ""}${hours} h)`;
	};
	return (
		<>
			<dl class="summary">
				{Object.entries(plan.summary).map(([key, value]) => (
					<div key={key} class={value > 0 && key !== "openWorkOrdersInScope" ? "hit" : ""}>
						<dt>{summaryLabel(key)}</dt>
						<dd>{value}</dd>
					</div>
				))}
			</dl>
			<p class="muted">
				Policies: {plan.policies.map((p) => `${p.id} ${p.fromVersion === null ? "(new)" : `v${p.fromVersion}`} → v${p.toVersion}`).join("; ")}. Read hash{" "}
				<code>{plan.readHash.slice(0, 16)}…</code>
			</p>
			<Table
				caption="Work orders whose deadlines move"
				head={["Work order", "Priority", "Respond by (before → after)", "Resolve by (before → after)"]}
				rows={plan.workOrders.map((w) => [
					`${w.id} · ${w.title}`,
					w.priority,
					moved(w.before.respondBy, w.after.respondBy),
					moved(w.before.resolveBy, w.after.resolveBy),
				])}
			/>
			<Table
				caption="Appointments"
				head={["Appointment", "Work order", "Technician", "After the change"]}
				rows={plan.appointments.map((a) => [
					a.id,
					a.workOrderId,
					a.technicianId,
					`${a.becomesLate ? "becomes late" : "late already"}${a.needsRescheduling ? ", needs rescheduling" : ""}${a.after.findings.length ? `: ${a.after.findings.join("; ")}` : ""}`,
				])}
			/>
			<Table
				caption="Rate cards"
				head={["Rate card", "Before", "After"]}
				rows={plan.rateCards.map((r) => [
					r.id,
					Object.entries(r.before)
						.map(([k, v]) => `${k} ${money(v, currency)}/h`)
						.join(", "),
					Object.entries(r.after)
						.map(([k, v]) => `${k} ${money(v, currency)}/h`)
						.join(", "),
				])}
			/>
			<Table
				caption="Line items repriced"
				head={["Line item", "Work order", "Unit price (before → after)"]}
				rows={plan.lineItems.map((l) => [
					`${l.id} · ${l.description}`,
					l.workOrderId,
					`${money(l.before.unitPriceMinor, currency)} → ${money(l.after.unitPriceMinor, currency)}`,
				])}
			/>
			<Table
				caption="Margins"
				head={["Work order", "Margin (before → after)", "Floor"]}
				rows={plan.margins.map((m) => [
					m.workOrderId,
					`${percent(m.before.marginBasisPoints)} → ${percent(m.after.marginBasisPoints)}`,
					m.belowFloor ? "under the floor: needs an override" : "ok",
				])}
			/>
			<Table
				caption="Tasks whose checklist changes"
				head={["Task", "Work order", "Added", "Removed", "Changed"]}
				rows={plan.tasks.map((t) => [
					`${t.id} · ${t.title}`,
					t.workOrderId,
					t.added.map((i) => i.label).join(", ") || "–",
					t.removed.map((i) => i.label).join(", ") || "–",
					t.changed.map((c) => c.after.label).join(", ") || "–",
				])}
			/>
			<Table
				caption="Billing milestones whose readiness changes"
				head={["Milestone", "Work order", "Ready (before → after)", "Why"]}
				rows={plan.milestones.map((m) => [
					`${m.id} · ${m.name}`,
					m.workOrderId,
					`${m.before.ready ? "ready" : "not ready"} → ${m.after.ready ? "ready" : "not ready"}`,
					m.after.reasons.join("; ") || "–",
				])}
			/>
			<Table
				caption="Unreleased invoices that would change"
				head={["Milestone", "Work order", "Total (before → after)"]}
				rows={plan.invoices.map((i) => [i.milestoneId, i.workOrderId, `${money(i.before.totalMinor, currency)} → ${money(i.after.totalMinor, currency)}`])}
			/>
			<Table
				caption="Webhooks that would fire on apply (listed, not sent)"
				head={["Event", "Work orders"]}
				rows={plan.webhooks.map((h) => [h.type, h.workOrderIds.join(", ") || "–"])}
			/>
			<Table
				caption="Approvals the change needs"
				head={["Kind", "Subject", "Reason"]}
				rows={plan.approvalsRequired.map((a) => [a.kind, a.subjectId, a.reason])}
			/>
		</>
	);
}
