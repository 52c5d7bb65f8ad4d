/**
 * A gateway's token reaches only the work of the technicians it is bound to. Two customers' work
 * orders: WO1 (customer C1, TECH1's appointment) and WO9 (customer C9, TECH2's). gw-1 serves TECH1;
 * gw-x is freshly enrolled and serves nobody. Over HTTP on loopback against the real service:
 * the attacks of the chain-of-custody issue, ingest outside the binding, time-entry sanity limits,
 * and a route × token matrix over every route a gateway token can call.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyWrite } from "../../model/entities/kinds.js";
import { HOUR, items, make, T0 } from "../../model/testing/builders.js";
import type { BatchReceipt } from "../../protocol/uplink/wire.js";
import { issueApiToken } from "./auth/tokens.js";
import { SCOPES, type Scope } from "./store/types.js";
import { startTestService, type TestService } from "./testing/harness.js";
import { expectOk, Scenario, TARGET_INSULATION, TASK, WO } from "./testing/scenario.js";

let service: TestService;
let scenario: Scenario;
/** gw-x: enrolled with no technicians. */
let intruder = "";

const OTHER = { workOrderId: "WO9", taskId: "T9", checklistItemId: "insulation" };

/** Customer C9's work, stored as it is (none of it is reachable through TECH1). */
function otherCustomersWork(): AnyWrite[] {
	const invoice = {
		id: "INV9",
		version: 1,
		createdAt: T0,
		updatedAt: T0,
		workOrderId: "WO9",
		milestoneId: "M9",
		customerId: "C9",
		currency: "EUR",
		issuedAt: T0,
		lines: [],
		totalMinor: 0,
		deliverableIds: [],
		approvalIds: [],
		margin: { priceMinor: 0, costMinor: 0, marginMinor: 0, marginBasisPoints: null },
	};
	return [
		{ kind: "customer", entity: make.customer({ id: "C9", name: "Other Utility" }) },
		{ kind: "site", entity: make.site({ id: "S9", customerId: "C9" }) },
		{ kind: "workOrder", entity: make.workOrder({ id: "WO9", rootId: "WO9", customerId: "C9", siteId: "S9", assetId: null, status: "scheduled" }) },
		{ kind: "task", entity: make.task({ id: "T9", workOrderId: "WO9", checklist: [items.insulation()] }) },
		{ kind: "appointment", entity: make.appointment({ id: "AP9", workOrderId: "WO9", technicianId: "TECH2" }) },
		{
			kind: "timeEntry",
			entity: make.timeEntry({ id: "TE9", workOrderId: "WO9", taskId: "T9", technicianId: "TECH2", status: "draft", start: T0, end: T0 + HOUR }),
		},
		{ kind: "lineItem", entity: make.lineItem({ id: "LI9", workOrderId: "WO9", taskId: "T9" }) },
		{ kind: "deliverable", entity: make.deliverable({ id: "D9", workOrderId: "WO9" }) },
		{ kind: "milestone", entity: make.milestone({ id: "M9", workOrderId: "WO9", taskIds: ["T9"], deliverableIds: ["D9"] }) },
		{ kind: "evidence", entity: make.evidence({ id: "E9", workOrderId: "WO9", taskId: "T9" }) },
		{ kind: "invoice", entity: invoice },
		{
			kind: "creditNote",
			entity: {
				id: "INV9-CN1",
				version: 1,
				createdAt: T0,
				updatedAt: T0,
				number: "INV9-CN1",
				invoiceId: "INV9",
				workOrderId: "WO9",
				milestoneId: "M9",
				customerId: "C9",
				currency: "EUR",
				issuedAt: T0,
				issuedBy: "FIN9",
				reason: "dispute",
				disputeApprovalId: "A9",
				lines: [],
				totalMinor: 0,
			},
		},
	] as AnyWrite[];
}

