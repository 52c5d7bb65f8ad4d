import { describe, expect, it } from "vitest";
import { DEFAULT_KDF, hashesRunning, hashPassword, MAX_CONCURRENT_HASHES, parseHash, passwordProblem, verifyPassword } from "./password.js";

const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe("password KDF (scrypt)", () => {
	it("defaults to OWASP's memory-hard parameters (N=2^17, r=8, p=1: 128 MiB a guess)", async () => {
		expect(DEFAULT_KDF).toEqual({ N: 131072, r: 8, p: 1 });
		const hash = await hashPassword("correct horse battery staple");
		expect(parseHash(hash)?.params).toEqual(DEFAULT_KDF);
		expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
	});

	it("salts every hash, never contains the password, and refuses a wrong or altered one", async () => {
		const a = await hashPassword("correct horse battery staple", FAST);
		const b = await hashPassword("correct horse battery staple", FAST);
		expect(a).not.toBe(b);
		expect(a).not.toContain("horse");
		expect(await verifyPassword("correct horse battery stapl", a)).toBe(false);
		expect(await verifyPassword("", a)).toBe(false);
		const parts = a.split("$");
		parts[5] = `${parts[5].slice(0, -2)}AA`;
		expect(await verifyPassword("correct horse battery staple", parts.join("$"))).toBe(false);
	});

	it("treats a malformed stored hash as a wrong password, not a crash", async () => {
		for (const bad of ["", "plain", "scrypt$3$8$1$x$y", "scrypt$1024$8$1$x", "bcrypt$...", "scrypt$-1$8$1$AA$AA"])
			expect(await verifyPassword("x", bad)).toBe(false);
	});

	it("verifies a password with the parameters stored in its hash, so raising the default breaks no account", async () => {
		const old = await hashPassword("an older passphrase", FAST);
		expect(await verifyPassword("an older passphrase", old)).toBe(true);
	});

	it("normalises Unicode so the same password typed on two keyboards matches", async () => {
		const hash = await hashPassword("Caf\u00e9 au lait du matin", FAST);
		expect(await verifyPassword("Cafe\u0301 au lait du matin", hash)).toBe(true);
	});

	it("asks for 12 characters or more", () => {
		expect(passwordProblem("short")).toMatch(/12/);
		expect(passwordProblem("twelve chars")).toBeUndefined();
		expect(passwordProblem("x".repeat(2000))).toMatch(/at most/);
	});
});

describe("hashing under a burst of sign-ins", () => {
	it("never runs more than MAX_CONCURRENT_HASHES at once, and every hash still completes", async () => {
		let peak = 0;
		const watch = setInterval(() => {
			peak = Math.max(peak, hashesRunning());
		}, 1);
		try {
			const hashes = await Promise.all(Array.from({ length: 8 }, (_, i) => hashPassword(`burst-password-${i}`, { N: 2 ** 14, r: 8, p: 1 })));
			expect(new Set(hashes).size).toBe(8);
		} finally {
			clearInterval(watch);
		}
		expect(peak).toBeGreaterThan(0);
		expect(peak).toBeLessThanOrEqual(MAX_CONCURRENT_HASHES);
		expect(hashesRunning()).toBe(0);
	});
});
