/** A small hand-drawn SVG line chart of a device's recent values, with the item's limits as bands. */
import type { Reading } from "../types.js";
import { unitSymbol } from "../units.js";

export function TrendChart({
	points,
	min,
	max,
	unit,
	label,
}: {
	points: Reading[];
	min: number | null;
	max: number | null;
	/** UCUM code of the values; the axis labels carry its symbol. */
	unit: string;
	label: string;
}) {
	const width = 300;
	const height = 80;
	const values = points.map((point) => point.value).filter((value): value is number => value !== null);
	if (values.length < 2) return <p class="muted">Waiting for readings…</p>;
	// Scaled to the values (a 1 MΩ floor under 2000 MΩ readings would flatten the line);
	// a limit is drawn only where it falls inside the chart.
	const spread = Math.max(...values) - Math.min(...values) || Math.abs(values[0]) || 1;
	const lo = Math.min(...values) - spread * 0.1;
	const hi = Math.max(...values) + spread * 0.1;
	const span = hi - lo;
	const symbol = unitSymbol(unit);
	const inside = (limit: number | null): limit is number => limit !== null && limit >= lo && limit <= hi;
	const y = (value: number) => height - 4 - ((value - lo) / span) * (height - 8);
	const x = (index: number) => (index / (points.length - 1)) * width;
	const path = points
		.map((point, index) => (point.value === null ? "" : `${index === 0 ? "M" : "L"}${x(index).toFixed(1)},${y(point.value).toFixed(1)}`))
		.join(" ");
	return (
		<svg class="trend" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
			{inside(min) && <line x1="0" x2={width} y1={y(min)} y2={y(min)} class="limit" />}
			{inside(max) && <line x1="0" x2={width} y1={y(max)} y2={y(max)} class="limit" />}
			<path d={path} class="line" />
			<text x="4" y="12" class="axis">
				{axisNumber(hi, span)} {symbol}
			</text>
			<text x="4" y={height - 4} class="axis">
				{axisNumber(lo, span)} {symbol}
			</text>
		</svg>
	);
}

/** Enough digits to tell the two axis ends apart: "1998", "2.47". */
function axisNumber(value: number, span: number): string {
	const digits = span >= 10 ? 0 : span >= 1 ? 1 : 2;
	return value.toFixed(digits);
}
