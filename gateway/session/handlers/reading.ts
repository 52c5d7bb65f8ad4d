/** reading: hand it to the group committer; the ack follows once it is durable. */

import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import { type Envelope, ProtocolErrorCode } from "../../../protocol/codec.js";
import type { ReadingRow } from "../../store/reading-store.js";
import type { DeviceSession } from "../device-session.js";
import { noteDeviceTime } from "./time.js";

export function handleReading(session: DeviceSession, envelope: Envelope): void {
	const identity = session.identity;
	if (session.state !== "ready" || !identity) {
		// Not acked, so the device keeps it and sends it again after the handshake.
		session.counters.readingsBeforeHello++;
		if (session.counters.readingsBeforeHello === 1 && session.state === "awaiting-hello") session.sendHostHello();
		return;
	}
	const reading = envelope.reading!;
	const seq = reading.seq ?? 0;
	if (seq === 0) {
		session.noteProtocolError(new FieldchainError(ErrorCodes.FC_PROTO_UNEXPECTED, `Device ${identity.deviceId} sent a reading with seq 0; seqs start at 1.`));
		return;
	}
	session.counters.readingsReceived++;
	const time = session.context.time?.stamp();
	const row: ReadingRow = {
		deviceId: identity.deviceId,
		bootId: identity.bootId,
		seq,
		deviceTimeUs: Number(reading.deviceTimeUs ?? 0),
		quantity: reading.quantity ?? "",
		value: reading.value ?? 0,
		unit: reading.unit ?? "",
		flags: reading.flags ?? 0,
		channel: reading.channel ?? "",
		receivedAt: time ? time.timeMs : session.context.clock.now(),
		time,
	};
	if (time) noteDeviceTime(session, row, time);
	const refusal = session.context.admit?.(row);
	if (refusal) {
		// Not acked: the device keeps the reading and re-sends it; it is told why now and then.
		if (refusal.notify) session.post({ error: { code: ProtocolErrorCode.CODE_BUSY, message: refusal.message, relatedSeq: envelope.seq } });
		return;
	}
	session.context.committer.submit(row, session.onDurable, session.onRefused);
	if (session.listenerCount("reading") > 0) session.emit("reading", row);
}
