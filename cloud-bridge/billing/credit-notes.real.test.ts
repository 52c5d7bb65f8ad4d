/**
 * Credit notes over loopback HTTP, on SQLite and on a throw-away PostgreSQL: issued only on a
 * disputed invoice, by billing, never beyond the invoice, one winner when two clerks race, traced
 * like an invoice, announced as credit_note.issued through the outbox.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreditNote } from "../../model/entities/credit-note.js";
import type { Invoice } from "../../model/entities/invoice.js";
import { type PostgresServer, startPostgres } from "../../test/support/postgres.js";
import { startTestService, type TestService } from "./testing/harness.js";
import { expectOk, Scenario } from "./testing/scenario.js";

let server: PostgresServer;
beforeAll(async () => {
	server = await startPostgres();
}, 60_000);
afterAll(async () => {
	await server?.stop();
}, 30_000);

const backends: [string, () => Promise<TestService>][] = [
	["SQLite", () => startTestService()],
	["PostgreSQL", async () => startTestService({ databaseUrl: await server.createDatabase() })],
];

describe.each(backends)("credit notes on %s", (_name, start) => {
	it("credits a disputed invoice within what is left, traced, once per race, by billing only", async () => {
		const service = await start();
		try {
			const scenario = new Scenario(service);
			await scenario.runToApproval();
			const r = service.request.bind(service);
			const invoice = expectOk<Invoice>(await r("POST", "/v1/milestones/M1/release", { token: service.tokens.releaser }), 201);
			const work = invoice.lines.find((l) => l.source.kind === "time-entry") as Invoice["lines"][number];
			const part = invoice.lines.find((l) => l.source.kind === "line-item") as Invoice["lines"][number];
			const path = `/v1/invoices/${invoice.id}/credit-notes`;
			const credit = (lines: unknown, token = service.tokens.releaser, reason = "two fuses never fitted") =>
				r("POST", path, { token, body: { reason, lines } });

			// Not disputed yet: refused with what to do.
			const early = await credit([{ invoiceLineNo: part.lineNo, amountMinor: 100 }]);
			expect([early.status, early.body.error.code]).toEqual([409, "FC_MODEL_RULE_REFUSED"]);
			expect(early.body.error.message).toContain("is released, not disputed");
			expect(early.body.error.hint).toContain("/dispute");

			expectOk(await r("POST", "/v1/milestones/M1/dispute", { token: service.tokens.approver, body: { reason: "fuses missing" } }));

			// Wrong roles: an approver, a reader, no token.
			expect((await credit([{ invoiceLineNo: part.lineNo, amountMinor: 100 }], service.tokens.approver)).status).toBe(403);
			expect((await credit([{ invoiceLineNo: part.lineNo, amountMinor: 100 }], service.tokens.reader)).status).toBe(403);
			expect((await r("POST", path, { token: null, body: { reason: "x", lines: [] } })).status).toBe(401);
			// Clumsy input: schema refusals and the model's own.
			expect((await credit([])).status).toBe(400);
			expect((await credit([{ invoiceLineNo: part.lineNo, amountMinor: 0 }])).status).toBe(400);
			expect((await credit([{ invoiceLineNo: part.lineNo, amountMinor: 10, extra: 1 }])).status).toBe(400);
			expect((await credit([{ invoiceLineNo: part.lineNo, amountMinor: 10 }], service.tokens.releaser, "   ")).body.error.message).toContain("needs a reason");
			const noLine = await credit([{ invoiceLineNo: 99, amountMinor: 10 }]);
			expect([noLine.status, noLine.body.error.message]).toEqual([400, `Invoice ${invoice.id} has no line 99.`]);
			const tooMuch = await credit([{ invoiceLineNo: part.lineNo, amountMinor: part.amountMinor + 1 }]);
			expect([tooMuch.status, tooMuch.body.error.details]).toEqual([
				409,
				{ invoiceId: invoice.id, invoiceLineNo: part.lineNo, creditable: part.amountMinor, requested: part.amountMinor + 1 },
			]);
			expect(
				(
					await r("POST", "/v1/invoices/nope/credit-notes", {
						token: service.tokens.releaser,
						body: { reason: "x", lines: [{ invoiceLineNo: 1, amountMinor: 1 }] },
					})
				).status,
			).toBe(404);

			// The first credit note: the parts line in full.
			const first = expectOk<CreditNote>(await credit([{ invoiceLineNo: part.lineNo, amountMinor: part.amountMinor }]), 201);
			expect(first).toMatchObject({
				number: `${invoice.id}-CN1`,
				invoiceId: invoice.id,
				issuedBy: "FIN1",
				reason: "two fuses never fitted",
				totalMinor: part.amountMinor,
			});
			expect(expectOk<CreditNote>(await r("GET", `/v1/credit-notes/${first.id}`, { token: service.tokens.reader }))).toEqual(first);

			// Two clerks race for the rest of the work line: exactly one wins, and the loser hears why.
			const race = await Promise.all([1, 2].map(() => credit([{ invoiceLineNo: work.lineNo, amountMinor: work.amountMinor }])));
			expect(race.map((x) => x.status).sort()).toEqual([201, 409]);
			const loser = race.find((x) => x.status === 409)?.body.error;
			expect(loser.message).toMatch(/at the same moment|only 0/);
			const listed = expectOk<{ creditNotes: CreditNote[] }>(await r("GET", path, { token: service.tokens.reader })).creditNotes;
			expect(listed.map((n) => n.number).sort()).toEqual([`${invoice.id}-CN1`, `${invoice.id}-CN2`]);
			expect(listed.reduce((sum, n) => sum + n.totalMinor, 0)).toBe(invoice.totalMinor);
			expect((await credit([{ invoiceLineNo: work.lineNo, amountMinor: 1 }])).body.error.message).toContain("only 0");

			// Traced like an invoice: through the credited line to its time entry, evidence and approvals, with the dispute.
			const second = listed.find((n) => n.number.endsWith("CN2")) as CreditNote;
			const trace = expectOk(await r("GET", `/v1/credit-notes/${second.id}/trace`, { token: service.tokens.reader }));
			expect(trace.dispute).toMatchObject({ decision: "rejected", reason: "fuses missing", approverId: "SUP1" });
			expect(trace.lines[0]).toMatchObject({ invoiceLineNo: work.lineNo, timeEntry: { id: scenario.timeEntryId, status: "invoiced" }, lineItem: null });
			expect(trace.lines[0].evidence.length).toBeGreaterThan(0);
			expect(trace.lines[0].approvals.map((a: { kind: string }) => a.kind).sort()).toEqual(["milestone", "time-entry"]);
			expect((await r("GET", "/v1/credit-notes/nope")).status).toBe(404);

			// Announced through the outbox, once per credit note.
			const issued = service.events.events.filter((e) => e.type === "credit_note.issued");
			expect(issued.map((e) => (e.data.creditNote as CreditNote).number).sort()).toEqual([`${invoice.id}-CN1`, `${invoice.id}-CN2`]);
			// Stored once, never rewritten.
			await expect(service.storage.repo.put("creditNote", { ...first, totalMinor: 1 })).rejects.toMatchObject({ code: "FC_MODEL_IMMUTABLE" });
		} finally {
			await service.close();
		}
	}, 120_000);
});
