import { describe, expect, it } from "vitest";
import { isFieldchainError } from "../../platform/errors.js";
import { DUMMY_HASH, formatPasswordHash, hashPassword, parsePasswordHash, verifyPassword, verifyPasswordOrDummy } from "./password-hash.js";

const PHC = /^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/;

function expectConfigError(action: () => unknown, pattern: RegExp): void {
	try {
		action();
	} catch (error) {
		expect(isFieldchainError(error, "FC_CONFIG_INVALID")).toBe(true);
		expect((error as Error).message).toMatch(pattern);
		expect((error as Error).message).toContain("fieldchain gateway hash-password");
		return;
	}
	throw new Error("expected FC_CONFIG_INVALID");
}

describe("password hashing", () => {
	it("produces a PHC string with ln=15, a 16-byte salt and a 32-byte key", async () => {
		const encoded = await hashPassword("correct horse");
		expect(encoded).toMatch(PHC);
		const parsed = parsePasswordHash(encoded);
		expect(parsed.salt.length).toBe(16);
		expect(parsed.key.length).toBe(32);
		expect(formatPasswordHash(parsed)).toBe(encoded);
	});

	it("salts every hash", async () => {
		expect(await hashPassword("same", { ln: 10 })).not.toBe(await hashPassword("same", { ln: 10 }));
	});

	it("verifies the right password and refuses a wrong one, as string or bytes", async () => {
		const encoded = await hashPassword("s3cret-pw", { ln: 10 });
		expect(await verifyPassword("s3cret-pw", encoded)).toBe(true);
		expect(await verifyPassword(Buffer.from("s3cret-pw"), encoded)).toBe(true);
		expect(await verifyPassword("s3cret-pX", encoded)).toBe(false);
		expect(await verifyPassword("", encoded)).toBe(false);
	});

	it("accepts padded base64 too", async () => {
		const encoded = await hashPassword("pw", { ln: 10 });
		const [, algorithm, params, salt, key] = encoded.split("$");
		expect(await verifyPassword("pw", `$${algorithm}$${params}$${salt}==$${key}=`)).toBe(true);
	});

	it("has a dummy path that costs a verification and always fails", async () => {
		expect(() => parsePasswordHash(DUMMY_HASH)).not.toThrow();
		expect(DUMMY_HASH).toMatch(PHC);
		expect(await verifyPasswordOrDummy("anything", undefined)).toBe(false);
		const encoded = await hashPassword("pw", { ln: 10 });
		expect(await verifyPasswordOrDummy("pw", encoded)).toBe(true);
	});

	it("refuses to hash an empty password or with silly parameters", async () => {
		await expect(hashPassword("")).rejects.toMatchObject({ code: "FC_CONFIG_INVALID" });
		await expect(hashPassword("pw", { ln: 40 })).rejects.toMatchObject({ code: "FC_CONFIG_INVALID" });
		await expect(hashPassword("pw", { ln: 20, r: 8 })).rejects.toThrow(/MiB of memory/);
	});

	it("explains malformed hashes without echoing them", () => {
		const good = DUMMY_HASH;
		const [, , params, salt, key] = good.split("$");
		expectConfigError(() => parsePasswordHash("hunter2"), /5 '\$'-separated fields/);
		expectConfigError(() => parsePasswordHash(`$argon2id$${params}$${salt}$${key}`), /only "scrypt"/);
		expectConfigError(() => parsePasswordHash(`$scrypt$ln=15,r=8$${salt}$${key}`), /must give ln, r and p/);
		expectConfigError(() => parsePasswordHash(`$scrypt$ln=15,r=8,p=1,p=2$${salt}$${key}`), /not of the form/);
		expectConfigError(() => parsePasswordHash(`$scrypt$ln=9,r=8,p=1$${salt}$${key}`), /ln=9 is outside/);
		expectConfigError(() => parsePasswordHash(`$scrypt$${params}$not*base64$${key}`), /salt is not base64/);
		expectConfigError(() => parsePasswordHash(`$scrypt$${params}$c2hvcnQ$${key}`), /salt is 5 bytes/);
		expectConfigError(() => parsePasswordHash(`$scrypt$${params}$${salt}$c2hvcnQ`), /key is 5 bytes/);
		try {
			parsePasswordHash(`$scrypt$${params}$${salt}$!${key}`);
		} catch (error) {
			expect((error as Error).message).not.toContain(key);
		}
	});

	it("throws FC_CONFIG_INVALID from verifyPassword on a malformed hash", async () => {
		await expect(verifyPassword("pw", "$scrypt$ln=15,r=8,p=1$$")).rejects.toMatchObject({ code: "FC_CONFIG_INVALID" });
	});
});
