/**
 * One work order driven through the API from creation to release, step by step, so tests can stop
 * anywhere (for example before sign-off) and look at what the service says.
 */
import { HOUR, items, make, T0 } from "../../../model/testing/builders.js";
import type { BatchReceipt } from "../../../protocol/uplink/wire.js";
import { SimulatedGateway } from "./gateway-sim.js";
import type { HttpResult, TestService } from "./harness.js";

export const WO = "WO1";
export const TASK = "T1";
export const TARGET_SAFETY = { workOrderId: WO, taskId: TASK, checklistItemId: "safety" };
export const TARGET_INSULATION = { workOrderId: WO, taskId: TASK, checklistItemId: "insulation" };

export function expectOk<T>(result: HttpResult<T>, status = 200): T {
	if (result.status !== status) throw new Error(`expected HTTP ${status}, got ${result.status}: ${JSON.stringify(result.body)}`);
	return result.body;
}

export class Scenario {
	readonly gateway: SimulatedGateway;
	gatewayToken = "";
	lineItemId = "";
	timeEntryId = "";
	signatureEvidenceId = "";
	private sentUpTo = 0;

	constructor(
		readonly service: TestService,
		gatewayId = "gw-1",
	) {
		this.gateway = new SimulatedGateway(gatewayId);
	}

	async seedParties(): Promise<void> {
		expectOk(
			await this.service.request("POST", "/v1/import", {
				body: {
					customers: [make.customer()],
					sites: [make.site()],
					assets: [make.asset()],
					rateCards: [make.rateCard()],
					technicians: [make.technician(), make.technician({ id: "TECH2", name: "Ben Bench" })],
				},
			}),
		);
	}

	async createWorkOrder(): Promise<void> {
		const r = this.service.request.bind(this.service);
		expectOk(
			await r("POST", "/v1/work-orders", {
				body: { id: WO, customerId: "C1", siteId: "S1", assetId: "A1", title: "Annual inspection", sla: { respondBy: T0 + HOUR, resolveBy: T0 + 48 * HOUR } },
			}),
			201,
		);
		expectOk(
			await r("POST", `/v1/work-orders/${WO}/tasks`, {
				body: { id: TASK, title: "Insulation test", estimatedMinutes: 60, checklist: [items.safety(), items.insulation()] },
			}),
			201,
		);
		expectOk(
			await r("POST", `/v1/work-orders/${WO}/appointments`, { body: { id: "AP1", technicianId: "TECH1", window: { start: T0, end: T0 + 4 * HOUR } } }),
			201,
		);
		this.lineItemId = expectOk<{ id: string }>(
			await r("POST", `/v1/tasks/${TASK}/line-items`, {
				body: { kind: "part", description: "Fuse 10 A", sku: "FUSE-10", unit: "ea", estimatedQuantity: 2, unitCostMinor: 300, unitPriceMinor: 750 },
			}),
			201,
		).id;
		expectOk(await r("POST", `/v1/work-orders/${WO}/deliverables`, { body: { id: "D1", kind: "sign-off", title: "Customer sign-off" } }), 201);
		expectOk(
			await r("POST", `/v1/work-orders/${WO}/milestones`, {
				body: { id: "M1", name: "Inspection complete", amount: { kind: "actuals" }, taskIds: [TASK], deliverableIds: ["D1"] },
			}),
			201,
		);
		expectOk(await r("POST", `/v1/work-orders/${WO}/status`, { body: { status: "scheduled", window: { start: T0, end: T0 + 4 * HOUR } } }));
		expectOk(await r("POST", `/v1/work-orders/${WO}/status`, { body: { status: "in-progress" } }));
	}

	async enroll(): Promise<void> {
		const { enrollmentToken } = expectOk<{ enrollmentToken: string }>(await this.service.request("POST", "/v1/enrollments"), 201);
		const enrolled = expectOk<{ token: string }>(
			await this.service.request("POST", "/v1/gateways/enroll", {
				token: null,
				body: { enrollmentToken, gatewayId: this.gateway.gatewayId, publicKey: this.gateway.publicKeyBase64, technicianIds: ["TECH1"] },
			}),
			201,
		);
		this.gatewayToken = enrolled.token;
	}

	/** Seals what the gateway has and sends everything not sent yet. */
	async sendEvidence(): Promise<BatchReceipt> {
		this.gateway.seal();
		const last = this.gateway.records.length;
		const receipt = expectOk<BatchReceipt>(
			await this.service.request("POST", "/v1/evidence/batches", { token: this.gatewayToken, body: this.gateway.batch(this.sentUpTo + 1, last) }),
		);
		this.sentUpTo = receipt.sealedUpTo;
		return receipt;
	}

	async startTask(): Promise<void> {
		this.gateway.acknowledgement(TARGET_SAFETY, "Circuit isolated and locked out");
		await this.sendEvidence();
		expectOk(await this.service.request("POST", `/v1/tasks/${TASK}/status`, { token: this.gatewayToken, body: { status: "in-progress" } }));
	}

	async recordWork(): Promise<void> {
		this.gateway.reading(TARGET_INSULATION, 550);
		await this.sendEvidence();
		expectOk(await this.service.request("POST", `/v1/line-items/${this.lineItemId}/use`, { token: this.gatewayToken, body: { usedQuantity: 2 } }));
		this.timeEntryId = expectOk<{ id: string }>(
			await this.service.request("POST", "/v1/time-entries", {
				token: this.gatewayToken,
				body: { taskId: TASK, technicianId: "TECH1", kind: "work", billable: true, start: T0, end: T0 + 2 * HOUR },
			}),
			201,
		).id;
		expectOk(await this.service.request("POST", `/v1/tasks/${TASK}/status`, { token: this.gatewayToken, body: { status: "completed" } }));
	}

	async signOff(): Promise<void> {
		const signature = this.gateway.customerSignature(WO, "D1", "Cy Customer");
		await this.sendEvidence();
		this.signatureEvidenceId = signature.record.id as string;
		expectOk(await this.service.request("POST", "/v1/deliverables/D1/deliver", { token: this.gatewayToken, body: {} }));
		expectOk(
			await this.service.request("POST", "/v1/deliverables/D1/sign-off", { token: this.gatewayToken, body: { signatureEvidenceId: this.signatureEvidenceId } }),
		);
	}

	async approveTime(): Promise<void> {
		expectOk(
			await this.service.request("POST", `/v1/time-entries/${this.timeEntryId}/approve`, {
				token: this.service.tokens.approver,
				body: { reason: "matches the visit log" },
			}),
		);
	}

	async approveMilestone(): Promise<void> {
		expectOk(await this.service.request("POST", "/v1/milestones/M1/approve", { token: this.service.tokens.approver, body: { reason: "all there" } }));
	}

	/** Everything up to an approved milestone. */
	async runToApproval(): Promise<void> {
		await this.seedParties();
		await this.createWorkOrder();
		await this.enroll();
		await this.startTask();
		await this.recordWork();
		await this.signOff();
		await this.approveTime();
		await this.approveMilestone();
	}
}
