/**
 * The cost-range chart of a plan, drawn from the numbers with plain SVG elements (the page loads
 * nothing else and its CSP allows no inline styles: presentation attributes only). One row per
 * figure: the min–max whisker, the p10–p90 box and the p50 mark, on one shared money axis with
 * zero marked, so rows compare at a glance. A table with the same numbers follows for screen readers.
 */
import { money } from "../format.js";
import type { CostRanges, Range } from "./impact-types.js";

const ROWS: { key: "labourCostMinor" | "revenueMinor" | "marginImpactMinor"; label: string }[] = [
	{ key: "labourCostMinor", label: "Labour cost" },
	{ key: "revenueMinor", label: "Revenue" },
	{ key: "marginImpactMinor", label: "Margin impact" },
];
const WIDTH = 640;
const LEFT = 130;
const RIGHT = 20;
const ROW = 46;

export function CostRangeChart({ ranges, title }: { ranges: CostRanges; title: string }) {
	const values = ROWS.flatMap((r) => [ranges[r.key].min, ranges[r.key].max]).concat(0);
	const lo = Math.min(...values);
	const hi = Math.max(...values);
	const span = hi - lo || 1;
	const x = (v: number) => LEFT + ((v - lo) / span) * (WIDTH - LEFT - RIGHT);
	const height = ROWS.length * ROW + 34;
	const fmt = (v: number) => money(Math.round(v), ranges.currency);
	// A label near either end is anchored inwards, so it is never cut off by the chart's edge.
	const anchor = (at: number) => (at < LEFT + 50 ? "start" : at > WIDTH - RIGHT - 50 ? "end" : "middle");
	return (
		<figure class="cost-chart">
			<svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={`${title}: min, p10, p50, p90 and max of each figure`}>
				<line x1={x(0)} x2={x(0)} y1={4} y2={height - 26} stroke="#7b8a95" stroke-dasharray="3 3" />
				{ROWS.map((row, i) => {
					const r: Range = ranges[row.key];
					const y = 14 + i * ROW;
					return (
						<g key={row.key}>
							<text x={0} y={y + 14} font-size="13" fill="#10202c">
								{row.label}
							</text>
							<line x1={x(r.min)} x2={x(r.max)} y1={y + 10} y2={y + 10} stroke="#4f5d68" stroke-width="2" />
							<rect x={x(r.p10)} y={y} width={Math.max(2, x(r.p90) - x(r.p10))} height={20} fill="#9fd3c5" stroke="#0a6b58" />
							<line x1={x(r.p50)} x2={x(r.p50)} y1={y - 3} y2={y + 23} stroke="#0f3d57" stroke-width="3" />
							<text x={x(r.p50)} y={y + 36} font-size="11" text-anchor={anchor(x(r.p50))} fill="#10202c">
								p50 {fmt(r.p50)}
							</text>
						</g>
					);
				})}
				<text x={LEFT} y={height - 6} font-size="11" fill="#4f5d68">
					{fmt(lo)}
				</text>
				<text x={WIDTH - RIGHT} y={height - 6} font-size="11" text-anchor="end" fill="#4f5d68">
					{fmt(hi)}
				</text>
			</svg>
			<figcaption class="muted">
				{ranges.samples} draws (seed {ranges.seed}) over {ranges.tasks} remaining {ranges.tasks === 1 ? "task" : "tasks"}, from {ranges.historicalDurations}{" "}
				recorded {ranges.historicalDurations === 1 ? "duration" : "durations"}: whisker min–max, box p10–p90, bar p50.
			</figcaption>
			<table class="ranges">
				<caption class="sr-only">{title} in figures</caption>
				<thead>
					<tr>
						<th scope="col">Figure</th>
						<th scope="col">min</th>
						<th scope="col">p10</th>
						<th scope="col">p50</th>
						<th scope="col">p90</th>
						<th scope="col">max</th>
					</tr>
				</thead>
				<tbody>
					{ROWS.map((row) => (
						<tr key={row.key}>
							<th scope="row">{row.label}</th>
							{(["min", "p10", "p50", "p90", "max"] as const).map((k) => (
								<td key={k}>{fmt(ranges[row.key][k])}</td>
							))}
						</tr>
					))}
				</tbody>
			</table>
		</figure>
	);
}
