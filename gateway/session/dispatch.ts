/** One dispatcher, one handler per message type. */
import type { BodyKind, Envelope } from "../../protocol/codec.js";
import type { DeviceSession } from "./device-session.js";
import { handleCommandResult } from "./handlers/command-result.js";
import { handleDeviceError } from "./handlers/device-error.js";
import { handleEvent } from "./handlers/event.js";
import { handleHeartbeat } from "./handlers/heartbeat.js";
import { handleHello } from "./handlers/hello.js";
import { handleReading } from "./handlers/reading.js";
import { handleTimeRequest, handleTimeSync } from "./handlers/time.js";
import { handleUnexpected } from "./handlers/unexpected.js";

export type EnvelopeHandler = (session: DeviceSession, envelope: Envelope) => void;

const HANDLERS: Record<BodyKind, EnvelopeHandler> = {
	hello: handleHello,
	reading: handleReading,
	heartbeat: handleHeartbeat,
	event: handleEvent,
	commandResult: handleCommandResult,
	error: handleDeviceError,
	// Messages only a gateway sends: a device that sends them is confused.
	hostHello: handleUnexpected,
	ack: handleUnexpected,
	command: handleUnexpected,
	imageUpload: handleUnexpected,
	imageStateRequest: handleUnexpected,
	// Answers to firmware requests, which only maintenance tools (the flasher) send, never a gateway.
	imageUploadResult: handleUnexpected,
	imageState: handleUnexpected,
	// Time (protocol/README.md, "Time"): a device asks for the gateway's time, or a GNSS tool offers its own.
	timeRequest: handleTimeRequest,
	timeSync: handleTimeSync,
};

export function dispatchEnvelope(session: DeviceSession, envelope: Envelope): void {
	if (session.state === "closed" || envelope.body === undefined) return;
	HANDLERS[envelope.body](session, envelope);
}
