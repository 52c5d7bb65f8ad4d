/** Time: a start/stop timer per task, the day's entries, and submitting them for approval. */
import { useEffect, useState } from "preact/hooks";
import { clock, duration } from "../format.js";
import { perform } from "../pending.js";
import { useResource } from "../resource.js";
import type { TechnicianDay, TimeEntry } from "../types.js";

function useTick(): number {
	const [now, setNow] = useState(Date.now());
	useEffect(() => {
		const timer = setInterval(() => setNow(Date.now()), 1000);
		return () => clearInterval(timer);
	}, []);
	return now;
}

export function TimeView({ technicianId }: { technicianId: string }) {
	const tech = `/api/v1/technicians/${encodeURIComponent(technicianId)}`;
	const day = useResource<TechnicianDay>(`${tech}/day`);
	const entries = useResource<{ timeEntries: TimeEntry[] }>(`${tech}/time-entries`);
	const now = useTick();
	const list = entries.data?.timeEntries ?? [];
	const running = list.find((entry) => entry.status === "running");
	const drafts = list.filter((entry) => entry.status === "draft");
	const total = list.reduce((sum, entry) => sum + ((entry.endedAt ?? now) - entry.startedAt), 0);
	const tasks = (day.data?.entries ?? []).flatMap((entry) =>
		entry.tasks.map((task) => ({ ...task, workOrderId: entry.workOrder.id, workOrderTitle: entry.workOrder.title })),
	);
	const title = (taskId: string) => tasks.find((task) => task.id === taskId)?.title ?? taskId;

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
			<table class="entries">
				<caption class="sr-only">Time entries today</caption>
				<thead>
					<tr>
						<th scope="col">Task</th>
						<th scope="col">From–to</th>
						<th scope="col">Length</th>
						<th scope="col">State</th>
					</tr>
				</thead>
				<tbody>
					{list.map((entry) => (
						<tr key={entry.id}>
							<td>{title(entry.taskId)}</td>
							<td>
								{clock(entry.startedAt)}–{entry.endedAt ? clock(entry.endedAt) : "…"}
							</td>
							<td>{duration((entry.endedAt ?? now) - entry.startedAt)}</td>
							<td>{entry.status}</td>
						</tr>
					))}
				</tbody>
			</table>
			<button
				type="button"
				class="primary"
				disabled={drafts.length === 0}
				onClick={() => void perform({ method: "POST", path: `${tech}/time-entries/submit`, body: {}, label: "Submit time for approval" })}
			>
				Submit {drafts.length || ""} {drafts.length === 1 ? "entry" : "entries"} for approval
			</button>
		</section>
	);
}
