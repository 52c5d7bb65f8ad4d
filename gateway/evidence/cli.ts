/**
 * `fieldchain evidence export` writes a work order's evidence bundle; `fieldchain evidence verify`
 * checks one anywhere (hashes, chain continuity, checkpoint signatures) and exits non-zero with
 * exactly what is wrong, or with 3 when it verifies but no key the verifier trusts signed it
 * (trust-verify.ts decides; --public-key, --trust-store or --keys-from name the trusted keys).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { serializeBundle } from "../../protocol/evidence/bundle.js";
import { GATEWAY_KEY_FILE, loadOrCreateGatewayKey, parsePublicKey } from "../../protocol/evidence/keys.js";
import { exportEvidenceBundle } from "./export.js";
import type { TrustAnchor } from "./trust-anchor.js";
import { keysFromAnchor } from "./trust-keys-from.js";
import { trustStoreAnchor } from "./trust-store.js";
import { EXIT_UNSUPPORTED_FORMAT, readSignerClaim, verifyWithTrust } from "./trust-verify.js";

export function registerEvidenceCommands(program: Command): Command {
	const evidence = program.command("evidence").description("Export and verify signed, hash-chained evidence bundles.");

	evidence
		.command("export")
		.description("Write a self-contained evidence bundle for one work order.")
		.requiredOption("--data-dir <dir>", "the gateway's data directory")
		.requiredOption("--work-order <id>", "work order id")
		.requiredOption("--out <file>", "where to write the bundle (JSON)")
		.option("--hashes-only", "leave attachment bytes out; keep their SHA-256")
		.action((options: { dataDir: string; workOrder: string; out: string; hashesOnly?: boolean }) => {
			const bundle = exportEvidenceBundle({ dataDir: resolve(options.dataDir), workOrderId: options.workOrder, includeAttachmentData: !options.hashesOnly });
			writeFileSync(options.out, serializeBundle(bundle));
			const full = bundle.entries.filter((entry) => "full" in entry).length;
			process.stdout.write(
				`wrote ${options.out}: ${full} records of work order ${options.workOrder}, ${bundle.entries.length - full} redacted, ${bundle.checkpoints.length} checkpoints\n`,
			);
		});

	evidence
		.command("verify <file>")
		.description(
			"Verify a bundle: content hashes, chain continuity, checkpoint signatures, attachments, and that a key you trust signed it. " +
				"Exit 0 verified and trusted, 1 verification failed (also: signed by another key than the pinned one), 2 bad options, 3 verified but signer not trusted, " +
				"4 evidence in a newer format than this verifier reads (nothing else wrong): upgrade fieldchain.",
		)
		.option("--public-key <key>", "the gateway's public key as you know it (base64/hex raw, or a PEM file path)")
		.option("--trust-store <dir>", "a directory of enrolled gateway keys, one <gatewayId>.pub file each (base64/hex raw key or SPKI PEM)")
		.option("--keys-from <url>", "the billing service's base URL: pin the key the bundle's gateway enrolled there")
		.option("--token <token>", "bearer token for --keys-from (scope workorders:read or admin); default: the FIELDCHAIN_TOKEN environment variable")
		.option("--json", "print the result as JSON")
		.action(async (file: string, options: VerifyCliOptions) => {
			const input = readBundleFile(file);
			const outcome = verifyWithTrust(input, await trustAnchorFor(options, readSignerClaim(input).gatewayId));
			const { result } = outcome;
			if (options.json) {
				const { ok, verified, trusted, trustSource, trustNote, signer } = outcome;
				process.stdout.write(
					`${JSON.stringify({ ok, verified, trusted, trustSource, trustNote, signer, sealedUpTo: result.sealedUpTo, records: result.records.length, problems: result.problems, complete: result.complete, completeUpTo: result.completeUpTo, ...(result.incompleteReason ? { incompleteReason: result.incompleteReason } : {}), ...(result.acknowledgedGaps ? { acknowledgedGaps: result.acknowledgedGaps } : {}) }, null, 2)}\n`,
				);
			} else if (!result.ok) {
				process.stderr.write(
					outcome.exitCode === EXIT_UNSUPPORTED_FORMAT
						? "UNSUPPORTED FORMAT: the evidence is newer than this verifier reads; nothing else was found wrong. Upgrade fieldchain and verify again.\n"
						: `FAILED: ${result.problems.length} problem(s)\n`,
				);
				for (const problem of result.problems)
					process.stderr.write(`  ${problem.kind}${problem.chainSeq !== undefined ? ` at chain_seq ${problem.chainSeq}` : ""}: ${problem.message}\n`);
			} else if (outcome.trusted) {
				process.stdout.write(`OK: ${result.records.length} records verified, sealed up to chain_seq ${result.sealedUpTo}; ${outcome.trustNote}\n`);
				// Completeness (protocol/evidence/README.md): all of the work order's records up to the last manifest.
				process.stdout.write(
					result.complete
						? `Complete: every record of the work order up to chain_seq ${result.completeUpTo}, as the gateway's signed manifest says.\n`
						: `Not provably complete: ${result.incompleteReason ?? "no manifest was checked"}\n`,
				);
				for (const gap of result.acknowledgedGaps ?? [])
					process.stdout.write(
						`Acknowledged gap: records ${gap.fromSeq}..${gap.toSeq} were lost (${gap.reason}), acknowledged by ${gap.acknowledgedBy} at ${new Date(gap.acknowledgedAtMs).toISOString()}; the exporter's statement, not signed by the gateway.\n`,
					);
			} else {
				process.stderr.write(
					`NOT TRUSTED: ${result.records.length} records verify, but signer not trusted: ${outcome.trustNote}.\n` +
						`  Signer: gateway ${outcome.signer.gatewayId ?? "?"}, key id ${outcome.signer.keyId ?? "?"}.\n` +
						"  Pin the gateway's key: --public-key KEY, --trust-store DIR (files <gatewayId>.pub), or --keys-from URL --token T (the billing service it enrolled with).\n",
				);
			}
			process.exitCode = outcome.exitCode;
		});

	evidence
		.command("public-key")
		.description("Print a gateway's evidence signing key (base64 of the raw Ed25519 key), e.g. for a --trust-store file <gatewayId>.pub.")
		.requiredOption("--data-dir <dir>", "the gateway's data directory")
		.action((options: { dataDir: string }) => {
			const path = join(resolve(options.dataDir), GATEWAY_KEY_FILE);
			if (!existsSync(path)) {
				throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `${options.dataDir} holds no ${GATEWAY_KEY_FILE}.`, {
					hint: "Pass the --data-dir the gateway runs with.",
				});
			}
			process.stdout.write(`${loadOrCreateGatewayKey(resolve(options.dataDir)).publicKeyRaw.toString("base64")}\n`);
		});
	return evidence;
}

interface VerifyCliOptions {
	publicKey?: string;
	trustStore?: string;
	keysFrom?: string;
	token?: string;
	json?: boolean;
}

/** The one trust anchor the options name (none: the signer cannot be trusted). More than one is a bad option: which would win? */
async function trustAnchorFor(options: VerifyCliOptions, gatewayId: string | null): Promise<TrustAnchor | null> {
	const named = [options.publicKey && "--public-key", options.trustStore && "--trust-store", options.keysFrom && "--keys-from"].filter(Boolean);
	if (named.length > 1) throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `Pass one of ${named.join(", ")}, not several.`);
	if (options.publicKey)
		return { source: "public-key", where: "the key given with --public-key", keys: [{ publicKey: parseKeyOption(options.publicKey), revokedAt: null }] };
	if (options.trustStore) return trustStoreAnchor(resolve(options.trustStore), gatewayId);
	if (!options.keysFrom) return null;
	const token = options.token ?? process.env.FIELDCHAIN_TOKEN;
	if (!token)
		throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, "--keys-from needs a token.", {
			hint: "Pass --token or set FIELDCHAIN_TOKEN (scope workorders:read or admin).",
		});
	return keysFromAnchor({ url: options.keysFrom, token, gatewayId });
}

function parseKeyOption(value: string): Buffer {
	try {
		return parsePublicKey(readKeyArgument(value));
	} catch (cause) {
		throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `--public-key: ${(cause as Error).message}`, { cause });
	}
}

/** --public-key takes the key itself or a file holding it. */
function readKeyArgument(value: string): string {
	try {
		return readFileSync(value, "utf8");
	} catch {
		return value;
	}
}

/** The bundle's bytes; a path that cannot be read is a bad option (exit 2), not a failed verification (exit 1). */
function readBundleFile(file: string): Buffer {
	try {
		return readFileSync(file);
	} catch (cause) {
		throw new FieldchainError(
			ErrorCodes.FC_CONFIG_INVALID,
			`Cannot read the bundle ${file}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}.`,
			{
				cause,
				hint: "Pass the path of a file written by `fieldchain evidence export`.",
			},
		);
	}
}
