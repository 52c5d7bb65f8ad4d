/**
 * The pack's cost-range chart, rendered to SVG on the server by Apache ECharts' server-side
 * renderer (no DOM, no canvas): one box per measure, min / p10 / p50 / p90 / max as a boxplot,
 * one series per change set when several are compared.
 */
import * as echarts from "echarts";
import type { CostRanges } from "../monte-carlo.js";

const MEASURES = [
	["labourCostMinor", "Labour cost"],
	["revenueMinor", "Revenue"],
	["marginImpactMinor", "Margin impact"],
] as const;

export function costRangeChartSvg(series: { name: string; ranges: CostRanges }[], width = 720, height = 320): string {
	const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
	try {
		chart.setOption({
			animation: false,
			title: {
				text: `Cost ranges (${series[0]?.ranges.currency ?? ""}, ${series[0]?.ranges.samples ?? 0} draws, seed ${series[0]?.ranges.seed ?? 0})`,
				left: "center",
				textStyle: { fontSize: 13 },
			},
			legend: { bottom: 0 },
			grid: { left: 90, right: 20, top: 40, bottom: 50 },
			xAxis: { type: "category", data: MEASURES.map(([, label]) => label) },
			yAxis: { type: "value", axisLabel: { formatter: (v: number) => (v / 100).toLocaleString("en", { maximumFractionDigits: 0 }) } },
			series: series.map(({ name, ranges }) => ({
				name,
				type: "boxplot",
				data: MEASURES.map(([key]) => {
					const r = ranges[key];
					return [r.min, r.p10, r.p50, r.p90, r.max];
				}),
			})),
		});
		return chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
}
