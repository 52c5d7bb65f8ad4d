/**
 * Self-contained evidence bundles for one work order, and their verification.
 *
 * A bundle holds a contiguous range of the gateway's chain, from the first record of the work order
 * to the first checkpoint covering its last record (or to its last record when none does yet).
 * Records of the work order are included in full; every other record in the range only as
 * { prevHash, contentHash }, enough to recompute its entry_hash without revealing it.
 *
 * verifyBundle recomputes every hash, checks the links, the checkpoints' signatures and heads, the
 * attachments, and says exactly what is wrong. It never throws on bad input: a bundle that is not
 * even JSON is a "malformed" problem.
 */
import { createHash } from "node:crypto";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { contentHash as hashContent, entryHash as hashEntry } from "./chain.js";
import { verifyCheckpoint } from "./checkpoint.js";
import { keyIdOf } from "./keys.js";
import { type Checkpoint, decodeCheckpoint, decodeRecord, type EvidenceRecord } from "./record.js";

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
}

export function buildBundle(input: BuildBundleInput): EvidenceBundle {
	const { entries, workOrderId } = input;
	for (let i = 1; i < entries.length; i++) {
		if (entries[i].chainSeq !== entries[i - 1].chainSeq + 1) {
			throw new FieldchainError(ErrorCodes.FC_EVIDENCE_INVALID, `Chain entries are not contiguous: ${entries[i - 1].chainSeq} is followed by ${entries[i].chainSeq}.`, {
				hint: "Pass every chain entry of the range, in chain order.",
			});
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
	return {
		format: BUNDLE_FORMAT,
		gatewayId: input.gatewayId,
		publicKey: base64(input.publicKeyRaw),
		keyId: hex(keyIdOf(input.publicKeyRaw)),
		workOrderId,
		entries: bundleEntries,
		checkpoints: checkpoints
			.filter((c) => c.decoded.chainSeq >= first && c.decoded.chainSeq <= last)
			.map((c) => ({ chainSeq: c.decoded.chainSeq, checkpoint: base64(c.bytes) })),
		attachments: [...attachments.values()],
	};
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
			"full" in e ? { chainSeq: e.chainSeq, full: e.full } : { chainSeq: e.chainSeq, redacted: { prevHash: e.redacted.prevHash, contentHash: e.redacted.contentHash } },
		),
		checkpoints: bundle.checkpoints.map((c) => ({ chainSeq: c.chainSeq, checkpoint: c.checkpoint })),
		attachments: bundle.attachments.map((a) => ({
			sha256: a.sha256,
			mediaType: a.mediaType,
			size: a.size,
			...(a.dataBase64 !== undefined ? { dataBase64: a.dataBase64 } : {}),
		})),
	};
	return `${JSON.stringify(ordered, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Verification

export type ProblemKind = "modified" | "removed" | "reordered" | "forged-checkpoint" | "unsealed" | "wrong-key" | "malformed" | "attachment-mismatch";

export interface BundleProblem {
	kind: ProblemKind;
	chainSeq?: number;
	message: string;
}

export interface VerifiedRecord {
	chainSeq: number;
	record: EvidenceRecord;
	contentHash: string;
	entryHash: string;
	/** A valid checkpoint covers the record through an unbroken chain. */
	sealed: boolean;
}

export interface VerifyResult {
	ok: boolean;
	problems: BundleProblem[];
	/** Highest chain_seq sealed by a valid checkpoint through an unbroken chain from the bundle's first entry; 0 if none. */
	sealedUpTo: number;
	records: VerifiedRecord[];
}

export interface VerifyOptions {
	/** The gateway's raw 32-byte public key as the verifier knows it (--public-key); see parsePublicKey. */
	publicKey?: Uint8Array;
}

interface ChainLink {
	chainSeq: number;
	/** null when the entry could not be decoded: links through it are not checked. */
	prevHash: Buffer | null;
	contentHash: Buffer | null;
	entryHash: Buffer | null;
	record?: EvidenceRecord;
	/** A full entry listed under another chain_seq than its record's. */
	mislabelled?: boolean;
}

/**
 * Verifies a bundle given as the exported file's bytes or text (which must be exactly what
 * serializeBundle writes) or as an already-parsed object.
 */
export function verifyBundle(input: string | Uint8Array | unknown, options: VerifyOptions = {}): VerifyResult {
	const problems: BundleProblem[] = [];
	const fail = (): VerifyResult => ({ ok: false, problems, sealedUpTo: 0, records: [] });
	let bundle: unknown = input;
	if (input instanceof Uint8Array || typeof input === "string") {
		let text: string;
		try {
			text = typeof input === "string" ? input : new TextDecoder("utf-8", { fatal: true }).decode(input);
		} catch {
			problems.push({ kind: "malformed", message: "The bundle is not valid UTF-8." });
			return fail();
		}
		try {
			bundle = JSON.parse(text);
		} catch (error) {
			problems.push({ kind: "malformed", message: `The bundle is not JSON: ${(error as Error).message}.` });
			return fail();
		}
		const shapeProblem = checkShape(bundle);
		if (shapeProblem) {
			problems.push({ kind: "malformed", message: shapeProblem });
			return fail();
		}
		if (serializeBundle(bundle as EvidenceBundle) !== text) {
			problems.push({ kind: "malformed", message: "The bundle file was edited: it is not byte for byte the serialisation the exporter writes (whitespace, key order or escapes differ)." });
		}
	} else {
		const shapeProblem = checkShape(bundle);
		if (shapeProblem) {
			problems.push({ kind: "malformed", message: shapeProblem });
			return fail();
		}
	}
	return verifyParsed(bundle as EvidenceBundle, options, problems);
}

function verifyParsed(bundle: EvidenceBundle, options: VerifyOptions, problems: BundleProblem[]): VerifyResult {
	// --- Key.
	const bundleKey = strictBase64(bundle.publicKey);
	let trustedKey: Uint8Array | null = bundleKey && bundleKey.length === 32 ? bundleKey : null;
	if (!trustedKey) problems.push({ kind: "malformed", message: "publicKey is not base64 of a 32-byte Ed25519 public key." });
	else if (hex(keyIdOf(trustedKey)) !== bundle.keyId) problems.push({ kind: "wrong-key", message: `keyId ${bundle.keyId} is not the SHA-256 of the bundle's publicKey.` });
	let wrongKey = false;
	if (options.publicKey) {
		if (!trustedKey || !Buffer.from(options.publicKey).equals(trustedKey)) {
			wrongKey = true;
			problems.push({
				kind: "wrong-key",
				message: `The bundle names public key ${bundle.publicKey} (key id ${bundle.keyId}), not the one given (key id ${hex(keyIdOf(options.publicKey))}): it was not sealed by that gateway.`,
			});
		}
		trustedKey = options.publicKey;
	}

	// --- Entries: decode, and check the order they come in.
	const links: ChainLink[] = [];
	const seen = new Set<number>();
	for (const entry of bundle.entries) {
		const link = decodeEntry(entry, bundle, problems);
		if (seen.has(link.chainSeq)) {
			problems.push({ kind: "malformed", chainSeq: link.chainSeq, message: `Record ${link.chainSeq} appears twice.` });
			continue;
		}
		seen.add(link.chainSeq);
		links.push(link);
	}
	// The entries out of place are those outside a longest increasing run: one for a record moved,
	// two for two records swapped.
	// An entry whose label disagrees with its record was reported as reordered already.
	const labelled = links.filter((l) => !l.mislabelled);
	const inOrder = longestIncreasing(labelled.map((l) => l.chainSeq));
	labelled.forEach((link, i) => {
		if (inOrder.has(i)) return;
		const after = i > 0 ? ` after record ${labelled[i - 1].chainSeq}` : " first";
		problems.push({ kind: "reordered", chainSeq: link.chainSeq, message: `Record ${link.chainSeq} was moved: it comes${after}. The records were reordered.` });
	});
	links.sort((a, b) => a.chainSeq - b.chainSeq);
	const bySeq = new Map(links.map((l) => [l.chainSeq, l]));

	// --- Gaps and links. A "break" after seq s: the entry_hash of s is not what s+1 (or a checkpoint of s) commits to.
	const gapsAfter = new Set<number>();
	const breaks = new Set<number>();
	for (let i = 1; i < links.length; i++) {
		const left = links[i - 1];
		const right = links[i];
		if (right.chainSeq !== left.chainSeq + 1) {
			gapsAfter.add(left.chainSeq);
			const missing = right.chainSeq - left.chainSeq - 1;
			problems.push({
				kind: "removed",
				chainSeq: left.chainSeq + 1,
				message: missing === 1 ? `Record ${left.chainSeq + 1} was removed (the chain jumps from ${left.chainSeq} to ${right.chainSeq}).` : `Records ${left.chainSeq + 1} to ${right.chainSeq - 1} were removed.`,
			});
			continue;
		}
		if (left.entryHash && right.prevHash && !left.entryHash.equals(right.prevHash)) breaks.add(left.chainSeq);
	}

	// --- Checkpoints.
	const goodCheckpoints: number[] = [];
	for (const item of bundle.checkpoints) {
		const bytes = strictBase64(item.checkpoint);
		let checkpoint: Checkpoint;
		try {
			if (!bytes) throw new Error("not canonical base64");
			checkpoint = decodeCheckpoint(bytes);
		} catch (error) {
			problems.push({ kind: "forged-checkpoint", chainSeq: item.chainSeq, message: `Checkpoint ${item.chainSeq} cannot be read: ${(error as Error).message}` });
			continue;
		}
		const seq = checkpoint.chainSeq;
		if (seq !== item.chainSeq) {
			problems.push({ kind: "malformed", chainSeq: item.chainSeq, message: `The checkpoint listed as ${item.chainSeq} covers record ${seq}.` });
		}
		if (checkpoint.gatewayId !== bundle.gatewayId) {
			problems.push({ kind: "malformed", chainSeq: seq, message: `Checkpoint ${seq} is from gateway ${checkpoint.gatewayId}, the bundle says ${bundle.gatewayId}.` });
		}
		if (!trustedKey) continue;
		if (!verifyCheckpoint(checkpoint, trustedKey)) {
			// With a wrong key every genuine checkpoint fails; that is one problem, reported above.
			const genuineForBundleKey = wrongKey && bundleKey?.length === 32 && verifyCheckpoint(checkpoint, bundleKey);
			if (!genuineForBundleKey) {
				const why = Buffer.from(checkpoint.keyId).equals(keyIdOf(trustedKey)) ? "its signature is not valid" : `it names key ${hex(checkpoint.keyId)}, not the gateway's key`;
				problems.push({ kind: "forged-checkpoint", chainSeq: seq, message: `Checkpoint ${seq} is forged: ${why}.` });
			}
			continue;
		}
		if (checkpoint.recordCount !== seq) {
			problems.push({ kind: "malformed", chainSeq: seq, message: `Checkpoint ${seq} counts ${checkpoint.recordCount} records.` });
		}
		const head = bySeq.get(seq);
		if (!head) {
			problems.push({ kind: "malformed", chainSeq: seq, message: `Checkpoint ${seq} covers a record outside the bundle.` });
			continue;
		}
		if (!head.entryHash) continue;
		if (!head.entryHash.equals(checkpoint.headHash)) {
			// The signature is genuine, so the chain is what changed.
			breaks.add(seq);
			continue;
		}
		goodCheckpoints.push(seq);
	}

	// --- Blame breaks: a break after s alone means s was altered; breaks after s and s+1 are best
	// explained by s+1 alone (its prev_hash, which feeds its own entry_hash, was altered).
	const broken = new Set<number>();
	const sortedBreaks = [...breaks].sort((a, b) => a - b);
	for (let i = 0; i < sortedBreaks.length; i++) {
		const s = sortedBreaks[i];
		const culprit = breaks.has(s + 1) && bySeq.has(s + 1) ? s + 1 : s;
		if (culprit === s + 1) i++;
		broken.add(culprit);
		const what = bySeq.get(culprit)?.record ? "Record" : "Redacted entry";
		problems.push({
			kind: "modified",
			chainSeq: culprit,
			message: `${what} ${culprit} was modified: its entry hash no longer matches what the next record or a signed checkpoint committed to.`,
		});
	}

	// --- Sealing: a record is sealed when a good checkpoint at or after it is reachable through
	// intact links (no gap, no break, nothing undecodable in between).
	const sealedSeqs = new Set<number>();
	const good = new Set(goodCheckpoints);
	let sealedFrom: number | null = null;
	for (let i = links.length - 1; i >= 0; i--) {
		const link = links[i];
		const intactAfter = !gapsAfter.has(link.chainSeq) && !breaks.has(link.chainSeq) && link.entryHash !== null;
		if (good.has(link.chainSeq) && link.entryHash !== null) sealedFrom = link.chainSeq;
		else if (!intactAfter) sealedFrom = null;
		if (sealedFrom !== null) sealedSeqs.add(link.chainSeq);
	}
	let sealedUpTo = 0;
	for (const link of links) {
		if (!sealedSeqs.has(link.chainSeq)) break;
		if (good.has(link.chainSeq)) sealedUpTo = link.chainSeq;
	}
	const lastGood = Math.max(0, ...goodCheckpoints);
	for (const link of links) {
		if (link.record && link.chainSeq > lastGood) {
			problems.push({ kind: "unsealed", chainSeq: link.chainSeq, message: `Record ${link.chainSeq} is not sealed: no valid checkpoint covers it yet.` });
		}
	}

	// --- Attachments.
	checkAttachments(bundle, links, problems);

	const records: VerifiedRecord[] = links
		.filter((l): l is ChainLink & { record: EvidenceRecord } => l.record !== undefined)
		.map((l) => ({
			chainSeq: l.chainSeq,
			record: l.record,
			contentHash: l.contentHash ? hex(l.contentHash) : "",
			entryHash: l.entryHash ? hex(l.entryHash) : "",
			sealed: sealedSeqs.has(l.chainSeq) && !broken.has(l.chainSeq),
		}));
	return { ok: problems.length === 0, problems, sealedUpTo, records };
}

