/**
 * Contract test: every operation of /openapi.json is called over HTTP, and every response (errors
 * included) is checked with ajv against the document's schema for its status. The service's own
 * response validator is off here, so this check stands on its own.
 */
import { Ajv } from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOUR, items, T0 } from "../../model/testing/builders.js";
import { BILLING_EVENT_TYPES } from "../events/billing-events.js";
import { type HttpResult, startTestService, type TestService } from "./testing/harness.js";
import { expectOk, Scenario, TARGET_INSULATION, TASK, WO } from "./testing/scenario.js";

interface Operation {
	method: string;
	template: string;
	pattern: RegExp;
	operationId: string;
	responses: Record<string, { content?: Record<string, { schema: object }> }>;
}

let service: TestService;
let document: { openapi: string; paths: Record<string, Record<string, Omit<Operation, "method" | "template" | "pattern">>> };
let operations: Operation[];
const called = new Map<string, number[]>();
const problems: string[] = [];
const ajv = new Ajv({ allErrors: true, strict: false });

function operationFor(method: string, path: string): Operation | undefined {
	const bare = path.split("?")[0];
	return operations.find((o) => o.method === method && o.pattern.test(bare));
}

beforeAll(async () => {
	service = await startTestService({ validateResponses: false });
	document = expectOk(await service.request("GET", "/openapi.json", { token: null }));
	operations = Object.entries(document.paths).flatMap(([template, methods]) =>
		Object.entries(methods).map(([method, op]) => ({
			...op,
			method: method.toUpperCase(),
			template,
			pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
		})),
	);
	// Every request of this file goes through the check.
	const raw = service.request.bind(service);
	service.request = async (method, path, options) => {
		const result: HttpResult = await raw(method, path, options);
		const op = operationFor(method, path);
		if (!op) return result;
		called.set(op.operationId, [...(called.get(op.operationId) ?? []), result.status]);
		const schema = op.responses[String(result.status)]?.content?.["application/json"]?.schema;
		if (!schema) problems.push(`${op.operationId}: status ${result.status} is not in the document (${JSON.stringify(result.body)})`);
		else if (!ajv.validate(schema, result.body)) problems.push(`${op.operationId} ${result.status}: ${ajv.errorsText(ajv.errors)}`);
		return result;
	};
});

afterAll(async () => {
	await service.close();
});

