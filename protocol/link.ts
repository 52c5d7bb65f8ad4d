/**
 * A link carries Envelopes between one device and one host, whatever the transport underneath
 * (a serial line with COBS framing, an MQTT topic pair, an in-memory pair in unit tests). The
 * device simulator and the gateway session both speak only to this interface.
 */
import type { EventEmitter } from "node:events";
import { ErrorCodes, FieldchainError, isFieldchainError, toError } from "../platform/errors.js";
import { decodeEnvelope, type Envelope, type EnvelopeInit } from "./codec.js";

export type TransportKind = "serial" | "mqtt" | "memory";

export interface LinkCounters {
	framesIn: number;
	framesOut: number;
	badCrc: number;
	badCobs: number;
	oversized: number;
	short: number;
	resyncs: number;
	/** Frames that passed CRC but held no valid Envelope. */
	undecodable: number;
}

export interface LinkEvents {
	envelope: [envelope: Envelope];
	/** Bad input on the link (framing or protobuf). The link stays open. */
	linkError: [error: FieldchainError];
	/** The link is gone (port closed, client disconnected); `reason` when it died of an error. */
	close: [reason: Error | undefined];
}

export interface EnvelopeLink extends EventEmitter<LinkEvents> {
	readonly transport: TransportKind;
	/** Where the link goes: a serial path, an MQTT client id. Never identity: that is Hello.device_id. */
	readonly label: string;
	readonly counters: LinkCounters;
	readonly closed: boolean;
	/** Resolves once the bytes are handed to the transport; rejects if the link is closed. */
	send(envelope: EnvelopeInit): Promise<void>;
	/** The peer's max_payload, from its hello; messages above it are refused before sending. */
	setPeerMaxPayload(maxPayload: number): void;
	/** Raw bytes past the codec, for fault injection (garbage, corrupt frames). Optional. */
	sendRaw?(bytes: Uint8Array): Promise<void>;
	close(): Promise<void>;
}

export function emptyLinkCounters(): LinkCounters {
	return { framesIn: 0, framesOut: 0, badCrc: 0, badCobs: 0, oversized: 0, short: 0, resyncs: 0, undecodable: 0 };
}

/**
 * Decodes one received message and emits it as 'envelope', or as 'linkError' (counted in
 * `undecodable`) when it is not a valid Envelope. Shared by every transport so that bad input is
 * treated the same way everywhere: counted, reported, never thrown.
 */
export function emitDecoded(link: EventEmitter<LinkEvents>, counters: Pick<LinkCounters, "undecodable">, bytes: Uint8Array): void {
	let envelope: Envelope;
	try {
		envelope = decodeEnvelope(bytes);
	} catch (error) {
		counters.undecodable++;
		link.emit("linkError", isFieldchainError(error) ? error : new FieldchainError(ErrorCodes.FC_PROTO_DECODE, toError(error).message));
		return;
	}
	link.emit("envelope", envelope);
}
