/**
 * The Impact view: compose a change set of a policy, preview its plan (nothing changes), compare it
 * with an alternative set aside, download the signed readiness pack, record the customer's or
 * compliance's decision on it, and apply. The service decides everything: a plan that went stale
 * since it was made is refused (409) and said so in words, with a way to preview it again.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ApiError, api, messageOf } from "../api.js";
import { dateTime, money } from "../format.js";
import type { Session } from "../types.js";
import { CostRangeChart } from "./impact-chart.js";
import { ComposeFields, changeSetOf, type Draft, draftFor } from "./impact-compose.js";
import { PlanTables, summaryLabel } from "./impact-plan.js";
import type { ApprovalRole, ChangeSet, ComparisonEntry, PackApproval, Policy, Preview } from "./impact-types.js";

export function Impact({ session }: { session: Session }) {
	const canPlan = ["approve", "admin"].some((s) => session.scopes.includes(s));
	const canApprove = session.scopes.includes("approve");
	const [policies, setPolicies] = useState<Policy[] | null>(null);
	const [draft, setDraft] = useState<Draft>(draftFor(undefined));
	const [preview, setPreview] = useState<Preview | null>(null);
	const [approvals, setApprovals] = useState<PackApproval[]>([]);
	const [alternative, setAlternative] = useState<ChangeSet | null>(null);
	const [comparison, setComparison] = useState<ComparisonEntry[] | null>(null);
	// What the last action said, shown beside the controls it came from (the composer or the plan), where the user is.
	const [feedback, setFeedback] = useState<{ where: Where; status: string; problem: string | null }>({ where: "compose", status: "", problem: null });
	const setStatus = (status: string, where: Where = "compose") => setFeedback({ where, status, problem: null });
	const setProblem = (problem: string, where: Where = "compose") => setFeedback({ where, status: "", problem });
	const [stale, setStale] = useState(false);
	const [busy, setBusy] = useState(false);
	const [decision, setDecision] = useState<{ role: ApprovalRole; decision: "approved" | "rejected"; note: string }>({
		role: "customer",
		decision: "approved",
		note: "",
	});

	const loadPolicies = async () => {
		try {
			setPolicies((await api<{ policies: Policy[] }>("GET", "/v1/policies?limit=1000")).policies);
		} catch (error) {
			setProblem(messageOf(error));
		}
	};
	useEffect(() => {
		void loadPolicies();
	}, []);

	const policy = policies?.find((p) => p.id === draft.policyId);
	const changeSet = changeSetOf(draft, policy);
	const currency = (policy?.kind === "price-list" && policy.currency) || preview?.plan.costRanges?.currency || "EUR";

	const run = async (where: Where, work: () => Promise<string>) => {
		setBusy(true);
		setFeedback({ where, status: "", problem: null });
		try {
			setStatus(await work(), where);
		} catch (error) {
			setProblem(messageOf(error), where);
			return error;
		} finally {
			setBusy(false);
		}
	};

	const makePreview = (set: ChangeSet, where: Where = "compose") =>
		run(where, async () => {
			const made = await api<Preview>("POST", "/v1/impact/previews", set);
			setPreview(made);
			setApprovals([]);
			setStale(false);
			return `Plan ${made.id} ready: nothing has changed yet. Review it, then apply.`;
		});

	const compare = () =>
		run("compose", async () => {
			if (!alternative || typeof changeSet === "string") return "";
			const { entries } = await api<{ entries: ComparisonEntry[] }>("POST", "/v1/impact/comparisons", { changeSets: [alternative, changeSet] });
			setComparison(entries);
			return `Compared “${entries[0].name}” with “${entries[1].name}”.`;
		});

	const recordDecision = (id: string) =>
		run("plan", async () => {
			const answer = await api<{ approvals: PackApproval[] }>("POST", `/v1/impact/previews/${encodeURIComponent(id)}/approvals`, decision);
			setApprovals(answer.approvals);
			setDecision({ ...decision, note: "" });
			return `Recorded the ${decision.role} decision: ${decision.decision}.`;
		});

	const apply = async (id: string) => {
		const error = await run("plan", async () => {
			const applied = await api<Preview>("POST", `/v1/impact/previews/${encodeURIComponent(id)}/apply`);
			setPreview(applied);
			await loadPolicies();
			return `Applied ${applied.id}: the new policy versions are stored and the open work carries them.`;
		});
		if (error instanceof ApiError && error.code === "FC_IMPACT_PLAN_STALE") {
			setStale(true);
			setProblem(`Not applied: this plan is stale. ${error.message} ${error.hint ?? ""}`.trim(), "plan");
		} else if (error instanceof ApiError && error.code === "FC_IMPACT_APPROVAL_REQUIRED") {
			setProblem(`Not applied: a pack approval is missing. ${error.message}`, "plan");
		}
	};

	if (!canPlan)
		return (
			<section aria-labelledby="impact-title">
				<h1 id="impact-title" tabIndex={-1}>
					Impact previews
				</h1>
				<p class="empty">Previewing policy changes needs the approver or admin role.</p>
			</section>
		);

	const pack = preview && `/v1/impact/previews/${encodeURIComponent(preview.id)}/pack`;
	return (
		<section aria-labelledby="impact-title" class="impact">
			<h1 id="impact-title" tabIndex={-1}>
				Impact previews
			</h1>
			<p class="muted">
				Plan before apply: a preview changes nothing; applying a plan that is still fresh stores the new policy version and re-stamps the work.
			</p>
			<form
				class="card compose"
				aria-labelledby="compose-title"
				onSubmit={(e) => {
					e.preventDefault();
					if (typeof changeSet !== "string") void makePreview(changeSet);
				}}
			>
				<h2 id="compose-title">Compose a change set</h2>
				{policies === null ? (
					<p>Loading policies…</p>
				) : policies.length === 0 ? (
					<p class="empty">No policies yet: create one with POST /v1/policies.</p>
				) : (
					<ComposeFields policies={policies} draft={draft} onDraft={setDraft} />
				)}
				{typeof changeSet === "string" && policies && policies.length > 0 && <p class="muted">{changeSet}</p>}
				<div class="actions">
					<button type="submit" disabled={busy || typeof changeSet === "string"}>
						Preview the plan
					</button>
					<button
						type="button"
						class="quiet"
						disabled={typeof changeSet === "string"}
						onClick={() => {
							if (typeof changeSet === "string") return;
							setAlternative(changeSet);
							setComparison(null);
							setStatus(`Set aside “${changeSet.name}” as alternative A: change the form, then compare.`);
						}}
					>
						Set aside as alternative A
					</button>
					<button type="button" class="quiet" disabled={busy || !alternative || typeof changeSet === "string"} onClick={compare}>
						Compare with alternative A
					</button>
				</div>
				{alternative && <p class="muted">Alternative A: {alternative.name}</p>}
				<Feedback {...feedback} here="compose" />
			</form>

			{comparison && <Comparison entries={comparison} />}

			{preview && (
				<section class="card" aria-labelledby="plan-title">
					<h2 id="plan-title">
						Plan: {preview.plan.name ?? preview.id} <span class="muted">{preview.id}</span>
					</h2>
					<p class="muted">
						Made {dateTime(preview.createdAt)} by {preview.createdBy}; takes effect {dateTime(preview.plan.effectiveAt)}.
						{preview.applied && (
							<strong>
								{" "}
								Applied {dateTime(preview.applied.at)} by {preview.applied.by}.
							</strong>
						)}
					</p>
					<PlanTables plan={preview.plan} currency={currency} />
					{preview.plan.costRanges && (
						<>
							<h3 class="sub">Cost ranges</h3>
							<CostRangeChart ranges={preview.plan.costRanges} title={`Cost ranges of ${preview.plan.name ?? preview.id}`} />
						</>
					)}
					<h3 class="sub">Readiness pack</h3>
					<p>
						<a href={pack ?? ""} target="_blank" rel="noopener">
							Readiness pack (HTML)
						</a>{" "}
						·{" "}
						<a href={`${pack}?format=pdf`} download={`impact-${preview.id}.pdf`}>
							Readiness pack (PDF)
						</a>{" "}
						<span class="muted">signed by the service; its signature is in the Fieldchain-Pack-Signature header.</span>
					</p>
					<h3 class="sub">Pack approvals</h3>
					{(preview.changeSet.requireApprovals ?? []).length > 0 && (
						<p class="muted">Required before apply: {preview.changeSet.requireApprovals.join(" and ")}.</p>
					)}
					{approvals.length > 0 && (
						<ul class="approvals">
							{approvals.map((a) => (
								<li key={`${a.at}-${a.role}-${a.decision}`}>
									{a.role}: {a.decision} by {a.by}, {dateTime(a.at)}
									{a.note && ` (“${a.note}”)`}
								</li>
							))}
						</ul>
					)}
					{canApprove && !preview.applied && (
						<form
							class="decision"
							onSubmit={(e) => {
								e.preventDefault();
								void recordDecision(preview.id);
							}}
						>
							<div class="row-fields">
								<div class="field">
									<label for="approval-role">On behalf of</label>
									<select id="approval-role" value={decision.role} onChange={(e) => setDecision({ ...decision, role: e.currentTarget.value as ApprovalRole })}>
										<option value="customer">the customer</option>
										<option value="compliance">compliance</option>
									</select>
								</div>
								<div class="field">
									<label for="approval-decision">Decision</label>
									<select
										id="approval-decision"
										value={decision.decision}
										onChange={(e) => setDecision({ ...decision, decision: e.currentTarget.value as "approved" | "rejected" })}
									>
										<option value="approved">approved</option>
										<option value="rejected">rejected</option>
									</select>
								</div>
								<div class="field wide">
									<label for="approval-note">Note (kept with the decision)</label>
									<input id="approval-note" value={decision.note} maxLength={2000} onInput={(e) => setDecision({ ...decision, note: e.currentTarget.value })} />
								</div>
							</div>
							<button type="submit" class="quiet" disabled={busy}>
								Record decision
							</button>
						</form>
					)}
					<Feedback {...feedback} here="plan">
						{stale && (
							<button type="button" onClick={() => makePreview(preview.changeSet, "plan")} disabled={busy}>
								Preview the same change again
							</button>
						)}
					</Feedback>
					<div class="actions">
						{!preview.applied && (
							<button type="button" onClick={() => apply(preview.id)} disabled={busy}>
								Apply this plan
							</button>
						)}
					</div>
				</section>
			)}
		</section>
	);
}

type Where = "compose" | "plan";

/** A status line and, on a refusal, an alert: in place beside the controls whose action they report. */
function Feedback({
	where,
	here,
	status,
	problem,
	children,
}: {
	where: Where;
	here: Where;
	status: string;
	problem: string | null;
	children?: ComponentChildren;
}) {
	const mine = where === here;
	return (
		<>
			<p role="status" class="status">
				{mine ? status : ""}
			</p>
			{mine && problem && (
				<div role="alert" class="error">
					<p>{problem}</p>
					{children}
				</div>
			)}
		</>
	);
}

