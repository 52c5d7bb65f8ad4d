/**
 * The rollout readiness pack as one self-contained HTML page (inline CSS, inline SVG chart): the
 * summary, affected customers and sites, before/after SLA targets, the cost-range chart, the
 * checklist diff, the work orders, the approvals required and recorded, and the plan's read hash.
 * Long lists stop at LIST_LIMIT rows and say how many more there are; the JSON plan has them all.
 * The pack stays small enough to print quickly at 10,000 orders: tasks with the same checklist diff
 * share one row, and a milestone row names the reasons the change adds, not every reason it had.
 */
import type { ChecklistItem } from "../../../model/entities/task.js";
import type { Policy, SlaPolicy } from "../../../model/policies/types.js";
import type { ImpactPreview, PackApproval } from "../plan-types.js";
import { costRangeChartSvg } from "./chart.js";

export const LIST_LIMIT = 300;
/** Task ids named in a checklist-diff row and reasons named per milestone before "… and N more". */
const IDS_PER_ROW = 12;
const REASONS_PER_ROW = 2;

const esc = (value: unknown): string =>
	String(value).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
const money = (minor: number) => (minor / 100).toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const hours = (minutes: number) => `${Math.round((minutes / 60) * 10) / 10} h`;

function table(head: string[], rows: string[][], total = rows.length): string {
	const more = total > rows.length ? `<p class="more">… and ${total - rows.length} more (see the JSON plan).</p>` : "";
	if (total === 0) return `<p class="none">None.</p>`;
	return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows
		.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`)
		.join("")}</tbody></table>${more}`;
}

function more(total: number, shown: number): string {
	return total > shown ? `, … and ${total - shown} more` : "";
}

/** The reasons a milestone is not ready that the change adds, and how many it had already. */
function newReasons(before: readonly string[], after: readonly string[]): string {
	const had = new Set(before);
	const added = after.filter((r) => !had.has(r));
	const kept = after.length - added.length;
	const listed = added.slice(0, REASONS_PER_ROW).map(esc).join("; ") || "—";
	const also = kept > 0 ? ` (and ${kept} reason${kept === 1 ? "" : "s"} it had before)` : "";
	return `${listed}${added.length > REASONS_PER_ROW ? `; … and ${added.length - REASONS_PER_ROW} more` : ""}${also}`;
}

function item(i: ChecklistItem): string {
	const r = i.requirement;
	const what = r.kind === "reading" ? `reading ${r.quantity} in ${r.unit} [${r.min ?? "…"}, ${r.max ?? "…"}]` : r.kind;
	return `${esc(i.id)}: ${esc(i.label)} (${esc(what)}${i.required ? ", required" : ""}${i.beforeStart ? ", before start" : ""})`;
}

function slaTable(before: Policy | null, after: Policy): string {
	if (after.kind !== "sla-policy") return "";
	const was = before as SlaPolicy | null;
	const rows = after.targets.map((t) => {
		const old = was?.targets.find((x) => x.priority === t.priority);
		return [esc(t.priority), old ? hours(old.respondMinutes) : "—", hours(t.respondMinutes), old ? hours(old.resolveMinutes) : "—", hours(t.resolveMinutes)];
	});
	const hoursNote = after.businessHours.length ? `business hours (${after.businessHours.length} weekly windows, UTC)` : "around the clock";
	return `<h3>${esc(after.name)} (${esc(after.id)}) v${was?.version ?? "—"} → v${after.version}, ${esc(hoursNote)}</h3>${table(
		["Priority", "Respond before", "Respond after", "Resolve before", "Resolve after"],
		rows,
	)}`;
}

