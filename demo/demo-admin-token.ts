/**
 * The demo's admin token for the billing service, kept across starts: minted once, its secret in
 * the demo's data directory (0600, beside the billing database that holds only its hash), and
 * reused while it is valid, so the curl commands a newcomer copied keep working after a restart
 * and the database does not gather a new admin token per start. A token that was revoked, has
 * expired or expires within a day is replaced, and the demo's older admin tokens are revoked.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DAY_MS, DEFAULT_TOKEN_TTL_DAYS, hashToken, issueApiToken } from "../cloud-bridge/billing/auth/tokens.js";
import type { BillingStore } from "../cloud-bridge/billing/store/types.js";

export const DEMO_ADMIN_NAME = "demo-admin";
export const DEMO_ADMIN_TOKEN_FILE = "billing-admin.token";
const DEMO_ADMIN_SCOPES = ["admin", "approve", "release", "workorders:read"];

async function stillValid(store: BillingStore, token: string, now: number): Promise<boolean> {
	const record = await store.findTokenByHash(hashToken(token));
	return record !== undefined && record.revokedAt === null && (record.expiresAt == null || record.expiresAt - now > DAY_MS);
}

export async function demoAdminToken(store: BillingStore, dataDir: string, now: number = Date.now()): Promise<string> {
	const file = join(dataDir, DEMO_ADMIN_TOKEN_FILE);
	const kept = existsSync(file) ? readFileSync(file, "utf8").trim() : "";
	if (kept && (await stillValid(store, kept, now))) return kept;
	const { token, record } = await issueApiToken(store, { name: DEMO_ADMIN_NAME, scopes: DEMO_ADMIN_SCOPES, now, ttlMs: DEFAULT_TOKEN_TTL_DAYS * DAY_MS });
	writeFileSync(file, `${token}\n`, { mode: 0o600 });
	// Earlier demo admin tokens (one per start before they were kept) have no secret left anywhere.
	for (const old of await store.listTokens()) {
		if (old.name === DEMO_ADMIN_NAME && old.id !== record.id && old.revokedAt === null) await store.revokeToken(old.id, now);
	}
	return token;
}
