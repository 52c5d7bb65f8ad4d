/** One line per Envelope for people: the body and its most telling fields. */
import { type Envelope, envelopeToJson, ReadingFlag } from "../../protocol/codec.js";

const FLAG_NAMES: [number, string][] = [
	[ReadingFlag.READING_FLAG_OVERRANGE, "OVERRANGE"],
	[ReadingFlag.READING_FLAG_UNDERRANGE, "UNDERRANGE"],
	[ReadingFlag.READING_FLAG_UNSTABLE, "UNSTABLE"],
	[ReadingFlag.READING_FLAG_HOLD, "HOLD"],
	[ReadingFlag.READING_FLAG_RESENT, "RESENT"],
	[ReadingFlag.READING_FLAG_CLOCK_SINCE_BOOT, "SINCE_BOOT"],
];

export function describeEnvelope(envelope: Envelope): string {
	const seq = `#${envelope.seq ?? 0}`;
	switch (envelope.body) {
		case "reading": {
			const r = envelope.reading!;
			const flags = FLAG_NAMES.filter(([bit]) => ((r.flags ?? 0) & bit) !== 0).map(([, name]) => name);
			return `${seq} reading seq=${r.seq} ${r.quantity}${r.channel ? `[${r.channel}]` : ""}=${r.value} ${r.unit}${flags.length ? ` ${flags.join("|")}` : ""}`;
		}
		case "hello": {
			const h = envelope.hello!;
			return `${seq} hello ${h.deviceId} ${h.model} rev ${h.hardwareRevision} fw ${h.firmwareVersion} protocol ${h.protocolMajor}.${h.protocolMinor} max_payload ${h.maxPayload} window ${h.window} boot ${Buffer.from(
				h.bootId ?? [],
			)
				.toString("hex")
				.slice(0, 8)}`;
		}
		default:
			return `${seq} ${envelope.body} ${JSON.stringify(Object.values(envelopeToJson(envelope)).find((v) => typeof v === "object") ?? {})}`;
	}
}
