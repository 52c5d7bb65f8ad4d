/** Gateway link, cloud sync and unsent input, always at the top. */

import { clock } from "../format.js";
import { link, sync } from "../live.js";
import { pending, refusals } from "../pending.js";
import { useStore } from "../store.js";
import { ClockQuality } from "./clock-quality.js";

export function Banner() {
	const state = useStore(link);
	const uplink = useStore(sync);
	const queued = useStore(pending);
	const refused = useStore(refusals);
	const cloud = !uplink
		? "Cloud sync: unknown"
		: !uplink.configured
			? "Cloud sync: not configured"
			: `Cloud sync: ${uplink.online ? uplink.state : `offline (${uplink.state})`} · ${uplink.queueDepth ?? "?"} queued · last receipt ${uplink.lastReceiptAt ? clock(Date.parse(uplink.lastReceiptAt)) : "none yet"}`;
	return (
		<header class="banner">
			{state !== "online" && (
				<p class="offline" role="status">
					{state === "offline" ? "Gateway not reachable — reconnecting." : "Connecting to the gateway…"}
					{queued.length > 0 &&
						` ${queued.length} change${queued.length === 1 ? "" : "s"} kept on this device until the gateway confirms: ${queued.map((action) => action.label).join(", ")}.`}
				</p>
			)}
			{state === "online" && queued.length > 0 && (
				<p class="queued" role="status">
					Sending {queued.length} change{queued.length === 1 ? "" : "s"}…
				</p>
			)}
			<ClockQuality />
			<p class={`sync ${uplink?.configured && !uplink.online ? "sync-off" : ""}`}>
				<span class={`dot dot-${state}`} aria-hidden="true" /> Gateway {state} · {cloud}
			</p>
			{refused.length > 0 && (
				<div class="refused" role="alert">
					{refused.map((entry) => (
						<p key={entry.label + entry.message} title={entry.machine ? `${entry.code}: ${entry.machine}` : undefined} data-code={entry.code}>
							<strong>{entry.label}:</strong> {entry.message}
						</p>
					))}
					<button type="button" class="link" onClick={() => refusals.set([])}>
						Dismiss
					</button>
				</div>
			)}
		</header>
	);
}
