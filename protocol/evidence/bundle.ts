/**
 * Self-contained evidence bundles for one work order: their format, how one is built from the
 * stored chain, and its one serialisation. verify/verify-bundle.ts verifies them.
 *
 * A bundle holds a contiguous range of the gateway's chain, from the first record of the work order
 * to the first checkpoint covering its last record (or to its last record when none does yet).
 * Records of the work order are included in full; every other record in the range only as
 * { prevHash, contentHash }, enough to recompute its entry_hash without revealing it.
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { contentHash as hashContent } from "./chain.js";
import { keyIdOf } from "./keys.js";
import { manifestHash } from "./manifest.js";
import { decodeCheckpoint, decodeManifest, decodeRecord, type EvidenceRecord } from "./record.js";
import { base64, hex } from "./verify/encodings.js";

export const BUNDLE_FORMAT = "fieldchain-evidence-bundle/1";
/**
 * Bundle format 2 adds `acknowledgedGaps` (README.md, "Acknowledged gaps"). A bundle is written in
 * format 2 if and only if it carries an acknowledged gap, so every other bundle keeps its bytes.
 */
export const BUNDLE_FORMAT_GAPS = "fieldchain-evidence-bundle/2";
/** Every bundle format this code reads, oldest first; the last is the newest. */
export const BUNDLE_FORMATS = [BUNDLE_FORMAT, BUNDLE_FORMAT_GAPS] as const;
export type BundleFormat = (typeof BUNDLE_FORMATS)[number];

export type BundleEntry = { chainSeq: number; full: string } | { chainSeq: number; redacted: { prevHash: string; contentHash: string } };

export interface BundleCheckpoint {
	chainSeq: number;
	/** Base64 of the canonical Checkpoint bytes, signature included. */
	checkpoint: string;
}

export interface BundleAttachment {
	/** Lower-case hex SHA-256 of the attachment bytes. */
	sha256: string;
	mediaType: string;
	size: number;
	/** The bytes, base64; absent when the export carries hashes only. */
	dataBase64?: string;
}

/** The work order's manifest issued with the bundle's last checkpoint (README.md, "Completeness"). */
export interface BundleManifest {
	/** chain_seq of the checkpoint whose manifests_root commits to it. */
	chainSeq: number;
	/** Base64 of the canonical WorkOrderManifest. */
	manifest: string;
	/** Lower-case hex SHA-256 of every other manifest issued with that checkpoint, ascending. */
	others: string[];
}

/**
 * Records of the gateway's chain that are lost for good (a destroyed device), as an operator of the
 * exporting service acknowledged them. It is the exporter's statement, not the gateway's: nothing
 * signs it, and it never makes a missing record of a signed manifest count as present.
 */
export interface AcknowledgedGap {
	/** First and last chain_seq lost, inclusive. */
	fromSeq: number;
	toSeq: number;
	reason: string;
	acknowledgedBy: string;
	/** Unix milliseconds. */
	acknowledgedAtMs: number;
}

export interface EvidenceBundle {
	format: BundleFormat;
	gatewayId: string;
	/** Base64 of the raw 32-byte Ed25519 public key. */
	publicKey: string;
	/** Lower-case hex SHA-256 of the raw public key. */
	keyId: string;
	workOrderId: string;
	/** Contiguous, in chain order. */
	entries: BundleEntry[];
	/** In chain order; each covers an entry of the bundle. */
	checkpoints: BundleCheckpoint[];
	attachments: BundleAttachment[];
	/** Absent in bundles whose last checkpoint predates manifests. */
	manifest?: BundleManifest;
	/** Format 2 only, never empty: acknowledged gaps from the bundle's first entry on, ascending. */
	acknowledgedGaps?: AcknowledgedGap[];
}

/** One stored chain entry, as the gateway keeps it. */
export interface StoredChainEntry {
	chainSeq: number;
	/** Canonical record bytes. */
	bytes: Uint8Array;
	/** Saves decoding every record of the range when the store has it in a column. */
	workOrderId?: string;
	/** Saves hashing when the store has it. */
	contentHash?: Uint8Array;
}

