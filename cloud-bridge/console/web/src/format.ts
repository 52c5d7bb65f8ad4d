/** Dates, durations and money as the office reads them: the browser's locale, 24-hour clock. */
export function dateTime(ms: number): string {
	return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short", hourCycle: "h23" }).format(ms);
}

export function time(ms: number): string {
	return new Intl.DateTimeFormat(undefined, { timeStyle: "short", hourCycle: "h23" }).format(ms);
}

export function duration(start: number, end: number | null): string {
	if (end === null) return "running";
	const minutes = Math.round((end - start) / 60_000);
	return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

export function money(minor: number, currency: string): string {
	return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(minor / 100);
}

export function percent(basisPoints: number | null): string {
	return basisPoints === null ? "–" : `${(basisPoints / 100).toFixed(1)} %`;
}

export function evidenceText(payload: import("./types.js").EvidencePayload): string {
	switch (payload.kind) {
		case "reading":
			return `${payload.quantity}: ${payload.value} ${payload.unit} (${payload.deviceId})`;
		case "photo":
			return `Photo (${Math.round(payload.byteLength / 1024)} KiB)`;
		case "note":
			return `Note: ${payload.text}`;
		case "acknowledgement":
			return `Confirmed: ${payload.statement}`;
		case "signature":
			return `Signed by ${payload.signerName} (${payload.signerRole})`;
	}
}