function Comparison({ entries }: { entries: ComparisonEntry[] }) {
	const keys = Object.keys(entries[0]?.summary ?? {});
	const p50 = (e: ComparisonEntry, k: "labourCostMinor" | "revenueMinor" | "marginImpactMinor") =>
		"currency" in e.costRanges
			? `${money(e.costRanges[k].p50, e.costRanges.currency)} (p10 ${money(e.costRanges[k].p10, e.costRanges.currency)}, p90 ${money(e.costRanges[k].p90, e.costRanges.currency)})`
			: "–";
	return (
		<section class="card" aria-labelledby="compare-title">
			<h2 id="compare-title">Alternatives side by side</h2>
			<table class="compare">
				<caption class="sr-only">Each alternative's plan summary and cost ranges, planned on the same data and seed</caption>
				<thead>
					<tr>
						<th scope="col">Figure</th>
						{entries.map((e, i) => (
							<th scope="col" key={e.readHash}>
								{String.fromCharCode(65 + i)}: {e.name}
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{keys.map((k) => (
						<tr key={k}>
							<th scope="row">{summaryLabel(k)}</th>
							{entries.map((e) => (
								<td key={e.readHash}>{e.summary[k]}</td>
							))}
						</tr>
					))}
					{(
						[
							["labourCostMinor", "Labour cost p50"],
							["revenueMinor", "Revenue p50"],
							["marginImpactMinor", "Margin impact p50"],
						] as const
					).map(([k, label]) => (
						<tr key={k}>
							<th scope="row">{label}</th>
							{entries.map((e) => (
								<td key={e.readHash}>{p50(e, k)}</td>
							))}
						</tr>
					))}
				</tbody>
			</table>
		</section>
	);
}
