/** Today: the technician's visits in time order, with SLA clocks and the place of each in its chain. */
import { useEffect, useState } from "preact/hooks";
import { clock, slaText } from "../format.js";
import { useResource } from "../resource.js";
import type { DayEntry, TechnicianDay } from "../types.js";
import { taskHref } from "./nav.js";

function useNow(everyMs: number): number {
	const [now, setNow] = useState(Date.now());
	useEffect(() => {
		const timer = setInterval(() => setNow(Date.now()), everyMs);
		return () => clearInterval(timer);
	}, [everyMs]);
	return now;
}

function Sla({ label, deadline, now }: { label: string; deadline: number; now: number }) {
	const sla = slaText(deadline, now);
	return (
		<span class={`sla ${sla.overdue ? "sla-overdue" : sla.soon ? "sla-soon" : ""}`}>
			{label} {sla.text}
		</span>
	);
}

function Chain({ chain }: { chain: DayEntry["chain"] }) {
	if (chain.length <= 1 && chain.waitingOn.length === 0 && chain.blocks.length === 0) return null;
	return (
		<ul class="chain" aria-label="Chain position">
			<li>
				Visit {chain.position} of {chain.length}
				{chain.parent && ` · follows ${chain.parent.id}`}
			</li>
			{chain.waitingOn.map((link) => (
				<li key={link.id} class="waits">
					Waits on {link.id} ({link.status}, {link.kind})
				</li>
			))}
			{chain.blocks.map((link) => (
				<li key={link.id}>
					{link.id} waits on this ({link.status})
				</li>
			))}
		</ul>
	);
}

export function TodayView({ technicianId }: { technicianId: string }) {
	const day = useResource<TechnicianDay>(`/api/v1/technicians/${encodeURIComponent(technicianId)}/day`);
	const now = useNow(30_000);
	if (!day.data) return <p class="loading">{day.error ?? "Loading today…"}</p>;
	const { entries, activeTask, name } = day.data;
	return (
		<section aria-labelledby="today-title">
			<h1 id="today-title">Today{name ? `, ${name}` : ""}</h1>
			{entries.length === 0 && <p>No visits planned for today.</p>}
			<ol class="day">
				{entries.map((entry) => (
					<li key={entry.appointment.id} class={`card visit priority-${entry.workOrder.priority}`}>
						<p class="when">
							{clock(entry.appointment.window.start)}–{clock(entry.appointment.window.end)} · {entry.appointment.status}
						</p>
						<h2>{entry.workOrder.title}</h2>
						<p class="muted">
							{entry.workOrder.id} · {entry.workOrder.customerName} · {entry.workOrder.siteName}
						</p>
						<p class="slas">
							<span class={`badge status-${entry.workOrder.status}`}>{entry.workOrder.status}</span>
							{entry.workOrder.priority !== "normal" && <span class="badge priority">{entry.workOrder.priority}</span>}
							{entry.workOrder.startedAt === null ? (
								<Sla label="Respond" deadline={entry.workOrder.sla.respondBy} now={now} />
							) : (
								<span class="sla">Responded {clock(entry.workOrder.startedAt)}</span>
							)}
							<Sla label="Resolve" deadline={entry.workOrder.sla.resolveBy} now={now} />
						</p>
						<Chain chain={entry.chain} />
						<ul class="tasks">
							{entry.tasks.map((task) => (
								<li key={task.id}>
									<a class="button" href={taskHref("task", entry.workOrder.id, task.id)} aria-label={`Open task ${task.title} (${task.status})`}>
										<span>{task.title}</span>
										<span class="muted">
											{task.status}
											{activeTask?.taskId === task.id ? " · auto-stamp on" : ""}
										</span>
									</a>
								</li>
							))}
						</ul>
					</li>
				))}
			</ol>
		</section>
	);
}
