/**
 * Technicians as rows, the day's hours or the week's days as columns, visits as bars, dependency
 * lines between chained visits. Dragging a bar (pointer) to another row or time asks for a move
 * preview where it is dropped; the keyboard path is the move form (select a bar with Enter).
 * Invariant: a drop lands where the pointer is — the lane under it says the technician, the
 * position on the lane says the time (snapped to 15 minutes), the grab point is kept.
 */
import { useRef, useState } from "preact/hooks";
import type { Board, BoardAppointment, ScheduledWorkOrder } from "../types.js";
import { Bar, MOVABLE, SLA_MARK, STATUS_MARK } from "./board-bar.js";
import { DependencyLines } from "./board-links.js";
import { addDays, dayHours, fraction, HOUR, type Span, snap, startOfDay } from "./board-time.js";

interface Props {
	board: Board;
	orders: Map<string, ScheduledWorkOrder>;
	span: Span;
	selected: string | null;
	canDispatch: boolean;
	picked: Set<string>;
	onPick(technicianId: string, on: boolean): void;
	onSelect(appointmentId: string | null): void;
	onDrop(appointmentId: string, technicianId: string, start: number): void;
}

interface Drag {
	visit: BoardAppointment;
	x: number;
	y: number;
	dx: number;
	dy: number;
	/** From the visit's start to the grabbed point, so the bar lands as it was held. */
	grabMs: number;
	moved: boolean;
}

const percent = (value: number) => `${(value * 100).toFixed(3)}%`;

