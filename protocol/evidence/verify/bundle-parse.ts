/**
 * The first bundle step: the input must be UTF-8 JSON in the bundle's exact shape and, given as
 * text, byte for byte what serializeBundle writes, so no byte of an exported file can change
 * unnoticed. A bundle that cannot be read ends the verification here.
 */
import { BUNDLE_FORMAT_GAPS, BUNDLE_FORMATS, type EvidenceBundle, serializeBundle } from "../bundle.js";
import type { BundleContext } from "./bundle-context.js";
import type { Step } from "./pipeline.js";

export const parseBundle: Step<BundleContext> = {
	name: "parse",
	run(context) {
		const { input } = context;
		const fail = (message: string) => {
			context.report("bundle-format", undefined, message);
			context.done = true;
		};
		let bundle: unknown = input;
		let text: string | undefined;
		if (input instanceof Uint8Array || typeof input === "string") {
			try {
				text = typeof input === "string" ? input : new TextDecoder("utf-8", { fatal: true }).decode(input);
			} catch {
				return fail("The bundle is not valid UTF-8.");
			}
			try {
				bundle = JSON.parse(text);
			} catch (error) {
				return fail(`The bundle is not JSON: ${(error as Error).message}.`);
			}
		}
		const later = laterBundleFormat(bundle);
		if (later) {
			// A newer exporter's file: its shape may differ, so nothing more is read (README.md, "Format evolution").
			context.report("bundle-version", undefined, `The bundle is ${later}; this verifier reads up to ${NEWEST}. Upgrade fieldchain to verify it.`);
			context.done = true;
			return;
		}
		const shapeProblem = checkShape(bundle);
		if (shapeProblem) return fail(shapeProblem);
		const parsed = bundle as EvidenceBundle;
		if (text !== undefined && serializeBundle(parsed) !== text) {
			context.report(
				"bundle-format",
				undefined,
				"The bundle file was edited: it is not byte for byte the serialisation the exporter writes (whitespace, key order or escapes differ).",
			);
		}
		context.bundle = parsed;
		context.gatewayId = parsed.gatewayId;
		context.checkpointItems = parsed.checkpoints.map((item) => ({ label: item.chainSeq, text: item.checkpoint }));
	},
};

const NEWEST = BUNDLE_FORMATS[BUNDLE_FORMATS.length - 1];

/** The bundle's format when it is a later version of ours ("fieldchain-evidence-bundle/N", N above ours). */
function laterBundleFormat(value: unknown): string | undefined {
	if (!isObject(value) || typeof value.format !== "string") return undefined;
	const ours = /^(.*\/)([1-9][0-9]*)$/.exec(NEWEST);
	const theirs = /^(.*\/)([1-9][0-9]{0,8})$/.exec(value.format);
	if (!ours || !theirs || ours[1] !== theirs[1]) return undefined;
	return Number(theirs[2]) > Number(ours[2]) ? value.format : undefined;
}

function checkShape(value: unknown): string | undefined {
	if (!isObject(value)) return "The bundle is not a JSON object.";
	const top = exactKeys(
		value,
		["format", "gatewayId", "publicKey", "keyId", "workOrderId", "entries", "checkpoints", "attachments"],
		["manifest", "acknowledgedGaps"],
		"the bundle",
	);
	if (top) return top;
	if (!(BUNDLE_FORMATS as readonly unknown[]).includes(value.format))
		return `Unknown bundle format ${JSON.stringify(value.format)}; this verifier reads ${BUNDLE_FORMATS.join(" and ")}.`;
	const gapsProblem = checkAcknowledgedGapsShape(value.format === BUNDLE_FORMAT_GAPS, value.acknowledgedGaps);
	if (gapsProblem) return gapsProblem;
	for (const key of ["gatewayId", "publicKey", "keyId", "workOrderId"]) {
		if (typeof value[key] !== "string") return `${key} is not a string.`;
	}
	if (!Array.isArray(value.entries) || !Array.isArray(value.checkpoints) || !Array.isArray(value.attachments))
		return "entries, checkpoints and attachments must be arrays.";
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
			if (typeof entry.redacted.prevHash !== "string" || typeof entry.redacted.contentHash !== "string")
				return `entries[${i}].redacted hashes are not strings.`;
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
		if (typeof item.mediaType !== "string" || !Number.isSafeInteger(item.size) || (item.size as number) < 0)
			return `attachments[${i}] needs a mediaType and a size.`;
		if (item.dataBase64 !== undefined && typeof item.dataBase64 !== "string") return `attachments[${i}].dataBase64 is not a string.`;
	}
	if (value.manifest !== undefined) {
		const m = value.manifest;
		if (!isObject(m)) return "manifest is not an object.";
		const keys = exactKeys(m, ["chainSeq", "manifest", "others"], [], "manifest");
		if (keys) return keys;
		if (!isSeq(m.chainSeq) || typeof m.manifest !== "string") return "manifest needs a positive integer chainSeq and a base64 manifest.";
		if (!Array.isArray(m.others) || m.others.some((h) => typeof h !== "string" || !/^[0-9a-f]{64}$/.test(h)))
			return "manifest.others must be lower-case hex SHA-256 hashes.";
	}
	return undefined;
}

/** Format 2 carries one or more gaps, ascending and apart; format 1 none (one spelling per bundle). */
function checkAcknowledgedGapsShape(format2: boolean, gaps: unknown): string | undefined {
	if (!format2) return gaps === undefined ? undefined : `acknowledgedGaps needs bundle format ${BUNDLE_FORMAT_GAPS}.`;
	if (!Array.isArray(gaps) || gaps.length === 0) return `A ${BUNDLE_FORMAT_GAPS} bundle carries one or more acknowledgedGaps.`;
	let previous = 0;
	for (const [i, gap] of gaps.entries()) {
		if (!isObject(gap)) return `acknowledgedGaps[${i}] is not an object.`;
		const keys = exactKeys(gap, ["fromSeq", "toSeq", "reason", "acknowledgedBy", "acknowledgedAtMs"], [], `acknowledgedGaps[${i}]`);
		if (keys) return keys;
		if (!isSeq(gap.fromSeq) || !isSeq(gap.toSeq) || gap.toSeq < gap.fromSeq) return `acknowledgedGaps[${i}] needs chain seqs fromSeq <= toSeq.`;
		if (gap.fromSeq <= previous) return `acknowledgedGaps[${i}] overlaps or precedes the gap before it: gaps are listed ascending and apart.`;
		if (typeof gap.reason !== "string" || gap.reason.length === 0 || typeof gap.acknowledgedBy !== "string")
			return `acknowledgedGaps[${i}] needs a reason and who acknowledged it.`;
		if (!Number.isSafeInteger(gap.acknowledgedAtMs) || (gap.acknowledgedAtMs as number) < 0) return `acknowledgedGaps[${i}].acknowledgedAtMs is not a time.`;
		previous = gap.toSeq;
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
