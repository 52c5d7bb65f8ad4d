/**
 * `fieldchain cloud token create --ttl-days | list | revoke` against a SQLite database, run
 * in-process through the same commander program the CLI builds.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { hashToken } from "./auth/tokens.js";
import { registerCloudCommands } from "./cli.js";
import { openBillingStorage } from "./storage.js";

let dir: string;
let db: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), "fc-token-cli-"));
	db = join(dir, "billing.sqlite");
});
afterEach(() => {
	vi.restoreAllMocks();
	rmSync(dir, { recursive: true, force: true });
});

async function run(...args: string[]): Promise<string> {
	let out = "";
	vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
		out += String(chunk);
		return true;
	});
	vi.spyOn(process.stderr, "write").mockImplementation(() => true);
	const program = new Command().exitOverride();
	registerCloudCommands(program);
	try {
		await program.parseAsync(["node", "fieldchain", "cloud", "token", ...args, "--db", db]);
	} finally {
		vi.restoreAllMocks();
	}
	return out;
}

describe("fieldchain cloud token", () => {
	it("creates a token that expires after --ttl-days, lists it without its secret, and revokes it", async () => {
		const before = Date.now();
		const token = (await run("create", "--scope", "approve", "--name", "SUP9", "--ttl-days", "7")).trim();
		expect(token).toMatch(/^fcb_/);
		const listed = JSON.parse(await run("list", "--json")) as { tokens: { id: string; name: string; expiresAt: number; revoked: boolean }[] };
		expect(listed.tokens).toHaveLength(1);
		const [entry] = listed.tokens;
		expect(entry).toMatchObject({ name: "SUP9", revoked: false });
		expect(entry.expiresAt).toBeGreaterThanOrEqual(before + 7 * 86_400_000);
		expect(entry.expiresAt).toBeLessThanOrEqual(Date.now() + 7 * 86_400_000);
		expect(JSON.stringify(listed)).not.toContain(token);
		expect(JSON.stringify(listed)).not.toContain(hashToken(token));
		expect(await run("list")).toContain("SUP9");

		expect(await run("revoke", entry.id)).toContain("revoked");
		const storage = await openBillingStorage({ db });
		try {
			expect((await storage.store.findTokenByHash(hashToken(token)))?.revokedAt).not.toBeNull();
		} finally {
			await storage.close();
		}
		await expect(run("revoke", "no-such-id")).rejects.toMatchObject({ code: "FC_BILLING_NOT_FOUND" });
		await expect(run("create", "--scope", "admin", "--ttl-days", "0")).rejects.toMatchObject({ code: "FC_CONFIG_INVALID" });
	});
});