/** Indices of one longest strictly increasing subsequence (patience sorting, O(n log n)). */
function longestIncreasing(values: number[]): Set<number> {
	const tails: number[] = [];
	const previous: number[] = new Array(values.length).fill(-1);
	for (let i = 0; i < values.length; i++) {
		let low = 0;
		let high = tails.length;
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (values[tails[mid]] < values[i]) low = mid + 1;
			else high = mid;
		}
		if (low > 0) previous[i] = tails[low - 1];
		tails[low] = i;
	}
	const result = new Set<number>();
	for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) result.add(i);
	return result;
}

function decodeEntry(entry: BundleEntry, bundle: EvidenceBundle, problems: BundleProblem[]): ChainLink {
	const label = entry.chainSeq;
	if ("full" in entry) {
		const bytes = strictBase64(entry.full);
		if (!bytes) {
			problems.push({ kind: "malformed", chainSeq: label, message: `Record ${label} is not canonical base64.` });
			return { chainSeq: label, prevHash: null, contentHash: null, entryHash: null };
		}
		let record: EvidenceRecord;
		try {
			record = decodeRecord(bytes);
		} catch (error) {
			problems.push({ kind: "modified", chainSeq: label, message: `Record ${label} was modified: ${(error as Error).message}` });
			return { chainSeq: label, prevHash: null, contentHash: null, entryHash: null };
		}
		const chainSeq = record.chainSeq;
		if (chainSeq !== label) {
			problems.push({ kind: "reordered", chainSeq, message: `The entry listed as ${label} holds record ${chainSeq}: the records were reordered.` });
		}
		if (record.gatewayId !== bundle.gatewayId) {
			problems.push({ kind: "malformed", chainSeq, message: `Record ${chainSeq} is from gateway ${record.gatewayId}, the bundle says ${bundle.gatewayId}.` });
		}
		if (record.workOrderId !== bundle.workOrderId) {
			problems.push({ kind: "malformed", chainSeq, message: `Record ${chainSeq} belongs to work order ${record.workOrderId}, the bundle is for ${bundle.workOrderId}.` });
		}
		const prevHash = Buffer.from(record.prevHash);
		const content = hashContent(bytes);
		return { chainSeq, prevHash, contentHash: content, entryHash: hashEntry(chainSeq, prevHash, content), record, mislabelled: chainSeq !== label };
	}
	const prevHash = strictHex32(entry.redacted.prevHash);
	const content = strictHex32(entry.redacted.contentHash);
	if (!prevHash || !content) {
		problems.push({ kind: "malformed", chainSeq: label, message: `Redacted entry ${label} does not hold two lower-case hex SHA-256 hashes.` });
		return { chainSeq: label, prevHash: null, contentHash: null, entryHash: null };
	}
	return { chainSeq: label, prevHash, contentHash: content, entryHash: hashEntry(label, prevHash, content) };
}

