/**
 * What the billing service keeps besides the work-order model: API tokens, one-time enrollment
 * tokens, enrolled gateways and their keys, each gateway's accepted evidence chain and the
 * receipts of the batches that built it. One small async interface, a memory and a SQLite
 * backend (PostgreSQL implements the same), all held to billing-store.contract.ts.
 */
import type { OutboxMessage } from "../../../model/repository/types.js";
import type { ChainGapStore } from "./chain-gaps.js";
import type { ManifestStore } from "./manifests.js";

/** Every scope a token can carry. Gateways get evidence:write + workorders:read; people the rest. */
export const SCOPES = ["evidence:write", "workorders:read", "approve", "release", "dispatch", "admin"] as const;
export type Scope = (typeof SCOPES)[number];
export const GATEWAY_SCOPES: readonly Scope[] = ["evidence:write", "workorders:read"];

export interface ApiTokenRecord {
	id: string;
	name: string;
	/** Lower-case hex SHA-256 of the secret; the secret itself is never stored. */
	hash: string;
	scopes: Scope[];
	/** Set for a gateway's own token: the gateway it speaks for. */
	gatewayId: string | null;
	createdAt: number;
	revokedAt: number | null;
	/** After this instant the token is refused (401); null: it does not expire (gateway tokens, tokens made before expiry existed). Stores always return it. */
	expiresAt?: number | null;
	/** When the token last authenticated a request, to the minute (auth/authenticate.ts writes it at most once a minute). Stores always return it. */
	lastUsedAt?: number | null;
}

export interface EnrollmentRecord {
	id: string;
	hash: string;
	createdAt: number;
	expiresAt: number;
	/** Set once used; an enrollment token works exactly once. */
	usedAt: number | null;
	gatewayId: string | null;
}

export interface GatewayRecord {
	id: string;
	/** Raw 32-byte Ed25519 public key, base64. */
	publicKey: string;
	/** Lower-case hex SHA-256 of the raw public key. */
	keyId: string;
	enrolledAt: number;
	revokedAt: number | null;
	/**
	 * The technicians this gateway serves: its token reaches only work orders with an appointment
	 * of one of them (auth/gateway-binding.ts). Empty: bound to nobody, it reaches nothing.
	 */
	technicianIds: string[];
}

export interface ChainHead {
	gatewayId: string;
	/** Highest chain_seq accepted (0: none). Accepted records are contiguous from 1, except over acknowledged gaps (chain-gaps.ts). */
	headSeq: number;
	/** entry_hash of record headSeq, hex; 64 zeros when headSeq is 0. */
	headHash: string;
	/** Highest chain_seq covered by a verified checkpoint. */
	sealedUpTo: number;
}

export interface StoredChainRecord {
	chainSeq: number;
	/** The record's id (UUID); becomes the model Evidence id. */
	recordId: string;
	workOrderId: string;
	/** Hex. */
	contentHash: string;
	/** Hex. */
	entryHash: string;
	/** Canonical record bytes as received. */
	bytes: Uint8Array;
}

export interface StoredCheckpoint {
	chainSeq: number;
	/** Canonical checkpoint bytes, signature included. */
	bytes: Uint8Array;
	keyId: string;
}

export interface BatchReceiptRecord {
	gatewayId: string;
	batchId: string;
	/** Hex SHA-256 of the request body's records and checkpoints: a retry must send the same. */
	digest: string;
	receivedAt: number;
	/** The receipt as the API returned it the first time. */
	receipt: Record<string, unknown>;
}

export interface AppendChainInput {
	gatewayId: string;
	/** The head the caller verified against; a different stored head is FC_BILLING_CONFLICT. */
	expectedHeadSeq: number;
	/** The records resume after this acknowledged gap, which starts right after the head (chain-gaps.ts; acknowledgements are never undone). */
	resumesAfter?: { fromSeq: number; toSeq: number };
	records: readonly StoredChainRecord[];
	checkpoints: readonly StoredCheckpoint[];
	/** New sealedUpTo (never lowered). */
	sealedUpTo: number;
	receipt: BatchReceiptRecord | null;
	/**
	 * Events announcing this append (transactional outbox, cloud-bridge/events): stored in the same
	 * transaction as the records, so an event exists if and only if the records it announces do.
	 */
	outbox?: readonly OutboxMessage[];
}

/** A page of a list in the store's order: at most `limit` rows whose sort key is above `after` (null: from the first). */
export interface KeysetPage<K> {
	limit: number;
	after: K | null;
}

export type EnrollOutcome = { ok: true; gateway: GatewayRecord } | { ok: false; reason: "unknown" | "used" | "expired" | "gateway-exists" };

/** Why a repeated enrollment got no new token (ok: a new token replaced the gateway's live ones). */
export type ReissueOutcome = { ok: true; gateway: GatewayRecord } | { ok: false; reason: "unknown" | "not-this-gateway" | "expired" | "gateway-revoked" };

