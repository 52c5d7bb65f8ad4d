/**
 * Evidence as a newer fieldchain would write it (README.md, "Format evolution"), for the tests:
 * a genuine WO-A bundle whose records, checkpoint or manifest carry extra fields in the hashed and
 * signed bytes. Built by hand because this code's encoders refuse fields they do not know.
 */
import { sign } from "node:crypto";
import { BUNDLE_FORMAT, type EvidenceBundle } from "../bundle.js";
import { contentHash, entryHash, genesisHash } from "../chain.js";
import { checkpointSigningBytes } from "../checkpoint.js";
import { accumulate, EMPTY_ACCUMULATOR, manifestHash, manifestsRoot } from "../manifest.js";
import { encodeCheckpoint, encodeManifest, encodeRecord, SUPPORTED_FORMAT } from "../record.js";
import { GATEWAY_ID, reading, testKey } from "./fixtures.js";

/** A format this code does not read yet. */
export const NEWER = SUPPORTED_FORMAT + 1;

/** Protobuf bytes of one field: a varint (wire type 0) or a length-delimited string (wire type 2). */
export function varintField(field: number, value: number): Buffer {
	return Buffer.from([...varint((field << 3) | 0), ...varint(value)]);
}
export function stringField(field: number, text: string): Buffer {
	const bytes = Buffer.from(text);
	return Buffer.from([...varint((field << 3) | 2), ...varint(bytes.length), ...bytes]);
}
function varint(value: number): number[] {
	const out: number[] = [];
	while (value > 0x7f) {
		out.push((value & 0x7f) | 0x80);
		value >>>= 7;
	}
	out.push(value);
	return out;
}

export interface NewerOptions {
	/** Bytes appended to each record of WO-A (fields numbered above every known one but 100, in field order). */
	recordTail?: Buffer;
	/** Bytes appended to the checkpoint (fields above 8). */
	checkpointTail?: Buffer;
	/** Bytes appended to the work order's manifest (fields above 6). */
	manifestTail?: Buffer;
	/** Sign the checkpoint with another key than the one in the bundle. */
	forge?: boolean;
}

/**
 * A genuine bundle for WO-A as a newer gateway would write it: five records (WO-A at 1, 3, 5), one
 * checkpoint at 5 with its manifests. The tails are inside the hashed and signed bytes.
 */
export function newerBundle(options: NewerOptions = {}): { bundle: EvidenceBundle; publicKeyRaw: Buffer } {
	const key = testKey();
	let prev: Buffer = genesisHash();
	const entries: EvidenceBundle["entries"] = [];
	const byWorkOrder = new Map<string, { count: number; first: number; last: number; acc: Uint8Array }>();
	let head = prev;
	for (let seq = 1; seq <= 5; seq++) {
		const workOrderId = seq % 2 === 1 ? "WO-A" : "WO-B";
		const base = Buffer.from(encodeRecord({ ...reading(workOrderId, seq), chainSeq: seq, prevHash: prev }));
		const bytes = workOrderId === "WO-A" && options.recordTail ? Buffer.concat([base, options.recordTail]) : base;
		const content = contentHash(bytes);
		const entry = entryHash(seq, prev, content);
		const state = byWorkOrder.get(workOrderId) ?? { count: 0, first: seq, last: seq, acc: EMPTY_ACCUMULATOR };
		byWorkOrder.set(workOrderId, { count: state.count + 1, first: state.first, last: seq, acc: accumulate(state.acc, entry) });
		entries.push(
			workOrderId === "WO-A"
				? { chainSeq: seq, full: bytes.toString("base64") }
				: { chainSeq: seq, redacted: { prevHash: prev.toString("hex"), contentHash: content.toString("hex") } },
		);
		prev = entry;
		head = entry;
	}
	const manifests = new Map<string, Buffer>();
	for (const [workOrderId, s] of byWorkOrder) {
		const base = Buffer.from(
			encodeManifest({ workOrderId, checkpointSeq: 5, recordCount: s.count, firstChainSeq: s.first, lastChainSeq: s.last, accumulator: s.acc }),
		);
		manifests.set(workOrderId, workOrderId === "WO-A" && options.manifestTail ? Buffer.concat([base, options.manifestTail]) : base);
	}
	const own = manifests.get("WO-A") as Buffer;
	const others = [...manifests.values()].filter((m) => m !== own).map((m) => manifestHash(m).toString("hex"));
	const fields = {
		gatewayId: GATEWAY_ID,
		chainSeq: 5,
		headHash: head,
		recordCount: 5,
		createdAtMs: 1_764_000_000_900,
		keyId: key.keyId,
		manifestsRoot: manifestsRoot([...manifests.values()].map(manifestHash)),
	};
	const tail = options.checkpointTail ?? Buffer.alloc(0);
	// What a newer gateway signs: the domain, the checkpoint without its signature, then its newer fields.
	const signed = Buffer.concat([checkpointSigningBytes(fields), tail]);
	const signer = options.forge ? testKey().privateKey : key.privateKey;
	const signature = sign(null, signed, signer);
	const checkpoint = Buffer.concat([encodeCheckpoint({ ...fields, signature }), tail]);
	const bundle: EvidenceBundle = {
		format: BUNDLE_FORMAT,
		gatewayId: GATEWAY_ID,
		publicKey: key.publicKeyRaw.toString("base64"),
		keyId: key.keyId.toString("hex"),
		workOrderId: "WO-A",
		entries,
		checkpoints: [{ chainSeq: 5, checkpoint: checkpoint.toString("base64") }],
		attachments: [],
		manifest: { chainSeq: 5, manifest: own.toString("base64"), others },
	};
	return { bundle, publicKeyRaw: key.publicKeyRaw };
}

/** Fields a newer format adds to a record: one this code does not know, and format_version above SUPPORTED_FORMAT. */
export const newerFields = Buffer.concat([stringField(99, "a field from the future"), varintField(100, NEWER)]);
