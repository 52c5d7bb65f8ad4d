/**
 * The local API's bearer token (config http.token): made by `fieldchain gateway token create`,
 * 32 random bytes in base64url. Invariant: a configured token is at least as long as that, so it
 * cannot be guessed over the network; shorter ones are refused when the config is loaded.
 */
import { randomBytes } from "node:crypto";

export const API_TOKEN_BYTES = 32;
/** 32 bytes in base64url (no padding) are 43 characters; `openssl rand -hex 32` (64) passes too. */
export const MIN_API_TOKEN_LENGTH = 43;
/** Repeating a few characters is not random, whatever its length. */
const MIN_DISTINCT_CHARACTERS = 8;

export function createApiToken(): string {
	return randomBytes(API_TOKEN_BYTES).toString("base64url");
}

/** Why a token is too weak, or undefined when it is fine. */
export function apiTokenWeakness(token: string): string | undefined {
	if (token.length < MIN_API_TOKEN_LENGTH) return `is ${token.length} characters; it must be at least ${MIN_API_TOKEN_LENGTH} (32 random bytes)`;
	if (new Set(token).size < MIN_DISTINCT_CHARACTERS) return "repeats too few characters to be random";
	if (/\s/.test(token)) return "must not contain spaces";
	return undefined;
}
