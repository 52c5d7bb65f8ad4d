/** The gateway clock's quality in the banner: evidence times are provisional until the clock is trusted. */
import { useEffect } from "preact/hooks";
import { gatewayClock, refreshGatewayClock } from "../gateway-now.js";
import { useStore } from "../store.js";

const REFRESH_MS = 60_000;

export function ClockQuality() {
	const clock = useStore(gatewayClock);
	useEffect(() => {
		const refresh = () => void refreshGatewayClock().catch(() => {});
		refresh();
		const timer = setInterval(refresh, REFRESH_MS);
		return () => clearInterval(timer);
	}, []);
	if (!clock || clock.quality === "synchronised") return null;
	return (
		<p class={`clock clock-${clock.quality}`} role="status">
			{clock.quality === "trusted-source"
				? `Gateway clock set from ${clock.source}: times are trusted.`
				: "Gateway clock not synchronised: times are provisional and will be corrected once it is."}
		</p>
	);
}
