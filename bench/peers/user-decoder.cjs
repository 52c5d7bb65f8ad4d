/**
 * The decoder a Node-RED user or a glue-script author would write for protocol v1 from
 * protocol/README.md ("Serial framing"): one frame = COBS(payload || CRC-32C LE) 0x00, the payload
 * a fieldchain.device.v1.Envelope decoded with protobufjs from device.proto. Plain CommonJS so the
 * Node-RED settings file can hand it to a function node through functionGlobalContext, and the glue
 * bridge can require it: both peers decode the same way, neither uses fieldchain's own fast path.
 * Invariant: returns the Reading of a good reading frame, null for any other frame (a Hello, a
 * heartbeat, a bad CRC or garbage), and never throws.
 */
const { join } = require("node:path");
const protobuf = require("protobufjs");
const { buf: crc32c } = require("crc-32/crc32c");

const root = protobuf.loadSync(join(__dirname, "..", "..", "protocol", "device", "v1", "device.proto"));
const Envelope = root.lookupType("fieldchain.device.v1.Envelope");

/** COBS decode of one frame without its 0x00 delimiter; null when malformed. */
function cobsDecode(encoded) {
	const out = Buffer.allocUnsafe(encoded.length);
	let read = 0;
	let write = 0;
	while (read < encoded.length) {
		const code = encoded[read++];
		if (code === 0 || read + code - 1 > encoded.length) return null;
		for (let i = 1; i < code; i++) out[write++] = encoded[read++];
		if (code < 0xff && read < encoded.length) out[write++] = 0;
	}
	return out.subarray(0, write);
}

/** A frame as the serial node or a DelimiterParser hands it over (with or without the trailing 0x00). */
function decodeReadingFrame(frame) {
	const end = frame.length > 0 && frame[frame.length - 1] === 0 ? frame.length - 1 : frame.length;
	const raw = cobsDecode(frame.subarray(0, end));
	if (raw === null || raw.length < 5) return null;
	const payload = raw.subarray(0, raw.length - 4);
	if (crc32c(payload) >>> 0 !== raw.readUInt32LE(raw.length - 4)) return null;
	try {
		const envelope = Envelope.decode(payload);
		if (!envelope.reading) return null;
		return Envelope.toObject(envelope, { longs: Number, defaults: true }).reading;
	} catch {
		return null;
	}
}

module.exports = { decodeReadingFrame };
