/**
 * Today: the technician's visits in time order, with SLA clocks, the place of each in its chain,
 * and the visit's status controls (dispatched → en route → on site → complete). Arriving on site
 * starts the work order under the model's rules; a step the gateway refuses says why, in words.
 */
import { useEffect, useState } from "preact/hooks";
import { clock, slaText, statusText } from "../format.js";
import { gatewayNow } from "../gateway-now.js";
import { perform } from "../pending.js";
import { useResource } from "../resource.js";
import type { AppointmentAction, AppointmentStep, DayEntry, TechnicianDay } from "../types.js";
import { taskHref } from "./nav.js";
import { Reasons } from "./reasons.js";

const STEPS: Array<{ status: string; label: string }> = [
	{ status: "scheduled", label: "Scheduled" },
	{ status: "dispatched", label: "Dispatched" },
	{ status: "en-route", label: "En route" },
	{ status: "on-site", label: "On site" },
	{ status: "completed", label: "Complete" },
];

/** What the button says for each next step. */
const ACTION_TEXT: Record<AppointmentStep, string> = {
	dispatched: "Accept visit",
	"en-route": "On my way",
	"on-site": "Arrived on site",
	completed: "Visit complete",
};

export function appointmentLabel(status: string): string {
	return status === "cancelled" ? "Cancelled" : (STEPS.find((step) => step.status === status)?.label ?? status);
}

/** The next step of the appointment machine, for a gateway that does not list actions. */
function fallbackActions(status: string): AppointmentAction[] {
	const index = STEPS.findIndex((step) => step.status === status);
	const next = index >= 0 ? STEPS[index + 1] : undefined;
	return next ? [{ status: next.status as AppointmentStep, allowed: true, reasons: [] }] : [];
}

function VisitControls({ entry, technicianId }: { entry: DayEntry; technicianId: string }) {
	const status = entry.appointment.status;
	const current = STEPS.findIndex((step) => step.status === status);
	const actions = entry.actions ?? fallbackActions(status);
	return (
		<div class="visit-status">
			<ol class="steps" aria-label={`Visit status: ${appointmentLabel(status)}`}>
				{STEPS.map((step, index) => (
					<li
						key={step.status}
						class={index < current ? "step-done" : index === current ? "step-now" : "step-next"}
						aria-current={index === current ? "step" : undefined}
					>
						{step.label}
					</li>
				))}
			</ol>
			{actions.map((action) => (
				<div key={action.status} class="visit-action">
					<button
						type="button"
						class={action.status === "completed" ? "go" : "primary"}
						disabled={!action.allowed}
						aria-label={`${ACTION_TEXT[action.status]}: ${entry.workOrder.title}`}
						onClick={() =>
							void perform({
								method: "POST",
								path: `/api/v1/appointments/${encodeURIComponent(entry.appointment.id)}/status`,
								body: { technicianId, status: action.status },
								label: `${ACTION_TEXT[action.status]} (${entry.workOrder.id})`,
							})
						}
					>
						{ACTION_TEXT[action.status]}
					</button>
					<Reasons reasons={action.reasons} label={`Why “${ACTION_TEXT[action.status]}” is not possible yet`} tab="Today" />
				</div>
			))}
		</div>
	);
}

function useNow(everyMs: number): number {
	// The gateway's time on the monotonic clock: a jump of the tablet's clock does not move SLA clocks.
	const [now, setNow] = useState(gatewayNow.now());
	useEffect(() => {
		const timer = setInterval(() => setNow(gatewayNow.now()), everyMs);
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
					Waits on {link.id} ({statusText(link.status).toLowerCase()}, {link.kind})
				</li>
			))}
			{chain.blocks.map((link) => (
				<li key={link.id}>
					{link.id} waits on this ({statusText(link.status).toLowerCase()})
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
					<li
						key={entry.appointment.id}
						class={`card visit priority-${entry.workOrder.priority}`}
						aria-label={`Visit ${entry.workOrder.id}: ${entry.workOrder.title}`}
					>
						<p class="when">
							{clock(entry.appointment.window.start)}–{clock(entry.appointment.window.end)} ·{" "}
							<span class={`badge appt-${entry.appointment.status}`} data-testid="appointment-status">
								{appointmentLabel(entry.appointment.status)}
							</span>
						</p>
						<MovedNote appointment={entry.appointment} technicianId={technicianId} />
						<h2>{entry.workOrder.title}</h2>
						<p class="muted">
							{entry.workOrder.id} · {entry.workOrder.customerName} · {entry.workOrder.siteName}
						</p>
						<p class="slas">
							<span class={`badge status-${entry.workOrder.status}`}>{statusText(entry.workOrder.status)}</span>
							{entry.workOrder.priority !== "normal" && <span class="badge priority">{entry.workOrder.priority}</span>}
							{entry.workOrder.startedAt === null ? (
								<Sla label="Respond" deadline={entry.workOrder.sla.respondBy} now={now} />
							) : (
								<span class="sla">Responded {clock(entry.workOrder.startedAt)}</span>
							)}
							{entry.workOrder.status === "completed" ? (
								<span class="sla">Resolved{entry.workOrder.completedAt ? ` ${clock(entry.workOrder.completedAt)}` : ""}</span>
							) : (
								<Sla label="Resolve" deadline={entry.workOrder.sla.resolveBy} now={now} />
							)}
						</p>
						<Chain chain={entry.chain} />
						<ul class="tasks">
							{entry.tasks.map((task) => (
								<li key={task.id}>
									<a class="button" href={taskHref("task", entry.workOrder.id, task.id)} aria-label={`Open task ${task.title} (${task.status})`}>
										<span>{task.title}</span>
										<span class="muted">
											{statusText(task.status)}
											{activeTask?.taskId === task.id ? " · auto-stamp on" : ""}
										</span>
									</a>
								</li>
							))}
						</ul>
						<VisitControls entry={entry} technicianId={technicianId} />
					</li>
				))}
			</ol>
		</section>
	);
}

/** "Moved from 10:00 to 13:30 — predecessor WO-1 finished late": what dispatch changed and why. */
function MovedNote({ appointment, technicianId }: { appointment: DayEntry["appointment"]; technicianId: string }) {
	const move = appointment.lastMove;
	if (!move) return null;
	const from =
		move.previousTechnicianId === technicianId ? clock(move.previousWindow.start) : `${move.previousTechnicianId} at ${clock(move.previousWindow.start)}`;
	return (
		<p class="moved" role="note" data-testid="appointment-moved">
			Moved from {from} to {clock(appointment.window.start)} — {move.reason}
		</p>
	);
}
