/**
 * Envelope encoding and decoding: the only place that touches the generated protobufjs code, so
 * the rest of the code base sees plain typed objects and FieldchainErrors.
 */
import "./protobuf-numbers.js";
import { ErrorCodes, FieldchainError } from "../platform/errors.js";
import { fastDecodeEnvelope } from "./fast-decode/envelope-decoder.js";
import { fieldchain } from "./generated/device.js";

export const v1 = fieldchain.device.v1;
export type Envelope = fieldchain.device.v1.Envelope;
export type EnvelopeInit = fieldchain.device.v1.IEnvelope;
export type Hello = fieldchain.device.v1.IHello;
export type HostHello = fieldchain.device.v1.IHostHello;
export type Reading = fieldchain.device.v1.IReading;
export type Command = fieldchain.device.v1.ICommand;
export type CommandResult = fieldchain.device.v1.ICommandResult;
export type Capability = fieldchain.device.v1.ICapability;
/** An inclusive run of reading seqs in a selective ack. */
export type SeqRange = { first: number; last: number };
export type BodyKind = NonNullable<Envelope["body"]>;

export const PROTOCOL_MAJOR = 1;
/** 1: selective acknowledgement and fast retransmit (protocol/README.md, "Fast recovery"). */
export const PROTOCOL_MINOR = 1;

export const ReadingFlag = fieldchain.device.v1.ReadingFlag;
export const CommandStatus = fieldchain.device.v1.CommandResult.Status;
export const EventKind = fieldchain.device.v1.Event.Kind;
export const ProtocolErrorCode = fieldchain.device.v1.Error.Code;

export function encodeEnvelope(envelope: EnvelopeInit): Uint8Array {
	return v1.Envelope.encode(envelope).finish();
}

/**
 * Decodes one Envelope; a malformed or empty message is a FieldchainError, never a crash. Readings
 * and acks take the specialised decoder (protocol/fast-decode), which hands anything it does not
 * specialise back to protobufjs.
 */
export function decodeEnvelope(bytes: Uint8Array): Envelope {
	const fast = Buffer.isBuffer(bytes) ? fastDecodeEnvelope(bytes) : undefined;
	if (fast !== undefined) return fast;
	let envelope: Envelope;
	try {
		envelope = v1.Envelope.decode(bytes);
	} catch (cause) {
		throw new FieldchainError(ErrorCodes.FC_PROTO_DECODE, `Malformed protobuf Envelope (${bytes.length} bytes): ${(cause as Error).message}.`, {
			cause,
			hint: "The sender does not speak fieldchain.device.v1; check its firmware and protocol version.",
		});
	}
	if (envelope.body === undefined) {
		throw new FieldchainError(ErrorCodes.FC_PROTO_EMPTY, `Envelope seq ${envelope.seq ?? 0} carries no message this gateway knows.`, {
			hint: "The device may speak a newer protocol minor version; the message was ignored.",
		});
	}
	return envelope;
}

/** Plain JSON view of an Envelope for logs, the monitor and golden vectors. */
export function envelopeToJson(envelope: Envelope): Record<string, unknown> {
	return v1.Envelope.toObject(envelope, { longs: Number, bytes: String, enums: String, defaults: false, oneofs: false }) as Record<string, unknown>;
}
