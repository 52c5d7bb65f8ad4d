/**
 * One visit on the board: a button coloured by status, with its status as a shape and its SLA risk
 * as a marker and words (never colour alone). Enter or a click selects it for the move form; a
 * pointer drag moves it (board-grid.tsx decides where it lands).
 */
import { time } from "../format.js";
import type { BoardAppointment, ScheduledWorkOrder } from "../types.js";
import { SLA_TEXT, slaRisk, statusText } from "./board-time.js";

/** A shape per status, so the bar says its status without colour (the legend explains them). */
export const STATUS_MARK: Record<BoardAppointment["status"], string> = {
	scheduled: "○",
	dispatched: "●",
	"en-route": "▶",
	"on-site": "◆",
	completed: "✓",
	cancelled: "✕",
};
export const SLA_MARK = { breach: "✕", risk: "!" } as const;

export const MOVABLE = new Set<BoardAppointment["status"]>(["scheduled", "dispatched"]);

/** Everything the bar says, in words: its title for the pointer, and (in pieces) its accessible name. */
function details(visit: BoardAppointment, waitsFor: string[]): string[] {
	return [
		statusText(visit.status),
		...(waitsFor.length ? [`after ${waitsFor.join(", ")}`] : []),
		...(visit.lastMove ? [`moved: ${visit.lastMove.reason}`] : []),
	];
}

interface Props {
	visit: BoardAppointment;
	order: ScheduledWorkOrder | undefined;
	waitsFor: string[];
	technicianName: string;
	selected: boolean;
	dragging: { dx: number; dy: number } | null;
	compact: boolean;
	style?: Record<string, string>;
	onPointerDown(event: PointerEvent): void;
	onActivate(): void;
}

export function Bar({ visit, order, waitsFor, technicianName, selected, dragging, compact, style, onPointerDown, onActivate }: Props) {
	const risk = slaRisk(visit, order);
	const moveStyle = dragging ? { transform: `translate(${dragging.dx}px, ${dragging.dy}px)` } : {};
	const title = [
		`${visit.workOrderId} ${time(visit.window.start)}–${time(visit.window.end)}`,
		order?.title ?? "",
		technicianName,
		...(risk ? [SLA_TEXT[risk]] : []),
		...details(visit, waitsFor),
	]
		.filter(Boolean)
		.join(", ");
	return (
		<button
			type="button"
			class={`bar s-${visit.status}${risk ? ` sla-${risk}` : ""}${selected ? " selected" : ""}${dragging ? " dragging" : ""}${compact ? " chip" : ""}`}
			style={{ ...style, ...moveStyle }}
			data-appointment={visit.id}
			aria-pressed={selected}
			title={title}
			onPointerDown={onPointerDown}
			onClick={onActivate}
		>
			<span class="bar-line">
				<span class="bar-status" aria-hidden="true">
					{STATUS_MARK[visit.status]}
				</span>{" "}
				<strong>{visit.workOrderId}</strong>
				<span class="sr-only">
					{" "}
					{order ? `${order.title}, ` : ""}
					{technicianName},
				</span>
				{risk && (
					<span class={`sla-mark ${risk}`}>
						<span aria-hidden="true">{SLA_MARK[risk]}</span>
						<span class="sr-only"> {SLA_TEXT[risk]},</span>
					</span>
				)}
			</span>
			<span class="bar-line bar-time">
				{" "}
				{time(visit.window.start)}
				<span class="sr-only">
					–{time(visit.window.end)}, {details(visit, waitsFor).join(", ")}
				</span>
			</span>
		</button>
	);
}