function checkAttachments(bundle: EvidenceBundle, links: ChainLink[], problems: BundleProblem[]): void {
	const listed = new Map<string, BundleAttachment>();
	for (const attachment of bundle.attachments) {
		if (listed.has(attachment.sha256)) problems.push({ kind: "malformed", message: `Attachment ${attachment.sha256} is listed twice.` });
		listed.set(attachment.sha256, attachment);
	}
	const referenced = new Set<string>();
	for (const link of links) {
		const record = link.record;
		if (!record || record.attachmentSha256.length === 0) continue;
		const sha256 = hex(record.attachmentSha256);
		referenced.add(sha256);
		const attachment = listed.get(sha256);
		if (!attachment) {
			problems.push({ kind: "attachment-mismatch", chainSeq: link.chainSeq, message: `Record ${link.chainSeq} refers to attachment ${sha256}, which the bundle does not list.` });
			continue;
		}
		if (attachment.mediaType !== record.attachmentMediaType || attachment.size !== record.attachmentSize) {
			problems.push({
				kind: "attachment-mismatch",
				chainSeq: link.chainSeq,
				message: `Attachment ${sha256} is listed as ${attachment.mediaType}, ${attachment.size} bytes; record ${link.chainSeq} says ${record.attachmentMediaType}, ${record.attachmentSize} bytes.`,
			});
		}
	}
	for (const attachment of bundle.attachments) {
		if (!referenced.has(attachment.sha256)) {
			problems.push({ kind: "attachment-mismatch", message: `Attachment ${attachment.sha256} is listed but no record of the bundle refers to it.` });
		}
		if (attachment.dataBase64 === undefined) continue;
		const data = strictBase64(attachment.dataBase64);
		if (!data) {
			problems.push({ kind: "malformed", message: `Attachment ${attachment.sha256} data is not canonical base64.` });
			continue;
		}
		const actual = createHash("sha256").update(data).digest("hex");
		if (actual !== attachment.sha256 || data.length !== attachment.size) {
			problems.push({
				kind: "attachment-mismatch",
				message: `Attachment ${attachment.sha256} was altered: its ${data.length} bytes hash to ${actual}.`,
			});
		}
	}
}

