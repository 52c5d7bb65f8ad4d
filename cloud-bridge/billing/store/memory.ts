/** The in-memory BillingStore: for tests and for running without a database. */
import type { OutboxMessage } from "../../../model/repository/types.js";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import { assertAppendable, nextHead } from "./append-checks.js";
import type { AcknowledgeGapInput } from "./chain-gaps.js";
import { MemoryChainGaps } from "./chain-gaps-memory.js";
import type { StoredManifest } from "./manifests.js";
import { MemoryManifests } from "./manifests-memory.js";
import { reissueRefusal } from "./reissue-check.js";
import {
	type ApiTokenRecord,
	type AppendChainInput,
	type BatchReceiptRecord,
	type BillingStore,
	type ChainHead,
	type CompleteEnrollmentInput,
	type EnrollmentRecord,
	type EnrollOutcome,
	type GatewayRecord,
	type KeysetPage,
	type ReissueEnrollmentInput,
	type ReissueOutcome,
	type SchedulePlanRecord,
	type StoredChainRecord,
	type StoredCheckpoint,
	ZERO_HASH_HEX,
} from "./types.js";

const copy = <T>(value: T): T => structuredClone(value);
/** A token as every backend returns it: expiry and last use always present. */
const stored = (token: ApiTokenRecord): ApiTokenRecord => ({ ...copy(token), expiresAt: token.expiresAt ?? null, lastUsedAt: token.lastUsedAt ?? null });

export class MemoryBillingStore implements BillingStore {
	private readonly tokens = new Map<string, ApiTokenRecord>();
	private readonly enrollments = new Map<string, EnrollmentRecord>();
	private readonly gateways = new Map<string, GatewayRecord>();
	private readonly heads = new Map<string, ChainHead>();
	private readonly records = new Map<string, StoredChainRecord[]>();
	private readonly checkpoints = new Map<string, StoredCheckpoint[]>();
	private readonly receipts = new Map<string, BatchReceiptRecord>();
	private readonly outbox: { message: OutboxMessage; relayed: boolean }[] = [];
	private readonly plans = new Map<string, SchedulePlanRecord>();
	private readonly chainGaps = new MemoryChainGaps(this.records, this.checkpoints);
	private readonly manifests = new MemoryManifests();
	private closed = false;

	async createSchedulePlan(plan: SchedulePlanRecord): Promise<void> {
		this.open();
		if (this.plans.has(plan.id)) throw new FieldchainError(ErrorCodes.FC_BILLING_CONFLICT, `Schedule plan ${plan.id} already exists.`);
		this.plans.set(plan.id, copy(plan));
	}

	async getSchedulePlan(id: string): Promise<SchedulePlanRecord | undefined> {
		this.open();
		const plan = this.plans.get(id);
		return plan && copy(plan);
	}

	async markSchedulePlanApplied(id: string, at: number, by: string): Promise<boolean> {
		this.open();
		const plan = this.plans.get(id);
		if (!plan || plan.appliedAt !== null) return false;
		plan.appliedAt = at;
		plan.appliedBy = by;
		return true;
	}

	private open(): void {
		if (this.closed) throw new FieldchainError(ErrorCodes.FC_STORE_CLOSED, "The billing store is closed.");
	}

	async createToken(token: ApiTokenRecord): Promise<void> {
		this.open();
		if ([...this.tokens.values()].some((t) => t.id === token.id || t.hash === token.hash)) {
			throw new FieldchainError(ErrorCodes.FC_BILLING_CONFLICT, `Token ${token.id} already exists.`);
		}
		this.tokens.set(token.hash, stored(token));
	}

	async findTokenByHash(hash: string): Promise<ApiTokenRecord | undefined> {
		this.open();
		const token = this.tokens.get(hash);
		return token && copy(token);
	}

	async countTokens(): Promise<number> {
		this.open();
		return [...this.tokens.values()].filter((t) => t.revokedAt === null).length;
	}

