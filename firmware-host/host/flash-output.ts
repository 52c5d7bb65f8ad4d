/**
 * What `device flash` prints, whichever protocol carries the image (protocol v1 or SMP): a line
 * per step for people, or one JSON object per line with --json; a progress bar on a terminal,
 * and in JSON one progress line per percent, not one per chunk.
 */
import { systemClock } from "../../platform/clock.js";
import { ProgressBar } from "./progress-bar.js";

export interface FlashOutputIo {
	stdout(line: string): void;
	write?(text: string): void;
	isTTY?: boolean;
}

export interface FlashOutput {
	/** One step: `fields` for --json, `text` for people (the bar's line is finished first). */
	say(event: string, fields: Record<string, unknown>, text: string): void;
	/** Upload progress: the bar, and a JSON line each time the percentage changes. */
	progress(confirmed: number, total: number, fields?: Record<string, unknown>): void;
	readonly bar: ProgressBar;
}

export function flashOutput(io: FlashOutputIo, json: boolean | undefined): FlashOutput {
	const bar = new ProgressBar(
		{ write: (text) => io.write?.(text), line: (text) => io.stdout(text), isTTY: !json && Boolean(io.isTTY && io.write) },
		systemClock,
	);
	let lastPercent = -1;
	return {
		bar,
		say(event, fields, text) {
			if (json) io.stdout(JSON.stringify({ event, ...fields }));
			else {
				bar.finish();
				io.stdout(text);
			}
		},
		progress(confirmed, total, fields = {}) {
			bar.update(confirmed, total);
			const percent = Math.floor((confirmed * 100) / Math.max(1, total));
			if (json && percent !== lastPercent) io.stdout(JSON.stringify({ event: "progress", confirmed, total, ...fields }));
			lastPercent = percent;
		},
	};
}