async function enroll(gatewayId: string, technicianIds?: string[]): Promise<string> {
	const { enrollmentToken } = expectOk(await service.request("POST", "/v1/enrollments"), 201);
	const key = Buffer.alloc(32, gatewayId.length).toString("base64");
	return expectOk(
		await service.request("POST", "/v1/gateways/enroll", {
			token: null,
			body: { enrollmentToken, gatewayId, publicKey: key, ...(technicianIds ? { technicianIds } : {}) },
		}),
		201,
	).token;
}

beforeAll(async () => {
	service = await startTestService();
	scenario = new Scenario(service);
	await scenario.seedParties();
	await scenario.createWorkOrder();
	await scenario.enroll();
	await service.storage.repo.restore(otherCustomersWork());
	intruder = await enroll("gw-x");
	await scenario.startTask();
});

afterAll(async () => {
	await service?.close();
});

describe("a gateway's token is bound to its technicians' work", () => {
	it("shows the binding on the gateway resource; an admin changes it with PATCH /v1/gateways/{id}", async () => {
		const gateways = expectOk(await service.request("GET", "/v1/gateways")).gateways as Array<{ id: string; technicianIds: string[] }>;
		expect(gateways.map((g) => [g.id, g.technicianIds])).toEqual([
			["gw-1", ["TECH1"]],
			["gw-x", []],
		]);
		expect((await service.request("PATCH", "/v1/gateways/gw-x", { token: intruder, body: { technicianIds: ["TECH2"] } })).status).toBe(403);
		expect((await service.request("PATCH", "/v1/gateways/nope", { body: { technicianIds: [] } })).status).toBe(404);
		expect(expectOk(await service.request("PATCH", "/v1/gateways/gw-x", { body: { technicianIds: [] } })).technicianIds).toEqual([]);
	});

	it("an unrelated gateway lists no customer's work orders; a bound one lists only its technicians'", async () => {
		const listed = async (token: string) =>
			(expectOk(await service.request("GET", "/v1/work-orders", { token })).workOrders as Array<{ id: string }>).map((o) => o.id);
		expect(await listed(service.tokens.reader)).toEqual([WO, "WO9"]);
		expect(await listed(intruder)).toEqual([]);
		expect(await listed(scenario.gatewayToken)).toEqual([WO]);
	});

	it("an unrelated gateway cannot record a 10 h billable time entry on another customer's task", async () => {
		const tenHours = { taskId: "T9", technicianId: "TECH2", kind: "work", billable: true, start: T0 + 30 * HOUR, end: T0 + 40 * HOUR };
		for (const token of [intruder, scenario.gatewayToken]) {
			const refused = await service.request("POST", "/v1/time-entries", { token, body: tenHours });
			expect(refused.status).toBe(403);
			expect(refused.body.error.code).toBe("FC_BILLING_NOT_BOUND");
		}
		// Nor for a technician it serves on a work order it does not: the task's work order decides too.
		const onOtherTask = await service.request("POST", "/v1/time-entries", { token: scenario.gatewayToken, body: { ...tenHours, technicianId: "TECH1" } });
		expect(onOtherTask.status).toBe(403);
		const stored = expectOk(await service.request("GET", "/v1/work-orders/WO9/time-entries")).timeEntries as Array<{ id: string }>;
		expect(stored.map((e) => e.id)).toEqual(["TE9"]);
	});

	it("an unrelated gateway cannot change another work order's status", async () => {
		const refused = await service.request("POST", "/v1/work-orders/WO9/status", { token: intruder, body: { status: "in-progress" } });
		expect(refused.status).toBe(403);
		expect(refused.body.error).toMatchObject({ code: "FC_BILLING_NOT_BOUND", hint: expect.stringContaining("PATCH /v1/gateways/") });
		expect(expectOk(await service.request("GET", "/v1/work-orders/WO9")).status).toBe("scheduled");
	});

	it("ingest refuses a record for a work order outside the binding (reason in the receipt), and takes it once bound", async () => {
		scenario.gateway.reading(TARGET_INSULATION, 500);
		const outside = scenario.gateway.reading(OTHER, 510);
		scenario.gateway.reading(TARGET_INSULATION, 520);
		const receipt: BatchReceipt = await scenario.sendEvidence();
		// The batch's checkpoint covers the refused record, so it seals nothing: the record before waits too.
		expect([receipt.accepted, receipt.unsealed, receipt.checkpointsAccepted]).toEqual([0, 1, 0]);
		expect(receipt.rejected.map((r) => [r.chainSeq, r.reason])).toEqual([
			[outside.chainSeq, "outside-binding"],
			[outside.chainSeq + 1, "chain-gap"],
		]);
		expect(receipt.rejected[0].message).toContain("WO9");
		expect(expectOk(await service.request("GET", "/v1/work-orders/WO9/evidence")).evidence.map((e: { id: string }) => e.id)).toEqual(["E9"]);

		// An admin binds gw-1 to TECH2 as well: the same records are now taken.
		expectOk(await service.request("PATCH", "/v1/gateways/gw-1", { body: { technicianIds: ["TECH1", "TECH2"] } }));
		const again = await scenario.sendEvidence();
		expect(again.rejected).toEqual([]);
		expect(again.accepted).toBe(3);
		expect(expectOk(await service.request("GET", "/v1/work-orders/WO9/evidence")).evidence.map((e: { id: string }) => e.id)).toContain(outside.record.id);
		expectOk(await service.request("PATCH", "/v1/gateways/gw-1", { body: { technicianIds: ["TECH1"] } }));
	});
});

