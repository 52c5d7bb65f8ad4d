/**
 * Console sign-in through a real OIDC provider (panva's oidc-provider on loopback) against the real
 * billing service on SQLite, over HTTP: the linked user gets the same HttpOnly SameSite=Strict
 * session as a password sign-in, with the console's role. Refused, each with its reason: a replayed
 * callback, a forged state, an ID token with another nonce, an unlinked subject, a disabled user,
 * an answer from another provider, a callback without the pending sign-in's cookie, and the
 * provider's own refusal. The client secret never reaches the log.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OIDC_CALLBACK_PATH } from "./config.js";
import { CookieJar, signInAt } from "./testing/local-provider.js";
import { type OidcService, startOidcService } from "./testing/oidc-service.js";

const PENDING = "fc_console_oidc";
let f: OidcService;
let service: string;
let logged: string[];

beforeAll(async () => {
	f = await startOidcService();
	service = f.url;
	logged = f.logged;
}, 60_000);
afterAll(async () => f?.close());

/** The console's "Sign in with" button: the service's redirect to the provider and the pending cookie. */
async function start(jar: CookieJar): Promise<string> {
	const url = `${service}/v1/sessions/oidc/start`;
	const response = await fetch(url, { redirect: "manual", headers: { cookie: jar.header(url) } });
	expect(response.status).toBe(303);
	jar.take(url, response);
	await response.arrayBuffer();
	return response.headers.get("location") ?? "";
}

/** The browser arriving back at the service with the provider's answer. */
async function callback(url: string, jar: CookieJar) {
	const response = await fetch(url, { redirect: "manual", headers: { cookie: jar.header(url) } });
	jar.take(url, response);
	await response.arrayBuffer();
	return { status: response.status, location: response.headers.get("location") ?? "", cookies: response.headers.getSetCookie() };
}

const lastRefusal = () => logged.filter((l) => l.includes("console OIDC sign-in refused")).at(-1);
const refusal = (location: string) => new URL(location, service).searchParams.get("sign-in-error");

async function current(jar: CookieJar) {
	const url = `${service}/v1/sessions/current`;
	const response = await fetch(url, { headers: { cookie: jar.header(url) } });
	return { status: response.status, body: (await response.json()) as { user?: { username: string; role: string }; scopes: string[] } };
}

