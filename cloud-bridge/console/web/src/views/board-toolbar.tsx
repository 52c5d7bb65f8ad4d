/**
 * The board's controls: day or week, which day (previous, today, next, or a date), "Optimise" for
 * the technicians ticked on the board, and when the board last checked the service for changes.
 */
import { time } from "../format.js";
import { addDays, dateInput, fromInputs, rangeOf, type Span } from "./board-time.js";

interface Props {
	span: Span;
	anchor: number;
	onSpan(span: Span): void;
	onAnchor(anchor: number): void;
	canDispatch: boolean;
	optimiseCount: number;
	busy: boolean;
	onOptimise(): void;
	checkedAt: number | null;
	refreshSeconds: number;
}

function rangeText(span: Span, anchor: number): string {
	const { from, to } = rangeOf(span, anchor);
	const day = new Intl.DateTimeFormat(undefined, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
	if (span === "day") return day.format(from);
	const short = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" });
	return `Week of ${short.format(from)} – ${short.format(addDays(to, -1))}`;
}

export function BoardToolbar(props: Props) {
	const step = props.span === "day" ? 1 : 7;
	return (
		<div class="board-toolbar">
			<fieldset class="segmented">
				<legend class="sr-only">Show</legend>
				{(["day", "week"] as const).map((span) => (
					<button key={span} type="button" class="quiet" aria-pressed={props.span === span} onClick={() => props.onSpan(span)}>
						{span === "day" ? "Day" : "Week"}
					</button>
				))}
			</fieldset>
			<div class="board-nav">
				<button type="button" class="quiet" onClick={() => props.onAnchor(addDays(props.anchor, -step))}>
					<span aria-hidden="true">‹ </span>Previous {props.span}
				</button>
				<button type="button" class="quiet" onClick={() => props.onAnchor(Date.now())}>
					Today
				</button>
				<button type="button" class="quiet" onClick={() => props.onAnchor(addDays(props.anchor, step))}>
					Next {props.span}
					<span aria-hidden="true"> ›</span>
				</button>
				<label class="board-date">
					<span class="sr-only">Go to date</span>
					<input
						type="date"
						value={dateInput(props.anchor)}
						onChange={(event) => {
							const at = fromInputs((event.target as HTMLInputElement).value, "12:00");
							if (at !== null) props.onAnchor(at);
						}}
					/>
				</label>
			</div>
			<h2 class="board-range">{rangeText(props.span, props.anchor)}</h2>
			{props.canDispatch && (
				<button type="button" disabled={props.busy || props.optimiseCount === 0} onClick={props.onOptimise}>
					Optimise {props.span === "day" ? "the day" : "the week"} ({props.optimiseCount} technician{props.optimiseCount === 1 ? "" : "s"})
				</button>
			)}
			<p class="muted board-live">{props.checkedAt === null ? "Connecting…" : `Live: checked ${time(props.checkedAt)}, every ${props.refreshSeconds} s`}</p>
		</div>
	);
}
