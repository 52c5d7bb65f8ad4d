/**
 * The evidence bundle behind an invoice and acknowledged chain gaps, over HTTP on loopback against
 * the real service on SQLite and on a throw-away PostgreSQL, with the real `fieldchain evidence
 * verify` (run from source) as the customer's auditor would run it: pinned to the gateway's key.
 *
 * The story: a job is done, approved and invoiced; then the gateway is destroyed, and of its last
 * three records only the third reaches the service (records 4 and 5 are lost). Ingest notes the
 * gap; an admin acknowledges it with a reason; the chain resumes after it; the chain status, the
 * invoice trace and the bundle all say so, and the bundle, which jumps over the gap, still verifies. Attackers: a non-admin acknowledging, a forged range,
 * a range of accepted records, another tenant's gateway reading the invoice, a tampered file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Invoice } from "../../../model/entities/invoice.js";
import { type PostgresServer, startPostgres } from "../../../test/support/postgres.js";
import { runSourceCli } from "../../../test/support/source-cli.js";
import { issueApiToken } from "../auth/tokens.js";
import { startTestService, type TestService } from "../testing/harness.js";
import { expectOk, Scenario, TARGET_SAFETY, WO } from "../testing/scenario.js";

interface BundleSummary {
	gatewayId: string;
	workOrderId: string;
	evidenceIds: string[];
	format: string;
	fromSeq: number;
	toSeq: number;
	download: string;
	sha256: string;
	verification: { ok: boolean; problems: unknown[]; complete: boolean; incompleteReason?: string; acknowledgedGaps: Array<{ fromSeq: number; toSeq: number }> };
}

const dir = mkdtempSync(join(tmpdir(), "fc-invoice-bundle-"));
let pg: PostgresServer;

beforeAll(async () => {
	pg = await startPostgres();
}, 60_000);
afterAll(async () => {
	await pg?.stop();
	rmSync(dir, { recursive: true, force: true });
}, 30_000);

async function cli(args: string[]): Promise<{ code: number | string; output: string }> {
	const run = runSourceCli(args, { cwd: dir });
	const code = await run.exited(60_000);
	return { code, output: run.output() };
}

async function download(service: TestService, path: string, token: string): Promise<Response> {
	return fetch(`${service.url}${path}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });
}

for (const backend of ["SQLite", "PostgreSQL"] as const) {
	describe(`invoice evidence bundle and acknowledged gaps (${backend})`, () => {
		let service: TestService;
		let scenario: Scenario;
		let invoice: Invoice;
		let lostFrom = 0;

		beforeAll(async () => {
			service = await startTestService(backend === "PostgreSQL" ? { databaseUrl: await pg.createDatabase() } : {});
			scenario = new Scenario(service);
			await scenario.runToApproval();
			invoice = expectOk<Invoice>(await service.request("POST", "/v1/milestones/M1/release", { token: service.tokens.releaser }), 201);
			// The gateway's last three records; only the third (and its checkpoint) ever reaches the service.
			const gw = scenario.gateway;
			lostFrom = gw.records.length + 1;
			for (const n of [1, 2, 3]) gw.acknowledgement(TARGET_SAFETY, `Site check ${n}`);
			gw.seal();
			const receipt = expectOk<{ gap: { expectedSeq: number; receivedSeq: number } }>(
				await service.request("POST", "/v1/evidence/batches", { token: scenario.gatewayToken, body: gw.batch(lostFrom + 2, lostFrom + 2) }),
			);
			expect(receipt.gap).toMatchObject({ expectedSeq: lostFrom, receivedSeq: lostFrom + 2 });
		}, 120_000);
		afterAll(async () => {
			await service?.close();
		});

		it("reports the observed gap as open; only an admin acknowledges it, with a reason, exactly as observed", async () => {
			const chain = expectOk<{ gaps: unknown[] }>(await service.request("GET", "/v1/gateways/gw-1/chain"));
			expect(chain.gaps).toEqual([expect.objectContaining({ fromSeq: lostFrom, toSeq: lostFrom + 1, status: "open", acknowledgement: null })]);
			const ack = (token: string | null, body: unknown) => service.request("POST", "/v1/gateways/gw-1/gaps", { token, body });
			const reason = "Gateway destroyed in a van fire; records 4-5 never left it";
			// Not an admin: the approver, the gateway itself, nobody.
			expect((await ack(service.tokens.approver, { reason })).status).toBe(403);
			expect((await ack(scenario.gatewayToken, { reason })).status).toBe(403);
			expect((await ack(null, { reason })).status).toBe(401);
			// No reason, a blank one, half a range.
			expect((await ack(service.tokens.admin, {})).status).toBe(400);
			expect((await ack(service.tokens.admin, { reason: "   " })).status).toBe(400);
			const half = await ack(service.tokens.admin, { fromSeq: lostFrom, reason });
			expect(half.status).toBe(400);
			expect(half.body.error.message).toMatch(/both fromSeq and toSeq/);
			// Ranges that are not the gap: wider, narrower, accepted records, another gateway's.
			for (const range of [
				{ fromSeq: lostFrom, toSeq: lostFrom + 5 },
				{ fromSeq: lostFrom, toSeq: lostFrom },
				{ fromSeq: 1, toSeq: 2 },
			]) {
				const refused = await ack(service.tokens.admin, { ...range, reason });
				expect(refused.status).toBe(409);
				expect(refused.body.error.message).toMatch(/not a gap the service observed/);
			}
			expect((await service.request("POST", "/v1/gateways/gw-nope/gaps", { body: { reason } })).status).toBe(404);
			// The gap the chain status reports, by default; then the same gap again is the first acknowledgement.
			const first = await ack(service.tokens.admin, { reason });
			expect(first.status).toBe(201);
			expect(first.body).toMatchObject({
				fromSeq: lostFrom,
				toSeq: lostFrom + 1,
				status: "acknowledged",
				acknowledgement: { reason, acknowledgedBy: "ADMIN1", acknowledgedAt: expect.any(Number) },
			});
			const again = await ack(service.tokens.admin, { fromSeq: lostFrom, toSeq: lostFrom + 1, reason: "another story" });
			expect(again.status).toBe(200);
			expect(again.body).toEqual(first.body);
			const listed = expectOk<{ gaps: unknown[] }>(await service.request("GET", "/v1/gateways/gw-1/gaps"));
			expect(listed.gaps).toEqual([first.body]);
			expect((await service.request("GET", "/v1/gateways/gw-1/gaps", { token: service.tokens.approver })).status).toBe(403);
			const status = expectOk<{ gaps: unknown[] }>(await service.request("GET", "/v1/gateways/gw-1/chain", { token: scenario.gatewayToken }));
			expect(status.gaps).toEqual([first.body]);
		});

		it("resumes the chain after the acknowledged gap: the record after it is accepted, one inside it refused", async () => {
			const gw = scenario.gateway;
			const resumed = expectOk<{ accepted: number; headSeq: number; gap: unknown }>(
				await service.request("POST", "/v1/evidence/batches", { token: scenario.gatewayToken, body: gw.batch(lostFrom + 2, lostFrom + 2) }),
			);
			expect(resumed).toMatchObject({ accepted: 1, headSeq: lostFrom + 2, gap: null });
			// A "lost" record turning up after all is not slipped in behind the acknowledgement.
			const late = expectOk<{ accepted: number; duplicates: number; rejected: Array<{ chainSeq: number; message: string }> }>(
				await service.request("POST", "/v1/evidence/batches", { token: scenario.gatewayToken, body: gw.batch(lostFrom, lostFrom + 2) }),
			);
			expect(late.accepted).toBe(0);
			expect(late.rejected.map((r) => r.chainSeq)).toEqual([lostFrom, lostFrom + 1]);
			expect(late.rejected[0].message).toMatch(/acknowledged as lost/);
			const chain = expectOk<{ headSeq: number; gaps: Array<{ status: string }> }>(await service.request("GET", "/v1/gateways/gw-1/chain"));
			expect(chain.headSeq).toBe(lostFrom + 2);
			expect(chain.gaps.map((g) => g.status)).toEqual(["acknowledged"]);
		});

		it("the invoice trace carries the acknowledged gaps of the gateways it draws from", async () => {
			const trace = expectOk<{ acknowledgedGaps: unknown[] }>(
				await service.request("GET", `/v1/invoices/${invoice.id}/trace`, { token: service.tokens.reader }),
			);
			expect(trace.acknowledgedGaps).toEqual([
				expect.objectContaining({
					gatewayId: "gw-1",
					fromSeq: lostFrom,
					toSeq: lostFrom + 1,
					reason: expect.stringMatching(/van fire/),
					acknowledgedBy: "ADMIN1",
				}),
			]);
		});

		it("lists the bundle behind the invoice, verified here, and the file verifies with the real CLI against the pinned key", async () => {
			const list = expectOk<{ bundles: BundleSummary[]; unlocated: string[] }>(
				await service.request("GET", `/v1/invoices/${invoice.id}/evidence-bundles`, { token: service.tokens.reader }),
			);
			expect(list.unlocated).toEqual([]);
			expect(list.bundles).toHaveLength(1);
			const [summary] = list.bundles;
			const cited = new Set(invoice.lines.flatMap((l) => l.evidenceIds));
			expect(new Set(summary.evidenceIds)).toEqual(cited);
			expect(summary).toMatchObject({ gatewayId: "gw-1", workOrderId: WO, format: "fieldchain-evidence-bundle/2", fromSeq: 1, toSeq: lostFrom + 2 });
			expect(summary.verification).toMatchObject({
				ok: true,
				problems: [],
				complete: false,
				acknowledgedGaps: [{ fromSeq: lostFrom, toSeq: lostFrom + 1, inEntries: true }],
			});
			// This gateway's checkpoints predate manifests: intact, not provably complete, and said so.
			expect(summary.verification.incompleteReason).toMatch(/before work-order manifests/);

			const response = await download(service, summary.download, service.tokens.reader);
			expect(response.status).toBe(200);
			expect(response.headers.get("content-type")).toMatch(/^application\/json/);
			expect(response.headers.get("fieldchain-bundle-verification")).toBe(
				`ok=true; problems=0; sealedUpTo=${lostFrom + 2}; complete=false; acknowledgedGaps=1`,
			);
			const bytes = Buffer.from(await response.arrayBuffer());
			const file = join(dir, `${backend}.json`);
			writeFileSync(file, bytes);
			const key = scenario.gateway.publicKeyBase64;
			const verified = await cli(["evidence", "verify", file, "--public-key", key]);
			expect(verified.output).toMatch(new RegExp(`^OK: 4 records verified, sealed up to chain_seq ${lostFrom + 2}`, "m"));
			expect(verified.output).toMatch(new RegExp(`Acknowledged gap: records ${lostFrom}\\.\\.${lostFrom + 1} were lost \\(Gateway destroyed`));
			expect(verified.code).toBe(0);
			// Pinned from the service the gateway enrolled with, as JSON.
			const pinned = await cli(["evidence", "verify", file, "--keys-from", service.url, "--token", service.tokens.reader, "--json"]);
			expect(pinned.code).toBe(0);
			expect(JSON.parse(pinned.output)).toMatchObject({ ok: true, trusted: true, records: 4, acknowledgedGaps: [{ fromSeq: lostFrom, toSeq: lostFrom + 1 }] });
			// One byte changed in the file: the CLI refuses it.
			const tampered = Buffer.from(bytes);
			tampered[tampered.indexOf('"full": "') + 20] ^= 1;
			writeFileSync(join(dir, `${backend}-tampered.json`), tampered);
			expect((await cli(["evidence", "verify", join(dir, `${backend}-tampered.json`), "--public-key", key])).code).toBe(1);
			// Another key pinned: not this gateway's bundle.
			const other = await cli(["evidence", "verify", file, "--public-key", Buffer.alloc(32, 9).toString("base64")]);
			expect(other.code).not.toBe(0);
			expect(readFileSync(file)).toEqual(bytes);
		}, 240_000);

		it("a noted gap whose records arrived since is no gap: it is neither reported nor acknowledged", async () => {
			const second = new Scenario(service, "gw-2");
			await second.enroll();
			const gw = second.gateway;
			gw.acknowledgement(TARGET_SAFETY, "first");
			gw.acknowledgement(TARGET_SAFETY, "second");
			gw.seal();
			const early = expectOk<{ gap: unknown }>(await service.request("POST", "/v1/evidence/batches", { token: second.gatewayToken, body: gw.batch(2, 2) }));
			expect(early.gap).toMatchObject({ expectedSeq: 1, receivedSeq: 2 });
			expect(expectOk<{ gaps: unknown[] }>(await service.request("GET", "/v1/gateways/gw-2/gaps")).gaps).toHaveLength(1);
			expectOk(await service.request("POST", "/v1/evidence/batches", { token: second.gatewayToken, body: gw.batch(1, 2) }));
			expect(expectOk<{ gaps: unknown[] }>(await service.request("GET", "/v1/gateways/gw-2/gaps")).gaps).toEqual([]);
			const refused = await service.request("POST", "/v1/gateways/gw-2/gaps", { body: { fromSeq: 1, toSeq: 1, reason: "too late" } });
			expect(refused.status).toBe(409);
			expect(refused.body.error.message).toMatch(/Records up to 2 are accepted/);
			expect((await service.request("POST", "/v1/gateways/gw-2/gaps", { body: { reason: "too late" } })).status).toBe(409);
		});

		it("refuses another tenant's gateway, a role without read, and bundles the invoice does not draw on", async () => {
			const { enrollmentToken } = expectOk<{ enrollmentToken: string }>(await service.request("POST", "/v1/enrollments"), 201);
			const intruder = expectOk<{ token: string }>(
				await service.request("POST", "/v1/gateways/enroll", {
					token: null,
					body: { enrollmentToken, gatewayId: "gw-other", publicKey: Buffer.alloc(32, 3).toString("base64"), technicianIds: ["TECH2"] },
				}),
				201,
			).token;
			const list = `/v1/invoices/${invoice.id}/evidence-bundles`;
			const file = `${list}/gw-1/${WO}`;
			for (const path of [list, file]) {
				const refused = await download(service, path, intruder);
				expect(refused.status).toBe(403);
				expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("FC_BILLING_NOT_BOUND");
			}
			// The gateway that did the work is bound to it and may read it, like the invoice itself.
			expect((await download(service, file, scenario.gatewayToken)).status).toBe(200);
			const fieldOnly = (await issueApiToken(service.storage.store, { name: "field", scopes: ["evidence:write"], now: Date.now() })).token;
			expect((await download(service, list, fieldOnly)).status).toBe(403);
			expect((await download(service, file, "fc_nonsense")).status).toBe(401);
			expect((await download(service, `/v1/invoices/INV-none/evidence-bundles`, service.tokens.reader)).status).toBe(404);
			expect((await download(service, `${list}/gw-other/${WO}`, service.tokens.reader)).status).toBe(404);
			expect((await download(service, `${list}/gw-1/WO-other`, service.tokens.reader)).status).toBe(404);
		});
	});
}
