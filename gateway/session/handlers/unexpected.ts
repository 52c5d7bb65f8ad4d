/** host_hello, ack or command from a device: only a gateway sends those. Counted and ignored. */
import type { Envelope } from "../../../protocol/codec.js";
import type { DeviceSession } from "../device-session.js";

export function handleUnexpected(session: DeviceSession, envelope: Envelope): void {
	session.counters.unexpectedMessages++;
	session.logger.debug({ link: session.link.label, body: envelope.body }, "device sent a message only a gateway sends; ignored");
}
