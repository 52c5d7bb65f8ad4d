/**
 * `fieldchain cloud token list | revoke ID`: run against the database, as `token create` is, so an
 * operator can see and revoke tokens even with no admin token at hand. A list never prints a
 * secret or its hash. Exit codes: 0 done; 1 (a FieldchainError) when the token id is unknown.
 */
import type { Command } from "commander";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { tokenView } from "./routes/tokens.js";
import type { BillingStorage } from "./storage.js";

interface StorageFlags {
	db?: string;
	databaseUrl?: string;
}

const iso = (at: number | null) => (at === null ? "-" : new Date(at).toISOString());

export function registerTokenAdminCommands(token: Command, open: (flags: StorageFlags) => Promise<BillingStorage>, defaultDb: string): void {
	token
		.command("list")
		.description("List API tokens (id, name, scopes, expiry, last use, revoked); secrets are never shown")
		.option("--json", "one JSON object: { tokens: [...] }, as GET /v1/tokens answers")
		.option("--db <file>", `SQLite database file (default ${defaultDb})`)
		.option("--database-url <url>", "PostgreSQL instead of SQLite")
		.action(async (options: StorageFlags & { json?: boolean }) => {
			const storage = await open(options);
			try {
				const now = Date.now();
				const tokens = (await storage.store.listTokens()).map((t) => tokenView(t, now));
				if (options.json) {
					process.stdout.write(`${JSON.stringify({ tokens }, null, 2)}\n`);
					return;
				}
				process.stdout.write("id\tname\tscopes\tgateway\tcreated\texpires\tlast used\tstate\n");
				for (const t of tokens) {
					const state = t.revoked ? "revoked" : t.expired ? "expired" : "active";
					process.stdout.write(
						`${[t.id, t.name, t.scopes.join(","), t.gatewayId ?? "-", iso(t.createdAt), iso(t.expiresAt), iso(t.lastUsedAt), state].join("\t")}\n`,
					);
				}
			} finally {
				await storage.close();
			}
		});

	token
		.command("revoke")
		.description("Revoke one API token by its id (see `token list`): it is refused from now on")
		.argument("<id>", "the token's id")
		.option("--db <file>", `SQLite database file (default ${defaultDb})`)
		.option("--database-url <url>", "PostgreSQL instead of SQLite")
		.action(async (id: string, options: StorageFlags) => {
			const storage = await open(options);
			try {
				const revoked = await storage.store.revokeToken(id, Date.now());
				if (!revoked) {
					throw new FieldchainError(ErrorCodes.FC_BILLING_NOT_FOUND, `No token ${id}.`, { hint: "`fieldchain cloud token list` shows the ids." });
				}
				process.stdout.write(`Token ${revoked.id} ("${revoked.name}") revoked at ${iso(revoked.revokedAt)}.\n`);
			} finally {
				await storage.close();
			}
		});
}
