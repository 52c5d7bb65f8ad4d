import { once } from "node:events";
import { Duplex, PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { ErrorCodes, type FieldchainError } from "../../platform/errors.js";
import { type Envelope, encodeEnvelope } from "../codec.js";
import { encodeFrame } from "../framing/frame.js";
import { StreamLink } from "./stream-link.js";

/**
 * Two connected in-memory byte streams, like the two ends of a null-modem cable: what one end
 * writes the other reads. (node:stream duplexPair needs Node 22.) Destroying or ending one end
 * ends the other end's readable side, as a closed pty or socket would.
 */
function cable(): [Duplex, Duplex] {
	const aToB = new PassThrough();
	const bToA = new PassThrough();
	const end = (writable: PassThrough) =>
		new Duplex({
			read() {}, // data is pushed as the other end writes it
			write(chunk, _encoding, callback) {
				writable.write(chunk, callback);
			},
			final(callback) {
				writable.end();
				callback();
			},
			destroy(error, callback) {
				writable.end();
				callback(error);
			},
		});
	const a = end(aToB);
	const b = end(bToA);
	bToA.on("data", (chunk) => a.push(chunk));
	bToA.on("end", () => a.push(null));
	aToB.on("data", (chunk) => b.push(chunk));
	aToB.on("end", () => b.push(null));
	return [a, b];
}

const links: StreamLink[] = [];
afterEach(async () => {
	await Promise.all(links.splice(0).map((link) => link.close()));
});

function linkPair(options: { maxPayloadB?: number } = {}): [StreamLink, StreamLink] {
	const [a, b] = cable();
	const pair: [StreamLink, StreamLink] = [new StreamLink(a, { label: "host" }), new StreamLink(b, { label: "device", maxPayload: options.maxPayloadB })];
	links.push(...pair);
	return pair;
}

/** A link on one end (port) of a cable, and the raw other end (wire) with what it received. */
function linkAndWire(): { link: StreamLink; port: Duplex; wire: Duplex; received: Buffer[] } {
	const [port, wire] = cable();
	const received: Buffer[] = [];
	wire.on("data", (chunk: Buffer) => received.push(chunk));
	const link = new StreamLink(port, { label: "ttyTEST" });
	links.push(link);
	return { link, port, wire, received };
}

const nextEnvelope = (link: StreamLink) => once(link, "envelope").then(([envelope]) => envelope as Envelope);
const nextLinkError = (link: StreamLink) => once(link, "linkError").then(([error]) => error as FieldchainError);

describe("StreamLink", () => {
	it("exchanges Envelopes both ways", async () => {
		const [host, device] = linkPair();
		const atDevice = nextEnvelope(device);
		await host.send({ seq: 1, hostHello: { gatewayId: "gw-1", protocolMajor: 1, maxPayload: 1024, hostTimeUs: 1_764_000_000_000_000 } });
		expect(await atDevice).toMatchObject({ seq: 1, body: "hostHello", hostHello: { gatewayId: "gw-1", hostTimeUs: 1_764_000_000_000_000 } });

		const atHost = nextEnvelope(host);
		await device.send({ seq: 1, hello: { deviceId: "fc-1", protocolMajor: 1, bootId: Uint8Array.of(1, 0, 2) } });
		const hello = await atHost;
		expect(hello.hello).toMatchObject({ deviceId: "fc-1", protocolMajor: 1 });
		expect([...hello.hello!.bootId!]).toEqual([1, 0, 2]);

		expect(host.counters).toMatchObject({ framesOut: 1, framesIn: 1, resyncs: 0, undecodable: 0 });
		expect(device.counters).toMatchObject({ framesOut: 1, framesIn: 1 });
		expect(host.transport).toBe("serial");
		expect(host.label).toBe("host");
	});

	it("delivers many Envelopes in order", async () => {
		const [host, device] = linkPair();
		const seen: number[] = [];
		device.on("envelope", (envelope) => seen.push(envelope.reading!.seq!));
		const done = new Promise<void>((resolve) => device.on("envelope", (e) => e.reading!.seq === 100 && resolve()));
		for (let seq = 1; seq <= 100; seq++) void host.send({ seq, reading: { seq, quantity: "voltage", value: seq / 10, unit: "V" } });
		await done;
		expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
	});

	it("writes one 0x00 when it opens, unless told not to", async () => {
		const { received } = linkAndWire();
		await new Promise((resolve) => setImmediate(resolve));
		expect(Buffer.concat(received)).toEqual(Buffer.of(0));

		const [a, b] = cable();
		const quiet: Buffer[] = [];
		b.on("data", (chunk: Buffer) => quiet.push(chunk));
		links.push(new StreamLink(a, { label: "quiet", leadingDelimiter: false }));
		await new Promise((resolve) => setImmediate(resolve));
		expect(quiet).toEqual([]);
	});

	it("sends exactly encodeFrame(encodeEnvelope(envelope))", async () => {
		const { link, received } = linkAndWire();
		const envelope = { seq: 3, ack: { upToSeq: 17 } };
		await link.send(envelope);
		expect(Buffer.concat(received)).toEqual(Buffer.concat([Buffer.of(0), encodeFrame(encodeEnvelope(envelope))]));
	});

	it("reports garbage as linkError, resynchronises and keeps working", async () => {
		const { link, wire } = linkAndWire();
		const errors: FieldchainError[] = [];
		link.on("linkError", (error) => errors.push(error));
		const envelope = nextEnvelope(link);
		wire.write(Buffer.from("line noise \x07\x08\x00", "latin1"));
		wire.write(encodeFrame(encodeEnvelope({ seq: 5, heartbeat: { batteryPercent: 80 } })));
		expect((await envelope).heartbeat!.batteryPercent).toBe(80);
		expect(errors).toHaveLength(1);
		expect([ErrorCodes.FC_FRAME_COBS, ErrorCodes.FC_FRAME_CRC]).toContain(errors[0].code);
		expect(errors[0].details).toMatchObject({ discardedBytes: 13 });
		expect(link.counters.resyncs).toBe(1);
	});

	it("maps each framing error kind to its FieldchainError code", async () => {
		const { link, wire } = linkAndWire();
		const codes: string[] = [];
		link.on("linkError", (error) => codes.push(error.code));
		const bad = encodeFrame(encodeEnvelope({ seq: 1, ack: { upToSeq: 1 } }));
		bad[2] ^= 0x20; // a data byte, and it stays non-zero: the COBS structure is intact
		wire.write(bad); // CRC
		wire.write(Buffer.from("090102030400", "hex")); // COBS: code 09 runs past the delimiter
		wire.write(Buffer.from("020500", "hex")); // short: one byte, no room for a CRC
		wire.write(Buffer.concat([Buffer.alloc(1100, 0x41), Buffer.of(0)])); // oversized for 1024
		wire.write(encodeFrame(encodeEnvelope({ seq: 2, ack: { upToSeq: 2 } })));
		await nextEnvelope(link);
		expect(codes).toEqual(["FC_FRAME_CRC", "FC_FRAME_COBS", "FC_FRAME_SHORT", "FC_FRAME_OVERSIZED"]);
		expect(link.counters).toMatchObject({ badCrc: 1, badCobs: 1, short: 1, oversized: 1, resyncs: 4, framesIn: 1 });
	});

	it("reports a CRC-valid frame holding no valid Envelope as FC_PROTO_DECODE / FC_PROTO_EMPTY", async () => {
		const { link, wire } = linkAndWire();
		const first = nextLinkError(link);
		wire.write(encodeFrame(Uint8Array.of(0x52, 0x05, 0x0a)));
		expect((await first).code).toBe(ErrorCodes.FC_PROTO_DECODE);
		const second = nextLinkError(link);
		wire.write(encodeFrame(Uint8Array.of(0x08, 0x05)));
		expect((await second).code).toBe(ErrorCodes.FC_PROTO_EMPTY);
		expect(link.counters).toMatchObject({ undecodable: 2, framesIn: 2 });
	});

	it("refuses an Envelope above the peer's max_payload with a rejected promise", async () => {
		const [host] = linkPair();
		host.setPeerMaxPayload(64);
		const big = { seq: 1, event: { detail: "x".repeat(100) } };
		await expect(host.send(big)).rejects.toMatchObject({ code: ErrorCodes.FC_PROTO_TOO_LARGE });
		host.setPeerMaxPayload(0); // back to the default 1024
		await expect(host.send(big)).resolves.toBeUndefined();
		await expect(host.send({ event: { detail: "x".repeat(1100) } })).rejects.toMatchObject({ code: ErrorCodes.FC_PROTO_TOO_LARGE });
	});

	it("drops frames above its own maxPayload", async () => {
		const [host, device] = linkPair({ maxPayloadB: 32 });
		const error = nextLinkError(device);
		await host.send({ event: { detail: "y".repeat(64) } });
		expect((await error).code).toBe(ErrorCodes.FC_FRAME_OVERSIZED);
	});

	it("emits close on both ends when one end closes, and refuses to send afterwards", async () => {
		const [host, device] = linkPair();
		const hostClosed = once(host, "close");
		const deviceClosed = once(device, "close");
		await host.close();
		expect(await hostClosed).toEqual([undefined]);
		expect(await deviceClosed).toEqual([undefined]);
		expect(host.closed).toBe(true);
		expect(device.closed).toBe(true);
		await expect(host.send({ heartbeat: {} })).rejects.toMatchObject({ code: ErrorCodes.FC_SERIAL_CLOSED });
		await expect(host.sendRaw(Uint8Array.of(0))).rejects.toMatchObject({ code: ErrorCodes.FC_SERIAL_CLOSED });
		await host.close(); // idempotent
	});

	it("emits close once, with the reason, when the stream fails", async () => {
		const { link, port, wire } = linkAndWire();
		const closes: unknown[] = [];
		link.on("close", (reason) => closes.push(reason));
		const failure = new Error("USB unplugged");
		port.destroy(failure);
		await once(wire, "end");
		await new Promise((resolve) => setImmediate(resolve));
		expect(closes).toEqual([failure]);
		expect(link.closed).toBe(true);
	});
});
