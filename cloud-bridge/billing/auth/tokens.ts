/**
 * API and enrollment tokens. A token is 32 random bytes (256 bits), shown once as
 * "fcb_" + base64url. Only SHA-256(token) is stored: with 256 bits of entropy nobody can guess a
 * token from its hash, so a slow password hash (scrypt, argon2) would add cost per request and no
 * protection, while a leaked database still yields no usable token. Lookup is by hash, so the
 * comparison never touches the secret itself.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import type { ApiTokenRecord, BillingStore, EnrollmentRecord, Scope } from "../store/types.js";
import { SCOPES } from "../store/types.js";

export const API_TOKEN_PREFIX = "fcb_";
export const ENROLLMENT_TOKEN_PREFIX = "fce_";
/** How long an enrollment token may wait for its gateway. */
export const DEFAULT_ENROLLMENT_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a person's token lives when `POST /v1/tokens` or `cloud token create` is not told otherwise. */
export const DEFAULT_TOKEN_TTL_DAYS = 90;
/** The longest life a person's token may be given (ten years). */
export const MAX_TOKEN_TTL_DAYS = 3650;
export const DAY_MS = 24 * 60 * 60 * 1000;

export function newSecret(prefix: string): string {
	return `${prefix}${randomBytes(32).toString("base64url")}`;
}

export function hashToken(token: string): string {
	return createHash("sha256").update(token, "utf8").digest("hex");
}

export function assertScopes(scopes: readonly string[]): Scope[] {
	if (scopes.length === 0)
		throw new FieldchainError(ErrorCodes.FC_BILLING_CONFIG, `A token needs at least one scope (${SCOPES.join(", ")}).`, {
			hint: "Pass --scope, e.g. --scope admin.",
		});
	for (const scope of scopes) {
		if (!(SCOPES as readonly string[]).includes(scope)) {
			throw new FieldchainError(ErrorCodes.FC_BILLING_CONFIG, `Unknown scope "${scope}".`, { hint: `Choose from ${SCOPES.join(", ")}.` });
		}
	}
	return [...new Set(scopes)] as Scope[];
}

export interface IssuedToken {
	/** The secret: shown once, never stored. */
	token: string;
	record: ApiTokenRecord;
}

export async function issueApiToken(
	store: BillingStore,
	input: {
		name: string;
		scopes: readonly string[];
		now: number;
		gatewayId?: string | null /** Life in ms; absent: the token does not expire. */;
		ttlMs?: number;
	},
): Promise<IssuedToken> {
	const token = newSecret(API_TOKEN_PREFIX);
	const record: ApiTokenRecord = {
		id: randomUUID(),
		name: input.name,
		hash: hashToken(token),
		scopes: assertScopes(input.scopes),
		gatewayId: input.gatewayId ?? null,
		createdAt: input.now,
		revokedAt: null,
		expiresAt: input.ttlMs === undefined ? null : input.now + input.ttlMs,
		lastUsedAt: null,
	};
	await store.createToken(record);
	return { token, record };
}

export async function issueEnrollmentToken(store: BillingStore, input: { now: number; ttlMs?: number }): Promise<{ token: string; record: EnrollmentRecord }> {
	const token = newSecret(ENROLLMENT_TOKEN_PREFIX);
	const record: EnrollmentRecord = {
		id: randomUUID(),
		hash: hashToken(token),
		createdAt: input.now,
		expiresAt: input.now + (input.ttlMs ?? DEFAULT_ENROLLMENT_TTL_MS),
		usedAt: null,
		gatewayId: null,
	};
	await store.createEnrollment(record);
	return { token, record };
}