describe("time-entry sanity limits", () => {
	const entry = (start: number, end: number) => ({ taskId: TASK, technicianId: "TECH1", kind: "work", billable: true, start, end });
	const DAY2 = T0 + 48 * HOUR;

	it("refuses an entry longer than 16 h, saying what to do", async () => {
		const refused = await service.request("POST", "/v1/time-entries", { token: scenario.gatewayToken, body: entry(DAY2, DAY2 + 17 * HOUR) });
		expect(refused.status).toBe(409);
		expect(refused.body.error).toMatchObject({ code: "FC_BILLING_TIME_ENTRY", hint: expect.stringContaining("several entries") });
	});

	it("refuses an entry overlapping another of the same technician, takes one that only touches it", async () => {
		expectOk(await service.request("POST", "/v1/time-entries", { token: scenario.gatewayToken, body: entry(DAY2, DAY2 + 2 * HOUR) }), 201);
		const overlapping = await service.request("POST", "/v1/time-entries", { body: entry(DAY2 + HOUR, DAY2 + 3 * HOUR) });
		expect(overlapping.status).toBe(409);
		expect(overlapping.body.error.code).toBe("FC_BILLING_TIME_ENTRY");
		expect(overlapping.body.error.message).toContain("overlaps");
		expectOk(await service.request("POST", "/v1/time-entries", { token: scenario.gatewayToken, body: entry(DAY2 + 2 * HOUR, DAY2 + 3 * HOUR) }), 201);
	});
});

