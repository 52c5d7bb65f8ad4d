/** event: something happened on the tool (button, probe, low battery, buffer full). */
import { type Envelope, EventKind } from "../../../protocol/codec.js";
import type { DeviceSession } from "../device-session.js";

export function handleEvent(session: DeviceSession, envelope: Envelope): void {
	const event = envelope.event!;
	const kind = EventKind[event.kind ?? 0] ?? `KIND_${event.kind}`;
	const level = event.kind === EventKind.KIND_BUFFER_FULL || event.kind === EventKind.KIND_LOW_BATTERY ? "warn" : "info";
	session.logger[level]({ deviceId: session.identity?.deviceId, kind, detail: event.detail }, "device event");
	session.emit("deviceEvent", event);
}
