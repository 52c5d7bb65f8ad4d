/**
 * Upload progress for people: a redrawn bar with rate and time left on a terminal, a plain line
 * per 10% otherwise (logs and CI keep one line per step, not a carriage-return soup).
 */
import type { Clock } from "../../platform/clock.js";

export interface ProgressSink {
	/** Raw text without newline (terminal redraw). */
	write(text: string): void;
	line(text: string): void;
	isTTY: boolean;
}

const WIDTH = 30;
/** Rate over the last few seconds, not since the start: resumes and stalls show up. */
const RATE_WINDOW_MS = 3000;

export class ProgressBar {
	private samples: { at: number; bytes: number }[] = [];
	private lastDecile = -1;
	private drawn = false;

	constructor(
		private readonly sink: ProgressSink,
		private readonly clock: Clock,
	) {}

	update(confirmed: number, total: number): void {
		const now = this.clock.monotonic();
		this.samples.push({ at: now, bytes: confirmed });
		while (this.samples.length > 2 && now - this.samples[0].at > RATE_WINDOW_MS) this.samples.shift();
		const rate = this.rate();
		const fraction = total === 0 ? 1 : confirmed / total;
		const left = rate > 0 ? (total - confirmed) / rate : Number.NaN;
		const stats = `${formatBytes(confirmed)}/${formatBytes(total)}  ${formatBytes(rate)}/s  ${Number.isFinite(left) ? `${formatDuration(left)} left` : "--:-- left"}`;
		if (this.sink.isTTY) {
			const filled = Math.round(fraction * WIDTH);
			this.sink.write(`\r[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${stats}\u001b[K`);
			this.drawn = true;
			return;
		}
		const decile = Math.floor(fraction * 10);
		if (decile === this.lastDecile) return;
		this.lastDecile = decile;
		this.sink.line(`upload ${(fraction * 100).toFixed(0)}%  ${stats}`);
	}

	/** Ends the redrawn line before other output. */
	finish(): void {
		if (this.drawn) this.sink.write("\n");
		this.drawn = false;
	}

	/** Bytes per second over the sample window. */
	rate(): number {
		const first = this.samples[0];
		const last = this.samples[this.samples.length - 1];
		if (!first || !last || last.at <= first.at) return 0;
		return ((last.bytes - first.bytes) * 1000) / (last.at - first.at);
	}
}

export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${Math.round(bytes)} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
	return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

export function formatDuration(seconds: number): string {
	const s = Math.max(0, Math.round(seconds));
	return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}
