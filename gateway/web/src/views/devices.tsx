/**
 * Devices: every tool this gateway knows, connected or not, with counters, calibration and last
 * error. "Last seen" is the later of the gateway's record (updated when a tool says hello) and the
 * last reading the live stream brought, so it moves while a tool is sending.
 */
import { useEffect, useState } from "preact/hooks";
import { ago, dateTime, setHourCycle, usesTwelveHourClock } from "../format.js";
import { readings } from "../live.js";
import { useResource } from "../resource.js";
import { useStore } from "../store.js";
import type { Device } from "../types.js";
import { calibrationState } from "./live-panel.js";

function useNow(everyMs: number): number {
	const [now, setNow] = useState(Date.now());
	useEffect(() => {
		const timer = setInterval(() => setNow(Date.now()), everyMs);
		return () => clearInterval(timer);
	}, [everyMs]);
	return now;
}

export function DevicesView() {
	const devices = useResource<{ devices: Device[] }>("/api/v1/devices");
	const live = useStore(readings);
	const now = useNow(1000);
	const [twelve, setTwelve] = useState(usesTwelveHourClock());
	if (!devices.data) return <p class="loading">{devices.error ?? "Loading devices…"}</p>;
	const list = [...devices.data.devices].sort((a, b) => Number(b.connected) - Number(a.connected) || a.id.localeCompare(b.id));
	return (
		<section aria-labelledby="devices-title">
			<h1 id="devices-title">Devices</h1>
			{list.length === 0 && <p class="muted">No tool has connected to this gateway yet.</p>}
			<ul class="devices">
				{list.map((device) => {
					const calibration = calibrationState(device);
					const errors = Object.entries(device.errors).filter(([, count]) => count > 0);
					const points = live[device.id];
					const lastSeen = Math.max(Date.parse(device.lastSeenAt), points?.[points.length - 1]?.receivedAt ?? 0);
					return (
						<li key={device.id} class="card device" aria-label={`Device ${device.id}`}>
							<header class="live-head">
								<h2>
									{device.model || "Unknown model"} <span class="muted">{device.id}</span>
								</h2>
								<span class={`badge ${device.connected ? "ok" : "bad"}`}>{device.connected ? `connected (${device.transport})` : "not connected"}</span>
							</header>
							<dl class="facts">
								<dt>Calibration</dt>
								<dd class={calibration.ok ? "cal-ok" : "cal-bad"}>
									{calibration.text}
									{device.calibration?.certificateId ? ` · ${device.calibration.certificateId}` : ""}
								</dd>
								<dt>Firmware</dt>
								<dd>
									{device.firmwareVersion || "?"} · serial {device.serialNumber || "?"}
								</dd>
								<dt>Readings</dt>
								<dd>
									{device.readingsStored} stored · {device.readingsReceived} received this session
								</dd>
								<dt>Errors</dt>
								<dd>{errors.length === 0 ? "none" : errors.map(([name, count]) => `${name} ${count}`).join(", ")}</dd>
								<dt>Last error</dt>
								<dd>{device.lastError ?? "none"}</dd>
								<dt>Last seen</dt>
								<dd data-testid="last-seen">
									<time dateTime={new Date(lastSeen).toISOString()} title={dateTime(lastSeen)}>
										{ago(lastSeen, now)}
									</time>{" "}
									<span class="muted">({dateTime(lastSeen)})</span>
								</dd>
							</dl>
						</li>
					);
				})}
			</ul>
			<h2>This device</h2>
			<label class="toggle">
				<input
					type="checkbox"
					checked={twelve}
					onChange={(event) => {
						setHourCycle(event.currentTarget.checked ? "h12" : "h23");
						setTwelve(event.currentTarget.checked);
					}}
				/>
				Show times on a 12-hour clock (AM/PM)
			</label>
		</section>
	);
}
