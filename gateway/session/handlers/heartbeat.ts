/** heartbeat: the device is alive; remember how many readings it still holds unacked. */
import type { Envelope } from "../../../protocol/codec.js";
import type { DeviceSession } from "../device-session.js";

export function handleHeartbeat(session: DeviceSession, envelope: Envelope): void {
	const heartbeat = envelope.heartbeat!;
	session.lastHeartbeatAt = session.context.clock.now();
	session.deviceUnackedReadings = heartbeat.unackedReadings ?? 0;
	session.emit("heartbeat", heartbeat);
}