/** A valid request for each route a gateway token can call, aimed at customer C9's work (outside gw-1's binding). */
const GATEWAY_ROUTES: Record<string, { path: string; body?: unknown }> = {
	listWorkOrders: { path: "/v1/work-orders" },
	getWorkOrder: { path: "/v1/work-orders/WO9" },
	moveWorkOrder: { path: "/v1/work-orders/WO9/status", body: { status: "in-progress" } },
	listTasks: { path: "/v1/work-orders/WO9/tasks" },
	getTask: { path: "/v1/tasks/T9" },
	checkTask: { path: "/v1/tasks/T9/checks" },
	moveTask: { path: "/v1/tasks/T9/status", body: { status: "in-progress" } },
	listAppointments: { path: "/v1/work-orders/WO9/appointments" },
	moveAppointment: { path: "/v1/appointments/AP9/status", body: { status: "dispatched" } },
	listLineItems: { path: "/v1/work-orders/WO9/line-items" },
	useLineItem: { path: "/v1/line-items/LI9/use", body: { usedQuantity: 1 } },
	submitTimeEntry: { path: "/v1/time-entries", body: { taskId: "T9", technicianId: "TECH2", kind: "work", billable: true, start: T0, end: T0 + HOUR } },
	getTimeEntry: { path: "/v1/time-entries/TE9" },
	listTimeEntries: { path: "/v1/work-orders/WO9/time-entries" },
	submitDraftTimeEntry: { path: "/v1/time-entries/TE9/submit", body: {} },
	resubmitTimeEntry: { path: "/v1/time-entries/TE9/resubmit", body: {} },
	listApprovals: { path: "/v1/work-orders/WO9/approvals" },
	ingestEvidenceBatch: { path: "/v1/evidence/batches", body: { gatewayId: "gw-1", records: [], checkpoints: [] } },
	listEvidence: { path: "/v1/work-orders/WO9/evidence" },
	getGatewayChain: { path: "/v1/gateways/gw-1/chain" },
	// Keys are for people verifying bundles: deny by default refuses gateway tokens.
	listGatewayKeys: { path: "/v1/gateways/gw-1/keys" },
	// Evidence times are for people auditing a gateway's clock: deny by default refuses gateway tokens.
	listEvidenceTimes: { path: "/v1/gateways/gw-1/evidence-times" },
	listDeliverables: { path: "/v1/work-orders/WO9/deliverables" },
	deliverDeliverable: { path: "/v1/deliverables/D9/deliver", body: {} },
	refuseDeliverable: { path: "/v1/deliverables/D9/refuse", body: {} },
	reopenDeliverable: { path: "/v1/deliverables/D9/reopen", body: {} },
	signOffDeliverable: { path: "/v1/deliverables/D9/sign-off", body: { signatureEvidenceId: "E9" } },
	listMilestones: { path: "/v1/work-orders/WO9/milestones" },
	getMilestone: { path: "/v1/milestones/M9" },
	getMilestoneReadiness: { path: "/v1/milestones/M9/readiness" },
	getInvoice: { path: "/v1/invoices/INV9" },
	traceInvoice: { path: "/v1/invoices/INV9/trace" },
	listInvoiceEvidenceBundles: { path: "/v1/invoices/INV9/evidence-bundles" },
	getInvoiceEvidenceBundle: { path: "/v1/invoices/INV9/evidence-bundles/gw-1/WO9" },
	listInvoices: { path: "/v1/work-orders/WO9/invoices" },
	listInvoiceCreditNotes: { path: "/v1/invoices/INV9/credit-notes" },
	getCreditNote: { path: "/v1/credit-notes/INV9-CN1" },
	traceCreditNote: { path: "/v1/credit-notes/INV9-CN1/trace" },
	// The dispatch board shows every technician's day: deny by default refuses gateway tokens.
	getScheduleBoard: { path: `/v1/schedule/board?from=${T0}&to=${T0 + HOUR}` },
	// Impact previews plan template and rate changes across every customer's work: office-only, refused to gateway tokens.
	getImpactPreview: { path: "/v1/impact/previews/IP9" },
	getImpactPack: { path: "/v1/impact/previews/IP9/pack" },
	getImpactPackKey: { path: "/v1/impact/pack-key" },
	verifyImpactPack: { path: "/v1/impact/packs/verify", body: { content: "", signature: "" } },
	// Policies (SLA, prices, checklist templates) are the office's, across every customer: refused to gateway tokens.
	listPolicies: { path: "/v1/policies" },
	getPolicy: { path: "/v1/policies/sla-policy/sla-standard" },
	listPolicyVersions: { path: "/v1/policies/sla-policy/sla-standard/versions" },
};

/** Routes a gateway token has the scope for but that are office-only: deny by default answers FC_BILLING_FORBIDDEN. */
const OFFICE_ONLY = [
	"listGatewayKeys",
	"listEvidenceTimes",
	"getScheduleBoard",
	"getImpactPreview",
	"getImpactPack",
	"getImpactPackKey",
	"verifyImpactPack",
	"listPolicies",
	"getPolicy",
	"listPolicyVersions",
];

