/**
 * What a verifier can find wrong with evidence, declared once for both verifiers: the field's
 * `fieldchain evidence verify` (verify-bundle.ts) and the billing service's batch ingest
 * (cloud-bridge/billing/ingest/verify-batch.ts), so both describe the same bad bytes the same
 * way. The kinds are a public contract (the CLI's output and JSON, the batch receipt's `problem`):
 * add, never rename.
 */

export const PROBLEM_KINDS = [
	"modified",
	"removed",
	"reordered",
	"forged-checkpoint",
	"unsealed",
	"wrong-key",
	"malformed",
	"attachment-mismatch",
	"incomplete",
	// Evidence in a newer format than this verifier reads (README.md, "Format evolution"): upgrade, not tampering.
	"unsupported-format",
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export interface Problem {
	kind: ProblemKind;
	chainSeq?: number;
	message: string;
}

/**
 * Every check a verification step makes, with the kind of problem its failure is. Steps report
 * checks; each verifier turns them into its own output (a Problem, or a receipt rejection whose
 * wire reason cloud-bridge/billing/ingest/rejections.ts gives per check).
 */
export const CHECKS = {
	/** The bundle is not UTF-8, not JSON, not the bundle shape, or not the exporter's serialisation. */
	"bundle-format": "malformed",
	/** The bundle's public key is not a 32-byte Ed25519 key in canonical base64. */
	"bundle-key": "malformed",
	/** The bundle's key id is not the SHA-256 of its public key. */
	"key-id": "wrong-key",
	/** The bundle names another key than the one the verifier pinned. */
	"key-pinned": "wrong-key",
	/** A record is not canonical base64. */
	"record-encoding": "malformed",
	/** A record's bytes do not hash to the content hash sent with them. */
	"record-content-hash": "modified",
	/** A record's bytes are not a canonical evidence record. */
	"record-canonical": "modified",
	/** A record is listed under another chain_seq than its own. */
	"record-label": "reordered",
	/** A record names another gateway. */
	"record-gateway": "malformed",
	/** A record of a bundle belongs to another work order. */
	"record-work-order": "malformed",
	/** A chain_seq appears twice. */
	"record-duplicate": "malformed",
	/** Records come out of chain order. */
	"record-order": "reordered",
	/** A record differs from the one accepted earlier under its chain_seq (a forked chain). */
	"record-conflict": "modified",
	/** An acknowledged gap of the bundle claims records the bundle shows, or only part of a jump in its entries. */
	"acknowledged-gap": "malformed",
	/** Records are missing between two others. */
	"record-removed": "removed",
	/** A record's entry hash is not what the next record or a signed checkpoint committed to. */
	"record-link": "modified",
	/** No valid checkpoint covers a record. */
	"record-unsealed": "unsealed",
	/** A redacted entry does not hold two hex SHA-256 hashes. */
	"redacted-encoding": "malformed",
	/** A checkpoint is not canonical base64 of a canonical Checkpoint. */
	"checkpoint-encoding": "forged-checkpoint",
	/** A checkpoint is listed under another chain_seq than the one it covers. */
	"checkpoint-label": "malformed",
	/** A checkpoint names another gateway. */
	"checkpoint-gateway": "malformed",
	/** A checkpoint names another key than the gateway's. */
	"checkpoint-key": "forged-checkpoint",
	/** A checkpoint's signature does not verify with the gateway's key. */
	"checkpoint-signature": "forged-checkpoint",
	/** A checkpoint's record count is not its chain_seq. */
	"checkpoint-count": "malformed",
	/** A checkpoint covers a record outside what is verified. */
	"checkpoint-outside": "malformed",
	/** A genuine checkpoint seals another head than the record's entry hash: the chain changed. */
	"checkpoint-head": "modified",
	/** An attachment is listed twice or its data is not canonical base64. */
	"attachment-encoding": "malformed",
	/** An attachment and the records referring to it disagree, or its bytes were altered. */
	"attachment-mismatch": "attachment-mismatch",
	/** The bundle holds no full record of its work order. */
	"bundle-empty": "incomplete",
	/** The last checkpoint commits to manifests but the bundle carries none, or not that checkpoint's. */
	"manifest-missing": "incomplete",
	/** The manifest is not canonical base64 of a canonical WorkOrderManifest, or names another work order or checkpoint. */
	"manifest-encoding": "incomplete",
	/** The manifest and the other manifests' hashes do not make the root the checkpoint signed. */
	"manifest-root": "incomplete",
	/** The work order's full records do not reproduce the signed manifest: one was hidden, cut or moved. */
	"manifest-mismatch": "incomplete",
	/** A record declares a newer evidence format than this verifier reads; its links and seal are still checked. */
	"record-format": "unsupported-format",
	/** A checkpoint declares a newer evidence format; its signature is still checked over its bytes. */
	"checkpoint-format": "unsupported-format",
	/** The manifest declares a newer evidence format; the root and replay are still checked. */
	"manifest-format": "unsupported-format",
	/** The bundle names a later bundle format than this verifier reads. */
	"bundle-version": "unsupported-format",
} as const satisfies Record<string, ProblemKind>;
export type Check = keyof typeof CHECKS;

/** Where a step says what it found. */
export type Report = (check: Check, chainSeq: number | undefined, message: string) => void;
