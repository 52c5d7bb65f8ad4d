/**
 * Dependency lines between chained visits: an arrow from the predecessor's bar to the bar of the
 * visit that waits for it, drawn over the grid from where the bars really are (measured after
 * every layout, and when the grid resizes). Decoration only: each bar's label already says
 * "after WO-…" for screen readers.
 */
import type { RefObject } from "preact";
import { useLayoutEffect, useState } from "preact/hooks";

interface Props {
	container: RefObject<HTMLDivElement | null>;
	links: { from: string; to: string }[];
	/** Changes whenever the bars may have moved. */
	redraw: string;
}

export function DependencyLines({ container, links, redraw }: Props) {
	const [paths, setPaths] = useState<{ key: string; d: string }[]>([]);
	const [size, setSize] = useState({ width: 0, height: 0 });
	useLayoutEffect(() => {
		const grid = container.current;
		if (!grid) return;
		const measure = () => {
			const box = grid.getBoundingClientRect();
			const rectOf = (id: string) => grid.querySelector(`[data-appointment="${CSS.escape(id)}"]`)?.getBoundingClientRect();
			const next = links.flatMap((link) => {
				const a = rectOf(link.from);
				const b = rectOf(link.to);
				if (!a || !b) return [];
				const key = `${link.from}>${link.to}`;
				const y1 = a.top + a.height / 2 - box.top;
				const y2 = b.top + b.height / 2 - box.top;
				if (b.left < a.right - 4 && a.left < b.right - 4) {
					// Stacked (a week's day, or visits that overlap in time): a bracket on their left edge.
					const x1 = a.left - box.left;
					const x2 = b.left - box.left;
					const out = Math.min(x1, x2) - 10;
					return [{ key, d: `M ${x1} ${y1} C ${out} ${y1}, ${out} ${y2}, ${x2} ${y2}` }];
				}
				const x1 = a.right - box.left;
				const x2 = b.left - box.left;
				const bend = Math.max(24, Math.abs(x2 - x1) / 2);
				return [{ key, d: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}` }];
			});
			setSize({ width: box.width, height: box.height });
			setPaths(next);
		};
		measure();
		const observer = new ResizeObserver(measure);
		observer.observe(grid);
		return () => observer.disconnect();
	}, [redraw, links.length]);
	if (paths.length === 0) return null;
	return (
		<svg class="board-links" aria-hidden="true" width={size.width} height={size.height} viewBox={`0 0 ${size.width} ${size.height}`}>
			<defs>
				<marker id="board-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
					<path d="M 0 0 L 10 5 L 0 10 z" />
				</marker>
			</defs>
			{paths.map((path) => (
				<path key={path.key} d={path.d} marker-end="url(#board-arrow)" />
			))}
		</svg>
	);
}
