/**
 * `fieldchain cloud impact preview | verify` as an office user runs them: the CLI from source as a
 * child process against `fieldchain cloud serve` (another process, a SQLite file, loopback HTTP).
 * The policies are created through POST /v1/policies, the pack is written as PDF with its detached
 * signature and verified against the pinned key; a tampered copy exits 3. The clumsy user gets the
 * project's exit codes (README, "Command line"): 2 for a missing or broken change set, one the
 * service finds malformed (a policy id of another kind), an existing pack file or no key; 1 for a
 * refusal (wrong scope, a required approval missing).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLECTION_OF, ENTITY_KINDS } from "../../model/entities/kinds.js";
import { standardSlaPolicy } from "../../model/policies/fixtures.js";
import { items } from "../../model/testing/builders.js";
import { exitedAndDrained } from "../../test/support/child-exit.js";
import { runSourceCli, type SourceCli } from "../../test/support/source-cli.js";
import { issueApiToken } from "../billing/auth/tokens.js";
import { openBillingStorage } from "../billing/storage.js";
import { scenario, template } from "./testing/scenario.js";

const ROOT = join(import.meta.dirname, "..", "..");
const TSX = pathToFileURL(join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;
const dir = mkdtempSync(join(tmpdir(), "fc-impact-cli-"));
const db = join(dir, "billing.sqlite");
let serve: SourceCli;
let url = "";
const tokens = { approver: "", reader: "" };

/** The CLI as a child process (asynchronous, so this test's own timers keep running); stdout and stderr apart. */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ["--import", TSX, join(ROOT, "bin", "fieldchain.ts"), "cloud", "impact", ...args], {
			cwd: dir,
			env: { ...process.env, FIELDCHAIN_TOKEN: "", ...env },
			stdio: ["ignore", "pipe", "pipe"],
		});
		let out = "";
		let err = "";
		child.stdout.on("data", (chunk: Buffer) => {
			out += chunk;
		});
		child.stderr.on("data", (chunk: Buffer) => {
			err += chunk;
		});
		const timer = setTimeout(() => {
			child.kill("SIGKILL");
			reject(new Error(`fieldchain cloud impact ${args.join(" ")} did not exit in 120 s:\n${out}${err}`));
		}, 120_000);
		void exitedAndDrained(child).then(({ code }) => {
			clearTimeout(timer);
			resolve({ code, out, err });
		});
	});
}

const withService = (token: string) => ["--url", url, "--token", token];
const file = (name: string, content: unknown) => {
	const path = join(dir, name);
	writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
	return path;
};
const photoRequired = (extra: Record<string, unknown> = {}) => ({
	name: "Photo of the finished work",
	effectiveAt: "2026-01-01T00:00:00Z",
	samples: 500,
	seed: 7,
	changes: [{ kind: "checklist-template", id: template.id, items: [items.safety(), items.insulation(), items.photo()], milestoneEvidence: ["insulation"] }],
	...extra,
});

