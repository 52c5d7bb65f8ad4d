/**
 * `fieldchain evidence export` writes a work order's evidence bundle; `fieldchain evidence verify`
 * checks one anywhere (hashes, chain continuity, checkpoint signatures) and exits non-zero with
 * exactly what is wrong.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { serializeBundle } from "../../protocol/evidence/bundle.js";
import { parsePublicKey } from "../../protocol/evidence/keys.js";
import { verifyBundle } from "../../protocol/evidence/verify/verify-bundle.js";
import { exportEvidenceBundle } from "./export.js";

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
		.description("Verify a bundle: content hashes, chain continuity, checkpoint signatures, attachments.")
		.option("--public-key <key>", "the gateway's public key as you know it (base64/hex raw, or a PEM file path)")
		.option("--json", "print the result as JSON")
		.action((file: string, options: { publicKey?: string; json?: boolean }) => {
			const publicKey = options.publicKey ? parsePublicKey(readKeyArgument(options.publicKey)) : undefined;
			const result = verifyBundle(readFileSync(file), { publicKey });
			if (options.json) {
				process.stdout.write(
					`${JSON.stringify({ ok: result.ok, sealedUpTo: result.sealedUpTo, records: result.records.length, problems: result.problems }, null, 2)}\n`,
				);
			} else if (result.ok) {
				process.stdout.write(
					`OK: ${result.records.length} records verified, sealed up to chain_seq ${result.sealedUpTo}${publicKey ? "" : " (key taken from the bundle; pass --public-key to pin it)"}\n`,
				);
			} else {
				process.stderr.write(`FAILED: ${result.problems.length} problem(s)\n`);
				for (const problem of result.problems)
					process.stderr.write(`  ${problem.kind}${problem.chainSeq !== undefined ? ` at chain_seq ${problem.chainSeq}` : ""}: ${problem.message}\n`);
			}
			if (!result.ok) process.exitCode = 1;
		});
	return evidence;
}

/** --public-key takes the key itself or a file holding it. */
function readKeyArgument(value: string): string {
	try {
		return readFileSync(value, "utf8");
	} catch {
		return value;
	}
}
