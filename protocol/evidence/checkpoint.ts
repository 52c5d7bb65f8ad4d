/**
 * Signed checkpoints: the gateway's Ed25519 signature over its chain head. Signing every record
 * would cost too much at full rate, so the gateway seals the chain every N records or T ms; a
 * record is "sealed" once a valid checkpoint covers it.
 */
import { type KeyObject, sign, verify } from "node:crypto";
import protobuf from "protobufjs/minimal.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { keyIdOf, publicKeyFromRaw } from "./keys.js";
import { type Checkpoint, decodeCheckpoint, encodeCheckpoint } from "./record.js";

/** Prefix of the signed message, so a checkpoint signature can never be replayed as anything else. */
export const CHECKPOINT_SIGNATURE_DOMAIN = "fieldchain/checkpoint/v1\0";
const DOMAIN_BYTES = Buffer.from(CHECKPOINT_SIGNATURE_DOMAIN, "latin1");

export interface CheckpointFields {
	gatewayId: string;
	/** The last record covered. */
	chainSeq: number;
	/** entry_hash of that record. */
	headHash: Uint8Array;
	/** Records in the chain up to chainSeq: equal to chainSeq. */
	recordCount: number;
	createdAtMs: number;
	/** SHA-256 of the raw public key. */
	keyId: Uint8Array;
	/** Root of the work-order manifests issued with the checkpoint (manifest.ts); absent or empty when none. */
	manifestsRoot?: Uint8Array;
}

export interface SignedCheckpoint extends CheckpointFields {
	signature: Buffer;
	/** Canonical bytes of the whole Checkpoint message, signature included: store and export these. */
	bytes: Uint8Array;
}

/** The exact bytes that are signed: domain || canonical Checkpoint with the signature field empty. */
export function checkpointSigningBytes(fields: CheckpointFields): Buffer {
	const unsigned = encodeCheckpoint({ ...pick(fields), signature: undefined });
	return Buffer.concat([DOMAIN_BYTES, unsigned]);
}

function pick(fields: CheckpointFields): CheckpointFields {
	const { gatewayId, chainSeq, headHash, recordCount, createdAtMs, keyId, manifestsRoot } = fields;
	// An empty root is written as no field at all, so checkpoints without manifests keep their bytes.
	return manifestsRoot?.length
		? { gatewayId, chainSeq, headHash, recordCount, createdAtMs, keyId, manifestsRoot }
		: { gatewayId, chainSeq, headHash, recordCount, createdAtMs, keyId };
}

export function signCheckpoint(fields: CheckpointFields, privateKey: KeyObject): SignedCheckpoint {
	if (privateKey.asymmetricKeyType !== "ed25519" || privateKey.type !== "private") {
		throw new FieldchainError(ErrorCodes.FC_EVIDENCE_KEY, "Checkpoints are signed with the gateway's Ed25519 private key.");
	}
	if (fields.recordCount !== fields.chainSeq) {
		throw new FieldchainError(ErrorCodes.FC_EVIDENCE_INVALID, `Checkpoint recordCount ${fields.recordCount} differs from chainSeq ${fields.chainSeq}.`, {
			hint: "Chain sequence numbers start at 1 without gaps, so the two are equal.",
		});
	}
	const signature = sign(null, checkpointSigningBytes(fields), privateKey);
	const plain = pick(fields);
	return { ...plain, signature, bytes: encodeCheckpoint({ ...plain, signature }) };
}

/**
 * True when the checkpoint (decoded, or its canonical bytes) names this key and carries a valid
 * Ed25519 signature by it. Does not compare the head hash with a chain: see verifyBundle.
 */
export function verifyCheckpoint(checkpoint: SignedCheckpoint | Checkpoint | Uint8Array, publicKeyRaw: Uint8Array): boolean {
	let decoded: CheckpointFields & { signature: Uint8Array };
	try {
		decoded = checkpoint instanceof Uint8Array ? decodeCheckpoint(checkpoint) : checkpoint;
	} catch {
		return false;
	}
	if (publicKeyRaw.length !== 32 || decoded.signature.length !== 64) return false;
	if (!Buffer.from(decoded.keyId).equals(keyIdOf(publicKeyRaw))) return false;
	try {
		return verify(null, checkpointSigningBytes(decoded), publicKeyFromRaw(publicKeyRaw), decoded.signature);
	} catch {
		return false;
	}
}

/**
 * The signed bytes of a checkpoint taken from its raw bytes: the domain and every field but the
 * signature (field 7), as given. For canonical bytes this is exactly what checkpointSigningBytes
 * re-encodes; unlike it, it keeps fields this code does not know, so a checkpoint of a newer
 * evidence format (README.md, "Format evolution") can still be told genuine or forged.
 */
export function rawSigningBytes(raw: Uint8Array): Buffer | undefined {
	try {
		const reader = protobuf.Reader.create(raw);
		const kept: Uint8Array[] = [DOMAIN_BYTES];
		while (reader.pos < reader.len) {
			const start = reader.pos;
			const tag = reader.uint32();
			reader.skipType(tag & 7);
			if (tag >>> 3 !== 7) kept.push(raw.subarray(start, reader.pos));
		}
		return Buffer.concat(kept);
	} catch {
		return undefined;
	}
}

/** verifyCheckpoint over raw bytes whatever their format: `fields` is what could be decoded of them (key id, signature). */
export function verifyCheckpointRaw(raw: Uint8Array, fields: { keyId: Uint8Array; signature: Uint8Array }, publicKeyRaw: Uint8Array): boolean {
	if (publicKeyRaw.length !== 32 || fields.signature.length !== 64) return false;
	if (!Buffer.from(fields.keyId).equals(keyIdOf(publicKeyRaw))) return false;
	const signed = rawSigningBytes(raw);
	if (!signed) return false;
	try {
		return verify(null, signed, publicKeyFromRaw(publicKeyRaw), fields.signature);
	} catch {
		return false;
	}
}

export interface CheckpointPolicyOptions {
	/** Seal when this many records are unsealed. */
	everyRecords: number;
	/** Seal when this long has passed since the last checkpoint and at least one record is unsealed. */
	everyMs: number;
}

export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicyOptions = { everyRecords: 1000, everyMs: 1000 };

/** When to seal: pure, the caller supplies the counts and the clock. */
export class CheckpointPolicy {
	readonly everyRecords: number;
	readonly everyMs: number;

	constructor(options: Partial<CheckpointPolicyOptions> = {}) {
		const { everyRecords, everyMs } = { ...DEFAULT_CHECKPOINT_POLICY, ...options };
		if (!Number.isSafeInteger(everyRecords) || everyRecords < 1)
			throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `Checkpoint everyRecords must be a positive integer, got ${everyRecords}.`);
		if (!Number.isFinite(everyMs) || everyMs < 0)
			throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `Checkpoint everyMs must be a non-negative number, got ${everyMs}.`);
		this.everyRecords = everyRecords;
		this.everyMs = everyMs;
	}

	/** unsealed: records appended since the last checkpoint; msSinceLast: time since that checkpoint. */
	shouldSeal({ unsealed, msSinceLast }: { unsealed: number; msSinceLast: number }): boolean {
		if (unsealed <= 0) return false;
		return unsealed >= this.everyRecords || msSinceLast >= this.everyMs;
	}
}
