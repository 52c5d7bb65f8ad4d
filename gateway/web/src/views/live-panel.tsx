/** One connected tool: model, calibration, the current value and its trend, against the task's limits. */
import { date, value as formatValue } from "../format.js";
import type { Device, Reading, Requirement } from "../types.js";
import { TrendChart } from "./trend-chart.js";

type ReadingRequirement = Extract<Requirement, { kind: "reading" }>;

export function calibrationState(device: Device | undefined, now = Date.now()): { ok: boolean; text: string } {
	const calibration = device?.calibration;
	if (!calibration?.dueAt) return { ok: false, text: "No calibration reported" };
	const due = date(calibration.dueAt);
	return calibration.dueAt > now ? { ok: true, text: `Calibrated, due ${due}` } : { ok: false, text: `OUT OF CALIBRATION since ${due}` };
}

/** Same unit only: the gateway's matcher converts units when it stamps. */
export function rangeState(reading: Reading | undefined, requirement: ReadingRequirement | undefined): "in" | "out" | "unknown" {
	if (!reading || reading.value === null || !requirement || reading.unit !== requirement.unit) return reading?.value === null ? "out" : "unknown";
	if (requirement.min !== null && reading.value < requirement.min) return "out";
	if (requirement.max !== null && reading.value > requirement.max) return "out";
	return "in";
}

export function LivePanel({
	device,
	deviceId,
	points,
	requirement,
}: {
	device: Device | undefined;
	deviceId: string;
	points: Reading[];
	requirement: ReadingRequirement | undefined;
}) {
	const last = points[points.length - 1];
	const calibration = calibrationState(device);
	const range = rangeState(last, requirement);
	return (
		<article class="card live" aria-label={`Live readings from ${deviceId}`}>
			<header class="live-head">
				<h3>
					{device?.model || last?.model || "Tool"} <span class="muted">{deviceId}</span>
				</h3>
				<span class={`badge ${device?.connected ? "ok" : "bad"}`}>{device?.connected ? "connected" : "disconnected"}</span>
			</header>
			<p class={calibration.ok ? "cal-ok" : "cal-bad"}>{calibration.text}</p>
			<p class={`current range-${range}`} aria-live="polite" data-testid="current-value">
				{last ? formatValue(last.value, last.unit) : "—"}
				{last && <span class="muted quantity">{last.quantity.replace(/_/g, " ")}</span>}
				{range === "out" && <strong class="flag"> OUT OF RANGE</strong>}
			</p>
			<TrendChart
				points={points}
				min={requirement?.min ?? null}
				max={requirement?.max ?? null}
				unit={last?.unit ?? requirement?.unit ?? ""}
				label={`Trend of the last ${points.length} readings from ${deviceId}`}
			/>
		</article>
	);
}
