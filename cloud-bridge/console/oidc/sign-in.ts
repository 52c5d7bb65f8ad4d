/**
 * Sign-in through an OIDC provider: the authorization code flow with PKCE, state and nonce, done
 * by openid-client. start() gives the provider URL to send the browser to; finish() checks the
 * callback and returns the console user the ID token names.
 * Invariant: a person gets in only as an enabled console user linked by an admin to the token's
 * (issuer, subject); never by a claimed email, never by creating a user. The role is the console's.
 */
import * as client from "openid-client";
import type { ConsoleStore, UserRecord } from "../users/types.js";
import type { OidcConfig } from "./config.js";
import type { OidcLinkStore } from "./link-store.js";
import { PendingSignIns } from "./pending.js";

/** Why a callback was refused; the console's sign-in page words each one (sign-in.tsx). */
export const REFUSALS = ["not_linked", "disabled", "expired", "failed", "provider", "unavailable"] as const;
export type RefusalReason = (typeof REFUSALS)[number];

export class OidcRefusal extends Error {
	constructor(
		readonly reason: RefusalReason,
		message: string,
		/** The provider's subject, shown for not_linked so an admin can link it. */
		readonly subject?: string,
	) {
		super(message);
	}
}

export interface OidcSignInOptions {
	config: OidcConfig;
	store: ConsoleStore;
	links: OidcLinkStore;
	now: () => number;
}

export class OidcSignIn {
	private discovered: Promise<client.Configuration> | undefined;
	private readonly pending: PendingSignIns;

	constructor(private readonly options: OidcSignInOptions) {
		this.pending = new PendingSignIns(options.now);
	}

	get name(): string {
		return this.options.config.name;
	}

	/** The issuer as configured; ID tokens must carry exactly the issuer its metadata names. */
	get issuer(): string {
		return this.options.config.issuer.href.replace(/\/$/, "");
	}

	/** The redirect_uri: the configured one, else this service's callback on the request's own origin. */
	redirectUrl(requestOrigin: string): string {
		return this.options.config.redirectUrl?.href ?? new URL("/v1/sessions/oidc/callback", requestOrigin).href;
	}

	/** The provider's metadata, fetched once (again after a failure, so a provider that was down is retried). */
	private configuration(): Promise<client.Configuration> {
		const { issuer, clientId, clientSecret } = this.options.config;
		this.discovered ??= client
			.discovery(issuer, clientId, undefined, client.ClientSecretBasic(clientSecret.reveal()), {
				// http:// is allowed only for a loopback issuer (config.ts refuses any other).
				...(issuer.protocol === "http:" ? { execute: [client.allowInsecureRequests] } : {}),
			})
			.catch((error: unknown) => {
				this.discovered = undefined;
				throw new OidcRefusal("unavailable", `The identity provider ${issuer.href} could not be reached: ${(error as Error).message}`);
			});
		return this.discovered;
	}

	/** Where to send the browser, and the id of the pending sign-in for its cookie; `address` is the client's. */
	async start(redirectUrl: string, address: string): Promise<{ url: string; pendingId: string }> {
		const config = await this.configuration();
		const codeVerifier = client.randomPKCECodeVerifier();
		const state = client.randomState();
		const nonce = client.randomNonce();
		const url = client.buildAuthorizationUrl(config, {
			redirect_uri: redirectUrl,
			scope: "openid",
			response_type: "code",
			code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
			code_challenge_method: "S256",
			state,
			nonce,
		});
		return { url: url.href, pendingId: this.pending.add({ state, nonce, codeVerifier, redirectUrl }, address) };
	}

	/**
	 * Checks the provider's answer (query string of the callback) against the pending sign-in the
	 * cookie names, redeems the code and maps the ID token to a console user. Throws OidcRefusal.
	 */
	async finish(pendingId: string | undefined, query: URLSearchParams): Promise<UserRecord> {
		const pending = pendingId ? this.pending.take(pendingId) : undefined;
		if (!pending) throw new OidcRefusal("expired", "This sign-in is not one this browser started, was already used, or took longer than 10 minutes.");
		const providerError = query.get("error");
		if (providerError !== null) throw new OidcRefusal("provider", `The identity provider refused: ${providerError}.`);
		const config = await this.configuration();
		const currentUrl = new URL(pending.redirectUrl);
		currentUrl.search = query.toString();
		let claims: client.IDToken | undefined;
		try {
			const tokens = await client.authorizationCodeGrant(config, currentUrl, {
				pkceCodeVerifier: pending.codeVerifier,
				expectedState: pending.state,
				expectedNonce: pending.nonce,
				idTokenExpected: true,
			});
			claims = tokens.claims();
		} catch (error) {
			const which = failedCheck(error);
			throw new OidcRefusal("failed", `The identity provider's answer did not check out: ${(error as Error).message}${which}`);
		}
		if (!claims) throw new OidcRefusal("failed", "The identity provider sent no ID token.");
		const link = await this.options.links.find(claims.iss, claims.sub);
		if (!link) throw new OidcRefusal("not_linked", `Subject "${claims.sub}" at ${claims.iss} is not linked to a console user.`, claims.sub);
		const user = await this.options.store.getUser(link.userId);
		if (!user || user.disabledAt !== null) throw new OidcRefusal("disabled", `The console user linked to subject "${claims.sub}" is disabled.`);
		return user;
	}
}

/** The check that failed, as openid-client (or oauth4webapi below it) words it in its error's causes. */
function failedCheck(error: unknown): string {
	const words: string[] = [];
	for (let at = (error as { cause?: unknown })?.cause, depth = 0; at && typeof at === "object" && depth < 4; at = (at as { cause?: unknown }).cause, depth++) {
		const { message, claim, error: code } = at as { message?: unknown; claim?: unknown; error?: unknown };
		if (typeof message === "string") words.push(message);
		if (typeof claim === "string") words.push(`claim "${claim}"`);
		if (typeof code === "string") words.push(code);
	}
	return words.length ? ` (${words.join("; ")})` : "";
}