// biome-ignore lint/suspicious/noExplicitAny: answers of several routes, read field by field (as the harness's HttpResult).
async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
	const response = await fetch(`${url}${path}`, {
		method,
		headers: { authorization: `Bearer ${tokens.approver}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
	// The open work of the impact scenario and two tokens, in the file the service will serve.
	const storage = await openBillingStorage({ db });
	try {
		const snapshot = scenario();
		await storage.repo.restore(
			ENTITY_KINDS.flatMap((kind) => (snapshot[COLLECTION_OF[kind]] as { id: string }[]).map((entity) => ({ kind, entity }))) as never,
		);
		const now = Date.now();
		tokens.approver = (await issueApiToken(storage.store, { name: "SUP1", scopes: ["approve"], now })).token;
		tokens.reader = (await issueApiToken(storage.store, { name: "READER", scopes: ["workorders:read"], now })).token;
	} finally {
		await storage.close();
	}
	serve = runSourceCli(["cloud", "serve", "--db", db, "--port", "0"], { cwd: dir });
	await serve.waitFor(/fieldchain billing service on (http:\/\/\S+)/, 60_000);
	url = /fieldchain billing service on (http:\/\/\S+)/.exec(serve.output())?.[1] as string;
	// The policies the work was made from, created as an office user would.
	const { version: _v, createdAt: _c, createdBy: _b, effectiveFrom: _e, ...sla } = standardSlaPolicy();
	expect((await api("POST", "/v1/policies", sla)).status).toBe(201);
	const { version: _tv, createdAt: _tc, createdBy: _tb, effectiveFrom: _te, ...checklist } = template;
	expect((await api("POST", "/v1/policies", checklist)).status).toBe(201);
}, 120_000);

afterAll(async () => {
	await serve?.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe("fieldchain cloud impact", () => {
	it("previews a change set, writes the signed PDF pack, verifies it under the pinned key and refuses a tampered copy", async () => {
		const changeSet = file("photo.json", photoRequired());
		const pack = join(dir, "pack.pdf");
		const made = await cli(["preview", changeSet, ...withService(tokens.approver), "--pack", pack]);
		expect(made, made.err).toMatchObject({ code: 0 });
		expect(made.out).toMatch(/^Preview imp_[0-9a-f-]+ \(read hash [0-9a-f]{64}\)/);
		expect(made.out).toContain(`checklist-template ${template.id}: version 1 → version 2`);
		expect(made.out).toMatch(/tasksWithNewChecklist: 1\n/);
		expect(made.out).toMatch(/milestonesBlocked: 1\n/);
		expect(made.err).toContain(`Wrote ${pack} and ${pack}.sig.json`);
		expect(readFileSync(pack).subarray(0, 5).toString()).toBe("%PDF-");
		const signature = JSON.parse(readFileSync(`${pack}.sig.json`, "utf8"));
		expect(signature).toEqual({
			algorithm: "Ed25519",
			keyId: expect.any(String),
			sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
			signature: expect.any(String),
		});
		expect(JSON.stringify(signature)).not.toMatch(/PUBLIC KEY/);
		// Nothing changed: the preview only planned.
		expect((await api("GET", `/v1/policies/checklist-template/${template.id}`)).body.version).toBe(1);

		const key = file("pack-key.pem", (await api("GET", "/v1/impact/pack-key")).body.publicKeyPem);
		const verified = await cli(["verify", pack, "--signature", `${pack}.sig.json`, "--key", key]);
		expect(verified).toMatchObject({ code: 0, out: `${pack}: signature holds under the pinned key.\n` });

		const original = readFileSync(pack);
		const bytes = Buffer.from(original);
		bytes[bytes.length - 10] ^= 1;
		const tampered = join(dir, "tampered.pdf");
		writeFileSync(tampered, bytes);
		const refused = await cli(["verify", tampered, "--signature", `${pack}.sig.json`, "--key", key]);
		expect(refused.code).toBe(3);
		expect(refused.err).toContain("does NOT hold");

		const noKey = await cli(["verify", pack, "--signature", `${pack}.sig.json`]);
		expect(noKey.code).toBe(2);
		expect(noKey.err).toContain("--key");
		expect((await cli(["verify", pack, "--signature", join(dir, "nope.sig.json"), "--key", key])).code).toBe(2);

		// The pack is never overwritten, and the service is not asked first.
		const again = await cli(["preview", changeSet, ...withService(tokens.approver), "--pack", pack]);
		expect(again.code).toBe(2);
		expect(again.err).toContain(`${pack} already exists`);
		expect(readFileSync(pack).equals(original)).toBe(true);
		const noFolder = await cli(["preview", changeSet, ...withService(tokens.approver), "--pack", join(dir, "missing", "p.pdf")]);
		expect(noFolder.code).toBe(2);
	}, 300_000);

	it("applies with --apply only once its required approval is recorded, and says what is missing", async () => {
		const needsCustomer = file("needs-customer.json", photoRequired({ requireApprovals: ["customer"] }));
		const early = await cli(["preview", needsCustomer, ...withService(tokens.approver), "--apply"]);
		expect(early.code).toBe(1);
		expect(early.err).toMatch(/FC_IMPACT_APPROVAL_REQUIRED: .*needs the customer approval.*POST \/v1\/impact\/previews\/imp_[^/]+\/approvals/);
		expect((await api("GET", `/v1/policies/checklist-template/${template.id}`)).body.version).toBe(1);

		const applied = await cli(["preview", file("apply.json", photoRequired()), ...withService(tokens.approver), "--apply", "--json"]);
		expect(applied, applied.err).toMatchObject({ code: 0 });
		const preview = JSON.parse(applied.out);
		expect(applied.err).toContain(`Applied ${preview.id}.`);
		const versions = (await api("GET", `/v1/policies/checklist-template/${template.id}/versions`)).body.versions;
		expect(versions.map((v: { version: number; createdBy: string }) => [v.version, v.createdBy])).toEqual([
			[1, "SUP1"],
			[2, "SUP1"],
		]);
	}, 300_000);

	it("gives the clumsy user exit 2 for bad input and 1 for a refusal, with words that say what to do", async () => {
		const missing = await cli(["preview", join(dir, "no-such.json"), ...withService(tokens.approver)]);
		expect(missing.code).toBe(2);
		expect(missing.err).toMatch(/FC_CONFIG_INVALID: Cannot read change set .*no-such\.json: ENOENT/);

		const broken = await cli(["preview", file("broken.json", '{"changes": [ {"kind": "sla-policy",'), ...withService(tokens.approver)]);
		expect(broken.code).toBe(2);
		expect(broken.err).toMatch(/Cannot read change set .*broken\.json: .*JSON/);

		// A policy id the service keeps as another kind: the service's 400, named, exit 2.
		const otherKind = await cli([
			"preview",
			file("other-kind.json", { effectiveAt: "2026-01-01T00:00:00Z", changes: [{ kind: "checklist-template", id: "sla-standard", items: [items.photo()] }] }),
			...withService(tokens.approver),
		]);
		expect(otherKind.code).toBe(2);
		expect(otherKind.err).toMatch(/FC_IMPACT_CHANGESET\): sla-standard is a sla-policy, not a checklist-template\. Fix the change set/);

		const unknownKind = await cli([
			"preview",
			file("unknown-kind.json", { effectiveAt: 0, changes: [{ kind: "tax-rule", id: "vat" }] }),
			...withService(tokens.approver),
		]);
		expect(unknownKind.code).toBe(2);
		expect(unknownKind.err).toContain("refused the change set as malformed");

		// An id the service has never stored is a new policy, and the summary says so before anyone applies it.
		const unknownId = await cli([
			"preview",
			file("unknown-id.json", { effectiveAt: 0, changes: [{ kind: "price-list", id: "prices-typo", itemPricesMinor: { "FUSE-10": 900 } }] }),
			...withService(tokens.approver),
		]);
		expect(unknownId, unknownId.err).toMatchObject({ code: 0 });
		expect(unknownId.out).toContain("price-list prices-typo: new: no version stored yet, applying creates version 1");

		const reader = await cli(["preview", file("photo-2.json", photoRequired()), ...withService(tokens.reader)]);
		expect(reader.code).toBe(1);
		expect(reader.err).toContain("FC_BILLING_FORBIDDEN");

		const wrongToken = await cli(["preview", file("photo-3.json", photoRequired()), ...withService("fc_not-a-token")]);
		expect(wrongToken.code).toBe(1);

		const noToken = await cli(["preview", file("photo-4.json", photoRequired()), "--url", url]);
		expect(noToken.code).toBe(2);
		expect(noToken.err).toContain("No token: pass --token or set FIELDCHAIN_TOKEN");
		const badUrl = await cli(["preview", file("photo-5.json", photoRequired()), "--url", "127.0.0.1:1", "--token", tokens.approver]);
		expect(badUrl.code).toBe(2);
		expect(badUrl.err).toContain("--url must be the billing service's URL");

		// The token from the environment works as --token does, and is never printed.
		const fromEnv = await cli(["preview", file("photo-6.json", photoRequired()), "--url", url], { FIELDCHAIN_TOKEN: tokens.approver });
		expect(fromEnv.code).toBe(0);
		for (const output of [fromEnv, reader, missing]) expect(`${output.out}${output.err}`).not.toContain(tokens.approver);
	}, 480_000);
});
