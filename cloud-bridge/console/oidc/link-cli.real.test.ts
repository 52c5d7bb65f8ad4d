/**
 * `fieldchain cloud user create --oidc-subject` and `link-oidc` / `unlink-oidc` as an operator runs
 * them (the CLI from source under tsx, a SQLite file): a single-sign-on-only user gets no password
 * prompt and no password; links are exact and one user per subject; bad input exits 2, a refused
 * change 1.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openBillingStorage } from "../../billing/storage.js";
import { consoleStoreBeside } from "../users/open-store.js";
import { oidcLinksBeside } from "./links-beside.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const dir = mkdtempSync(join(tmpdir(), "fc-oidc-cli-"));
const db = join(dir, "billing.sqlite");
const ISSUER = "https://login.example.com/realms/office";
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], input = "") {
	const result = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "bin", "fieldchain.ts"), "cloud", "user", ...args, "--db", db], {
		input,
		encoding: "utf8",
		cwd: ROOT,
		timeout: 120_000,
	});
	return { code: result.status, out: result.stdout, err: result.stderr };
}

describe("fieldchain cloud user and OIDC links", () => {
	it("creates a single-sign-on user, links and unlinks subjects, refuses what it must", async () => {
		const made = cli(["create", "olga", "--role", "billing", "--oidc-issuer", ISSUER, "--oidc-subject", "olga-sub"]);
		expect(made).toMatchObject({ code: 0 });
		expect(made.out).toContain(`Created console user olga (billing)`);
		expect(made.out).toContain(`signing in as olga-sub at ${ISSUER}`);
		expect(cli(["create", "half", "--role", "billing", "--oidc-subject", "x"]).code).toBe(2);
		expect(cli(["create", "plain", "--role", "billing", "--oidc-issuer", "http://login.example.com", "--oidc-subject", "x"]).code).toBe(2);
		expect(cli(["link-oidc", "olga", "--oidc-issuer", ISSUER, "--oidc-subject", "olga-second"]).code).toBe(0);
		// The same subject for another user, and an unknown user, are refused.
		expect(cli(["create", "eve", "--role", "admin", "--oidc-issuer", ISSUER, "--oidc-subject", "olga-sub"]).code).toBe(1);
		expect(cli(["link-oidc", "nobody", "--oidc-issuer", ISSUER, "--oidc-subject", "n"]).code).toBe(1);
		expect(cli(["unlink-oidc", "--oidc-issuer", ISSUER, "--oidc-subject", "olga-second"]).code).toBe(0);
		expect(cli(["unlink-oidc", "--oidc-issuer", ISSUER, "--oidc-subject", "olga-second"]).code).toBe(1);

		const storage = await openBillingStorage({ db });
		try {
			const olga = await consoleStoreBeside(storage).findUserByUsername("olga");
			expect(olga).toMatchObject({ role: "billing", passwordHash: null });
			// The refused create left no user behind.
			expect(await consoleStoreBeside(storage).findUserByUsername("eve")).toBeUndefined();
			expect((await oidcLinksBeside(storage).linksOf(olga?.id ?? "")).map((l) => [l.issuer, l.subject])).toEqual([[ISSUER, "olga-sub"]]);
		} finally {
			await storage.close();
		}
	}, 300_000);
});
