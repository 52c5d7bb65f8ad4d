/**
 * What a move or a plan would do, before anything changes: every visit it books or moves (from →
 * to, and why), what it cannot place, and the KPIs before and after. Apply makes it so; Discard
 * leaves the schedule as it is. The heading takes focus, so keyboard users land on the preview.
 */
import { useEffect, useRef } from "preact/hooks";
import { time } from "../format.js";
import type { Board, Kpis, MovePreview, SchedulePlan, TimeWindow } from "../types.js";

type Names = Board["technicians"];

const KPI_ROWS: { key: keyof Kpis; label: string; better: "lower" | "higher"; format(value: number): string }[] = [
	{ key: "assigned", label: "Visits booked", better: "higher", format: String },
	{ key: "unassigned", label: "Left unassigned", better: "lower", format: String },
	{ key: "slaBreaches", label: "SLA breaches", better: "lower", format: String },
	{ key: "travelMinutes", label: "Travel (min)", better: "lower", format: (v) => String(Math.round(v)) },
	{ key: "overtimeMinutes", label: "Overtime (min)", better: "lower", format: (v) => String(Math.round(v)) },
	{ key: "utilisation", label: "Utilisation", better: "higher", format: (v) => `${Math.round(v * 100)} %` },
	{ key: "cost", label: "Cost points", better: "lower", format: (v) => String(Math.round(v)) },
];

function KpiTable({ kpis }: { kpis: { before: Kpis; after: Kpis } }) {
	return (
		<table class="kpis">
			<caption class="sr-only">KPIs before and after</caption>
			<thead>
				<tr>
					<th scope="col">KPI</th>
					<th scope="col">Before</th>
					<th scope="col">After</th>
				</tr>
			</thead>
			<tbody>
				{KPI_ROWS.map((row) => {
					const before = kpis.before[row.key];
					const after = kpis.after[row.key];
					const same = row.format(before) === row.format(after);
					const better = row.better === "lower" ? after < before : after > before;
					return (
						<tr key={row.key}>
							<th scope="row">{row.label}</th>
							<td>{row.format(before)}</td>
							<td class={same ? "" : better ? "better" : "worse"}>
								{row.format(after)}
								{!same && <span class="delta"> ({better ? "better" : "worse"})</span>}
							</td>
						</tr>
					);
				})}
			</tbody>
		</table>
	);
}

const nameOf = (names: Names, id: string) => names.find((row) => row.technicianId === id)?.name ?? id;
const when = (window: TimeWindow) => `${time(window.start)}–${time(window.end)}`;
const whereWhen = (names: Names, technicianId: string, window: TimeWindow) => `${nameOf(names, technicianId)} ${when(window)}`;

function Frame(props: {
	title: string;
	busy: boolean;
	applyLabel: string;
	canApply: boolean;
	onApply(): void;
	onDiscard(): void;
	children: preact.ComponentChildren;
}) {
	const heading = useRef<HTMLHeadingElement>(null);
	useEffect(() => heading.current?.focus(), []);
	return (
		<section class="card board-preview" aria-labelledby="preview-title">
			<h2 id="preview-title" tabIndex={-1} ref={heading}>
				{props.title}
			</h2>
			{props.children}
			<div class="actions">
				<button type="button" disabled={props.busy || !props.canApply} onClick={props.onApply}>
					{props.applyLabel}
				</button>
				<button type="button" class="quiet" disabled={props.busy} onClick={props.onDiscard}>
					Discard
				</button>
			</div>
		</section>
	);
}

export function MovePreviewPanel(props: { preview: MovePreview; label: string; names: Names; busy: boolean; onApply(): void; onDiscard(): void }) {
	const { preview, names } = props;
	return (
		<Frame title={`Preview: move ${props.label}`} busy={props.busy} applyLabel="Apply move" canApply onApply={props.onApply} onDiscard={props.onDiscard}>
			<div class="preview-body">
				<table>
					<caption class="sr-only">Visits this move changes</caption>
					<thead>
						<tr>
							<th scope="col">Visit</th>
							<th scope="col">From</th>
							<th scope="col">To</th>
							<th scope="col">Why</th>
						</tr>
					</thead>
					<tbody>
						{preview.moves.map((move) => (
							<tr key={move.appointmentId}>
								<th scope="row">{move.workOrderId}</th>
								<td>{whereWhen(names, move.previous.technicianId, move.previous.window)}</td>
								<td>{whereWhen(names, move.technicianId, move.window)}</td>
								<td>{move.cause === "manual" ? `moved: ${move.reason}` : `follows: ${move.reason}`}</td>
							</tr>
						))}
					</tbody>
				</table>
				<KpiTable kpis={preview.kpis} />
			</div>
			{preview.moves.length > 1 && (
				<p>
					{preview.moves.length - 1} more visit{preview.moves.length === 2 ? "" : "s"} move{preview.moves.length === 2 ? "s" : ""} along with it.
				</p>
			)}
			{preview.violations.length > 0 && (
				<ul class="missing" aria-label="Problems the move leaves">
					{preview.violations.map((v) => (
						<li key={`${v.jobId}-${v.kind}`}>{v.message}</li>
					))}
				</ul>
			)}
		</Frame>
	);
}

export function PlanPreviewPanel(props: { plan: SchedulePlan; names: Names; busy: boolean; onApply(): void; onDiscard(): void }) {
	const { plan, names } = props;
	return (
		<Frame
			title={`Optimised plan: ${plan.changes.length} change${plan.changes.length === 1 ? "" : "s"}`}
			busy={props.busy}
			applyLabel="Apply plan"
			canApply={plan.changes.length > 0}
			onApply={props.onApply}
			onDiscard={props.onDiscard}
		>
			<div class="preview-body">
				{plan.changes.length === 0 ? (
					<p>The schedule is already as good as the engine can make it: nothing to change.</p>
				) : (
					<table>
						<caption class="sr-only">Visits the plan books or moves</caption>
						<thead>
							<tr>
								<th scope="col">Work order</th>
								<th scope="col">From</th>
								<th scope="col">To</th>
							</tr>
						</thead>
						<tbody>
							{plan.changes.map((change) => (
								<tr key={change.workOrderId}>
									<th scope="row">{change.workOrderId}</th>
									<td>{change.previous ? whereWhen(names, change.previous.technicianId, change.previous.window) : "unassigned (new visit)"}</td>
									<td>
										{whereWhen(names, change.technicianId, change.window)}
										{change.slaBreachMinutes > 0 && <span class="sla-mark breach"> ✕ SLA +{Math.round(change.slaBreachMinutes)} min</span>}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				)}
				<KpiTable kpis={plan.kpis} />
			</div>
			{plan.unassigned.length > 0 && (
				<ul class="missing" aria-label="What the plan cannot place">
					{plan.unassigned.map((left) => (
						<li key={left.workOrderId}>
							<strong>{left.workOrderId}</strong>: {left.message}
						</li>
					))}
				</ul>
			)}
		</Frame>
	);
}