describe("route × token matrix: every route a gateway token can call", async () => {
	const GATEWAY_SCOPES: readonly Scope[] = ["evidence:write", "workorders:read"];
	type Operation = { method: string; path: string; operationId: string; scopes: Scope[] };
	const operations = async (): Promise<Operation[]> => {
		const document = expectOk(await service.request("GET", "/openapi.json", { token: null }));
		const found: Operation[] = [];
		for (const [path, item] of Object.entries(
			document.paths as Record<string, Record<string, { operationId: string; security: Array<{ bearer?: Scope[] }> }>>,
		)) {
			for (const [method, op] of Object.entries(item)) {
				const scopes = op.security?.[0]?.bearer ?? [];
				if (scopes.some((s) => GATEWAY_SCOPES.includes(s))) found.push({ method: method.toUpperCase(), path, operationId: op.operationId, scopes });
			}
		}
		return found;
	};

	it("has a request for each of them (a new gateway route must be added here)", async () => {
		const ids = (await operations()).map((o) => o.operationId);
		expect(ids.filter((id) => !(id in GATEWAY_ROUTES))).toEqual([]);
		expect(Object.keys(GATEWAY_ROUTES).filter((id) => !ids.includes(id))).toEqual([]);
	});

	it("no token: 401; a token without the route's scope: 403; another gateway's token: 403 or nothing of the other's work", async () => {
		const results: string[] = [];
		const tokenWith = async (scope: Scope) => (await issueApiToken(service.storage.store, { name: `only ${scope}`, scopes: [scope], now: Date.now() })).token;
		for (const op of await operations()) {
			const route = GATEWAY_ROUTES[op.operationId];
			const send = (token: string | null) => service.request(op.method, route.path, { token, body: route.body });
			const anonymous = await send(null);
			results.push(`${op.operationId} none ${anonymous.status} ${anonymous.body.error?.code}`);
			const wrong = SCOPES.find((s) => !op.scopes.includes(s));
			if (wrong) {
				const forbidden = await send(await tokenWith(wrong));
				results.push(`${op.operationId} scope ${forbidden.status} ${forbidden.body.error?.code}`);
			}
			for (const [who, token] of [
				["gw-1", scenario.gatewayToken],
				["gw-x", intruder],
			] as const) {
				const other = await send(token);
				// The one list route answers, with nothing of the other customer's.
				const verdict =
					op.operationId === "listWorkOrders" ? String(other.body.workOrders?.some((o: { id: string }) => o.id === "WO9")) : other.body.error?.code;
				results.push(`${op.operationId} ${who} ${other.status} ${verdict}`);
			}
		}
		const expected: string[] = [];
		for (const op of await operations()) {
			expected.push(`${op.operationId} none 401 FC_BILLING_UNAUTHORIZED`);
			if (SCOPES.some((s) => !op.scopes.includes(s))) expected.push(`${op.operationId} scope 403 FC_BILLING_FORBIDDEN`);
			const own = ["getGatewayChain", ...OFFICE_ONLY].includes(op.operationId) ? "FC_BILLING_FORBIDDEN" : "FC_BILLING_NOT_BOUND";
			if (op.operationId === "listWorkOrders") {
				expected.push(`${op.operationId} gw-1 200 false`, `${op.operationId} gw-x 200 false`);
			} else if (op.operationId === "ingestEvidenceBatch") {
				// gw-1's own batch is its own business; gw-x may not send as gw-1.
				expected.push(`${op.operationId} gw-1 200 undefined`, `${op.operationId} gw-x 403 FC_BILLING_FORBIDDEN`);
			} else if (op.operationId === "getGatewayChain") {
				expected.push(`${op.operationId} gw-1 200 undefined`, `${op.operationId} gw-x 403 ${own}`);
			} else {
				expected.push(`${op.operationId} gw-1 403 ${own}`, `${op.operationId} gw-x 403 ${own}`);
			}
		}
		expect(results).toEqual(expected);
	});
});