// ---------------------------------------------------------------------------------------------
// Shape and encodings

function checkShape(value: unknown): string | undefined {
	if (!isObject(value)) return "The bundle is not a JSON object.";
	const top = exactKeys(value, ["format", "gatewayId", "publicKey", "keyId", "workOrderId", "entries", "checkpoints", "attachments"], [], "the bundle");
	if (top) return top;
	if (value.format !== BUNDLE_FORMAT) return `Unknown bundle format ${JSON.stringify(value.format)}; this verifier reads ${BUNDLE_FORMAT}.`;
	for (const key of ["gatewayId", "publicKey", "keyId", "workOrderId"]) {
		if (typeof value[key] !== "string") return `${key} is not a string.`;
	}
	if (!Array.isArray(value.entries) || !Array.isArray(value.checkpoints) || !Array.isArray(value.attachments)) return "entries, checkpoints and attachments must be arrays.";
	if (value.entries.length === 0) return "The bundle has no entries.";
	for (const [i, entry] of value.entries.entries()) {
		if (!isObject(entry)) return `entries[${i}] is not an object.`;
		if (!isSeq(entry.chainSeq)) return `entries[${i}].chainSeq is not a positive integer.`;
		if ("full" in entry) {
			const keys = exactKeys(entry, ["chainSeq", "full"], [], `entries[${i}]`);
			if (keys) return keys;
			if (typeof entry.full !== "string") return `entries[${i}].full is not a string.`;
		} else {
			const keys = exactKeys(entry, ["chainSeq", "redacted"], [], `entries[${i}]`);
			if (keys) return keys;
			if (!isObject(entry.redacted)) return `entries[${i}].redacted is not an object.`;
			const inner = exactKeys(entry.redacted, ["prevHash", "contentHash"], [], `entries[${i}].redacted`);
			if (inner) return inner;
			if (typeof entry.redacted.prevHash !== "string" || typeof entry.redacted.contentHash !== "string") return `entries[${i}].redacted hashes are not strings.`;
		}
	}
	for (const [i, item] of value.checkpoints.entries()) {
		if (!isObject(item)) return `checkpoints[${i}] is not an object.`;
		const keys = exactKeys(item, ["chainSeq", "checkpoint"], [], `checkpoints[${i}]`);
		if (keys) return keys;
		if (!isSeq(item.chainSeq) || typeof item.checkpoint !== "string") return `checkpoints[${i}] needs a positive integer chainSeq and a base64 checkpoint.`;
	}
	for (const [i, item] of value.attachments.entries()) {
		if (!isObject(item)) return `attachments[${i}] is not an object.`;
		const keys = exactKeys(item, ["sha256", "mediaType", "size"], ["dataBase64"], `attachments[${i}]`);
		if (keys) return keys;
		if (typeof item.sha256 !== "string" || !/^[0-9a-f]{64}$/.test(item.sha256)) return `attachments[${i}].sha256 is not a lower-case hex SHA-256.`;
		if (typeof item.mediaType !== "string" || !Number.isSafeInteger(item.size) || (item.size as number) < 0) return `attachments[${i}] needs a mediaType and a size.`;
		if (item.dataBase64 !== undefined && typeof item.dataBase64 !== "string") return `attachments[${i}].dataBase64 is not a string.`;
	}
	return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isSeq(value: unknown): value is number {
	return typeof value === "number" && Number.isSafeInteger(value) && value >= 1;
}

function exactKeys(value: Record<string, unknown>, required: string[], optional: string[], where: string): string | undefined {
	for (const key of required) if (!(key in value)) return `${where} lacks ${key}.`;
	for (const key of Object.keys(value)) if (!required.includes(key) && !optional.includes(key)) return `${where} has an unknown field ${JSON.stringify(key)}.`;
	return undefined;
}

function base64(bytes: Uint8Array): string {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

function hex(bytes: Uint8Array): string {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
}

/** Decodes base64 only in its one canonical spelling (padding, no stray characters or bits). */
function strictBase64(text: string): Buffer | null {
	const bytes = Buffer.from(text, "base64");
	return bytes.toString("base64") === text ? bytes : null;
}

function strictHex32(text: string): Buffer | null {
	return /^[0-9a-f]{64}$/.test(text) ? Buffer.from(text, "hex") : null;
}
