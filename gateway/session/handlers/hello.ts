/**
 * hello: identify the device, refuse an incompatible one, and answer with an Ack that says how
 * far its current boot is already stored (so after a gateway crash it can forget what is safe).
 * A link keeps the device id of its first accepted hello; a claimed id (serial) may not take over
 * one proven by the broker (MQTT) while that session is up; and hellos are rate-limited per
 * session, since each one writes the device record and may open a new boot.
 */

import { ErrorCodes, FieldchainError, isFieldchainError } from "../../../platform/errors.js";
import { type Envelope, PROTOCOL_MAJOR, ProtocolErrorCode } from "../../../protocol/codec.js";
import { isValidDeviceId } from "../../../protocol/topics.js";
import type { DeviceIdentity } from "../../store/reading-store.js";
import type { DeviceSession } from "../device-session.js";

export function handleHello(session: DeviceSession, envelope: Envelope): void {
	const hello = envelope.hello!;
	if (!session.admitHello()) return;
	const major = hello.protocolMajor ?? 0;
	if (major !== PROTOCOL_MAJOR) {
		const message = `Device ${hello.deviceId || "(no id)"} speaks protocol v${major}; this gateway speaks v${PROTOCOL_MAJOR}.`;
		session.post({ error: { code: ProtocolErrorCode.CODE_PROTOCOL_VERSION, message, relatedSeq: envelope.seq } });
		session.refuse(
			new FieldchainError(ErrorCodes.FC_PROTO_VERSION, message, {
				hint: "Update the device firmware or the gateway so both speak the same protocol major version.",
			}),
		);
		return;
	}
	const deviceId = hello.deviceId ?? "";
	if (!isValidDeviceId(deviceId) || !hello.bootId || hello.bootId.length === 0) {
		const message = `Hello from ${session.link.label} has an invalid device_id "${deviceId}" or no boot_id.`;
		session.post({ error: { code: ProtocolErrorCode.CODE_BAD_MESSAGE, message, relatedSeq: envelope.seq } });
		session.refuse(
			new FieldchainError(ErrorCodes.FC_PROTO_UNEXPECTED, message, { hint: "device_id must be 1-64 of A-Z a-z 0-9 . _ - and boot_id must be set." }),
		);
		return;
	}
	if (session.context.expectedDeviceId && session.context.expectedDeviceId !== deviceId) {
		const message = `Device on ${session.link.label} says it is "${deviceId}" but authenticated as "${session.context.expectedDeviceId}".`;
		session.post({ error: { code: ProtocolErrorCode.CODE_BAD_MESSAGE, message, relatedSeq: envelope.seq } });
		session.refuse(new FieldchainError(ErrorCodes.FC_MQTT_FORBIDDEN, message));
		return;
	}
	if (session.identity && session.identity.deviceId !== deviceId) {
		// One link, one device: a device swapped behind an open port comes back on a new link.
		const message = `Device "${session.identity.deviceId}" on ${session.link.label} said hello as "${deviceId}"; a link keeps the id of its first hello.`;
		session.post({ error: { code: ProtocolErrorCode.CODE_BAD_MESSAGE, message, relatedSeq: envelope.seq } });
		session.noteProtocolError(new FieldchainError(ErrorCodes.FC_PROTO_UNEXPECTED, message, { hint: "Reconnect the device to change its id." }));
		return;
	}
	const claimRefused = session.identityGuard?.(deviceId, session);
	if (claimRefused) {
		// The error goes to the device first, then the link is closed; the proven session stays.
		session.refuse(claimRefused);
		session
			.send({ error: { code: ProtocolErrorCode.CODE_BAD_MESSAGE, message: claimRefused.message, relatedSeq: envelope.seq } })
			.catch(() => {})
			.finally(() => void session.close());
		return;
	}

	const identity = toIdentity(session, envelope);
	try {
		session.context.store.recordHello(identity);
	} catch (error) {
		// Without a device record nothing can be stored; stay in awaiting-hello so the next
		// hello (the device repeats it) tries again.
		session.noteProtocolError(isFieldchainError(error) ? error : new FieldchainError(ErrorCodes.FC_STORE_WRITE, String(error)));
		session.logger.error({ err: error, deviceId }, "could not record the device's hello");
		return;
	}
	session.link.setPeerMaxPayload(hello.maxPayload ?? 0);
	session.devicePayloadLimit = hello.maxPayload ?? 0;
	const wasReady = session.identity?.bootId;
	session.markReady(identity);
	if (wasReady !== identity.bootId) {
		session.logger.info(
			{
				deviceId,
				model: identity.model,
				firmware: identity.firmwareVersion,
				bootId: identity.bootId,
				link: session.link.label,
				transport: session.link.transport,
			},
			"device attached",
		);
	}
	// Always ack, even up_to_seq 0: the ack is also the gateway's acceptance of the hello, which
	// a device that booted after our host_hello (and so never saw it) waits for before streaming.
	session.sendAck(session.context.committer.watermark(deviceId, identity.bootId).ackedUpTo);
}

function toIdentity(session: DeviceSession, envelope: Envelope): DeviceIdentity {
	const hello = envelope.hello!;
	const calibration = hello.calibration;
	return {
		deviceId: hello.deviceId ?? "",
		model: hello.model ?? "",
		hardwareRevision: hello.hardwareRevision ?? "",
		firmwareVersion: hello.firmwareVersion ?? "",
		serialNumber: hello.serialNumber ?? "",
		protocolMajor: hello.protocolMajor ?? 0,
		protocolMinor: hello.protocolMinor ?? 0,
		capabilities: (hello.capabilities ?? []).map((capability) => ({
			quantity: capability.quantity ?? "",
			unit: capability.unit ?? "",
			rangeMin: capability.rangeMin ?? 0,
			rangeMax: capability.rangeMax ?? 0,
			resolution: capability.resolution ?? 0,
			channel: capability.channel ?? "",
		})),
		calibration: calibration
			? {
					certificateId: calibration.certificateId ?? "",
					calibratedAt: Number(calibration.calibratedAt ?? 0),
					dueAt: Number(calibration.dueAt ?? 0),
					laboratory: calibration.laboratory ?? "",
				}
			: undefined,
		bootId: Buffer.from(hello.bootId!).toString("hex"),
		transport: session.link.transport,
		seenAt: session.context.clock.now(),
	};
}
