/**
 * When a failed delivery is tried again: exponential backoff with jitter, so subscribers that
 * come back after an outage are not hit by every retry at once ("Exponential Backoff And Jitter",
 * AWS Architecture Blog, 2015; Stripe and Standard Webhooks retry the same way).
 */
import { configFieldError } from "./config-errors.js";
import type { FieldchainError } from "./errors.js";

export interface RetryPolicy {
	/** Attempts in all, the first included; after the last failure the delivery is failed (dead). */
	maxAttempts: number;
	/** Delay before the second attempt. */
	initialDelayMs: number;
	/** Each further delay is this many times the one before... */
	multiplier: number;
	/** ...up to this. */
	maxDelayMs: number;
	/** 0..1: a delay d becomes a random value in [d·(1 − jitter), d]. */
	jitter: number;
}

/** 16 attempts over about 29 hours: 10 s, 20 s, 40 s, ... doubling to 6 h, then every 6 h. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 16,
	initialDelayMs: 10_000,
	multiplier: 2,
	maxDelayMs: 6 * 3_600_000,
	jitter: 0.5,
};

const invalidRetry = configFieldError({ area: "webhooks.retry." });

function invalid(field: string, value: unknown, rule: string): FieldchainError {
	return invalidRetry(field, `is ${JSON.stringify(value)}; it must be ${rule}`);
}

/** Fills in defaults and checks every field, naming the one that is wrong. */
export function retryPolicy(partial: Partial<RetryPolicy> = {}): RetryPolicy {
	const policy = { ...DEFAULT_RETRY_POLICY, ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)) };
	if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) throw invalid("maxAttempts", policy.maxAttempts, "an integer of 1 or more");
	if (!Number.isFinite(policy.initialDelayMs) || policy.initialDelayMs < 0) throw invalid("initialDelayMs", policy.initialDelayMs, "0 or more milliseconds");
	if (!Number.isFinite(policy.multiplier) || policy.multiplier < 1) throw invalid("multiplier", policy.multiplier, "a number of 1 or more");
	if (!Number.isFinite(policy.maxDelayMs) || policy.maxDelayMs < policy.initialDelayMs)
		throw invalid("maxDelayMs", policy.maxDelayMs, "at least initialDelayMs");
	if (!Number.isFinite(policy.jitter) || policy.jitter < 0 || policy.jitter > 1) throw invalid("jitter", policy.jitter, "between 0 and 1");
	return policy;
}

/** The delay after the `failedAttempts`-th failed attempt (1 for the first). `random` is in [0, 1). */
export function retryDelayMs(policy: RetryPolicy, failedAttempts: number, random: () => number = Math.random): number {
	const exponential = policy.initialDelayMs * policy.multiplier ** Math.max(0, failedAttempts - 1);
	const capped = Math.min(policy.maxDelayMs, exponential);
	return Math.round(capped * (1 - policy.jitter * random()));
}
