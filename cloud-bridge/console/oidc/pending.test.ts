import { describe, expect, it } from "vitest";
import { addressKey, MAX_PENDING, MAX_PENDING_PER_ADDRESS, PENDING_TTL_MS, PendingSignIns } from "./pending.js";

const entry = (n: number) => ({ state: `s${n}`, nonce: `n${n}`, codeVerifier: `v${n}`, redirectUrl: "https://billing.example/v1/sessions/oidc/callback" });

describe("pending OIDC sign-ins", () => {
	it("gives an entry back once, and never after its time", () => {
		let now = 1_000;
		const pending = new PendingSignIns(() => now);
		const id = pending.add(entry(1), "192.0.2.1");
		expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(pending.take(id)).toEqual({ ...entry(1), expiresAt: 1_000 + PENDING_TTL_MS });
		expect(pending.take(id)).toBeUndefined();
		const late = pending.add(entry(2), "192.0.2.1");
		now += PENDING_TTL_MS;
		expect(pending.take(late)).toBeUndefined();
		expect(pending.take("made-up")).toBeUndefined();
		expect(pending.size).toBe(0);
	});

	it("an address starting sign-ins over and over pushes out only its own oldest ones", () => {
		const pending = new PendingSignIns(() => 0);
		const someoneElse = pending.add(entry(0), "198.51.100.7");
		const mine: string[] = [];
		for (let i = 0; i < MAX_PENDING_PER_ADDRESS * 10; i++) mine.push(pending.add(entry(i), "203.0.113.9"));
		expect(pending.size).toBe(MAX_PENDING_PER_ADDRESS + 1);
		expect(pending.take(someoneElse)).toMatchObject({ state: "s0" });
		expect(pending.take(mine[0])).toBeUndefined();
		expect(pending.take(mine.at(-1) as string)).toMatchObject({ state: `s${MAX_PENDING_PER_ADDRESS * 10 - 1}` });
	});

	it("holds at most MAX_PENDING in all, dropping the oldest, and sweeps expired ones first", () => {
		let now = 0;
		const pending = new PendingSignIns(() => now);
		const first = pending.add(entry(0), "10.0.0.0");
		for (let i = 1; i < MAX_PENDING + 5; i++) pending.add(entry(i), `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
		expect(pending.size).toBe(MAX_PENDING);
		expect(pending.take(first)).toBeUndefined();
		now += PENDING_TTL_MS;
		pending.add(entry(-1), "10.0.0.1");
		expect(pending.size).toBe(1);
	});

	it("counts an IPv6 client by its /64, so rotating addresses inside it does not get past the cap", () => {
		const pending = new PendingSignIns(() => 0);
		const someoneElse = pending.add(entry(0), "2001:db8:1::1");
		const mine: string[] = [];
		for (let i = 0; i < MAX_PENDING_PER_ADDRESS * 3; i++) mine.push(pending.add(entry(i), `2001:db8:2:0:${(i + 1).toString(16)}::1`));
		expect(pending.size).toBe(MAX_PENDING_PER_ADDRESS + 1);
		expect(pending.take(someoneElse)).toMatchObject({ state: "s0" });
		expect(pending.take(mine[0])).toBeUndefined();
	});

	it("reads addresses in every spelling to the same key", () => {
		expect(addressKey("192.0.2.7")).toBe("192.0.2.7");
		expect(addressKey("::ffff:192.0.2.7")).toBe("192.0.2.7");
		expect(addressKey("::FFFF:192.0.2.7")).toBe("192.0.2.7");
		expect(addressKey("2001:db8:0:0:1:2:3:4")).toBe("2001:db8:0:0::/64");
		expect(addressKey("2001:DB8::1:2:3:4")).toBe("2001:db8:0:0::/64");
		expect(addressKey("2001:0db8:0000:0000::9")).toBe("2001:db8:0:0::/64");
		expect(addressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
		expect(addressKey("::1")).toBe("0:0:0:0::/64");
		expect(addressKey("2001:db8:a:b::")).toBe("2001:db8:a:b::/64");
	});
});