export interface ReissueEnrollmentInput {
	enrollmentHash: string;
	gatewayId: string;
	now: number;
	/** The new API token (its gatewayId is gatewayId). */
	token: ApiTokenRecord;
}

export interface CompleteEnrollmentInput {
	enrollmentHash: string;
	now: number;
	gateway: GatewayRecord;
	token: ApiTokenRecord;
}

/** A schedule plan (POST /v1/schedule/plans): proposed, then applied at most once (cloud-bridge/billing/schedule/). */
export interface SchedulePlanRecord {
	id: string;
	createdAt: number;
	createdBy: string;
	/** Hex SHA-256 of every entity the plan read (kind, id, version): apply refuses the plan when it differs. */
	basis: string;
	appliedAt: number | null;
	appliedBy: string | null;
	/** The plan as the API answers it (scope, changes, KPIs...). */
	body: Record<string, unknown>;
}

/** With the chain gaps and the bundle look-ups of chain-gaps.ts (each backend keeps them in a file of its own). */
export interface BillingStore extends ChainGapStore, ManifestStore {
	/** Stores a new plan; an id already stored is FC_BILLING_CONFLICT. */
	createSchedulePlan(plan: SchedulePlanRecord): Promise<void>;
	getSchedulePlan(id: string): Promise<SchedulePlanRecord | undefined>;
	/** Marks the plan applied unless it already is; true only for the call that did (two applies race: one wins). */
	markSchedulePlanApplied(id: string, at: number, by: string): Promise<boolean>;
	createToken(token: ApiTokenRecord): Promise<void>;
	findTokenByHash(hash: string): Promise<ApiTokenRecord | undefined>;
	countTokens(): Promise<number>;
	/**
	 * Every token (people's and gateways'), oldest first (createdAt, then id); with `page`, at most
	 * `page.limit` of them after the position `page.after` (keyset: rows inserted meanwhile never shift a page).
	 */
	listTokens(page?: KeysetPage<readonly [number, string]>): Promise<ApiTokenRecord[]>;
	/** Revokes one token, keeping the first revocation time. Returns the updated token. */
	revokeToken(id: string, now: number): Promise<ApiTokenRecord | undefined>;
	/** Records that the token authenticated a request at `at`; never moves lastUsedAt back. */
	touchToken(id: string, at: number): Promise<void>;
	createEnrollment(enrollment: EnrollmentRecord): Promise<void>;
	/**
	 * Atomically: uses the enrollment token (once, before it expires), stores the gateway and its
	 * API token. Nothing is stored unless all of it is.
	 */
	completeEnrollment(input: CompleteEnrollmentInput): Promise<EnrollOutcome>;
	/**
	 * Atomically, for a gateway whose enrollment answer was lost (the caller has checked its proof of
	 * possession): if this enrollment token enrolled this gateway, would still be valid at `now` and
	 * the gateway is not revoked, revokes the gateway's tokens and stores the new one.
	 */
	reissueEnrollment(input: ReissueEnrollmentInput): Promise<ReissueOutcome>;
	getGateway(id: string): Promise<GatewayRecord | undefined>;
	/** Gateways by id (code-point order); with `page`, at most `page.limit` after the id `page.after[0]`. */
	listGateways(page?: KeysetPage<readonly [string]>): Promise<GatewayRecord[]>;
	/** Replaces the technicians the gateway is bound to. Returns the updated gateway. */
	bindGateway(id: string, technicianIds: readonly string[]): Promise<GatewayRecord | undefined>;
	/** Marks the gateway revoked and revokes its tokens. Returns the updated gateway. */
	revokeGateway(id: string, now: number): Promise<GatewayRecord | undefined>;
	getChainHead(gatewayId: string): Promise<ChainHead>;
	/** Accepted records with fromSeq <= chain_seq <= toSeq, in chain order. */
	getChainRecords(gatewayId: string, fromSeq: number, toSeq: number): Promise<StoredChainRecord[]>;
	/** Appends verified records (contiguous after expectedHeadSeq), checkpoints and a receipt, all or nothing. */
	appendChain(input: AppendChainInput): Promise<ChainHead>;
	getBatchReceipt(gatewayId: string, batchId: string): Promise<BatchReceiptRecord | undefined>;
	/** Outbox events stored by appendChain and not yet relayed, oldest first (cloud-bridge/events/outbox-relay.ts). */
	pendingOutbox(limit: number): Promise<OutboxMessage[]>;
	/** Marks outbox events relayed; pendingOutbox does not return them again. */
	markOutboxRelayed(ids: readonly string[], now: number): Promise<void>;
	close(): Promise<void>;
}

export const ZERO_HASH_HEX = "0".repeat(64);
