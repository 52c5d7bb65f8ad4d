/**
 * Work-order manifests: the gateway's signed statement of which records belong to a work order
 * (README.md, "Completeness"). With every checkpoint the gateway issues one manifest per work order
 * that gained a record since the previous checkpoint: its record count, first and last chain_seq
 * and a running hash over the entry hashes of its records. The checkpoint signs the root of the
 * manifests' hashes, so a bundle shows its own work order's manifest in full and the others only as
 * hashes. Invariant: the accumulator is a pure function of the work order's records in chain order.
 */
import crypto, { createHash } from "node:crypto";
import { decodeManifest, encodeManifest, type WorkOrderManifest } from "./record.js";

export const MANIFEST_ACCUMULATOR_DOMAIN = "fieldchain/work-order/v1\0";
export const MANIFESTS_ROOT_DOMAIN = "fieldchain/manifests/v1\0";
const ACC_DOMAIN = Buffer.from(MANIFEST_ACCUMULATOR_DOMAIN, "latin1");
const ROOT_DOMAIN = Buffer.from(MANIFESTS_ROOT_DOMAIN, "latin1");

export const EMPTY_ACCUMULATOR: Uint8Array = new Uint8Array(32);

// accumulate runs once per record at reading rate: its input is built in one reused buffer and
// hashed one-shot (crypto.hash, Node >= 20.12), as the chain's entry hash is (chain.ts), instead
// of a Hash object with three updates. Hashing is synchronous, so sharing the buffer is safe.
const oneShotHash = typeof crypto.hash === "function" ? crypto.hash : undefined;
const ACC_INPUT = Buffer.alloc(ACC_DOMAIN.length + 64);
ACC_DOMAIN.copy(ACC_INPUT, 0);

/** acc_k = SHA-256(domain || acc_(k-1) || entry_hash(r_k)). */
export function accumulate(accumulator: Uint8Array, entryHash: Uint8Array): Buffer {
	if (oneShotHash === undefined || accumulator.length !== 32 || entryHash.length !== 32) {
		return createHash("sha256").update(ACC_DOMAIN).update(accumulator).update(entryHash).digest();
	}
	ACC_INPUT.set(accumulator, ACC_DOMAIN.length);
	ACC_INPUT.set(entryHash, ACC_DOMAIN.length + 32);
	// A latin1 digest copied into a Buffer in JavaScript is cheaper than a Buffer made natively (chain.ts).
	return Buffer.from(oneShotHash("sha256", ACC_INPUT, "binary"), "latin1");
}

/** SHA-256 of a manifest's canonical bytes. */
export function manifestHash(bytes: Uint8Array): Buffer {
	return createHash("sha256").update(bytes).digest();
}

/** SHA-256(domain || manifest hashes in ascending byte order): what a checkpoint signs as manifests_root. */
export function manifestsRoot(hashes: readonly Uint8Array[]): Buffer {
	const sorted = hashes.map((h) => Buffer.from(h)).sort(Buffer.compare);
	const hash = createHash("sha256").update(ROOT_DOMAIN);
	for (const h of sorted) hash.update(h);
	return hash.digest();
}

/** A work order's running state: what its next manifest will say. */
export interface ManifestState {
	recordCount: number;
	firstChainSeq: number;
	lastChainSeq: number;
	accumulator: Uint8Array;
}

export interface IssuedManifest {
	workOrderId: string;
	/** Canonical WorkOrderManifest bytes. */
	bytes: Uint8Array;
}

/**
 * The gateway's running manifests. `note` is called for every record appended (one SHA-256 of
 * 87 bytes); `issue` at every checkpoint returns the manifests of the work orders touched since the
 * last one and the root to sign. `restore` seeds a work order's state from its last stored manifest.
 */
export class ManifestLedger {
	private readonly states = new Map<string, ManifestState>();
	private readonly touched = new Set<string>();

	restore(bytes: Uint8Array): void {
		const m = decodeManifest(bytes);
		this.states.set(m.workOrderId, {
			recordCount: m.recordCount,
			firstChainSeq: m.firstChainSeq,
			lastChainSeq: m.lastChainSeq,
			accumulator: m.accumulator,
		});
	}

	note(workOrderId: string, chainSeq: number, entryHash: Uint8Array): void {
		const state = this.states.get(workOrderId);
		if (state) {
			state.recordCount++;
			state.lastChainSeq = chainSeq;
			state.accumulator = accumulate(state.accumulator, entryHash);
		} else {
			this.states.set(workOrderId, {
				recordCount: 1,
				firstChainSeq: chainSeq,
				lastChainSeq: chainSeq,
				accumulator: accumulate(EMPTY_ACCUMULATOR, entryHash),
			});
		}
		this.touched.add(workOrderId);
	}

	/** The manifests to issue with a checkpoint at checkpointSeq, and their root (undefined when none). */
	issue(checkpointSeq: number): { manifests: IssuedManifest[]; root: Buffer | undefined } {
		const manifests: IssuedManifest[] = [];
		for (const workOrderId of this.touched) {
			const state = this.states.get(workOrderId) as ManifestState;
			manifests.push({ workOrderId, bytes: encodeManifest({ workOrderId, checkpointSeq, ...state }) });
		}
		this.touched.clear();
		return { manifests, root: manifests.length ? manifestsRoot(manifests.map((m) => manifestHash(m.bytes))) : undefined };
	}

	/** Forgets everything (after a failed transaction, before restoring from the store). */
	clear(): void {
		this.states.clear();
		this.touched.clear();
	}
}

export type { WorkOrderManifest };
