/**
 * The per-gateway hash chain of evidence records. Pure: no I/O, no clock, so the gateway can keep
 * the chain state in the same SQLite transaction as the records it appends.
 *
 *   content_hash = SHA-256(canonical record bytes)            (the bytes include chain_seq and prev_hash)
 *   entry_hash   = SHA-256("fieldchain/evidence/v1\0" || chain_seq as uint64 big-endian
 *                          || prev_hash (32 bytes) || content_hash (32 bytes))
 *
 * Record n's prev_hash is record n-1's entry_hash; record 1's prev_hash is 32 zero bytes. The two
 * levels let an export replace another work order's record by { chainSeq, prevHash, contentHash }
 * and still let the verifier recompute every entry_hash up to a signed checkpoint.
 */
import crypto from "node:crypto";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { type EvidenceRecordFields, encodeRecord } from "./record.js";

export const ENTRY_HASH_DOMAIN = "fieldchain/evidence/v1\0";
const DOMAIN_BYTES = Buffer.from(ENTRY_HASH_DOMAIN, "latin1");
export const HASH_LENGTH = 32;
const ENTRY_INPUT_LENGTH = DOMAIN_BYTES.length + 8 + 2 * HASH_LENGTH;

/** prev_hash of the first record (chain_seq 1). */
export function genesisHash(): Buffer {
	return Buffer.alloc(HASH_LENGTH);
}

export interface ChainState {
	/** chain_seq the next record gets: 1 for an empty chain. */
	nextSeq: number;
	/** entry_hash of the last record; 32 zero bytes for an empty chain. */
	headHash: Uint8Array;
}

export function initialChainState(): ChainState {
	return { nextSeq: 1, headHash: genesisHash() };
}

/** A record as given to append: everything except the chain fields, which the chain assigns. */
export type EvidenceRecordInit = Omit<EvidenceRecordFields, "chainSeq" | "prevHash" | "$unknowns">;

export interface ChainedBytes {
	chainSeq: number;
	/** Canonical bytes: store exactly these, hashes are over them. */
	bytes: Uint8Array;
	prevHash: Buffer;
	contentHash: Buffer;
	entryHash: Buffer;
}

export interface ChainedRecord extends ChainedBytes {
	/** The record as chained (chainSeq and prevHash filled in). */
	record: EvidenceRecordFields & { chainSeq: number; prevHash: Buffer };
}

// crypto.hash (one-shot, Node >= 20.12) skips the Hash object's setup: ~0.4 µs instead of ~0.8 µs
// for a record. Older Node 20 releases lack it and use createHash.
const oneShotHash = typeof crypto.hash === "function" ? crypto.hash : undefined;

/**
 * SHA-256 as a Buffer. The digest is asked for as a latin1 ("binary") string, one char per byte,
 * and copied into a Buffer in JavaScript: a Buffer made by the native side costs ~0.5 µs more.
 */
function sha256(data: Uint8Array): Buffer {
	const digest = oneShotHash ? oneShotHash("sha256", data, "binary") : crypto.createHash("sha256").update(data).digest("binary");
	return Buffer.from(digest, "latin1");
}

export function contentHash(canonicalBytes: Uint8Array): Buffer {
	return sha256(canonicalBytes);
}

// The entry_hash input, reused: domain (23) || chain_seq (8, big-endian) || prev_hash (32) ||
// content_hash (32). The domain is written once; hashing is synchronous, so sharing it is safe.
const SEQ_OFFSET = DOMAIN_BYTES.length;
const PREV_OFFSET = SEQ_OFFSET + 8;
const CONTENT_OFFSET = PREV_OFFSET + HASH_LENGTH;
const entryInput = Buffer.alloc(ENTRY_INPUT_LENGTH);
DOMAIN_BYTES.copy(entryInput, 0);

export function entryHash(chainSeq: number, prevHash: Uint8Array, contentHash: Uint8Array): Buffer {
	if (!Number.isSafeInteger(chainSeq) || chainSeq < 1) throw chainError(`chain_seq ${chainSeq} is not a positive safe integer`);
	if (prevHash.length !== HASH_LENGTH || contentHash.length !== HASH_LENGTH) throw chainError("prev_hash and content_hash must be 32 bytes");
	entryInput.writeUInt32BE(Math.floor(chainSeq / 0x1_0000_0000), SEQ_OFFSET);
	entryInput.writeUInt32BE(chainSeq >>> 0, SEQ_OFFSET + 4);
	entryInput.set(prevHash, PREV_OFFSET);
	entryInput.set(contentHash, CONTENT_OFFSET);
	return sha256(entryInput);
}

function chainError(message: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_EVIDENCE_CHAIN, `Evidence chain: ${message}.`, {
		hint: "The persisted chain state is damaged or was not restored; restore it from the last stored record.",
	});
}

export class EvidenceChain {
	#nextSeq: number;
	#headHash: Buffer;

	constructor(state: ChainState = initialChainState()) {
		if (!Number.isSafeInteger(state.nextSeq) || state.nextSeq < 1) throw chainError(`nextSeq ${state.nextSeq} is not a positive safe integer`);
		if (!(state.headHash instanceof Uint8Array) || state.headHash.length !== HASH_LENGTH) throw chainError("headHash must be 32 bytes");
		if (state.nextSeq === 1 && !Buffer.from(state.headHash).equals(genesisHash()))
			throw chainError("an empty chain (nextSeq 1) must have the all-zero headHash");
		this.#nextSeq = state.nextSeq;
		this.#headHash = Buffer.from(state.headHash);
	}

	/** A copy of the current state: persist it with the record append() returned. */
	get state(): ChainState {
		return { nextSeq: this.#nextSeq, headHash: Buffer.from(this.#headHash) };
	}

	/**
	 * Chains one record: assigns chain_seq and prev_hash, encodes canonically, hashes, and advances
	 * the state. An invalid record throws FC_EVIDENCE_INVALID and leaves the state unchanged. If the
	 * caller's transaction then fails, it must rebuild the chain from the state it last persisted.
	 */
	append(init: EvidenceRecordInit): ChainedRecord {
		const chainSeq = this.#nextSeq;
		const prevHash = this.#headHash;
		// Object.assign, not `{ ...init, chainSeq, prevHash }`: V8 (Node 20) gives every object made by
		// spread-then-add a hidden class of its own, which made that copy ~3 µs and every property
		// read of the encoder megamorphic. The two differ only for an own "__proto__" key (assign
		// sets the prototype instead), which the encoder must see and refuse: spread for that.
		const record = Object.hasOwn(init, "__proto__") ? { ...init, chainSeq, prevHash } : Object.assign({}, init, { chainSeq, prevHash });
		return { ...this.advance(encodeRecord(record)), record };
	}

	/**
	 * Chains a record its caller encodes (ReadingRecordTemplate, for readings at full rate): the
	 * callback gets the chain fields and must return the canonical bytes of a record carrying
	 * them. Throwing leaves the state unchanged, as in append.
	 */
	appendEncoded(encode: (chainSeq: number, prevHash: Buffer) => Uint8Array): ChainedBytes {
		return this.advance(encode(this.#nextSeq, this.#headHash));
	}

	private advance(bytes: Uint8Array): ChainedBytes {
		const chainSeq = this.#nextSeq;
		const prevHash = this.#headHash;
		const content = contentHash(bytes);
		const entry = entryHash(chainSeq, prevHash, content);
		this.#nextSeq = chainSeq + 1;
		this.#headHash = entry;
		return { chainSeq, bytes, prevHash, contentHash: content, entryHash: entry };
	}
}
