/**
 * `fieldchain evidence verify` trusts a signer only through a key it got elsewhere. A forger runs a
 * gateway of their own under the real gateway's id, records the FAIL note as PASS and exports: the
 * bundle is genuine in every byte except whose key signed it. Through the built CLI: without a
 * pinned key that is exit 3 "signer not trusted"; against the real gateway's key (--public-key, a
 * --trust-store, or --keys-from a real billing service on loopback where the gateway enrolled) it
 * fails as wrong-key (exit 1), while the real bundle passes (exit 0).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../cloud-bridge/billing/testing/harness.js";
import { baseSnapshot, make } from "../model/testing/builders.js";
import { startGateway } from "./support/gateway-fixture.js";
import { type CliRun, runCli } from "./support/gateway-process.js";

const GATEWAY_ID = "van-12";
let dir: string;
let genuineFile: string;
let forgedFile: string;
let genuineKey: string;
let genuineDataDir: string;
let service: TestService | undefined;

/** A gateway (data dir of its own, so a key of its own) that records one note on the work order, sealed and exported. */
async function recordNote(name: string, text: string, workOrdersFile: string): Promise<{ dataDir: string; bundle: string }> {
	const dataDir = join(dir, name);
	mkdirSync(dataDir, { mode: 0o700 });
	const gateway = await startGateway(
		(config) => {
			config.gatewayId = GATEWAY_ID;
		},
		dataDir,
		{ workOrdersFile },
	);
	try {
		const response = await fetch(`${gateway.baseUrl}/api/v1/work-orders/WO1/tasks/T1/evidence`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ kind: "note", checklistItemId: "finding", technicianId: "TECH1", text }),
		});
		expect(response.status, await response.text()).toBe(201);
	} finally {
		await gateway.stop(); // seals what is not sealed yet
	}
	const bundle = join(dir, `${name}.json`);
	const exported = await runCli(["evidence", "export", "--data-dir", dataDir, "--work-order", "WO1", "--out", bundle], dir);
	expect(exported.code, exported.stderr).toBe(0);
	return { dataDir, bundle };
}

const verify = (...args: string[]): Promise<CliRun> => runCli(["evidence", "verify", ...args], dir);
const json = (run: CliRun) => JSON.parse(run.stdout) as Record<string, unknown>;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), "fc-trust-"));
	const workOrdersFile = join(dir, "work-orders.json");
	const finding = { id: "finding", label: "insulation finding", required: true, beforeStart: false, requirement: { kind: "note" as const } };
	writeFileSync(
		workOrdersFile,
		JSON.stringify(
			baseSnapshot({
				workOrders: [make.workOrder({ status: "in-progress", startedAt: Date.now() - 3_600_000 })],
				tasks: [make.task({ status: "in-progress", startedAt: Date.now() - 3_000_000, checklist: [finding] })],
			}),
		),
	);
	const genuine = await recordNote("genuine", "Insulation 0.2 MOhm at L1-PE: FAIL", workOrdersFile);
	const forged = await recordNote("forged", "Insulation 0.2 MOhm at L1-PE: PASS", workOrdersFile);
	genuineFile = genuine.bundle;
	forgedFile = forged.bundle;
	genuineDataDir = genuine.dataDir;
	// The real gateway's key, as its own export states it (we exported it ourselves).
	genuineKey = (JSON.parse(readFileSync(genuineFile, "utf8")) as { publicKey: string }).publicKey;
	expect(readFileSync(forgedFile, "utf8")).toContain(`"gatewayId": "${GATEWAY_ID}"`);
	expect(readFileSync(forgedFile, "utf8")).not.toContain(genuineKey);
});

