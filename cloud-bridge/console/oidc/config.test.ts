/** `cloud serve --oidc-*` flags: all or none, https unless loopback, the secret from a file and never printed. */
import { describe, expect, it } from "vitest";
import { oidcConfigFromFlags } from "./config.js";

const SECRET = "s3cret-client-value";
const read = () => `${SECRET}\n`;
const base = { oidcIssuer: "https://login.example.com/realms/office", oidcClientId: "console", oidcClientSecretFile: "secret" };

describe("OIDC configuration", () => {
	it("is off without flags and complete with them; the secret prints as [secret]", () => {
		expect(oidcConfigFromFlags({}, read)).toBeUndefined();
		const config = oidcConfigFromFlags(base, read);
		expect(config?.issuer.href).toBe("https://login.example.com/realms/office");
		expect(config?.name).toBe("login.example.com");
		expect(config?.clientSecret.reveal()).toBe(SECRET);
		expect(`${JSON.stringify(config)} ${String(config?.clientSecret)}`).not.toContain(SECRET);
	});

	it("allows http only on loopback", () => {
		expect(oidcConfigFromFlags({ ...base, oidcIssuer: "http://127.0.0.1:9000" }, read)?.issuer.host).toBe("127.0.0.1:9000");
		expect(oidcConfigFromFlags({ ...base, oidcIssuer: "http://[::1]:9000" }, read)?.issuer.hostname).toBe("[::1]");
		expect(() => oidcConfigFromFlags({ ...base, oidcIssuer: "http://login.example.com" }, read)).toThrow(/https:\/\/ URL \(http:\/\/ only on loopback\)/);
		expect(() => oidcConfigFromFlags({ ...base, oidcIssuer: "not a url" }, read)).toThrow(/--oidc-issuer is not a URL/);
	});

	it("refuses half a configuration, an unreadable or empty secret file and a redirect URL off the callback path", () => {
		expect(() => oidcConfigFromFlags({ oidcIssuer: base.oidcIssuer }, read)).toThrow(/needs --oidc-client-id too/);
		expect(() => oidcConfigFromFlags({ ...base, oidcClientSecretFile: undefined }, read)).toThrow(/needs --oidc-client-secret-file/);
		expect(() =>
			oidcConfigFromFlags(base, () => {
				throw new Error("ENOENT: no such file");
			}),
		).toThrow(/Cannot read the OIDC client secret file secret: ENOENT/);
		expect(() => oidcConfigFromFlags(base, () => " \n")).toThrow(/is empty/);
		expect(() => oidcConfigFromFlags({ ...base, oidcRedirectUrl: "https://office.example.com/elsewhere" }, read)).toThrow(
			/must end in \/v1\/sessions\/oidc\/callback/,
		);
		expect(oidcConfigFromFlags({ ...base, oidcRedirectUrl: "https://office.example.com/v1/sessions/oidc/callback" }, read)?.redirectUrl?.host).toBe(
			"office.example.com",
		);
	});
});