	async listTokens(page?: KeysetPage<readonly [number, string]>): Promise<ApiTokenRecord[]> {
		this.open();
		const all = [...this.tokens.values()].map(copy).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		if (!page) return all;
		const after = page.after;
		const rest = after ? all.filter((t) => t.createdAt > after[0] || (t.createdAt === after[0] && t.id > after[1])) : all;
		return rest.slice(0, page.limit);
	}

	async revokeToken(id: string, now: number): Promise<ApiTokenRecord | undefined> {
		this.open();
		const token = [...this.tokens.values()].find((t) => t.id === id);
		if (!token) return undefined;
		token.revokedAt ??= now;
		return copy(token);
	}

	async touchToken(id: string, at: number): Promise<void> {
		this.open();
		const token = [...this.tokens.values()].find((t) => t.id === id);
		if (token) token.lastUsedAt = Math.max(token.lastUsedAt ?? at, at);
	}

	async createEnrollment(enrollment: EnrollmentRecord): Promise<void> {
		this.open();
		if (this.enrollments.has(enrollment.hash)) throw new FieldchainError(ErrorCodes.FC_BILLING_CONFLICT, `Enrollment ${enrollment.id} already exists.`);
		this.enrollments.set(enrollment.hash, copy(enrollment));
	}

	async completeEnrollment(input: CompleteEnrollmentInput): Promise<EnrollOutcome> {
		this.open();
		const enrollment = this.enrollments.get(input.enrollmentHash);
		if (!enrollment) return { ok: false, reason: "unknown" };
		if (enrollment.usedAt !== null) return { ok: false, reason: "used" };
		if (input.now >= enrollment.expiresAt) return { ok: false, reason: "expired" };
		if (this.gateways.has(input.gateway.id)) return { ok: false, reason: "gateway-exists" };
		enrollment.usedAt = input.now;
		enrollment.gatewayId = input.gateway.id;
		this.gateways.set(input.gateway.id, copy(input.gateway));
		this.tokens.set(input.token.hash, stored(input.token));
		return { ok: true, gateway: copy(input.gateway) };
	}

	async reissueEnrollment(input: ReissueEnrollmentInput): Promise<ReissueOutcome> {
		this.open();
		const gateway = this.gateways.get(input.gatewayId);
		const refusal = reissueRefusal(this.enrollments.get(input.enrollmentHash), gateway, input.gatewayId, input.now);
		if (refusal || !gateway) return refusal ?? { ok: false, reason: "not-this-gateway" };
		for (const token of this.tokens.values()) if (token.gatewayId === input.gatewayId) token.revokedAt ??= input.now;
		this.tokens.set(input.token.hash, stored(input.token));
		return { ok: true, gateway: copy(gateway) };
	}

	async getGateway(id: string): Promise<GatewayRecord | undefined> {
		this.open();
		const gateway = this.gateways.get(id);
		return gateway && copy(gateway);
	}

	async listGateways(page?: KeysetPage<readonly [string]>): Promise<GatewayRecord[]> {
		this.open();
		const all = [...this.gateways.values()].map(copy).sort((a, b) => (a.id < b.id ? -1 : 1));
		if (!page) return all;
		const after = page.after;
		return (after ? all.filter((g) => g.id > after[0]) : all).slice(0, page.limit);
	}

	async bindGateway(id: string, technicianIds: readonly string[]): Promise<GatewayRecord | undefined> {
		this.open();
		const gateway = this.gateways.get(id);
		if (!gateway) return undefined;
		gateway.technicianIds = [...technicianIds];
		return copy(gateway);
	}

	async revokeGateway(id: string, now: number): Promise<GatewayRecord | undefined> {
		this.open();
		const gateway = this.gateways.get(id);
		if (!gateway) return undefined;
		gateway.revokedAt ??= now;
		for (const token of this.tokens.values()) if (token.gatewayId === id) token.revokedAt ??= now;
		return copy(gateway);
	}

	private headOf(gatewayId: string): ChainHead {
		return copy(this.heads.get(gatewayId) ?? { gatewayId, headSeq: 0, headHash: ZERO_HASH_HEX, sealedUpTo: 0 });
	}

