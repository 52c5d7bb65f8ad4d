/**
 * The keyboard way to move a visit: the selected bar's technician, date and start time as form
 * fields (its length is kept), and a reason the technician will read. "Preview move" asks the
 * service what the move would do; nothing moves until the preview is applied.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { time } from "../format.js";
import type { Board, BoardAppointment, ScheduledWorkOrder } from "../types.js";
import { dateInput, fromInputs, statusText, timeInput } from "./board-time.js";

export interface MoveRequest {
	appointmentId: string;
	/** "WO-1 to Ben Volt at 13:30", for the status line once applied. */
	label: string;
	body: { version: number; technicianId: string; window: { start: number; end: number }; reason: string };
}

interface Props {
	visit: BoardAppointment;
	order: ScheduledWorkOrder | undefined;
	technicians: Board["technicians"];
	initial: { technicianId: string; start: number };
	busy: boolean;
	onPreview(request: MoveRequest): void;
	onCancel(): void;
}

export function MoveForm({ visit, order, technicians, initial, busy, onPreview, onCancel }: Props) {
	const [technicianId, setTechnicianId] = useState(initial.technicianId);
	const [date, setDate] = useState(dateInput(initial.start));
	const [start, setStart] = useState(timeInput(initial.start));
	const [reason, setReason] = useState("Rescheduled by dispatch");
	const [problem, setProblem] = useState<string | null>(null);
	const first = useRef<HTMLSelectElement>(null);
	useEffect(() => first.current?.focus(), []);
	const title = `Move ${visit.workOrderId}${order ? ` ${order.title}` : ""}`;

	const submit = (event: Event) => {
		event.preventDefault();
		const at = fromInputs(date, start);
		if (at === null) return setProblem("Give a date and a start time (hh:mm).");
		if (!reason.trim()) return setProblem("Give a reason: the technician sees it with the new time.");
		setProblem(null);
		const name = technicians.find((row) => row.technicianId === technicianId)?.name ?? technicianId;
		onPreview({
			appointmentId: visit.id,
			label: `${visit.workOrderId} to ${name} at ${start}`,
			body: { version: visit.version, technicianId, window: { start: at, end: at + (visit.window.end - visit.window.start) }, reason: reason.trim() },
		});
	};

	return (
		<form class="card move-form" aria-labelledby="move-title" onSubmit={submit}>
			<h2 id="move-title">{title}</h2>
			<p class="muted">
				Now {technicians.find((row) => row.technicianId === visit.technicianId)?.name ?? visit.technicianId}, {time(visit.window.start)}–
				{time(visit.window.end)}, {statusText(visit.status)}. The visit keeps its length; visits that wait for it follow.
			</p>
			<div class="move-fields">
				<label>
					Technician
					<select ref={first} value={technicianId} onChange={(event) => setTechnicianId((event.target as HTMLSelectElement).value)}>
						{technicians.map((row) => (
							<option key={row.technicianId} value={row.technicianId}>
								{row.name}
							</option>
						))}
					</select>
				</label>
				<label>
					Date
					<input type="date" value={date} required onInput={(event) => setDate((event.target as HTMLInputElement).value)} />
				</label>
				<label>
					Start time
					<input type="time" step={900} value={start} required onInput={(event) => setStart((event.target as HTMLInputElement).value)} />
				</label>
				<label class="wide">
					Reason (the technician sees it)
					<input type="text" maxLength={500} value={reason} required onInput={(event) => setReason((event.target as HTMLInputElement).value)} />
				</label>
			</div>
			{problem && (
				<p role="alert" class="error">
					{problem}
				</p>
			)}
			<button type="submit" disabled={busy}>
				Preview move
			</button>
			<button type="button" class="quiet" onClick={onCancel}>
				Cancel
			</button>
		</form>
	);
}