export interface BuildBundleInput {
	gatewayId: string;
	publicKeyRaw: Uint8Array;
	workOrderId: string;
	/** Contiguous chain entries in chain order, covering at least the bundle's range. */
	entries: StoredChainEntry[];
	/** Canonical bytes of signed checkpoints (any order; those outside the range are left out). */
	checkpoints: Uint8Array[];
	/** The bytes of an attachment by lower-case hex SHA-256; undefined to export its hash only. */
	attachmentData?: (sha256Hex: string) => Uint8Array | undefined;
	/** The manifests issued with the checkpoint at checkpointSeq (canonical bytes); none for older checkpoints. */
	manifestsAt?: (checkpointSeq: number) => Uint8Array[];
	/** Acknowledged gaps of the gateway's chain: the entries may jump over exactly these ranges. */
	acknowledgedGaps?: readonly AcknowledgedGap[];
}

export function buildBundle(input: BuildBundleInput): EvidenceBundle {
	const { entries, workOrderId } = input;
	const gaps = [...(input.acknowledgedGaps ?? [])].sort((a, b) => a.fromSeq - b.fromSeq);
	const acknowledgedJump = (after: number, next: number) => gaps.some((g) => g.fromSeq === after + 1 && g.toSeq === next - 1);
	for (let i = 1; i < entries.length; i++) {
		if (entries[i].chainSeq !== entries[i - 1].chainSeq + 1 && !acknowledgedJump(entries[i - 1].chainSeq, entries[i].chainSeq)) {
			throw new FieldchainError(
				ErrorCodes.FC_EVIDENCE_INVALID,
				`Chain entries are not contiguous: ${entries[i - 1].chainSeq} is followed by ${entries[i].chainSeq}.`,
				{
					hint: "Pass every chain entry of the range, in chain order; only an acknowledged gap may be skipped.",
				},
			);
		}
	}
	const records = new Map<number, EvidenceRecord>();
	const belongs = (entry: StoredChainEntry): boolean => {
		if (entry.workOrderId !== undefined) return entry.workOrderId === workOrderId;
		const record = decodeRecord(entry.bytes);
		records.set(entry.chainSeq, record);
		return record.workOrderId === workOrderId;
	};
	const mine = entries.filter(belongs);
	if (mine.length === 0) {
		throw new FieldchainError(ErrorCodes.FC_EVIDENCE_NOT_FOUND, `No evidence of work order ${workOrderId} in the chain entries given.`, {
			hint: "Check the work order id; evidence is exported from the gateway that stamped it.",
		});
	}
	const first = mine[0].chainSeq;
	const lastOwn = mine[mine.length - 1].chainSeq;
	const checkpoints = input.checkpoints.map((bytes) => ({ bytes, decoded: decodeCheckpoint(bytes) })).sort((a, b) => a.decoded.chainSeq - b.decoded.chainSeq);
	const available = entries[entries.length - 1].chainSeq;
	const sealing = checkpoints.find((c) => c.decoded.chainSeq >= lastOwn && c.decoded.chainSeq <= available);
	const last = sealing ? sealing.decoded.chainSeq : lastOwn;
	const ownSeqs = new Set(mine.map((e) => e.chainSeq));
	const bundleEntries: BundleEntry[] = [];
	const attachments = new Map<string, BundleAttachment>();
	for (const entry of entries) {
		if (entry.chainSeq < first || entry.chainSeq > last) continue;
		if (ownSeqs.has(entry.chainSeq)) {
			const record = records.get(entry.chainSeq) ?? decodeRecord(entry.bytes);
			bundleEntries.push({ chainSeq: entry.chainSeq, full: base64(entry.bytes) });
			if (record.attachmentSha256.length) {
				const sha256 = hex(record.attachmentSha256);
				if (!attachments.has(sha256)) {
					const data = input.attachmentData?.(sha256);
					attachments.set(sha256, {
						sha256,
						mediaType: record.attachmentMediaType,
						size: record.attachmentSize,
						...(data ? { dataBase64: base64(data) } : {}),
					});
				}
			}
		} else {
			const prevHash = records.get(entry.chainSeq)?.prevHash ?? decodeRecord(entry.bytes).prevHash;
			bundleEntries.push({
				chainSeq: entry.chainSeq,
				redacted: { prevHash: hex(prevHash), contentHash: hex(entry.contentHash ?? hashContent(entry.bytes)) },
			});
		}
	}
	const bundleCheckpoints = checkpoints.filter((c) => c.decoded.chainSeq >= first && c.decoded.chainSeq <= last);
	const lastCheckpoint = bundleCheckpoints.at(-1)?.decoded.chainSeq;
	const manifest = lastCheckpoint === undefined ? undefined : bundleManifest(lastCheckpoint, workOrderId, input.manifestsAt?.(lastCheckpoint) ?? []);
	// Every gap from the work order's first record on: inside the range it explains a jump, after it
	// it says that records of the work order may have been lost there.
	const touching = gaps.filter((g) => g.toSeq >= first).map((g) => ({ ...g }));
	return {
		format: touching.length > 0 ? BUNDLE_FORMAT_GAPS : BUNDLE_FORMAT,
		gatewayId: input.gatewayId,
		publicKey: base64(input.publicKeyRaw),
		keyId: hex(keyIdOf(input.publicKeyRaw)),
		workOrderId,
		entries: bundleEntries,
		checkpoints: bundleCheckpoints.map((c) => ({ chainSeq: c.decoded.chainSeq, checkpoint: base64(c.bytes) })),
		attachments: [...attachments.values()],
		...(manifest ? { manifest } : {}),
		...(touching.length > 0 ? { acknowledgedGaps: touching } : {}),
	};
}