export function packHtml(preview: ImpactPreview, approvals: readonly PackApproval[], keyId: string): string {
	const p = preview.plan;
	const s = p.summary;
	const chart = p.costRanges ? costRangeChartSvg([{ name: p.name ?? preview.id, ranges: p.costRanges }]) : "<p>No cost ranges.</p>";
	const cr = p.costRanges;
	const rangesTable = cr
		? table(
				["Measure", "min", "p10", "p50", "p90", "max"],
				(
					[
						["Labour cost", cr.labourCostMinor],
						["Revenue", cr.revenueMinor],
						["Margin impact", cr.marginImpactMinor],
					] as const
				).map(([label, r]) => [label, money(r.min), money(r.p10), money(r.p50), money(r.p90), money(r.max)]),
			)
		: "";
	const wo = p.workOrders
		.slice(0, LIST_LIMIT)
		.map((w) => [
			esc(w.id),
			esc(w.customerId),
			esc(w.siteId),
			esc(w.priority),
			iso(w.before.resolveBy),
			iso(w.after.resolveBy),
			`${Math.round(w.resolveMovedMs / 3_600_000)} h`,
		]);
	const diffs = new Map<string, { cells: string[]; tasks: string[] }>();
	for (const t of p.tasks) {
		const cells = [
			t.added.map(item).join("<br>") || "—",
			t.removed.map(item).join("<br>") || "—",
			t.changed.map((c) => `${item(c.before)} → ${item(c.after)}`).join("<br>") || "—",
		];
		const key = cells.join("\u0000");
		const row = diffs.get(key) ?? { cells, tasks: [] };
		row.tasks.push(t.id);
		diffs.set(key, row);
	}
	const tasks = [...diffs.values()]
		.slice(0, LIST_LIMIT)
		.map(({ cells, tasks: ids }) => [...cells, `${ids.length}: ${ids.slice(0, IDS_PER_ROW).map(esc).join(", ")}${more(ids.length, IDS_PER_ROW)}`]);
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rollout readiness pack ${esc(preview.id)}</title>
<style>
body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:11px;color:#1a1a1a;margin:0}
h1{font-size:20px;margin:0 0 4px}h2{font-size:14px;border-bottom:2px solid #2b5797;padding-bottom:2px;margin-top:18px}h3{font-size:12px}
table{border-collapse:collapse;width:100%;margin:4px 0;font-size:8.5px;line-height:1.15}th,td{border:1px solid #bbb;padding:1px 3px;text-align:left;vertical-align:top}th{background:#e8eef7}
.kpi{display:inline-block;border:1px solid #2b5797;border-radius:4px;padding:4px 8px;margin:2px;min-width:110px}.kpi b{display:block;font-size:16px}
.hash{font-family:monospace;word-break:break-all}.more,.none{color:#555;font-style:italic}.warn{color:#a40000;font-weight:bold}
</style></head><body>
<h1>Rollout readiness pack</h1>
<p>${esc(p.name ?? "Change set")} · preview <b>${esc(preview.id)}</b> · made ${iso(preview.createdAt)} by ${esc(preview.createdBy)} · effective ${iso(p.effectiveAt)}${
		preview.applied ? ` · <b>applied</b> ${iso(preview.applied.at)} by ${esc(preview.applied.by)}` : " · not applied"
	}</p>
<h2>Summary</h2>
<div>${(
		[
			["Open work orders in scope", s.openWorkOrdersInScope],
			["Work orders affected", s.workOrdersAffected],
			["Deadlines moved", s.deadlinesMoved],
			["Appointments becoming late", s.appointmentsLate],
			["Line items repriced", s.lineItemsRepriced],
			["Margins under the floor", s.marginsBelowFloor],
			["Milestones blocked", s.milestonesBlocked],
			["Unreleased invoices changed", s.invoicesChanged],
			["Tasks with a new checklist", s.tasksWithNewChecklist],
		] as const
	)
		.map(([label, n]) => `<span class="kpi">${esc(label)}<b>${n}</b></span>`)
		.join("")}</div>
<p>Policies: ${p.policies.map((x) => `${esc(x.kind)} ${esc(x.id)} v${x.fromVersion ?? "—"} → v${x.toVersion}`).join("; ")}</p>
<h2>Affected customers and sites</h2>
${table(
	["Customer", "Sites"],
	p.customers.slice(0, LIST_LIMIT).map((c) => [esc(c.name), c.sites.map((x) => `${esc(x.name)} (${esc(x.city)})`).join(", ")]),
	p.customers.length,
)}
<h2>SLA before and after</h2>
${p.policyVersions.map((v, i) => slaTable(p.previousPolicyVersions[i], v)).join("") || '<p class="none">No SLA change.</p>'}
<h2>Cost ranges</h2>
<div class="chart">${chart}</div>
${rangesTable}
${cr ? `<p>${cr.samples} draws, seed ${cr.seed}, over ${cr.tasks} remaining tasks; ${cr.historicalDurations} recorded durations and ${cr.historicalPartUsages} part usages.</p>` : ""}
<h2>Checklist diff</h2>
${table(["Added", "Removed", "Changed", "Tasks"], tasks, diffs.size)}
<h2>Work orders whose deadlines move</h2>
${table(["Work order", "Customer", "Site", "Priority", "Resolve by (before)", "Resolve by (after)", "Moved"], wo, p.workOrders.length)}
<h2>Appointments that become late</h2>
${table(
	["Appointment", "Work order", "Technician", "Window", "Finding"],
	p.appointments
		.filter((a) => a.becomesLate)
		.slice(0, LIST_LIMIT)
		.map((a) => [esc(a.id), esc(a.workOrderId), esc(a.technicianId), `${iso(a.window.start)} – ${iso(a.window.end)}`, esc(a.after.findings.join("; "))]),
	p.appointments.filter((a) => a.becomesLate).length,
)}
<h2>Milestones and invoices</h2>
${table(
	["Milestone", "Work order", "Ready before", "Ready after", "Why not ready, new with the change"],
	p.milestones
		.slice(0, LIST_LIMIT)
		.map((m) => [
			esc(m.id),
			esc(m.workOrderId),
			m.before.ready ? "yes" : "no",
			m.after.ready ? "yes" : '<span class="warn">no</span>',
			newReasons(m.before.reasons, m.after.reasons),
		]),
	p.milestones.length,
)}
${table(
	["Milestone", "Work order", "Invoice before", "Invoice after"],
	p.invoices.slice(0, LIST_LIMIT).map((i) => [esc(i.milestoneId), esc(i.workOrderId), money(i.before.totalMinor), money(i.after.totalMinor)]),
	p.invoices.length,
)}
<h2>Approvals required</h2>
${table(
	["Kind", "Subject", "Why"],
	p.approvalsRequired.slice(0, LIST_LIMIT).map((a) => [esc(a.kind), esc(a.subjectId), esc(a.reason)]),
	p.approvalsRequired.length,
)}
<h3>Pack approvals recorded</h3>
${table(
	["Role", "Decision", "By", "At", "Note"],
	approvals.map((a) => [esc(a.role), esc(a.decision), esc(a.by), iso(a.at), esc(a.note)]),
)}
<h2>Integrity</h2>
<p>Read hash (SHA-256 of the change set and every entity and policy version the plan read):<br><span class="hash">${esc(p.readHash)}</span></p>
<p>This file is signed with the service's pack key <b>${esc(keyId)}</b> (Ed25519, detached signature). Check it with
<code>fieldchain cloud impact verify FILE --signature FILE.sig.json --key KEY.pem</code> or <code>POST /v1/impact/packs/verify</code>.</p>
</body></html>
`;
}