	async getChainHead(gatewayId: string): Promise<ChainHead> {
		this.open();
		return this.headOf(gatewayId);
	}

	async getChainRecords(gatewayId: string, fromSeq: number, toSeq: number): Promise<StoredChainRecord[]> {
		this.open();
		// In chain order, contiguous except over acknowledged gaps: the first at or after fromSeq by bisection.
		const list = this.records.get(gatewayId) ?? [];
		let low = 0;
		let high = list.length;
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (list[mid].chainSeq < fromSeq) low = mid + 1;
			else high = mid;
		}
		const found: StoredChainRecord[] = [];
		for (let i = low; i < list.length && list[i].chainSeq <= toSeq; i++) found.push(copy(list[i]));
		return found;
	}

	async appendChain(input: AppendChainInput): Promise<ChainHead> {
		this.open();
		// Read and write without awaiting in between, so two appends can never both pass the check.
		const stored = this.headOf(input.gatewayId);
		assertAppendable(input, stored);
		const head = nextHead(input, stored);
		const list = this.records.get(input.gatewayId) ?? [];
		list.push(...input.records.map(copy));
		this.records.set(input.gatewayId, list);
		const checkpoints = this.checkpoints.get(input.gatewayId) ?? [];
		for (const checkpoint of input.checkpoints) if (!checkpoints.some((c) => c.chainSeq === checkpoint.chainSeq)) checkpoints.push(copy(checkpoint));
		this.checkpoints.set(input.gatewayId, checkpoints);
		this.heads.set(input.gatewayId, head);
		if (input.receipt) {
			const key = `${input.receipt.gatewayId}\u0000${input.receipt.batchId}`;
			if (!this.receipts.has(key)) this.receipts.set(key, copy(input.receipt));
		}
		for (const message of input.outbox ?? []) {
			if (!this.outbox.some((m) => m.message.id === message.id)) this.outbox.push({ message: copy(message), relayed: false });
		}
		return copy(head);
	}

	async pendingOutbox(limit: number): Promise<OutboxMessage[]> {
		this.open();
		return this.outbox
			.filter((m) => !m.relayed)
			.slice(0, limit)
			.map((m) => copy(m.message));
	}

	async markOutboxRelayed(ids: readonly string[]): Promise<void> {
		this.open();
		for (const m of this.outbox) if (ids.includes(m.message.id)) m.relayed = true;
	}

	async getBatchReceipt(gatewayId: string, batchId: string): Promise<BatchReceiptRecord | undefined> {
		this.open();
		const receipt = this.receipts.get(`${gatewayId}\u0000${batchId}`);
		return receipt && copy(receipt);
	}

	// Chain gaps and the bundle look-ups (chain-gaps.ts), kept in a file of their own.
	noteChainGap(gatewayId: string, fromSeq: number, toSeq: number, at: number) {
		this.open();
		return this.chainGaps.noteChainGap(gatewayId, fromSeq, toSeq, at);
	}
	listChainGaps(gatewayId: string) {
		this.open();
		return this.chainGaps.listChainGaps(gatewayId);
	}
	acknowledgeChainGap(input: AcknowledgeGapInput) {
		this.open();
		return this.chainGaps.acknowledgeChainGap(input);
	}
	getCheckpoints(gatewayId: string, fromSeq: number, toSeq: number) {
		this.open();
		return this.chainGaps.getCheckpoints(gatewayId, fromSeq, toSeq);
	}
	workOrderChainPositions(workOrderId: string) {
		this.open();
		return this.chainGaps.workOrderChainPositions(workOrderId);
	}
	// Work-order manifests of the gateways' checkpoints (manifests.ts), kept in a file of their own.
	putManifests(manifests: readonly StoredManifest[]) {
		this.open();
		return this.manifests.putManifests(manifests);
	}
	getManifests(gatewayId: string, checkpointSeq: number) {
		this.open();
		return this.manifests.getManifests(gatewayId, checkpointSeq);
	}

	async close(): Promise<void> {
		this.closed = true;
	}
}
