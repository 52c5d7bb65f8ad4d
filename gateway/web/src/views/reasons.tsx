/**
 * Why something cannot happen yet, as the technician reads it: one line per kind of reason saying
 * what to do (gateway/work/human-messages.ts). The model's code and message stay on each line
 * (data-code, title) for support, never as the text.
 */
import { type AppTab, humanReasons, type ReasonLike } from "../../../work/human-messages.js";

export function Reasons({ reasons, label, tab }: { reasons: ReasonLike[]; label: string /** The tab this list is shown on. */; tab?: AppTab }) {
	if (reasons.length === 0) return null;
	return (
		<ul class="reasons" aria-label={label}>
			{humanReasons(reasons, { tab }).map((line) => (
				<li key={line.code} data-code={line.code} title={line.reasons.map((reason) => reason.message).join("\n")}>
					{line.text}
				</li>
			))}
		</ul>
	);
}
