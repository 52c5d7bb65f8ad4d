/**
 * PIN sign-in against a real gateway over loopback HTTP: the limit holds when wrong PINs arrive in
 * parallel, one technician's right PIN does not reset the guesses at another, and failures and the
 * lockout reach the gateway's log without the PIN. Each test starts its own gateway, so limits start
 * empty.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { ErrorBody } from "../../platform/http-errors.js";
import { type GatewayFixture, startGateway } from "../../test/support/gateway-fixture.js";
import { hashPassword } from "../auth/password-hash.js";

const ANA_PIN = "2468";
const BOB_PIN = "8642";
const WRONG_PIN = "0000";

let fixture: GatewayFixture | undefined;

afterEach(async () => {
	await fixture?.stop();
	fixture = undefined;
});

/** A gateway with two technicians; the PIN hashes have the default (slow) scrypt cost, as in the field. */
async function twoTechnicians(): Promise<GatewayFixture> {
	const [ana, bob] = await Promise.all([hashPassword(ANA_PIN), hashPassword(BOB_PIN)]);
	fixture = await startGateway((config) => {
		config.webApp = {
			technicians: [
				{ id: "tech-ana", pinHash: ana },
				{ id: "tech-bob", pinHash: bob },
			],
			sessionHours: 12,
		};
	});
	return fixture;
}

async function signIn(gateway: GatewayFixture, technicianId: string, pin: string): Promise<Response> {
	return fetch(`${gateway.baseUrl}/api/v1/session`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ technicianId, pin }),
	});
}

function logLines(gateway: GatewayFixture, message: string): Array<Record<string, unknown>> {
	return gateway.logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === message);
}

describe("PIN sign-in limit", () => {
	it("checks at most the limit of 40 parallel wrong PINs and answers the rest 429", { timeout: 60_000 }, async () => {
		const gateway = await twoTechnicians();
		const responses = await Promise.all(Array.from({ length: 40 }, () => signIn(gateway, "tech-bob", WRONG_PIN)));
		const statuses = responses.map((response) => response.status);
		expect(statuses.filter((status) => status === 401)).toHaveLength(5);
		expect(statuses.filter((status) => status === 429)).toHaveLength(35);
		const limited = responses.find((response) => response.status === 429)!;
		expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
		expect(((await limited.json()) as ErrorBody).error.code).toBe("FC_APP_TOO_MANY_ATTEMPTS");
		// Even the right PIN waits now: nothing past the limit is checked.
		expect((await signIn(gateway, "tech-bob", BOB_PIN)).status).toBe(429);

		const failures = logLines(gateway, "wrong PIN at sign-in");
		expect(failures).toHaveLength(5);
		expect(failures[0]).toMatchObject({ technicianId: "tech-bob", address: "127.0.0.1" });
		expect(logLines(gateway, "PIN sign-in locked out: too many wrong PINs")).toHaveLength(1);
		expect(gateway.logs.join("\n")).not.toContain(WRONG_PIN);
		expect(gateway.logs.join("\n")).not.toContain(BOB_PIN);
	});

	it("does not let tech-ana's right PIN clear the wrong PINs aimed at tech-bob", { timeout: 60_000 }, async () => {
		const gateway = await twoTechnicians();
		const bobStatuses: number[] = [];
		// The attack from the issue: four guesses, a known PIN to reset, four more, and so on.
		for (let round = 0; round < 3; round++) {
			for (let guess = 0; guess < 4; guess++) bobStatuses.push((await signIn(gateway, "tech-bob", WRONG_PIN)).status);
			expect((await signIn(gateway, "tech-ana", ANA_PIN)).status).toBe(201);
		}
		expect(bobStatuses.filter((status) => status === 401)).toHaveLength(5);
		expect(bobStatuses.slice(5).every((status) => status === 429)).toBe(true);
		expect(gateway.logs.join("\n")).not.toContain(ANA_PIN);
	});
});
