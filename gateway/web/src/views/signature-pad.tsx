/** A signature drawn with a finger, stylus or mouse on a canvas (pointer events), exported as PNG. */
import { useEffect, useRef } from "preact/hooks";

export interface SignaturePadProps {
	label: string;
	/** Called with the PNG (base64, no data: prefix) after each stroke, or undefined when cleared. */
	onChange: (pngBase64: string | undefined) => void;
	/** Bumped to clear the pad. */
	clearSignal: number;
}

export function SignaturePad({ label, onChange, clearSignal }: SignaturePadProps) {
	const canvas = useRef<HTMLCanvasElement>(null);
	useEffect(() => {
		const element = canvas.current;
		if (!element) return;
		const scale = window.devicePixelRatio || 1;
		element.width = element.clientWidth * scale;
		element.height = element.clientHeight * scale;
		const context = element.getContext("2d") as CanvasRenderingContext2D;
		context.scale(scale, scale);
		context.lineWidth = 2.5;
		context.lineCap = "round";
		context.lineJoin = "round";
		context.strokeStyle = "#10202c";
		onChange(undefined);
		let drawing = false;
		const point = (event: PointerEvent) => {
			const box = element.getBoundingClientRect();
			return [event.clientX - box.left, event.clientY - box.top] as const;
		};
		const down = (event: PointerEvent) => {
			drawing = true;
			element.setPointerCapture(event.pointerId);
			const [x, y] = point(event);
			context.beginPath();
			context.moveTo(x, y);
			context.lineTo(x + 0.1, y + 0.1);
			context.stroke();
		};
		const move = (event: PointerEvent) => {
			if (!drawing) return;
			const [x, y] = point(event);
			context.lineTo(x, y);
			context.stroke();
		};
		const up = () => {
			if (!drawing) return;
			drawing = false;
			onChange(element.toDataURL("image/png").replace(/^data:image\/png;base64,/, ""));
		};
		element.addEventListener("pointerdown", down);
		element.addEventListener("pointermove", move);
		element.addEventListener("pointerup", up);
		element.addEventListener("pointercancel", up);
		return () => {
			element.removeEventListener("pointerdown", down);
			element.removeEventListener("pointermove", move);
			element.removeEventListener("pointerup", up);
			element.removeEventListener("pointercancel", up);
		};
	}, [clearSignal]);
	return <canvas ref={canvas} class="signature" role="img" aria-label={label} tabIndex={0} />;
}
