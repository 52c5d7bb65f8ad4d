/** Tab icons drawn inline (no icon font to fetch, no emoji font needed). */

const PATHS: Record<string, string> = {
	today: "M4 6h16v14H4z M4 10h16 M8 3v5 M16 3v5",
	task: "M4 4h16v16H4z M8 12l3 3 5-6",
	time: "M12 3a9 9 0 1 0 0.01 0z M12 7v5l3 3",
	signoff: "M3 19c3-1 4-6 7-6s1 5 4 5 3-3 6-3 M14 4l5 5-7 7H7v-5z",
	devices: "M5 7h14v12H5z M9 3v4 M15 3v4 M7 14l2-3 2 4 2-5 2 4 2-2",
};

export function Icon({ name }: { name: keyof typeof PATHS }) {
	return (
		<svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
			<path d={PATHS[name]} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
		</svg>
	);
}
