/**
 * `fieldchain cloud user create | list | disable` as an operator runs it (the CLI from source under
 * tsx, a SQLite file): the password comes from stdin, never from argv, and is never printed; bad
 * input exits 2, a refused change 1; a disabled user cannot sign in.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openBillingStorage } from "../billing/storage.js";
import { localPasswords } from "./accounts.js";
import { consoleStoreBeside } from "./users/open-store.js";

const ROOT = join(import.meta.dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "fc-user-cli-"));
const db = join(dir, "billing.sqlite");
const SECRET = "a very long secret passphrase";
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

describe("fieldchain cloud user", () => {
	it("creates, lists and disables users; never shows the password or its hash", async () => {
		const made = cli(["create", "Alice", "--role", "approver", "--name", "Alice Approver"], `${SECRET}\n`);
		expect(made).toMatchObject({ code: 0 });
		expect(made.out).toMatch(/Created console user alice \(approver\)/);
		expect(cli(["create", "alice", "--role", "admin"], `${SECRET}\n`).code).toBe(1);
		expect(cli(["create", "bob", "--role", "wizard"], `${SECRET}\n`).code).toBe(2);
		expect(cli(["create", "bob", "--role", "admin"], "short\n").code).toBe(2);
		expect(cli(["create", "bob", "--role", "admin"], "").code).toBe(2);
		const listed = cli(["list", "--json"]);
		expect(JSON.parse(listed.out).users).toEqual([
			expect.objectContaining({ username: "alice", role: "approver", displayName: "Alice Approver", disabledAt: null }),
		]);
		for (const output of [made, listed]) expect(`${output.out}${output.err}`).not.toMatch(/scrypt|passphrase/);
		expect(readFileSync(db).includes(Buffer.from(SECRET))).toBe(false);

		const storage = await openBillingStorage({ db });
		try {
			expect(await localPasswords(consoleStoreBeside(storage)).verify({ username: "alice", password: SECRET })).toMatchObject({ username: "alice" });
		} finally {
			await storage.close();
		}
		expect(cli(["disable", "alice"]).code).toBe(0);
		expect(cli(["disable", "nobody"]).code).toBe(1);
		const after = await openBillingStorage({ db });
		try {
			expect(await localPasswords(consoleStoreBeside(after)).verify({ username: "alice", password: SECRET })).toBeUndefined();
		} finally {
			await after.close();
		}
	}, 300_000);
});
