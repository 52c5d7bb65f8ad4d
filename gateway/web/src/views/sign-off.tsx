/**
 * Sign-off: what was done with the evidence behind it; the work order's deliverables, which the
 * customer's signature signs off (signer name required, shown after saving with the image); then
 * the milestone as the office last decided it (approved, released, invoiced with its number).
 */
import { useState } from "preact/hooks";
import { count, humanReasons } from "../../../work/human-messages.js";
import { useDraft } from "../draft.js";
import { dateTime, duration, value as formatValue, OUTCOME_TEXT, statusText } from "../format.js";
import { perform } from "../pending.js";
import { useResource } from "../resource.js";
import type { Deliverable, EvidenceView, MilestoneState, TaskDetail, TaskRules } from "../types.js";
import { taskHref } from "./nav.js";
import { Reasons } from "./reasons.js";
import { SignaturePad } from "./signature-pad.js";

interface Props {
	technicianId: string;
	workOrderId: string;
	taskId: string;
}

const STAGE_TEXT: Record<NonNullable<MilestoneState["stage"]>, string> = {
	"in-progress": "Not ready",
	"awaiting-time-approval": "Waiting for the office to approve your time",
	"ready-for-approval": "Ready for approval",
	approved: "Approved by the office",
	released: "Released for invoicing",
	invoiced: "Invoiced",
};

/** The stage from an older gateway's fields: the office's decision first, then the field's readiness. */
function stageOf(milestone: MilestoneState): NonNullable<MilestoneState["stage"]> {
	if (milestone.stage) return milestone.stage;
	if (milestone.status === "approved" || milestone.status === "released" || milestone.status === "invoiced") return milestone.status;
	if (milestone.missing.length > 0) return "in-progress";
	return milestone.awaitingApproval.length > 0 ? "awaiting-time-approval" : "ready-for-approval";
}

function money(minor: number, currency: string): string {
	try {
		return new Intl.NumberFormat(navigator.languages?.length ? [...navigator.languages] : undefined, { style: "currency", currency }).format(minor / 100);
	} catch {
		return `${(minor / 100).toFixed(2)} ${currency}`;
	}
}

function Milestones({ milestones }: { milestones: MilestoneState[] }) {
	if (milestones.length === 0) return <p class="muted">This work order has no billing milestone.</p>;
	return (
		<ul class="milestones">
			{milestones.map((milestone) => {
				const stage = stageOf(milestone);
				const office = stage === "approved" || stage === "released" || stage === "invoiced";
				return (
					<li key={milestone.id} class={`card milestone stage-${stage}`} aria-label={`Milestone ${milestone.name}`}>
						<h3>{milestone.name}</h3>
						<p class="milestone-state" data-testid="milestone-state">
							{stage === "in-progress" ? `Not ready: ${count(humanReasons(milestone.missing).length, "thing")} missing` : STAGE_TEXT[stage]}
						</p>
						{milestone.invoice && (
							<p class="invoice" data-testid="invoice">
								Invoice <strong class="invoice-number">{milestone.invoice.number}</strong> · {money(milestone.invoice.totalMinor, milestone.invoice.currency)} ·
								issued {dateTime(milestone.invoice.issuedAt)}
							</p>
						)}
						{!office && <Reasons reasons={milestone.missing} label="Still missing" tab="Sign-off" />}
						{!office && milestone.awaitingApproval.length > 0 && (
							<p class="muted">
								{milestone.awaitingApproval.length} submitted time entr{milestone.awaitingApproval.length === 1 ? "y waits" : "ies wait"} for the office to
								approve {milestone.awaitingApproval.length === 1 ? "it" : "them"}.
							</p>
						)}
					</li>
				);
			})}
		</ul>
	);
}

/** The customer's saved signature: the signer's name, when, and the image the gateway stored. */
function SavedSignature({ workOrderId, evidenceId, name, at }: { workOrderId: string; evidenceId: string | null; name: string | null; at: number | null }) {
	const [broken, setBroken] = useState(false);
	return (
		<figure class="saved-signature">
			<figcaption class="done">
				✓ Signed by <strong data-testid="signer-name">{name || "the customer"}</strong>
				{at ? ` · ${dateTime(at)}` : ""}
			</figcaption>
			{evidenceId && !broken && (
				<img
					src={`/api/v1/work-orders/${encodeURIComponent(workOrderId)}/evidence/${encodeURIComponent(evidenceId)}/attachment`}
					alt={`Signature of ${name || "the customer"}`}
					class="signature-image"
					onError={() => setBroken(true)}
				/>
			)}
		</figure>
	);
}

