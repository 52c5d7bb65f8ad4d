/**
 * 1. Frame decode: a serial byte stream of reading frames, fed to FrameDecoder in 64 KiB chunks,
 * each payload decoded with decodeEnvelope (COBS + CRC-32C + the specialised Envelope decoder of
 * protocol/fast-decode). Baseline: protobufjs alone on the same payloads. Target: 1.5M frames/s and
 * at least 0.8 of the baseline.
 */
import { decodeEnvelope, v1 } from "../protocol/codec.js";
import { FrameDecoder } from "../protocol/framing/frame-decoder.js";
import { chunksOf, makeReadingStream } from "./fixtures.js";
import { type Row, ratioOf, repeat, summarize } from "./stats.js";

export const FRAME_COUNT = 200_000;
const TARGET_FRAMES_PER_SECOND = 1_500_000;
const TARGET_RATIO = 0.8;

export async function benchFrameDecode(runs: number): Promise<Row[]> {
	const stream = makeReadingStream(FRAME_COUNT);
	const chunks = chunksOf(stream.wire);

	/** Seconds to decode the whole stream; checks that every reading came through intact. */
	const decodeAll = (): number => {
		let frames = 0;
		let seqSum = 0;
		const decoder = new FrameDecoder({
			onFrame: (payload) => {
				frames++;
				seqSum += decodeEnvelope(payload).reading!.seq!;
			},
		});
		const started = performance.now();
		for (const chunk of chunks) decoder.push(chunk);
		const seconds = (performance.now() - started) / 1000;
		check(frames, seqSum, decoder.stats.resyncs);
		return seconds;
	};

	const bareDecode = (): number => {
		let frames = 0;
		let seqSum = 0;
		const started = performance.now();
		for (const payload of stream.payloads) {
			frames++;
			seqSum += v1.Envelope.decode(payload).reading!.seq!;
		}
		const seconds = (performance.now() - started) / 1000;
		check(frames, seqSum, 0);
		return seconds;
	};

	// Interleaved so both see the same machine state; two warm-up rounds let V8 optimise both.
	const decodeSeconds: number[] = [];
	const bareSeconds: number[] = [];
	await repeat(
		runs,
		(run) => {
			const decode = decodeAll();
			const bare = bareDecode();
			if (run >= 0) {
				decodeSeconds.push(decode);
				bareSeconds.push(bare);
			}
			return decode;
		},
		2,
	);

	const framesPerSecond = summarize(decodeSeconds.map((s) => FRAME_COUNT / s));
	const bareFramesPerSecond = summarize(bareSeconds.map((s) => FRAME_COUNT / s));
	const megabytesPerSecond = summarize(decodeSeconds.map((s) => stream.wire.length / s / 1e6));
	const payloadBytes = stream.payloads.reduce((sum, payload) => sum + payload.length, 0);
	const bareMegabytesPerSecond = summarize(bareSeconds.map((s) => payloadBytes / s / 1e6));
	return [
		{
			benchmark: "1 frame decode",
			metric: "frames/s",
			unit: `${FRAME_COUNT / 1000}k frames, ${(stream.wire.length / FRAME_COUNT).toFixed(1)} B/frame`,
			value: framesPerSecond,
			baseline: bareFramesPerSecond,
			baselineLabel: "(protobufjs only)",
			ratio: ratioOf(framesPerSecond, bareFramesPerSecond),
			target: ">= 1,500,000, ratio >= 0.8",
			met: framesPerSecond.median >= TARGET_FRAMES_PER_SECOND && ratioOf(framesPerSecond, bareFramesPerSecond) >= TARGET_RATIO,
		},
		{
			benchmark: "1 frame decode",
			metric: "MB/s",
			unit: "wire bytes; baseline: payload bytes",
			value: megabytesPerSecond,
			baseline: bareMegabytesPerSecond,
			baselineLabel: "(protobufjs only)",
			ratio: ratioOf(megabytesPerSecond, bareMegabytesPerSecond),
		},
	];
}

function check(frames: number, seqSum: number, resyncs: number): void {
	const expectedSum = (FRAME_COUNT * (FRAME_COUNT + 1)) / 2;
	if (frames !== FRAME_COUNT || seqSum !== expectedSum || resyncs !== 0) {
		throw new Error(`frame decode: got ${frames} frames (seq sum ${seqSum}, ${resyncs} resyncs), expected ${FRAME_COUNT}`);
	}
}
