/** Task: safety first (it gates the start), the checklist with each item's state, live tools, evidence. */
import { useState } from "preact/hooks";
import { useDraft } from "../draft.js";
import { clockSeconds, value as formatValue, OUTCOME_TEXT, requirementText, statusText } from "../format.js";
import { readings } from "../live.js";
import { perform } from "../pending.js";
import { useResource } from "../resource.js";
import { useStore } from "../store.js";
import type { ChecklistItem, Device, EvidenceView, Reading, TaskDetail, TaskRules, TechnicianDay } from "../types.js";
import { LivePanel, rangeState } from "./live-panel.js";
import { taskHref } from "./nav.js";
import { PhotoInput } from "./photo-input.js";
import { Reasons } from "./reasons.js";

interface TaskProps {
	technicianId: string;
	workOrderId: string;
	taskId: string;
}

function NoteItem({ item, base, technicianId, disabled }: { item: ChecklistItem; base: string; technicianId: string; disabled: boolean }) {
	const [text, setText, clear] = useDraft(`${base}/${item.id}`);
	return (
		<form
			class="note"
			onSubmit={(event) => {
				event.preventDefault();
				void perform({
					method: "POST",
					path: `${base}/evidence`,
					body: { kind: "note", checklistItemId: item.id, technicianId, text },
					label: `Note on ${item.label}`,
				});
				clear();
			}}
		>
			<label for={`note-${item.id}`}>{item.label}</label>
			<textarea id={`note-${item.id}`} rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} disabled={disabled} />
			<button type="submit" disabled={disabled || text.trim() === ""}>
				Save note
			</button>
		</form>
	);
}

/**
 * Stamping a live reading on a reading item. A tap sends that one reading; its button then says
 * "Stamped" and stays off for that reading, so a second tap cannot stamp it twice. Once the item
 * holds a passing reading the card shows the stamped value, and another stamp needs a deliberate
 * "Stamp another reading" first.
 */
function ReadingStamp({
	item,
	base,
	technicianId,
	latest,
	disabled,
	records,
}: {
	item: ChecklistItem;
	base: string;
	technicianId: string;
	latest: Reading[];
	disabled: boolean;
	records: EvidenceView[];
}) {
	const [sent, setSent] = useState<Set<string>>(() => new Set());
	const [again, setAgain] = useState(false);
	const requirement = item.requirement.kind === "reading" ? item.requirement : undefined;
	const fitting = latest.filter((reading) => reading.quantity === requirement?.quantity);
	const stamped = [...records].reverse().find((record) => record.kind === "reading" && record.outcome === "pass");
	const shown = stamped?.reading;
	const summary = stamped && (
		<p class="stamped" data-testid="stamped-value">
			<span aria-hidden="true">✓ </span>
			Stamped <strong>{shown ? formatValue(shown.value, shown.unit) : "a reading"}</strong>
			{shown?.deviceId ? " from " : ""}
			{shown?.deviceId && <span class="nowrap">{shown.deviceId}</span>} at {clockSeconds(Date.parse(stamped.createdAt))}
		</p>
	);
	if (stamped && !again)
		return (
			<div class="stamps">
				{summary}
				{!disabled && (
					<button type="button" class="link" onClick={() => setAgain(true)}>
						Stamp another reading
					</button>
				)}
			</div>
		);
	if (fitting.length === 0)
		return (
			<>
				{summary}
				<p class="muted">No connected tool measures {requirement?.quantity.replace(/_/g, " ")}.</p>
			</>
		);
	return (
		<div class="stamps">
			{summary}
			{fitting.map((reading) => {
				const key = `${reading.deviceId}/${reading.bootId}/${reading.seq}`;
				const done = sent.has(key);
				return (
					<button
						type="button"
						key={reading.deviceId}
						class={`stamp range-${rangeState(reading, requirement)}`}
						disabled={disabled || done}
						aria-label={
							done
								? `Stamped ${formatValue(reading.value, reading.unit)} from ${reading.deviceId} on ${item.label}`
								: `Stamp ${formatValue(reading.value, reading.unit)} from ${reading.deviceId} on ${item.label}`
						}
						onClick={() => {
							if (sent.has(key)) return;
							setSent(new Set([...sent, key]));
							setAgain(false);
							void perform({
								method: "POST",
								path: `${base}/readings`,
								body: { technicianId, checklistItemId: item.id, deviceId: reading.deviceId, bootId: reading.bootId, seq: reading.seq },
								label: `Stamp on ${item.label}`,
							});
						}}
					>
						{done ? "Stamped" : "Stamp"} {formatValue(reading.value, reading.unit)}
					</button>
				);
			})}
		</div>
	);
}