export function SignOffView({ technicianId, workOrderId, taskId }: Props) {
	const order = `/api/v1/work-orders/${encodeURIComponent(workOrderId)}`;
	const base = `${order}/tasks/${encodeURIComponent(taskId)}`;
	const task = useResource<TaskDetail>(base);
	const rules = useResource<TaskRules>(`${base}/rules`);
	const evidence = useResource<{ evidence: EvidenceView[] }>(`${base}/evidence`);
	const time = useResource<{ timeEntries: Array<{ id: string; startedAt: number; endedAt: number | null }> }>(`${base}/time-entries`);
	const milestones = useResource<{ milestones: MilestoneState[] }>(`${order}/milestones`);
	const deliverables = useResource<{ deliverables: Deliverable[] }>(`${order}/deliverables`);
	const [name, setName, clearName] = useDraft(`signoff/${workOrderId}/${taskId}/name`);
	const [signature, setSignature] = useState<string | undefined>();
	const [clearSignal, setClearSignal] = useState(0);
	if (!task.data) return <p class="loading">{task.error ?? "Loading…"}</p>;
	const detail = task.data;
	const records = evidence.data?.evidence ?? [];
	const satisfied = new Set(detail.checklistState.filter((item) => item.satisfied).map((item) => item.id));
	const signatureItem = detail.checklist.find((item) => item.requirement.kind === "signature" && item.requirement.signerRole === "customer");
	const worked = (time.data?.timeEntries ?? []).reduce((sum, entry) => sum + ((entry.endedAt ?? Date.now()) - entry.startedAt), 0);
	// The work order's deliverables are what the customer signs off; a gateway without them (or an
	// order with none) falls back to the task's signature item.
	const toSign = deliverables.data?.deliverables ?? [];
	const open = toSign.filter((deliverable) => deliverable.status !== "signed-off");
	const signedDeliverables = toSign.filter((deliverable) => deliverable.status === "signed-off");
	const itemSignature = signatureItem
		? [...records].reverse().find((record) => record.checklistItemId === signatureItem.id && record.kind === "signature")
		: undefined;
	const needsSignature = toSign.length > 0 ? open.length > 0 : signatureItem !== undefined && !satisfied.has(signatureItem.id);

	const save = (event: Event) => {
		event.preventDefault();
		const signerName = name.trim();
		if (!signature || !signerName) return;
		if (open.length > 0) {
			// One signature signs off each open deliverable; the first also satisfies the task's signature item.
			open.forEach(
				(deliverable, index) =>
					void perform({
						method: "POST",
						path: `${order}/deliverables/${encodeURIComponent(deliverable.id)}/sign-off`,
						body: {
							technicianId,
							signerName,
							dataBase64: signature,
							mediaType: "image/png",
							...(index === 0 && signatureItem && !satisfied.has(signatureItem.id) ? { taskId, checklistItemId: signatureItem.id } : {}),
						},
						label: `Customer sign-off of ${deliverable.title}`,
					}),
			);
		} else if (signatureItem) {
			void perform({
				method: "POST",
				path: `${base}/evidence`,
				body: {
					kind: "signature",
					checklistItemId: signatureItem.id,
					technicianId,
					signerRole: "customer",
					text: signerName,
					dataBase64: signature,
					mediaType: "image/png",
				},
				label: "Customer signature",
			});
		}
		clearName();
		setClearSignal((n) => n + 1);
	};

	return (
		<section aria-labelledby="signoff-title">
			<p class="muted">
				<a href={taskHref("task", workOrderId, taskId)}>Back to the task</a>
			</p>
			<h1 id="signoff-title">Sign-off: {detail.title}</h1>
			<p>
				<span class={`badge status-${detail.status}`}>{statusText(detail.status)}</span>
			</p>
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
							{shown?.reading && <strong> {formatValue(shown.reading.value, shown.reading.unit)}</strong>}
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

			{(toSign.length > 0 || signatureItem) && (
				<section class="card sign-off" aria-labelledby="customer-sign-off">
					<h2 id="customer-sign-off">Customer sign-off</h2>
					{toSign.length > 0 && (
						<>
							<p>The customer's signature signs off:</p>
							<ul class="deliverables" aria-label="Deliverables">
								{toSign.map((deliverable) => (
									<li key={deliverable.id} class={deliverable.status === "signed-off" ? "done" : "open"} data-testid="deliverable">
										<span aria-hidden="true">{deliverable.status === "signed-off" ? "✓ " : "○ "}</span>
										<strong>{deliverable.title}</strong> <span class="muted">{DELIVERABLE_TEXT[deliverable.status] ?? deliverable.status}</span>
									</li>
								))}
							</ul>
						</>
					)}
					{signedDeliverables
						.filter((deliverable, index, all) => all.findIndex((other) => other.signatureEvidenceId === deliverable.signatureEvidenceId) === index)
						.map((deliverable) => (
							<SavedSignature
								key={deliverable.id}
								workOrderId={workOrderId}
								evidenceId={deliverable.signatureEvidenceId}
								name={deliverable.signerName}
								at={deliverable.signedOffAt}
							/>
						))}
					{toSign.length === 0 && itemSignature && signatureItem && satisfied.has(signatureItem.id) && (
						<SavedSignature
							workOrderId={workOrderId}
							evidenceId={itemSignature.id}
							name={itemSignature.text ?? null}
							at={Date.parse(itemSignature.createdAt)}
						/>
					)}
					{needsSignature && (
						<form onSubmit={save}>
							<label for="customer-name">Customer name</label>
							<input id="customer-name" autoComplete="name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
							<p id="sign-hint" class="muted">
								Sign in the box below.
							</p>
							<SignaturePad label="Customer signature pad: draw the signature here" onChange={setSignature} clearSignal={clearSignal} />
							{name.trim() === "" && signature && <p class="error">Enter the customer's name: a signature is saved with the signer's name.</p>}
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
				</section>
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
					{rules.data && <Reasons reasons={rules.data.canComplete} label="Why the task cannot be completed yet" tab="Sign-off" />}
				</div>
			)}

			<h2>Milestone</h2>
			{milestones.data ? <Milestones milestones={milestones.data.milestones} /> : <p class="loading">{milestones.error ?? "Loading…"}</p>}
		</section>
	);
}

const DELIVERABLE_TEXT: Record<string, string> = {
	pending: "waiting for the customer's signature",
	delivered: "waiting for the customer's signature",
	"signed-off": "signed off",
	refused: "refused by the customer",
};
