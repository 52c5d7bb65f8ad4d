/** A labelled reason box that takes focus when it opens (the user just asked for it by pressing a button). */
import { useEffect, useRef } from "preact/hooks";

export function ReasonField({ id, label, value, onInput }: { id: string; label: string; value: string; onInput(value: string): void }) {
	const ref = useRef<HTMLTextAreaElement>(null);
	useEffect(() => ref.current?.focus(), []);
	return (
		<>
			<label for={id}>{label}</label>
			<textarea id={id} ref={ref} required rows={3} value={value} onInput={(e) => onInput(e.currentTarget.value)} />
		</>
	);
}
