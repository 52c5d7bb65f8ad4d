/** error: the device reports a problem; a protocol version error ends the session's use. */

import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import { type Envelope, ProtocolErrorCode } from "../../../protocol/codec.js";
import type { DeviceSession } from "../device-session.js";

export function handleDeviceError(session: DeviceSession, envelope: Envelope): void {
	const error = envelope.error!;
	const code = ProtocolErrorCode[error.code ?? 0] ?? `CODE_${error.code}`;
	session.counters.deviceErrors++;
	const message = `Device ${session.identity?.deviceId ?? session.link.label} reported ${code}: ${error.message ?? ""}`;
	if (error.code === ProtocolErrorCode.CODE_PROTOCOL_VERSION) {
		session.refuse(
			new FieldchainError(ErrorCodes.FC_PROTO_VERSION, message, {
				hint: "Update the device firmware or the gateway so both speak the same protocol major version.",
			}),
		);
		return;
	}
	session.lastError = new FieldchainError(ErrorCodes.FC_PROTO_UNEXPECTED, message);
	session.logger.warn({ deviceId: session.identity?.deviceId, code, relatedSeq: error.relatedSeq }, message);
}
