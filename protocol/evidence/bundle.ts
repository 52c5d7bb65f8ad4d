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

export interface EvidenceBundle {
	format: typeof BUNDLE_FORMAT;
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
}

export function buildBundle(input: BuildBundleInput): EvidenceBundle {
	const { entries, workOrderId } = input;
	for (let i = 1; i < entries.length; i++) {
		if (entries[i].chainSeq !== entries[i - 1].chainSeq + 1) {
			throw new FieldchainError(
				ErrorCodes.FC_EVIDENCE_INVALID,
				`Chain entries are not contiguous: ${entries[i - 1].chainSeq} is followed by ${entries[i].chainSeq}.`,
				{
					hint: "Pass every chain entry of the range, in chain order.",
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
	return {
		format: BUNDLE_FORMAT,
		gatewayId: input.gatewayId,
		publicKey: base64(input.publicKeyRaw),
		keyId: hex(keyIdOf(input.publicKeyRaw)),
		workOrderId,
		entries: bundleEntries,
		checkpoints: bundleCheckpoints.map((c) => ({ chainSeq: c.decoded.chainSeq, checkpoint: base64(c.bytes) })),
		attachments: [...attachments.values()],
		...(manifest ? { manifest } : {}),
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
	};
	return `${JSON.stringify(ordered, null, 2)}\n`;
}
