/**
 * How the console reaches its OIDC provider: issuer, client id, client secret (read from a file,
 * never from argv, never logged) and the callback URL registered at the provider.
 * Invariant: the issuer is https, or http only on a loopback host (as webhook receivers are).
 */
import { readFileSync } from "node:fs";
import { invalidConfig } from "../../../platform/config-errors.js";
import { isLoopback } from "../../../platform/net.js";

export const OIDC_CALLBACK_PATH = "/v1/sessions/oidc/callback";

export interface OidcConfig {
	issuer: URL;
	clientId: string;
	/** Kept out of toString/JSON so a logged config never shows it. */
	clientSecret: Secret;
	/** The callback URL registered at the provider; derived from each request's Host when absent. */
	redirectUrl?: URL;
	/** What the sign-in button says: "Sign in with <name>". */
	name: string;
}

/** A string that does not print itself. */
export class Secret {
	readonly #value: string;
	constructor(value: string) {
		this.#value = value;
	}
	reveal(): string {
		return this.#value;
	}
	toString(): string {
		return "[secret]";
	}
	toJSON(): string {
		return "[secret]";
	}
}

export interface OidcFlags {
	oidcIssuer?: string;
	oidcClientId?: string;
	oidcClientSecretFile?: string;
	oidcRedirectUrl?: string;
	oidcName?: string;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

function parseUrl(value: string, field: string, what: string): URL {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw invalidConfig(`${field} is not a URL (got "${value}").`, { field, hint: `Give ${what}, e.g. https://login.example.com/realms/office.` });
	}
	if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(hostOf(url))))
		throw invalidConfig(`${field} must be an https:// URL (http:// only on loopback); got "${value}".`, { field, hint: `Use the https address of ${what}.` });
	if (url.search || url.hash) throw invalidConfig(`${field} must not carry a query or fragment (got "${value}").`, { field });
	return url;
}

export function checkIssuer(value: string): URL {
	return parseUrl(value, "--oidc-issuer", "the provider's issuer");
}

/** The OIDC settings from `cloud serve` flags: undefined when none is given, an error when some are missing. */
export function oidcConfigFromFlags(flags: OidcFlags, readSecret: (file: string) => string = (file) => readFileSync(file, "utf8")): OidcConfig | undefined {
	const given = [flags.oidcIssuer, flags.oidcClientId, flags.oidcClientSecretFile, flags.oidcRedirectUrl, flags.oidcName].some((v) => v !== undefined);
	if (!given) return undefined;
	const needs = (value: string | undefined, field: string): string => {
		if (value === undefined || value.trim() === "")
			throw invalidConfig(`OIDC sign-in needs ${field} too.`, { field, hint: "Give --oidc-issuer, --oidc-client-id and --oidc-client-secret-file together." });
		return value.trim();
	};
	const issuer = checkIssuer(needs(flags.oidcIssuer, "--oidc-issuer"));
	const clientId = needs(flags.oidcClientId, "--oidc-client-id");
	const file = needs(flags.oidcClientSecretFile, "--oidc-client-secret-file");
	let secret: string;
	try {
		secret = readSecret(file).trim();
	} catch (error) {
		throw invalidConfig(`Cannot read the OIDC client secret file ${file}: ${(error as Error).message}`, {
			field: "--oidc-client-secret-file",
			hint: "Put the client secret alone in a file readable by this service (mode 0600).",
		});
	}
	if (secret === "") throw invalidConfig(`The OIDC client secret file ${file} is empty.`, { field: "--oidc-client-secret-file" });
	const redirectUrl = flags.oidcRedirectUrl === undefined ? undefined : parseUrl(flags.oidcRedirectUrl, "--oidc-redirect-url", "this service's callback");
	if (redirectUrl && redirectUrl.pathname !== OIDC_CALLBACK_PATH)
		throw invalidConfig(`--oidc-redirect-url must end in ${OIDC_CALLBACK_PATH} (got "${redirectUrl.pathname}").`, { field: "--oidc-redirect-url" });
	return {
		issuer,
		clientId,
		clientSecret: new Secret(secret),
		...(redirectUrl ? { redirectUrl } : {}),
		name: flags.oidcName?.trim() || issuer.host,
	};
}