afterAll(async () => {
	await service?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("evidence verify: the signer must be trusted", () => {
	it("a forged bundle without a pinned key: exit 3, signer not trusted (today's code said OK, exit 0)", async () => {
		const human = await verify(forgedFile);
		expect(human.code).toBe(3);
		expect(human.stdout).not.toMatch(/^OK/);
		expect(human.stderr).toMatch(/signer not trusted/);
		expect(human.stderr).toMatch(/--trust-store/);
		const asJson = await verify(forgedFile, "--json");
		expect(asJson.code).toBe(3);
		expect(json(asJson)).toMatchObject({ ok: false, verified: true, trusted: false, trustSource: null, problems: [], signer: { gatewayId: GATEWAY_ID } });
	});

	it("--public-key of the real gateway: the forged bundle fails as wrong-key (exit 1), the real one passes (exit 0)", async () => {
		const forged = await verify(forgedFile, "--public-key", genuineKey, "--json");
		expect(forged.code).toBe(1);
		expect(json(forged)).toMatchObject({ ok: false, verified: false, trusted: false, trustSource: "public-key" });
		expect(json(forged).problems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "wrong-key" })]));
		const genuine = await verify(genuineFile, "--public-key", genuineKey);
		expect(genuine.code, genuine.stderr).toBe(0);
		expect(genuine.stdout).toMatch(/^OK: 1 records verified/);
	});

	it("--trust-store DIR of <gatewayId>.pub files", async () => {
		const store = join(dir, "trust-store");
		mkdirSync(store);
		writeFileSync(join(store, `${GATEWAY_ID}.pub`), `# ${GATEWAY_ID}, enrolled by the office\n${genuineKey}\n`);
		const genuine = await verify(genuineFile, "--trust-store", store, "--json");
		expect(genuine.code, genuine.stderr).toBe(0);
		expect(json(genuine)).toMatchObject({ ok: true, verified: true, trusted: true, trustSource: "trust-store" });
		const forged = await verify(forgedFile, "--trust-store", store);
		expect(forged.code).toBe(1);
		expect(forged.stderr).toMatch(/wrong-key/);
		// A store that does not know the gateway vouches for nothing.
		const empty = join(dir, "empty-store");
		mkdirSync(empty);
		const unknown = await verify(genuineFile, "--trust-store", empty, "--json");
		expect(unknown.code).toBe(3);
		expect(json(unknown)).toMatchObject({ trusted: false, trustSource: "trust-store", trustNote: expect.stringContaining("not in the trust store") });
	});

	it("--keys-from the billing service the gateway enrolled with, with a token that is never printed", async () => {
		service = await startTestService();
		const enrollment = await service.request("POST", "/v1/enrollments");
		expect(enrollment.status).toBe(201);
		const enrolled = await service.request("POST", "/v1/gateways/enroll", {
			token: null,
			body: { enrollmentToken: enrollment.body.enrollmentToken, gatewayId: GATEWAY_ID, publicKey: genuineKey },
		});
		expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);
		const keys = await service.request("GET", `/v1/gateways/${GATEWAY_ID}/keys`, { token: service.tokens.reader });
		expect(keys.body).toMatchObject({ gatewayId: GATEWAY_ID, keys: [{ publicKey: genuineKey, revokedAt: null }] });

		const token = service.tokens.reader;
		const genuine = await verify(genuineFile, "--keys-from", service.url, "--token", token, "--json");
		expect(genuine.code, genuine.stderr).toBe(0);
		expect(json(genuine)).toMatchObject({ ok: true, trusted: true, trustSource: "keys-from" });
		const forged = await verify(forgedFile, "--keys-from", service.url, "--token", token);
		expect(forged.code).toBe(1);
		expect(forged.stderr).toMatch(/wrong-key/);
		for (const run of [genuine, forged]) expect(run.stdout + run.stderr).not.toContain(token);

		// The token from the environment; a refused token and a missing one are bad options (2).
		process.env.FIELDCHAIN_TOKEN = token;
		try {
			expect((await verify(genuineFile, "--keys-from", service.url)).code).toBe(0);
		} finally {
			delete process.env.FIELDCHAIN_TOKEN;
		}
		const refused = await verify(genuineFile, "--keys-from", service.url, "--token", "fc_not_a_token");
		expect(refused.code).toBe(2);
		expect(refused.stderr).toMatch(/refused the token/);
		expect(refused.stderr).not.toContain("fc_not_a_token");
		expect((await verify(genuineFile, "--keys-from", service.url)).code).toBe(2);

		// A revoked key no longer vouches: whoever holds it can sign anything.
		expect((await service.request("POST", `/v1/gateways/${GATEWAY_ID}/revoke`)).status).toBe(200);
		const revoked = await verify(genuineFile, "--keys-from", service.url, "--token", token, "--json");
		expect(revoked.code).toBe(3);
		expect(json(revoked)).toMatchObject({ verified: true, trusted: false, trustSource: "keys-from", trustNote: expect.stringContaining("revoked") });
	});

	it("evidence public-key prints the gateway's key, as a trust store file holds it", async () => {
		const key = await runCli(["evidence", "public-key", "--data-dir", genuineDataDir], dir);
		expect(key.code, key.stderr).toBe(0);
		expect(key.stdout).toBe(`${genuineKey}\n`);
	});

	it("a bundle path that cannot be read is a bad option (exit 2) that says what to pass, not a failed verification", async () => {
		const missing = await verify(join(dir, "no-such-bundle.json"), "--public-key", genuineKey);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toMatch(/Cannot read the bundle .*no-such-bundle\.json: ENOENT\..*fieldchain evidence export/);
	});

	it("naming two trust anchors is a bad option (exit 2)", async () => {
		const both = await verify(genuineFile, "--public-key", genuineKey, "--trust-store", dir);
		expect(both.code).toBe(2);
		expect(both.stderr).toMatch(/not several/);
	});
});
