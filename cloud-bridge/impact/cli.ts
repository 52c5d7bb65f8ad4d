/**
 * `fieldchain cloud impact preview CHANGESET.json [--pack out.pdf] [--apply]` and
 * `fieldchain cloud impact verify FILE --signature FILE.sig.json --key KEY.pem`, against a running
 * billing service (--url, --token or FIELDCHAIN_TOKEN). Exit codes (README, "Command line"): 0 done
 * (verify: the signature holds); 1 the service refused or failed (a stale plan is 1 too); 2 bad
 * options or input: an unreadable change set, one the service finds malformed (its 400), a pack
 * file that already exists; 3 the pack's signature does not hold.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Command } from "commander";
import { invalidConfig } from "../../platform/config-errors.js";
import { type ErrorCode, FieldchainError } from "../../platform/errors.js";
import { verifyPackFile } from "./pack/verify-file.js";

interface Connection {
	url: string;
	token?: string;
}

async function call(connection: Connection, method: string, path: string, body?: unknown): Promise<Response> {
	const token = connection.token ?? process.env.FIELDCHAIN_TOKEN;
	if (!token) throw invalidConfig("No token: pass --token or set FIELDCHAIN_TOKEN (scope approve or admin).", { field: "--token" });
	if (!/^https?:\/\//.test(connection.url))
		throw invalidConfig(`--url must be the billing service's URL, e.g. http://127.0.0.1:8090 (got "${connection.url}").`, { field: "--url" });
	const response = await fetch(new URL(path, connection.url), {
		method,
		headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(120_000),
	});
	if (!response.ok) {
		const problem = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string; hint?: string } };
		const code = problem.error?.code ?? "FC_BILLING_UNAVAILABLE";
		// The hint goes into the message: the command line prints the message only, and the hint says what to do.
		const message = [problem.error?.message ?? `The service answered ${response.status}.`, problem.error?.hint].filter(Boolean).join(" ");
		// A 400 is the input's fault (a malformed change set): exit 2 like any bad input, with the service's code named.
		if (response.status === 400)
			throw invalidConfig(`The service refused ${body === undefined ? "the request" : "the change set"} as malformed (${code}): ${message}`, {
				field: "change set",
			});
		throw new FieldchainError(code as ErrorCode, message);
	}
	return response;
}

function readJson(file: string, what: string): unknown {
	try {
		return JSON.parse(readFileSync(file, "utf8"));
	} catch (error) {
		throw invalidConfig(`Cannot read ${what} ${file}: ${(error as Error).message}.`, { field: what });
	}
}

/** The pack and its signature file are never overwritten, and are checked before anything is asked of the service. */
function refuseExisting(pack: string): void {
	for (const path of [pack, `${pack}.sig.json`]) {
		if (existsSync(path)) throw invalidConfig(`--pack: ${path} already exists; remove it or pick another file name.`, { field: "--pack" });
	}
	if (!existsSync(dirname(pack) || ".")) throw invalidConfig(`--pack: the folder ${dirname(pack)} does not exist.`, { field: "--pack" });
}

export function registerImpactCommands(cloud: Command): void {
	const impact = cloud.command("impact").description("Impact previews: how a policy change ripples through open work, before it is applied");
	impact
		.command("preview <changeSet>")
		.description("Preview a change set (JSON file); print the plan's summary; optionally write the signed readiness pack and apply")
		.option("--url <url>", "the billing service", "http://127.0.0.1:8090")
		.option("--token <token>", "API token (default FIELDCHAIN_TOKEN)")
		.option("--pack <file>", "write the readiness pack as PDF (FILE.pdf) or HTML (FILE.html), with its signature in FILE.sig.json")
		.option("--apply", "apply the plan right after previewing it")
		.option("--json", "print the whole plan as JSON")
		.action(async (file: string, options: Connection & { pack?: string; apply?: boolean; json?: boolean }) => {
			if (options.pack) refuseExisting(options.pack);
			const changeSet = readJson(file, "change set");
			const preview = (await (await call(options, "POST", "/v1/impact/previews", changeSet)).json()) as {
				id: string;
				plan: {
					summary: Record<string, number>;
					readHash: string;
					policies: { kind: string; id: string; fromVersion: number | null; toVersion: number }[];
					costRanges?: { marginImpactMinor: Record<string, number> };
				};
			};
			if (options.json) process.stdout.write(`${JSON.stringify(preview, null, 2)}\n`);
			else {
				process.stdout.write(`Preview ${preview.id} (read hash ${preview.plan.readHash})\n`);
				for (const p of preview.plan.policies) {
					const from = p.fromVersion === null ? "new: no version stored yet, applying creates" : `version ${p.fromVersion} →`;
					process.stdout.write(`  ${p.kind} ${p.id}: ${from} version ${p.toVersion}\n`);
				}
				for (const [key, value] of Object.entries(preview.plan.summary)) process.stdout.write(`  ${key}: ${value}\n`);
				const m = preview.plan.costRanges?.marginImpactMinor;
				if (m) process.stdout.write(`  margin impact (minor units) p10 ${m.p10}, p50 ${m.p50}, p90 ${m.p90}\n`);
			}
			if (options.pack) {
				const pdf = !options.pack.toLowerCase().endsWith(".html");
				const response = await call(options, "GET", `/v1/impact/previews/${preview.id}/pack${pdf ? "?format=pdf" : ""}`);
				const bytes = Buffer.from(await response.arrayBuffer());
				writeFileSync(options.pack, bytes, { flag: "wx" });
				const header = response.headers.get("fieldchain-pack-signature") ?? "";
				const field = (name: string) => new RegExp(`${name}=([^;]+)`).exec(header)?.[1]?.trim() ?? "";
				// The signature only: a recipient checks it with the service's key they pinned (verify --key), never one shipped beside it.
				const sig = { algorithm: "Ed25519", keyId: field("keyId"), sha256: field("sha256"), signature: field("ed25519") };
				writeFileSync(`${options.pack}.sig.json`, `${JSON.stringify(sig, null, 2)}\n`, { flag: "wx" });
				process.stderr.write(
					`Wrote ${options.pack} and ${options.pack}.sig.json (key ${sig.keyId}; recipients verify with the key from GET /v1/impact/pack-key).\n`,
				);
			}
			if (options.apply) {
				await call(options, "POST", `/v1/impact/previews/${preview.id}/apply`);
				process.stderr.write(`Applied ${preview.id}.\n`);
			}
		});
	impact
		.command("verify <file>")
		.description("Check a readiness pack against its detached signature (exit 3 when it does not hold)")
		.requiredOption("--signature <file>", "the FILE.sig.json written with the pack")
		.option("--key <pem>", "the service's public key you trust (SPKI PEM, from GET /v1/impact/pack-key); required")
		.action((file: string, options: { signature: string; key?: string }) => {
			const outcome = verifyPackFile(file, options.signature, options.key);
			if (outcome.exitCode === 0) process.stdout.write(`${outcome.message}\n`);
			else {
				process.stderr.write(`${outcome.message}\n`);
				process.exitCode = outcome.exitCode;
			}
		});
}