describe("console sign-in through a local OIDC provider", () => {
	it("offers the provider by name", async () => {
		const response = await fetch(`${service}/v1/sessions/oidc`);
		expect(await response.json()).toEqual({ name: "Office SSO", issuer: f.provider.issuer, startUrl: "/v1/sessions/oidc/start" });
	});

	it("signs a linked user in with the console's session cookie and role, then sends the browser to /console/", async () => {
		const jar = new CookieJar();
		const authorization = await start(jar);
		const auth = new URL(authorization);
		expect(auth.origin).toBe(f.provider.issuer);
		expect(Object.fromEntries([...auth.searchParams.keys()].map((k) => [k, true]))).toMatchObject({ state: true, nonce: true, code_challenge: true });
		expect(auth.searchParams.get("code_challenge_method")).toBe("S256");
		const back = await signInAt(authorization, "alice-at-idp", `${service}${OIDC_CALLBACK_PATH}`);
		const answer = await callback(back, jar);
		expect(answer).toMatchObject({ status: 303, location: "/console/" });
		const session = answer.cookies.find((c) => c.startsWith("fc_console_session="));
		expect(session).toMatch(/HttpOnly/);
		expect(session).toMatch(/SameSite=Strict/);
		// The pending sign-in's cookie is cleared at once.
		expect(answer.cookies.find((c) => c.startsWith(`${PENDING}=`))).toMatch(/Max-Age=0/);
		expect(await current(jar)).toMatchObject({ status: 200, body: { user: { username: "alice", role: "approver" }, scopes: ["workorders:read", "approve"] } });
	});

	it("sets the pending cookie HttpOnly, SameSite=Lax, on the OIDC paths only, for minutes", async () => {
		const response = await fetch(`${service}/v1/sessions/oidc/start`, { redirect: "manual" });
		const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${PENDING}=`)) ?? "";
		expect(cookie).toMatch(/HttpOnly/);
		expect(cookie).toMatch(/SameSite=Lax/);
		expect(cookie).toMatch(/Path=\/v1\/sessions\/oidc(;|$)/);
		expect(cookie).toMatch(/Max-Age=600/);
	});

	it("uses a pending sign-in once: the same answer replayed with its cookie is refused", async () => {
		const jar = new CookieJar();
		const authorization = await start(jar);
		const pending = jar.get(service, PENDING);
		const back = await signInAt(authorization, "alice-at-idp", `${service}${OIDC_CALLBACK_PATH}`);
		expect((await callback(back, jar)).location).toBe("/console/");
		const replay = await fetch(back, { redirect: "manual", headers: { cookie: `${PENDING}=${pending}` } });
		expect(replay.status).toBe(303);
		expect(refusal(replay.headers.get("location") ?? "")).toBe("expired");
		expect(replay.headers.getSetCookie().some((c) => c.startsWith("fc_console_session=") && !/Max-Age=0/.test(c))).toBe(false);
	});

	it("refuses a forged state", async () => {
		const jar = new CookieJar();
		const back = new URL(await signInAt(await start(jar), "alice-at-idp", `${service}${OIDC_CALLBACK_PATH}`));
		back.searchParams.set("state", "forged-state-value");
		const answer = await callback(back.href, jar);
		expect(refusal(answer.location)).toBe("failed");
		expect(lastRefusal()).toMatch(/state/i);
		expect(answer.cookies.some((c) => c.startsWith("fc_console_session="))).toBe(false);
		expect((await current(jar)).status).toBe(401);
	});

	it("refuses an ID token carrying another nonce than the one this sign-in sent", async () => {
		const jar = new CookieJar();
		const authorization = new URL(await start(jar));
		authorization.searchParams.set("nonce", "an-attackers-nonce");
		const answer = await callback(await signInAt(authorization.href, "alice-at-idp", `${service}${OIDC_CALLBACK_PATH}`), jar);
		expect(refusal(answer.location)).toBe("failed");
		expect(lastRefusal()).toMatch(/nonce/i);
	});

	it("refuses a subject nobody linked, whatever it claims, and names the subject for the admin", async () => {
		const jar = new CookieJar();
		const answer = await callback(await signInAt(await start(jar), "mallory@example.com", `${service}${OIDC_CALLBACK_PATH}`), jar);
		expect(refusal(answer.location)).toBe("not_linked");
		expect(new URL(answer.location, service).searchParams.get("subject")).toBe("mallory@example.com");
		expect((await current(jar)).status).toBe(401);
	});

	it("refuses the linked subject of a disabled user", async () => {
		const jar = new CookieJar();
		const answer = await callback(await signInAt(await start(jar), "gone-at-idp", `${service}${OIDC_CALLBACK_PATH}`), jar);
		expect(refusal(answer.location)).toBe("disabled");
		expect((await current(jar)).status).toBe(401);
	});

	it("refuses an answer from another provider, even for a subject linked at this one", async () => {
		const jar = new CookieJar();
		const authorization = new URL(await start(jar));
		const elsewhere = new URL(authorization.pathname + authorization.search, f.other.issuer);
		const answer = await callback(await signInAt(elsewhere.href, "alice-at-idp", `${service}${OIDC_CALLBACK_PATH}`), jar);
		expect(refusal(answer.location)).toBe("failed");
		expect(lastRefusal()).toMatch(/iss/);
		expect((await current(jar)).status).toBe(401);
	});

	it("refuses the callback without the pending sign-in's cookie", async () => {
		const back = await signInAt(await start(new CookieJar()), "alice-at-idp", `${service}${OIDC_CALLBACK_PATH}`);
		const jar = new CookieJar();
		const answer = await callback(back, jar);
		expect(refusal(answer.location)).toBe("expired");
		expect((await current(jar)).status).toBe(401);
	});

	it("passes on the provider's own refusal", async () => {
		const jar = new CookieJar();
		await start(jar);
		const answer = await callback(`${service}${OIDC_CALLBACK_PATH}?error=access_denied&state=x`, jar);
		expect(refusal(answer.location)).toBe("provider");
	});

	it("never logs the client secret", () => {
		expect(logged.length).toBeGreaterThan(0);
		expect(logged.join("\n")).not.toContain(f.provider.clientSecret);
	});
});
