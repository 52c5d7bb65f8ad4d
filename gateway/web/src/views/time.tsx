/**
 * Time: a start/stop timer per task, the day's entries with the office's decision on each, and
 * submitting them for approval. Stopping a timer leaves a draft: only the Submit button sends time
 * to the office. A rejected entry shows the office's reason and can be corrected and resubmitted.
 * The billable-time rounding rule is printed under the entries, where the technician sees it.
 */
import { useEffect, useState } from "preact/hooks";
import { clock, dateTime, duration } from "../format.js";
import { perform } from "../pending.js";
import { useResource } from "../resource.js";
import type { TechnicianDay, TimeEntries, TimeEntry, TimeEntryStatus } from "../types.js";

/** Shown when the gateway does not state its rule (an older gateway); the same rule the billing service applies. */
const DEFAULT_ROUNDING = "Billable time is rounded per entry to the nearest 6 minutes (0.1 h); halves round up.";

const STATUS_TEXT: Record<TimeEntryStatus, string> = {
	running: "Running",
	draft: "Draft: not submitted",
	submitted: "Submitted: waiting for the office",
	approved: "Approved",
	rejected: "Rejected",
	invoiced: "Invoiced",
};

function useTick(): number {
	const [now, setNow] = useState(Date.now());
	useEffect(() => {
		const timer = setInterval(() => setNow(Date.now()), 1000);
		return () => clearInterval(timer);
	}, []);
	return now;
}

/** "HH:MM" for an <input type="time"> (always 24-hour in the value, whatever the display). */
function timeValue(ms: number): string {
	const at = new Date(ms);
	return `${String(at.getHours()).padStart(2, "0")}:${String(at.getMinutes()).padStart(2, "0")}`;
}

/** The same day as `day`, at "HH:MM". */
function atTime(day: number, value: string): number | undefined {
	const match = /^(\d\d?):(\d\d)$/.exec(value);
	if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return undefined;
	const at = new Date(day);
	at.setHours(Number(match[1]), Number(match[2]), 0, 0);
	return at.getTime();
}

function Correction({ entry, tech, title, onDone }: { entry: TimeEntry; tech: string; title: string; onDone: () => void }) {
	const [from, setFrom] = useState(timeValue(entry.startedAt));
	const [to, setTo] = useState(timeValue(entry.endedAt ?? entry.startedAt));
	const startedAt = atTime(entry.startedAt, from);
	const endedAt = atTime(entry.startedAt, to);
	const problem =
		startedAt === undefined || endedAt === undefined
			? "Enter both times as hh:mm, for example 08:05."
			: endedAt < startedAt
				? "The end must be after the start."
				: undefined;
	return (
		<form
			class="correction"
			aria-label={`Correct the time on ${title}`}
			onSubmit={(event) => {
				event.preventDefault();
				if (problem || startedAt === undefined || endedAt === undefined) return;
				// Unchanged minutes keep the recorded seconds: a correction moves only what the technician moved.
				const body: Record<string, unknown> = {};
				if (from !== timeValue(entry.startedAt)) body.startedAt = startedAt;
				if (entry.endedAt === null || to !== timeValue(entry.endedAt)) body.endedAt = endedAt;
				void perform({ method: "POST", path: `${tech}/time-entries/${encodeURIComponent(entry.id)}/resubmit`, body, label: `Resubmit time on ${title}` });
				onDone();
			}}
		>
			{/* Text, not type="time": the browser's time picker follows its own UI language (AM/PM), not the 24-hour clock. */}
			<label>
				From (hh:mm)
				<input
					inputMode="numeric"
					pattern="[0-2][0-9]:[0-5][0-9]"
					maxLength={5}
					value={from}
					onInput={(event) => setFrom(event.currentTarget.value.trim())}
					required
				/>
			</label>
			<label>
				To (hh:mm)
				<input
					inputMode="numeric"
					pattern="[0-2][0-9]:[0-5][0-9]"
					maxLength={5}
					value={to}
					onInput={(event) => setTo(event.currentTarget.value.trim())}
					required
				/>
			</label>
			{problem && <p class="error">{problem}</p>}
			<div class="row">
				<button type="button" onClick={onDone}>
					Cancel
				</button>
				<button type="submit" class="primary" disabled={problem !== undefined}>
					Resubmit
				</button>
			</div>
		</form>
	);
}