describe("OpenAPI contract", () => {
	it("serves an OpenAPI 3.1 document with an operation id, scopes and responses for every route", () => {
		expect(document.openapi).toBe("3.1.0");
		expect(operations.length).toBeGreaterThan(45);
		for (const op of operations) {
			expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
			expect(Object.keys(op.responses).some((s) => s.startsWith("2"))).toBe(true);
		}
		expect(new Set(operations.map((o) => o.operationId)).size).toBe(operations.length);
		// Every {name} of a path is declared as a required path parameter, and nothing else is.
		for (const op of operations as (Operation & { parameters: { name: string; in: string; required: boolean }[] })[]) {
			const inPath = [...op.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
			expect(
				op.parameters
					.filter((p) => p.in === "path")
					.map((p) => p.name)
					.sort(),
			).toEqual(inPath);
			expect(op.parameters.filter((p) => p.in === "path").every((p) => p.required)).toBe(true);
		}
	});

	it("answers every operation as documented, through a whole work order from creation to invoice", async () => {
		const r = service.request.bind(service);
		const scenario = new Scenario(service);
		await scenario.seedParties();
		await scenario.createWorkOrder();
		await scenario.enroll();

		// Work orders, tasks, appointments, line items: reads and optimistic updates.
		expectOk(await r("GET", "/v1/work-orders?status=in-progress", { token: service.tokens.reader }));
		const order = await r("GET", `/v1/work-orders/${WO}`, { token: scenario.gatewayToken });
		expect(order.headers.get("etag")).toBe(`"${order.body.version}"`);
		expect((await r("PATCH", `/v1/work-orders/${WO}`, { body: { title: "No version" } })).status).toBe(428);
		expect((await r("PATCH", `/v1/work-orders/${WO}`, { body: { title: "Stale" }, headers: { "if-match": '"1"' } })).status).toBe(412);
		expect((await r("PATCH", `/v1/work-orders/${WO}`, { body: { title: "Stale", version: 1 } })).status).toBe(409);
		const patched = expectOk(
			await r("PATCH", `/v1/work-orders/${WO}`, { body: { title: "Annual inspection, bay 2" }, headers: { "if-match": order.headers.get("etag") as string } }),
		);
		expect(patched.version).toBe(order.body.version + 1);
		expectOk(
			await r("POST", `/v1/work-orders/${WO}/tasks`, { body: { id: "T2", title: "Thermal scan", estimatedMinutes: 30, checklist: [items.photo()] } }),
			201,
		);
		const t2 = expectOk(await r("GET", "/v1/tasks/T2"));
		expectOk(await r("PATCH", "/v1/tasks/T2", { body: { estimatedMinutes: 45, version: t2.version } }));
		expectOk(await r("GET", `/v1/work-orders/${WO}/tasks`));
		expect(expectOk(await r("GET", `/v1/tasks/${TASK}/checks`)).canStart).toBe(false);
		expectOk(await r("GET", `/v1/work-orders/${WO}/appointments`));
		expectOk(await r("PATCH", "/v1/appointments/AP1", { body: { window: { start: T0 + HOUR, end: T0 + 5 * HOUR }, version: 1 } }));
		expectOk(await r("POST", "/v1/appointments/AP1/status", { body: { status: "dispatched" } }));
		expectOk(await r("GET", `/v1/work-orders/${WO}/line-items`));

		// Evidence, time and deliverables.
		await scenario.startTask();
		await scenario.recordWork();
		const extra = scenario.gateway.reading(TARGET_INSULATION, 600);
		const other = scenario.gateway.reading(TARGET_INSULATION, 610);
		await scenario.sendEvidence();
		expectOk(await r("POST", `/v1/evidence/${extra.record.id}/accept`, { token: service.tokens.approver, body: { reason: "checked" } }));
		expectOk(await r("POST", `/v1/evidence/${other.record.id}/reject`, { token: service.tokens.approver, body: { reason: "probe slipped" } }));
		expectOk(await r("GET", `/v1/work-orders/${WO}/evidence`));
		expectOk(await r("GET", "/v1/gateways/gw-1/chain"));
		expectOk(await r("GET", "/v1/gateways/gw-1/keys", { token: service.tokens.reader }));
		expectOk(await r("GET", "/v1/gateways/gw-1/evidence-times?fromSeq=1&toSeq=10", { token: service.tokens.reader }));
		// The gateway serves TECH1; binding it to TECH2 as well lets it record TECH2's travel.
		expect(expectOk(await r("PATCH", "/v1/gateways/gw-1", { body: { technicianIds: ["TECH1", "TECH2"] } })).technicianIds).toEqual(["TECH1", "TECH2"]);
		const draft = expectOk(
			await r("POST", "/v1/time-entries", {
				token: scenario.gatewayToken,
				body: { taskId: "T2", technicianId: "TECH2", kind: "travel", billable: false, start: T0, end: T0 + HOUR, submit: false },
			}),
			201,
		);
		expect(draft.status).toBe("draft");
		expectOk(await r("POST", `/v1/time-entries/${draft.id}/submit`, { token: scenario.gatewayToken, body: {} }));
		expectOk(await r("POST", `/v1/time-entries/${draft.id}/reject`, { token: service.tokens.approver, body: { reason: "not this visit" } }));
		// Corrected and submitted again, in one step; the rejection and its reason stay on record.
		const corrected = expectOk(await r("POST", `/v1/time-entries/${draft.id}/resubmit`, { token: scenario.gatewayToken, body: { end: T0 + HOUR / 2 } }));
		expect(corrected).toMatchObject({ status: "submitted", end: T0 + HOUR / 2 });
		expect(expectOk(await r("GET", `/v1/work-orders/${WO}/approvals`)).approvals).toContainEqual(
			expect.objectContaining({ kind: "time-entry", subjectId: draft.id, decision: "rejected", reason: "not this visit" }),
		);
		// The approver's queue shows the resubmitted entry under its work order; bulk approval decides it.
		const queue = expectOk(await r("GET", "/v1/approvals/time-entries", { token: service.tokens.approver }));
		expect(queue.workOrders.flatMap((g: { entries: { timeEntry: { id: string } }[] }) => g.entries.map((e) => e.timeEntry.id))).toContain(draft.id);
		const bulk = expectOk(
			await r("POST", "/v1/approvals/time-entries/approve", { token: service.tokens.approver, body: { ids: [draft.id, "TE-none"], reason: "checked" } }),
		);
		expect([bulk.approved.map((e: { id: string }) => e.id), bulk.refused.map((e: { id: string }) => e.id)]).toEqual([[draft.id], ["TE-none"]]);
		expectOk(await r("GET", `/v1/time-entries/${scenario.timeEntryId}`));
		expectOk(await r("GET", `/v1/work-orders/${WO}/time-entries`));
		expectOk(await r("POST", `/v1/work-orders/${WO}/deliverables`, { body: { id: "D2", kind: "report", title: "Test report" } }), 201);
		expectOk(await r("POST", "/v1/deliverables/D2/deliver", { body: {} }));
		expectOk(await r("POST", "/v1/deliverables/D2/refuse", { body: {} }));
		expectOk(await r("POST", "/v1/deliverables/D2/reopen", { body: {} }));
		expectOk(await r("GET", `/v1/work-orders/${WO}/deliverables`));
		await scenario.signOff();
		await scenario.approveTime();

		// Milestone to invoice.
		expectOk(await r("GET", `/v1/work-orders/${WO}/milestones`));
		expect(expectOk(await r("GET", "/v1/milestones/M1/readiness")).ready).toBe(true);
		await scenario.approveMilestone();
		expectOk(await r("GET", "/v1/milestones/M1"));
		expectOk(await r("POST", "/v1/milestones/M1/margin-override", { token: service.tokens.approver, body: { reason: "not needed, recorded anyway" } }), 201);
		const invoice = expectOk(await r("POST", "/v1/milestones/M1/release", { token: service.tokens.releaser }), 201);
		expectOk(await r("GET", `/v1/invoices/${invoice.id}`));
		expectOk(await r("GET", `/v1/invoices/${invoice.id}/trace`));
		expectOk(await r("GET", `/v1/work-orders/${WO}/invoices`));
		// The evidence bundle behind the invoice: the list with its verification, and the file itself (not JSON-checked: it is the file the CLI reads).
		const bundles = expectOk(await r("GET", `/v1/invoices/${invoice.id}/evidence-bundles`, { token: service.tokens.reader }));
		const bundleFile = await fetch(`${service.url}${bundles.bundles[0].download}`, { headers: { authorization: `Bearer ${service.tokens.reader}` } });
		called.set("getInvoiceEvidenceBundle", [bundleFile.status]);
		expectOk(await r("GET", `/v1/work-orders/${WO}/margin`, { token: service.tokens.approver }));
		// The customer disputes the invoiced milestone; it is resumed, then held (blocked) before any new release.
		expect(expectOk(await r("POST", "/v1/milestones/M1/dispute", { token: service.tokens.approver, body: { reason: "wrong bay" } })).status).toBe("disputed");
		const creditNote = expectOk(
			await r("POST", `/v1/invoices/${invoice.id}/credit-notes`, {
				token: service.tokens.releaser,
				body: { reason: "wrong bay", lines: [{ invoiceLineNo: 1, amountMinor: 1 }] },
			}),
			201,
		);
		expectOk(await r("GET", `/v1/credit-notes/${creditNote.id}`));
		expectOk(await r("GET", `/v1/credit-notes/${creditNote.id}/trace`));
		expectOk(await r("GET", `/v1/invoices/${invoice.id}/credit-notes`));
		expect(expectOk(await r("POST", "/v1/milestones/M1/resume", { token: service.tokens.approver, body: {} })).status).toBe("awaiting-evidence");
		expect(expectOk(await r("POST", "/v1/milestones/M1/block", { token: service.tokens.approver, body: { reason: "re-test first" } })).status).toBe("blocked");

		// Admin: tokens, gateways.
		const auditor = expectOk(await r("POST", "/v1/tokens", { body: { name: "auditor", scopes: ["workorders:read"] } }), 201);
		expectOk(await r("GET", "/v1/tokens?limit=2"));
		expectOk(await r("POST", `/v1/tokens/${auditor.id}/revoke`));
		expectOk(await r("GET", "/v1/gateways"));
		// gw-1 loses a record for good: ingest notes the gap, an admin acknowledges it.
		const lost = scenario.gateway.records.length + 1;
		scenario.gateway.acknowledgement(TARGET_INSULATION, "lost with the gateway");
		scenario.gateway.acknowledgement(TARGET_INSULATION, "sent after the loss");
		scenario.gateway.seal();
		expectOk(await r("POST", "/v1/evidence/batches", { token: scenario.gatewayToken, body: scenario.gateway.batch(lost + 1, lost + 1) }));
		expectOk(await r("GET", "/v1/gateways/gw-1/gaps"));
		expectOk(await r("POST", "/v1/gateways/gw-1/gaps", { body: { reason: "gateway destroyed" } }), 201);
		expectOk(await r("POST", "/v1/gateways/gw-1/revoke"));

		// Console users and sessions: an admin creates a user, who signs in from the console's own page and out again.
		const user = expectOk(await r("POST", "/v1/users", { body: { username: "ada", role: "approver", password: "correct horse battery staple" } }), 201);
		expectOk(await r("GET", "/v1/users"));
		const sameOrigin = { origin: service.url };
		const signedIn = await r("POST", "/v1/sessions", {
			token: null,
			headers: sameOrigin,
			body: { username: "ada", password: "correct horse battery staple" },
		});
		expectOk(signedIn, 201);
		const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0];
		expect(expectOk(await r("GET", "/v1/sessions/current", { token: null, headers: { cookie } })).user.username).toBe("ada");
		expect(expectOk(await r("DELETE", "/v1/sessions/current", { token: null, headers: { ...sameOrigin, cookie } })).signedOut).toBe(true);
		expect(expectOk(await r("POST", `/v1/users/${user.id}/disable`)).disabledAt).not.toBeNull();
		expect(expectOk(await r("POST", `/v1/users/${user.id}/enable`)).disabledAt).toBeNull();

		// Errors are documented too.
		expect((await r("GET", `/v1/work-orders/${WO}`, { token: null })).status).toBe(401);
		expect((await r("POST", "/v1/work-orders", { token: service.tokens.reader, body: {} })).status).toBe(403);
		expect((await r("GET", "/v1/work-orders/nope")).status).toBe(404);
		expect((await r("POST", "/v1/work-orders", { body: { title: 5 } })).status).toBe(400);

		// The visit's progress in the field, and a second visit cancelled.
		for (const status of ["en-route", "on-site", "completed"]) expectOk(await r("POST", "/v1/appointments/AP1/status", { body: { status } }));
		expectOk(await r("POST", `/v1/work-orders/${WO}/appointments`, { body: { id: "AP2", technicianId: "TECH1", window: { start: T0, end: T0 + HOUR } } }), 201);
		expectOk(await r("POST", "/v1/appointments/AP2/status", { body: { status: "cancelled" } }));

		// Dispatch: a plan for the day, read and applied; the board; a manual move.
		const plan = expectOk(await r("POST", "/v1/schedule/plans", { body: { from: T0, to: T0 + 24 * HOUR, seconds: 0.1, seed: 1 } }), 201);
		expectOk(await r("GET", `/v1/schedule/plans/${plan.id}`));
		expectOk(await r("POST", `/v1/schedule/plans/${plan.id}/apply`));
		expectOk(await r("GET", `/v1/schedule/board?from=${T0}&to=${T0 + 24 * HOUR}`, { token: service.tokens.reader }));
		expectOk(await r("POST", `/v1/work-orders/${WO}/appointments`, { body: { id: "AP3", technicianId: "TECH1", window: { start: T0, end: T0 + HOUR } } }), 201);
		const move = { window: { start: T0 + HOUR, end: T0 + 2 * HOUR }, reason: "customer asked" };
		expectOk(await r("POST", "/v1/appointments/AP3/reschedule/preview", { body: move }));
		expectOk(await r("POST", "/v1/appointments/AP3/reschedule", { body: { window: { start: T0 + HOUR, end: T0 + 2 * HOUR }, reason: "customer asked" } }));

		// Policies: a new checklist template (version 1), listed and read; its revision is the impact preview below.
		const template = { kind: "checklist-template", id: "ct-contract", name: "Contract checks", items: [items.safety()] };
		expectOk(await r("POST", "/v1/policies", { token: service.tokens.approver, body: template }), 201);
		expectOk(await r("GET", "/v1/policies?kind=checklist-template", { token: service.tokens.reader }));
		expectOk(await r("GET", "/v1/policies/checklist-template/ct-contract", { token: service.tokens.reader }));
		expectOk(await r("GET", "/v1/policies/checklist-template/ct-contract/versions", { token: service.tokens.reader }));

		// Impact previews: plan a template change, compare, approve, read the signed pack, apply.
		const change = { effectiveAt: T0, requireApprovals: ["customer"], changes: [{ kind: "checklist-template", id: "ct-contract", items: [] }] };
		const preview = expectOk(await r("POST", "/v1/impact/previews", { body: change }), 201);
		expectOk(await r("GET", `/v1/impact/previews/${preview.id}`, { token: service.tokens.reader }));
		expectOk(await r("POST", "/v1/impact/comparisons", { body: { changeSets: [change, { ...change, seed: 2 }] } }));
		expectOk(
			await r("POST", `/v1/impact/previews/${preview.id}/approvals`, { token: service.tokens.approver, body: { role: "customer", decision: "approved" } }),
			201,
		);
		const pack = await fetch(`${service.url}/v1/impact/previews/${preview.id}/pack`, { headers: { authorization: `Bearer ${service.tokens.reader}` } });
		called.set("getImpactPack", [pack.status]);
		expectOk(await r("GET", "/v1/impact/pack-key", { token: service.tokens.reader }));
		expectOk(await r("POST", "/v1/impact/packs/verify", { token: service.tokens.reader, body: { content: "", signature: "" } }));
		expectOk(await r("POST", `/v1/impact/previews/${preview.id}/apply`));

		// Every event type the service publishes came out along the way.
		expect(new Set(service.events.events.map((e) => e.type))).toEqual(new Set(BILLING_EVENT_TYPES));
		const dispatched = service.events.events.find((e) => e.type === "appointment.dispatched");
		expect(dispatched?.data).toMatchObject({ appointment: { id: "AP1", status: "dispatched" } });

		expect(problems).toEqual([]);
		const never = operations.filter((o) => !(called.get(o.operationId) ?? []).some((s) => s >= 200 && s < 300)).map((o) => o.operationId);
		expect(never).toEqual([]);
	});
});