export function BoardGrid(props: Props) {
	const { board, orders, span } = props;
	const gridRef = useRef<HTMLDivElement>(null);
	const [drag, setDrag] = useState<Drag | null>(null);
	const suppressClick = useRef(false);
	const visits = board.technicians.flatMap((row) => row.appointments);
	const hours = dayHours(board.from, visits);
	const laneFrom = board.from + hours.first * HOUR;
	const laneTo = board.from + hours.last * HOUR;
	const onBoard = new Map(visits.map((visit) => [visit.workOrderId, visit]));
	const waitsFor = (visit: BoardAppointment) => (orders.get(visit.workOrderId)?.dependencies ?? []).map((d) => d.predecessorId);
	const links = visits.flatMap((visit) =>
		waitsFor(visit).flatMap((predecessor) => {
			const before = onBoard.get(predecessor);
			return before ? [{ from: before.id, to: visit.id }] : [];
		}),
	);

	const startDrag = (visit: BoardAppointment) => (event: PointerEvent) => {
		if (!props.canDispatch || !MOVABLE.has(visit.status) || event.button !== 0) return;
		const lane = (event.currentTarget as HTMLElement).closest<HTMLElement>("[data-lane]");
		let grabMs = 0;
		if (lane && span === "day") {
			const rect = lane.getBoundingClientRect();
			grabMs = laneFrom + ((event.clientX - rect.left) / rect.width) * (laneTo - laneFrom) - visit.window.start;
		}
		const state: Drag = { visit, x: event.clientX, y: event.clientY, dx: 0, dy: 0, grabMs, moved: false };
		const move = (e: PointerEvent) => {
			state.dx = e.clientX - state.x;
			state.dy = e.clientY - state.y;
			if (!state.moved && Math.hypot(state.dx, state.dy) < 5) return;
			state.moved = true;
			setDrag({ ...state });
		};
		const up = (e: PointerEvent) => {
			removeEventListener("pointermove", move);
			removeEventListener("pointerup", up);
			removeEventListener("pointercancel", cancel);
			setDrag(null);
			if (!state.moved) return;
			suppressClick.current = true;
			setTimeout(() => {
				suppressClick.current = false;
			}, 0);
			const target = document.elementFromPoint(e.clientX, e.clientY)?.closest<HTMLElement>("[data-lane]");
			if (!target) return;
			const technicianId = target.dataset.technician!;
			let start: number;
			if (target.dataset.day) {
				// A week cell: the same time of day, on the day dropped on.
				start = Number(target.dataset.day) + (visit.window.start - startOfDay(visit.window.start));
			} else {
				const rect = target.getBoundingClientRect();
				start = snap(laneFrom + ((e.clientX - rect.left) / rect.width) * (laneTo - laneFrom) - state.grabMs);
			}
			if (technicianId === visit.technicianId && start === visit.window.start) return;
			props.onDrop(visit.id, technicianId, start);
		};
		const cancel = () => {
			removeEventListener("pointermove", move);
			removeEventListener("pointerup", up);
			removeEventListener("pointercancel", cancel);
			setDrag(null);
		};
		addEventListener("pointermove", move);
		addEventListener("pointerup", up);
		addEventListener("pointercancel", cancel);
	};

	const nameOf = new Map(board.technicians.map((row) => [row.technicianId, row.name]));
	const bar = (visit: BoardAppointment, style?: Record<string, string>) => (
		<Bar
			key={visit.id}
			visit={visit}
			order={orders.get(visit.workOrderId)}
			waitsFor={waitsFor(visit)}
			technicianName={nameOf.get(visit.technicianId) ?? visit.technicianId}
			selected={props.selected === visit.id}
			dragging={drag?.visit.id === visit.id ? { dx: drag.dx, dy: drag.dy } : null}
			compact={span === "week"}
			style={style}
			onPointerDown={startDrag(visit)}
			onActivate={() => {
				if (suppressClick.current) return;
				props.onSelect(props.selected === visit.id ? null : visit.id);
			}}
		/>
	);

	const days = Array.from({ length: 7 }, (_, i) => addDays(board.from, i));
	const hourMarks = Array.from({ length: hours.last - hours.first + 1 }, (_, i) => hours.first + i);
	const dayName = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric" });
	return (
		<div class="board-main">
			<div class={`board-grid ${span}${drag ? " is-dragging" : ""}`} ref={gridRef}>
				<div class="board-row board-head" aria-hidden="true">
					<div class="board-name">Technician</div>
					{span === "day" ? (
						<div class="lane scale">
							{hourMarks.map((hour) => (
								<span key={hour} class="hour" style={{ left: percent(fraction(board.from + hour * HOUR, laneFrom, laneTo)) }}>
									{String(hour % 24).padStart(2, "0")}
								</span>
							))}
						</div>
					) : (
						<div class="week-lane scale">
							{days.map((day) => (
								<span key={day} class="week-day">
									{dayName.format(day)}
								</span>
							))}
						</div>
					)}
				</div>
				{board.technicians.map((row) => (
					<div key={row.technicianId} class="board-row">
						<div class="board-name">
							<span class="tech-name">
								{row.name} <span class="muted">({row.appointments.length})</span>
							</span>
							{props.canDispatch && (
								<label class="pick">
									<input
										type="checkbox"
										checked={props.picked.has(row.technicianId)}
										onChange={(event) => props.onPick(row.technicianId, (event.target as HTMLInputElement).checked)}
									/>{" "}
									Optimise<span class="sr-only"> {row.name}</span>
								</label>
							)}
						</div>
						{span === "day" ? (
							<div class="lane" data-lane="" data-technician={row.technicianId}>
								{hourMarks.map((hour) => (
									<span key={hour} class="gridline" aria-hidden="true" style={{ left: percent(fraction(board.from + hour * HOUR, laneFrom, laneTo)) }} />
								))}
								{row.appointments.length === 0 && <span class="lane-empty">No visits</span>}
								{row.appointments.map((visit) => {
									const left = fraction(visit.window.start, laneFrom, laneTo);
									const width = Math.max(fraction(visit.window.end, laneFrom, laneTo) - left, 0.02);
									return bar(visit, { left: percent(left), width: percent(width) });
								})}
							</div>
						) : (
							<div class="week-lane">
								{days.map((day) => (
									<div key={day} class="week-cell" data-lane="" data-technician={row.technicianId} data-day={String(day)}>
										<span class="sr-only">{dayName.format(day)}:</span>
										{row.appointments.filter((visit) => visit.window.start >= day && visit.window.start < addDays(day, 1)).map((visit) => bar(visit))}
									</div>
								))}
							</div>
						)}
					</div>
				))}
				<DependencyLines container={gridRef} links={links} redraw={`${span}|${board.from}|${JSON.stringify(board.technicians)}`} />
			</div>
			<Legend />
		</div>
	);
}

function Legend() {
	return (
		<ul class="board-legend" aria-label="Legend">
			{(["scheduled", "dispatched", "en-route", "on-site", "completed"] as const).map((status) => (
				<li key={status}>
					<span class={`swatch s-${status}`} aria-hidden="true">
						{STATUS_MARK[status]}
					</span>{" "}
					{status === "en-route" ? "en route" : status === "on-site" ? "on site" : status === "completed" ? "done" : status}
				</li>
			))}
			<li>
				<span class="sla-mark risk" aria-hidden="true">
					{SLA_MARK.risk} SLA
				</span>{" "}
				SLA at risk (ends within 2 h of resolve-by)
			</li>
			<li>
				<span class="sla-mark breach" aria-hidden="true">
					{SLA_MARK.breach} SLA
				</span>{" "}
				SLA breached
			</li>
			<li>
				<span class="link-swatch" aria-hidden="true" /> waits for (dependency)
			</li>
		</ul>
	);
}