function EntryCard({ entry, now, tech, title }: { entry: TimeEntry; now: number; tech: string; title: string }) {
	const [correcting, setCorrecting] = useState(false);
	const length = (entry.endedAt ?? now) - entry.startedAt;
	return (
		<li class={`card entry entry-${entry.status}`} aria-label={`Time on ${title}, ${clock(entry.startedAt)}: ${STATUS_TEXT[entry.status] ?? entry.status}`}>
			<p class="entry-head">
				<strong>{title}</strong>
				<span class={`badge time-${entry.status}`} data-testid="time-status">
					{STATUS_TEXT[entry.status] ?? entry.status}
				</span>
			</p>
			<p>
				{clock(entry.startedAt)}–{entry.endedAt ? clock(entry.endedAt) : "…"} · {duration(length)}
				{typeof entry.billedHours === "number" && <span class="muted"> · billed {entry.billedHours.toFixed(1)} h</span>}
				{entry.synced === false && <span class="muted"> · waiting to reach the office</span>}
			</p>
			{entry.status === "approved" && entry.decidedAt ? (
				<p class="muted">
					Approved {dateTime(entry.decidedAt)}
					{entry.decidedBy ? ` by ${entry.decidedBy}` : ""}
				</p>
			) : null}
			{entry.status === "rejected" && (
				<div class="rejection" role="note">
					<p>
						<strong>The office rejected this entry:</strong> <span data-testid="rejection-reason">{entry.rejectionReason || "no reason given"}</span>
					</p>
					{correcting ? (
						<Correction entry={entry} tech={tech} title={title} onDone={() => setCorrecting(false)} />
					) : (
						<button type="button" class="primary" onClick={() => setCorrecting(true)} aria-label={`Correct and resubmit the time on ${title}`}>
							Correct and resubmit
						</button>
					)}
				</div>
			)}
		</li>
	);
}

export function TimeView({ technicianId }: { technicianId: string }) {
	const tech = `/api/v1/technicians/${encodeURIComponent(technicianId)}`;
	const day = useResource<TechnicianDay>(`${tech}/day`);
	const entries = useResource<TimeEntries>(`${tech}/time-entries`);
	const now = useTick();
	const list = entries.data?.timeEntries ?? [];
	const running = list.find((entry) => entry.status === "running");
	const drafts = list.filter((entry) => entry.status === "draft");
	const total = list.reduce((sum, entry) => sum + ((entry.endedAt ?? now) - entry.startedAt), 0);
	const tasks = (day.data?.entries ?? []).flatMap((entry) =>
		entry.tasks.map((task) => ({ ...task, workOrderId: entry.workOrder.id, workOrderTitle: entry.workOrder.title })),
	);
	const title = (taskId: string) => tasks.find((task) => task.id === taskId)?.title ?? taskId;
	const submitText = `Submit ${drafts.length} ${drafts.length === 1 ? "entry" : "entries"} for approval`;

	return (
		<section aria-labelledby="time-title">
			<h1 id="time-title">Time</h1>
			{running && (
				<p class="card running" role="timer" aria-live="off">
					Running on {title(running.taskId)}: <strong>{duration(now - running.startedAt)}</strong>
				</p>
			)}
			<ul class="timers">
				{tasks.map((task) => {
					const path = `/api/v1/work-orders/${encodeURIComponent(task.workOrderId)}/tasks/${encodeURIComponent(task.id)}/time-entries`;
					const isRunning = running?.taskId === task.id;
					return (
						<li key={task.id} class="card timer">
							<div>
								<strong>{task.title}</strong>
								<p class="muted">{task.workOrderTitle}</p>
							</div>
							{isRunning ? (
								<button
									type="button"
									class="stop"
									aria-label={`Stop timer on ${task.title}`}
									onClick={() => void perform({ method: "POST", path: `${path}/stop`, body: { technicianId }, label: "Stop timer" })}
								>
									Stop
								</button>
							) : (
								<button
									type="button"
									class="go"
									disabled={running !== undefined}
									aria-label={`Start timer on ${task.title}`}
									onClick={() => void perform({ method: "POST", path: `${path}/start`, body: { technicianId, kind: "work" }, label: "Start timer" })}
								>
									Start
								</button>
							)}
						</li>
					);
				})}
			</ul>
			<h2>Today's entries · {duration(total)}</h2>
			{list.length === 0 && <p class="muted">No time recorded today.</p>}
			<ul class="entries" aria-label="Time entries today">
				{list.map((entry) => (
					<EntryCard key={entry.id} entry={entry} now={now} tech={tech} title={title(entry.taskId)} />
				))}
			</ul>
			<p class="muted rounding" data-testid="rounding-rule">
				{entries.data?.rounding?.text ?? DEFAULT_ROUNDING}
			</p>
			<p class="muted">Stopped timers stay drafts on this gateway until you submit them; the office sees only submitted time.</p>
			<button
				type="button"
				class="primary"
				disabled={drafts.length === 0}
				aria-label={submitText}
				onClick={() =>
					void perform({
						method: "POST",
						path: `${tech}/time-entries/submit`,
						body: { ids: drafts.map((entry) => entry.id) },
						label: "Submit time for approval",
					})
				}
			>
				{submitText}
			</button>
		</section>
	);
}
