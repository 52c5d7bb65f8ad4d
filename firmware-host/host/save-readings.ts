/**
 * `device flash --save-readings FILE`: at a bench there is no gateway, and a device that still
 * holds unacknowledged readings refuses to reset. This takes them over the maintenance link,
 * appends them to FILE as JSON lines and flushes the file to disk, and only then acks them.
 * Invariant: a reading is acked only after it is on disk, and only as part of a gap-free run from
 * the oldest unacked seq, so an ack can never cover a reading this host did not store.
 */
import { closeSync, fsyncSync, openSync, writeSync } from "node:fs";
import { ErrorCodes, FieldchainError, toError } from "../../platform/errors.js";
import { type Envelope, envelopeToJson } from "../../protocol/codec.js";
import type { DeviceConnection } from "./device-connection.js";

export interface SavedReadings {
	saved: number;
	file: string;
}

/** Stops the device measuring, stores every unacked reading in `file`, acks them. */
export async function saveUnackedReadings(connection: DeviceConnection, file: string, options: { timeoutMs?: number } = {}): Promise<SavedReadings> {
	// Stop measuring first, or the backlog grows while we drain it.
	await connection.request({ command: { stopStreaming: {} } }, "commandResult");
	const status = await deviceStatus(connection);
	const unacked = status.unackedReadings ?? 0;
	if (unacked === 0) return { saved: 0, file };
	const next = status.nextReadingSeq ?? 0;
	const oldest = next - unacked;
	const bootId = connection.hello?.bootId ?? new Uint8Array();
	const got = new Map<number, Envelope>();
	const onEnvelope = (envelope: Envelope) => {
		const seq = envelope.reading?.seq ?? 0;
		if (envelope.body === "reading" && seq >= oldest && seq < next && !got.has(seq)) got.set(seq, envelope);
	};
	connection.on("envelope", onEnvelope);
	try {
		// A host that is not a maintenance host gets the backlog re-sent (protocol/README.md, Session).
		await connection.greet(undefined, undefined, false);
		const deadline = Date.now() + (options.timeoutMs ?? 60_000);
		// Lost frames come again with the device's resend timer: wait for a gap-free run.
		while (got.size < unacked) {
			if (Date.now() > deadline)
				throw new FieldchainError(
					ErrorCodes.FC_PROTO_TIMEOUT,
					`Received ${got.size} of the device's ${unacked} unacked readings; none were acked, so the device still holds them all.`,
					{ hint: "Check the cable and run the command again." },
				);
			await connection.sleep(100);
		}
		appendDurably(
			file,
			connection,
			[...got.keys()].sort((a, b) => a - b).map((seq) => got.get(seq)!),
		);
		// Ack, then check the device let go of them; an ack lost on the line is simply sent again.
		for (let attempt = 1; ; attempt++) {
			connection.send({ ack: { upToSeq: next - 1, bootId } });
			await connection.sleep(200);
			const after = await deviceStatus(connection);
			if ((after.unackedReadings ?? 0) === 0) break;
			if (attempt >= 10)
				throw new FieldchainError(
					ErrorCodes.FC_FIRMWARE_STATE,
					`The device still reports ${after.unackedReadings} unacked readings after ${attempt} acks; the readings are saved in ${file}.`,
				);
		}
		await connection.greet(undefined, undefined, true);
		return { saved: got.size, file };
	} finally {
		connection.off("envelope", onEnvelope);
	}
}

async function deviceStatus(connection: DeviceConnection) {
	const result = (await connection.request({ command: { getStatus: {} } }, "commandResult")).commandResult!;
	return result.deviceStatus ?? {};
}

/** One JSON line per reading, the device and boot it came from included; on disk before returning. */
function appendDurably(file: string, connection: DeviceConnection, readings: Envelope[]): void {
	const deviceId = connection.hello?.deviceId ?? "";
	const bootId = Buffer.from(connection.hello?.bootId ?? []).toString("hex");
	const lines = readings.map((envelope) => `${JSON.stringify({ deviceId, bootId, ...(envelopeToJson(envelope).reading as object) })}\n`).join("");
	let fd: number | undefined;
	try {
		fd = openSync(file, "a", 0o600);
		writeSync(fd, lines);
		fsyncSync(fd);
	} catch (error) {
		throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `Cannot write --save-readings ${file}: ${toError(error).message}; no reading was acked.`, {
			hint: "Pass a file in a writable directory.",
		});
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}