export function TaskView({ technicianId, workOrderId, taskId }: TaskProps) {
	const base = `/api/v1/work-orders/${encodeURIComponent(workOrderId)}/tasks/${encodeURIComponent(taskId)}`;
	const task = useResource<TaskDetail>(base);
	const rules = useResource<TaskRules>(`${base}/rules`);
	const evidence = useResource<{ evidence: EvidenceView[] }>(`${base}/evidence`);
	const devices = useResource<{ devices: Device[] }>("/api/v1/devices");
	const day = useResource<TechnicianDay>(`/api/v1/technicians/${encodeURIComponent(technicianId)}/day`);
	const live = useStore(readings);
	if (!task.data) return <p class="loading">{task.error ?? "Loading the task…"}</p>;
	const detail = task.data;
	const satisfied = new Set(detail.checklistState.filter((item) => item.satisfied).map((item) => item.id));
	const safety = detail.checklist.filter((item) => item.beforeStart);
	const work = detail.checklist.filter((item) => !item.beforeStart);
	const started = detail.status === "in-progress";
	const deviceList = devices.data?.devices ?? [];
	const liveIds = [...new Set([...deviceList.filter((device) => device.connected).map((device) => device.id), ...Object.keys(live)])];
	const latest = liveIds.map((id) => live[id]?.[live[id].length - 1]).filter((reading): reading is Reading => reading !== undefined);
	const firstReadingItem = work.find((item) => item.requirement.kind === "reading");
	const autoStamp = day.data?.activeTask?.taskId === taskId;
	const records = evidence.data?.evidence ?? [];

	return (
		<section aria-labelledby="task-title">
			<p class="muted">
				<a href="#/today">Today</a> › {workOrderId}
			</p>
			<h1 id="task-title">{detail.title}</h1>
			<p>
				<span class={`badge status-${detail.status}`}>{statusText(detail.status)}</span> <span class="muted">about {detail.estimatedMinutes} min</span>
			</p>

			<h2>Safety before start</h2>
			<ul class="checklist">
				{safety.map((item) => (
					<li key={item.id} class={satisfied.has(item.id) ? "done" : "open"}>
						{satisfied.has(item.id) ? (
							<p>
								<span aria-hidden="true">✓ </span>
								{item.label} <span class="muted">acknowledged</span>
							</p>
						) : (
							<button
								type="button"
								class="ack"
								onClick={() =>
									void perform({
										method: "POST",
										path: `${base}/evidence`,
										body: { kind: "acknowledgement", checklistItemId: item.id, technicianId },
										label: `Acknowledge ${item.label}`,
									})
								}
							>
								I confirm: {item.requirement.kind === "acknowledgement" ? item.requirement.statement : item.label}
							</button>
						)}
					</li>
				))}
			</ul>
			{detail.status === "pending" && (
				<div class="start">
					<button
						type="button"
						class="primary"
						disabled={(rules.data?.canStart.length ?? 1) > 0}
						onClick={() => void perform({ method: "POST", path: `${base}/start`, body: { technicianId }, label: "Start task" })}
					>
						Start task
					</button>
					{rules.data && rules.data.canStart.length > 0 && <Reasons reasons={rules.data.canStart} label="Why the task cannot start yet" tab="Task" />}
				</div>
			)}

			<h2>Live tools</h2>
			{liveIds.length === 0 && <p class="muted">No tool connected. Plug one in or switch it on.</p>}
			<div class="live-grid">
				{liveIds.map((id) => (
					<LivePanel
						key={id}
						deviceId={id}
						device={deviceList.find((device) => device.id === id)}
						points={live[id] ?? []}
						requirement={firstReadingItem?.requirement.kind === "reading" ? firstReadingItem.requirement : undefined}
					/>
				))}
			</div>
			<label class="toggle">
				<input
					type="checkbox"
					checked={autoStamp}
					disabled={!started}
					onChange={(event) =>
						void perform(
							event.currentTarget.checked
								? {
										method: "PUT",
										path: `/api/v1/technicians/${encodeURIComponent(technicianId)}/active-task`,
										body: { workOrderId, taskId, deviceIds: liveIds },
										label: "Turn on auto-stamp",
									}
								: { method: "DELETE", path: `/api/v1/technicians/${encodeURIComponent(technicianId)}/active-task`, label: "Turn off auto-stamp" },
						)
					}
				/>
				Stamp matching readings automatically
			</label>

			<h2>Checklist</h2>
			{detail.status === "pending" && <p class="muted">Start the task to record evidence.</p>}
			{detail.status === "completed" && <p class="muted">The task is completed; its evidence is below.</p>}
			<ul class="checklist">
				{work.map((item) => {
					const attempts = records.filter((record) => record.checklistItemId === item.id);
					const failed = attempts.filter((record) => record.outcome.startsWith("fail"));
					return (
						<li
							key={item.id}
							class={`item ${satisfied.has(item.id) ? "done" : "open"}`}
							aria-label={`${item.label}: ${satisfied.has(item.id) ? "done" : "open"}`}
						>
							<p class="item-head">
								<span class="state" aria-hidden="true">
									{satisfied.has(item.id) ? "✓" : "○"}
								</span>
								<strong>{item.label}</strong>
								{item.required ? "" : <span class="muted"> (optional)</span>}
							</p>
							<p class="muted">{requirementText(item.requirement)}</p>
							{failed.length > 0 && (
								<p class="flag">
									{failed.length} failed: {[...new Set(failed.map((record) => OUTCOME_TEXT[record.outcome]))].join(", ")}
								</p>
							)}
							{item.requirement.kind === "reading" && (
								<ReadingStamp item={item} base={base} technicianId={technicianId} latest={latest} disabled={!started} records={attempts} />
							)}
							{item.requirement.kind === "note" && <NoteItem item={item} base={base} technicianId={technicianId} disabled={!started} />}
							{item.requirement.kind === "photo" && <PhotoInput item={item} base={base} technicianId={technicianId} disabled={!started} />}
							{item.requirement.kind === "signature" && (
								<a class="button" href={taskHref("signoff", workOrderId, taskId)}>
									Go to sign-off
								</a>
							)}
						</li>
					);
				})}
			</ul>

			<h2>Evidence</h2>
			<EvidenceList records={records} checklist={detail.checklist} />
		</section>
	);
}

export function EvidenceList({ records, checklist }: { records: EvidenceView[]; checklist: ChecklistItem[] }) {
	if (records.length === 0) return <p class="muted">No evidence yet.</p>;
	const label = (id: string) => checklist.find((item) => item.id === id)?.label ?? id;
	return (
		<ol class="evidence" aria-label="Evidence records">
			{records.slice(-30).map((record) => (
				<li key={record.id} class={`outcome-${record.outcome}`}>
					<span class="badge">{OUTCOME_TEXT[record.outcome] ?? record.outcome}</span> {record.kind} · {label(record.checklistItemId)}
					<span class="muted">
						{" "}
						#{record.chainSeq} · {clockSeconds(Date.parse(record.createdAt))} · {record.sealed ? "sealed" : "unsealed"} · {record.status} ·{" "}
						{record.contentHash.slice(0, 10)}…
					</span>
				</li>
			))}
		</ol>
	);
}
