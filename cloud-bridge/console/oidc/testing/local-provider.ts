/**
 * A real OIDC provider (panva's oidc-provider) on a loopback port, for the console's sign-in
 * tests: one confidential client, PKCE required, its development login (any name signs in as
 * that subject; there is no password check) and consent screens. `signInAt` drives those screens
 * over HTTP as a browser would, with its own cookie jar, and returns the URL the provider sends
 * the browser back to.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export const CLIENT_ID = "fieldchain-console";

export interface LocalProvider {
	issuer: string;
	clientSecret: string;
	/** Registers the callback the client may use (the service's port is known only after the provider's). */
	allowRedirect(url: string): void;
	close(): Promise<void>;
}

export async function startLocalProvider(): Promise<LocalProvider> {
	let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
	const server: Server = createServer((req, res) => {
		if (handler) handler(req, res);
		else res.writeHead(503).end("provider not configured yet");
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const clientSecret = randomBytes(24).toString("base64url");
	return {
		issuer,
		clientSecret,
		allowRedirect(url) {
			const provider = new Provider(issuer, {
				clients: [
					{
						client_id: CLIENT_ID,
						client_secret: clientSecret,
						redirect_uris: [url],
						grant_types: ["authorization_code"],
						response_types: ["code"],
						token_endpoint_auth_method: "client_secret_basic",
					},
				],
				pkce: { required: () => true },
				cookies: { keys: [randomBytes(32).toString("hex")] },
				features: { devInteractions: { enabled: true } },
				// Stated, so the provider does not warn that it uses its defaults.
				ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, AuthorizationCode: 60, IdToken: 600 },
				findAccount: (_ctx: unknown, sub: string) => ({ accountId: sub, claims: () => ({ sub }) }),
			});
			handler = provider.callback();
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** Cookies per host, as a browser keeps them (name=value only: these tests need no more). */
export class CookieJar {
	private readonly jars = new Map<string, Map<string, string>>();
	take(url: string, response: Response): void {
		const host = new URL(url).host;
		const jar = this.jars.get(host) ?? new Map<string, string>();
		this.jars.set(host, jar);
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(";");
			const eq = pair.indexOf("=");
			const value = pair.slice(eq + 1);
			if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") jar.delete(pair.slice(0, eq));
			else jar.set(pair.slice(0, eq), value);
		}
	}
	header(url: string): string {
		return [...(this.jars.get(new URL(url).host) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join("; ");
	}
	get(url: string, name: string): string | undefined {
		return this.jars.get(new URL(url).host)?.get(name);
	}
}

/**
 * Follows the provider's redirects and answers its login (as `subject`) and consent forms, until
 * the provider sends the browser to `stopAt`; returns that URL (with code, state and iss).
 */
export async function signInAt(authorizationUrl: string, subject: string, stopAt: string, jar = new CookieJar()): Promise<string> {
	let url = authorizationUrl;
	let form: URLSearchParams | undefined;
	for (let step = 0; step < 20; step++) {
		if (url.startsWith(stopAt)) return url;
		const response = await fetch(url, {
			method: form ? "POST" : "GET",
			redirect: "manual",
			headers: { cookie: jar.header(url), ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
			body: form?.toString(),
			signal: AbortSignal.timeout(10_000),
		});
		jar.take(url, response);
		form = undefined;
		const location = response.headers.get("location");
		if (location) {
			await response.arrayBuffer();
			url = new URL(location, url).href;
			continue;
		}
		const html = await response.text();
		const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
		const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
		if (!action || !prompt) throw new Error(`The provider answered ${response.status} without a form at ${url}: ${html.slice(0, 300)}`);
		form = new URLSearchParams(prompt === "login" ? { prompt, login: subject, password: "any" } : { prompt });
		url = new URL(action.replace(/&amp;/g, "&"), url).href;
	}
	throw new Error("The provider never sent the browser back.");
}
