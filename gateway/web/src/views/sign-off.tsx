/** Sign-off: what was done with the evidence behind it, the customer's signature, then the milestone state. */
import { useState } from "preact/hooks";
import { useDraft } from "../draft.js";
import { duration, OUTCOME_TEXT } from "../format.js";
import { perform } from "../pending.js";
import { useResource } from "../resource.js";
import type { EvidenceView, MilestoneState, TaskDetail, TaskRules } from "../types.js";
import { taskHref } from "./nav.js";
import { SignaturePad } from "./signature-pad.js";

interface Props {
	technicianId: string;
	workOrderId: string;
	taskId: string;
}

function Milestones({ milestones }: { milestones: MilestoneState[] }) {
	if (milestones.length === 0) return <p class="muted">This work order has no billing milestone.</p>;
	return (
		<ul class="milestones">
			{milestones.map((milestone) => (
				<li key={milestone.id} class={`card milestone ${milestone.readyForApproval ? "ready" : "missing"}`} aria-label={`Milestone ${milestone.name}`}>
					<h3>{milestone.name}</h3>
					<p class="milestone-state" data-testid="milestone-state">
						{milestone.readyForApproval
							? "Ready for approval"
							: `Not ready: ${milestone.missing.length} thing${milestone.missing.length === 1 ? "" : "s"} missing`}
					</p>
					{milestone.missing.length > 0 && (
						<ul class="reasons" aria-label="Still missing">
							{milestone.missing.map((reason) => (
								<li key={reason.message}>{reason.message}</li>
							))}
						</ul>
					)}
					{milestone.awaitingApproval.length > 0 && (
						<p class="muted">
							{milestone.awaitingApproval.length} submitted time entr{milestone.awaitingApproval.length === 1 ? "y waits" : "ies wait"} for approval in billing.
						</p>
					)}
				</li>
			))}
		</ul>
	);
}

export function SignOffView({ technicianId, workOrderId, taskId }: Props) {
	const base = `/api/v1/work-orders/${encodeURIComponent(workOrderId)}/tasks/${encodeURIComponent(taskId)}`;
	const task = useResource<TaskDetail>(base);
	const rules = useResource<TaskRules>(`${base}/rules`);
	const evidence = useResource<{ evidence: EvidenceView[] }>(`${base}/evidence`);
	const time = useResource<{ timeEntries: Array<{ id: string; startedAt: number; endedAt: number | null }> }>(`${base}/time-entries`);
	const milestones = useResource<{ milestones: MilestoneState[] }>(`/api/v1/work-orders/${encodeURIComponent(workOrderId)}/milestones`);
	const [name, setName, clearName] = useDraft(`signoff/${workOrderId}/${taskId}/name`);
	const [signature, setSignature] = useState<string | undefined>();
	const [clearSignal, setClearSignal] = useState(0);
	if (!task.data) return <p class="loading">{task.error ?? "Loading…"}</p>;
	const detail = task.data;
	const records = evidence.data?.evidence ?? [];
	const satisfied = new Set(detail.checklistState.filter((item) => item.satisfied).map((item) => item.id));
	const signatureItem = detail.checklist.find((item) => item.requirement.kind === "signature" && item.requirement.signerRole === "customer");
	const signed = signatureItem && satisfied.has(signatureItem.id);
	const worked = (time.data?.timeEntries ?? []).reduce((sum, entry) => sum + ((entry.endedAt ?? Date.now()) - entry.startedAt), 0);

	return (
		<section aria-labelledby="signoff-title">
			<p class="muted">
				<a href={taskHref("task", workOrderId, taskId)}>Back to the task</a>
			</p>
			<h1 id="signoff-title">Sign-off: {detail.title}</h1>
			<h2>What was done</h2>
			<ul class="summary">
				{detail.checklist.map((item) => {
					const behind = records.filter((record) => record.checklistItemId === item.id);
					const good = behind.filter((record) => record.outcome === "pass" || record.outcome === "recorded");
					const shown = good[0] ?? behind[behind.length - 1];
					return (
						<li key={item.id} class={satisfied.has(item.id) ? "done" : "open"}>
							<span aria-hidden="true">{satisfied.has(item.id) ? "✓ " : "○ "}</span>
							{item.label}
							{shown ? (
								<span class="muted">
									{" "}
									— {OUTCOME_TEXT[shown.outcome]} {shown.kind} #{shown.chainSeq}, {shown.status}, {shown.contentHash.slice(0, 8)}…
									{behind.length > 1 ? ` (${behind.length} records)` : ""}
								</span>
							) : (
								<span class="muted"> — no evidence{item.required ? "" : " (optional)"}</span>
							)}
						</li>
					);
				})}
				<li>Time on this task: {duration(worked)}</li>
			</ul>

			{signatureItem && (
				<div class="card">
					<h2>Customer signature</h2>
					{signed ? (
						<p class="done">✓ Signed by the customer.</p>
					) : (
						<form
							onSubmit={(event) => {
								event.preventDefault();
								if (!signature) return;
								void perform({
									method: "POST",
									path: `${base}/evidence`,
									body: {
										kind: "signature",
										checklistItemId: signatureItem.id,
										technicianId,
										signerRole: "customer",
										text: name.trim(),
										dataBase64: signature,
										mediaType: "image/png",
									},
									label: "Customer signature",
								});
								clearName();
								setClearSignal((n) => n + 1);
							}}
						>
							<label for="customer-name">Customer name</label>
							<input id="customer-name" autoComplete="name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
							<p id="sign-hint" class="muted">
								Sign in the box below.
							</p>
							<SignaturePad label="Customer signature pad: draw the signature here" onChange={setSignature} clearSignal={clearSignal} />
							<div class="row">
								<button type="button" onClick={() => setClearSignal((n) => n + 1)}>
									Clear
								</button>
								<button type="submit" class="primary" disabled={!signature || name.trim() === ""}>
									Save signature
								</button>
							</div>
						</form>
					)}
				</div>
			)}

			{detail.status === "in-progress" && (
				<div class="complete">
					<button
						type="button"
						class="primary"
						disabled={(rules.data?.canComplete.length ?? 1) > 0}
						onClick={() => void perform({ method: "POST", path: `${base}/complete`, body: { technicianId }, label: "Complete task" })}
					>
						Complete task
					</button>
					{rules.data && rules.data.canComplete.length > 0 && (
						<ul class="reasons" aria-label="Why the task cannot be completed yet">
							{rules.data.canComplete.map((reason) => (
								<li key={reason.message}>{reason.message}</li>
							))}
						</ul>
					)}
				</div>
			)}

			<h2>Milestone</h2>
			{milestones.data ? <Milestones milestones={milestones.data.milestones} /> : <p class="loading">{milestones.error ?? "Loading…"}</p>}
		</section>
	);
}