/** The work order's manifest in full, every other one issued with the checkpoint as its hash only. */
function bundleManifest(chainSeq: number, workOrderId: string, issued: Uint8Array[]): BundleManifest | undefined {
	const own = issued.find((bytes) => decodeManifest(bytes).workOrderId === workOrderId);
	if (!own) return undefined;
	const others = issued
		.filter((bytes) => bytes !== own)
		.map((bytes) => manifestHash(bytes))
		.sort(Buffer.compare)
		.map((h) => hex(h));
	return { chainSeq, manifest: base64(own), others };
}

/**
 * The one serialisation of a bundle: JSON, keys in a fixed order, two-space indent, final newline.
 * verifyBundle insists on it for text input, so no byte of an exported file can change unnoticed.
 */
export function serializeBundle(bundle: EvidenceBundle): string {
	const ordered = {
		format: bundle.format,
		gatewayId: bundle.gatewayId,
		publicKey: bundle.publicKey,
		keyId: bundle.keyId,
		workOrderId: bundle.workOrderId,
		entries: bundle.entries.map((e) =>
			"full" in e
				? { chainSeq: e.chainSeq, full: e.full }
				: { chainSeq: e.chainSeq, redacted: { prevHash: e.redacted.prevHash, contentHash: e.redacted.contentHash } },
		),
		checkpoints: bundle.checkpoints.map((c) => ({ chainSeq: c.chainSeq, checkpoint: c.checkpoint })),
		attachments: bundle.attachments.map((a) => ({
			sha256: a.sha256,
			mediaType: a.mediaType,
			size: a.size,
			...(a.dataBase64 !== undefined ? { dataBase64: a.dataBase64 } : {}),
		})),
		...(bundle.manifest ? { manifest: { chainSeq: bundle.manifest.chainSeq, manifest: bundle.manifest.manifest, others: [...bundle.manifest.others] } } : {}),
		...(bundle.acknowledgedGaps
			? {
					acknowledgedGaps: bundle.acknowledgedGaps.map((g) => ({
						fromSeq: g.fromSeq,
						toSeq: g.toSeq,
						reason: g.reason,
						acknowledgedBy: g.acknowledgedBy,
						acknowledgedAtMs: g.acknowledgedAtMs,
					})),
				}
			: {}),
	};
	return `${JSON.stringify(ordered, null, 2)}\n`;
}
