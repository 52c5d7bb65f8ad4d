/**
 * The billing service on SQLite with console sign-in through a local OIDC provider (and a second,
 * unrelated provider for the "other issuer" attack), over loopback. Users: alice (approver, linked
 * to subject alice-at-idp), gone (billing, linked to gone-at-idp, disabled), and
 * mallory@example.com (admin, password only, linked to nothing).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createBillingService } from "../../../billing/service.js";
import { openBillingStorage } from "../../../billing/storage.js";
import { createUser } from "../../accounts.js";
import { PASSWORD, TEST_KDF } from "../../testing/office-fixture.js";
import { consoleStoreBeside } from "../../users/open-store.js";
import { OIDC_CALLBACK_PATH, oidcConfigFromFlags } from "../config.js";
import { oidcLinksBeside } from "../links-beside.js";
import { CLIENT_ID, type LocalProvider, startLocalProvider } from "./local-provider.js";

export interface OidcService {
	url: string;
	callbackUrl: string;
	provider: LocalProvider;
	other: LocalProvider;
	/** Every log line of the service: "level message {fields}". */
	logged: string[];
	close(): Promise<void>;
}

export async function startOidcService(): Promise<OidcService> {
	const dir = mkdtempSync(join(tmpdir(), "fc-oidc-"));
	const provider = await startLocalProvider();
	const other = await startLocalProvider();
	const storage = await openBillingStorage({ db: join(dir, "billing.sqlite") });
	const config = oidcConfigFromFlags(
		{ oidcIssuer: provider.issuer, oidcClientId: CLIENT_ID, oidcClientSecretFile: "secret-file", oidcName: "Office SSO" },
		() => `${provider.clientSecret}\n`,
	);
	const logged: string[] = [];
	const log = (level: string) => (fields: object, message: string) => logged.push(`${level} ${message} ${JSON.stringify(fields)}`);
	const app = createBillingService({
		storage,
		validateResponses: true,
		logger: { info: log("info"), warn: log("warn"), error: log("error") },
		console: { kdf: TEST_KDF, ...(config ? { oidc: config } : {}) },
	});
	await app.listen({ host: "127.0.0.1", port: 0 });
	const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
	const callbackUrl = `${url}${OIDC_CALLBACK_PATH}`;
	provider.allowRedirect(callbackUrl);
	other.allowRedirect(callbackUrl);

	const store = consoleStoreBeside(storage);
	const links = oidcLinksBeside(storage);
	const make = async (username: string, role: string, subject?: string) => {
		const user = await createUser(store, { username, role, password: subject ? null : PASSWORD }, Date.now(), TEST_KDF);
		if (subject) await links.link({ issuer: provider.issuer, subject, userId: user.id, createdAt: Date.now() });
		return user.id;
	};
	await make("alice", "approver", "alice-at-idp");
	await store.setUserDisabled(await make("gone", "billing", "gone-at-idp"), Date.now());
	await make("mallory@example.com", "admin");
	return {
		url,
		callbackUrl,
		provider,
		other,
		logged,
		async close() {
			await app.close();
			await storage.close();
			await provider.close();
			await other.close();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
