/** Checks what a caller asks to subscribe, naming the field that is wrong. */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { BILLING_EVENT_TYPES, type BillingEventType } from "../events/billing-events.js";

export interface SubscriptionInput {
	url: string;
	eventTypes: string[];
	description?: string | null;
}

function invalid(field: string, message: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_WEBHOOK_INVALID, `${field}: ${message}`, { details: { field } });
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

export interface CheckedSubscription {
	url: string;
	eventTypes: BillingEventType[];
	description: string | null;
}

/**
 * https:// anywhere; http:// only to a loopback receiver, unless `allowInsecureUrls` (signatures
 * do not hide the body, so plain HTTP off the machine would expose billing data).
 */
export function checkSubscriptionInput(input: SubscriptionInput, allowInsecureUrls = false): CheckedSubscription {
	if (input === null || typeof input !== "object") throw invalid("body", "expected {url, eventTypes, description?}.");
	if (typeof input.url !== "string" || input.url.length > 2048) throw invalid("url", "expected an http(s) URL of at most 2048 characters.");
	let url: URL;
	try {
		url = new URL(input.url);
	} catch {
		throw invalid("url", `"${input.url}" is not a URL.`);
	}
	if (url.protocol !== "https:" && url.protocol !== "http:") throw invalid("url", `the scheme must be https (or http on loopback), not ${url.protocol}`);
	if (url.username || url.password) throw invalid("url", "must not carry a user name or password; deliveries are authenticated by their signature.");
	if (url.protocol === "http:" && !allowInsecureUrls && !LOOPBACK.test(url.hostname)) {
		throw invalid("url", `plain http is only allowed to a loopback receiver; use https://${url.host}${url.pathname}.`);
	}
	if (!Array.isArray(input.eventTypes) || input.eventTypes.length === 0)
		throw invalid("eventTypes", `expected a non-empty list of ${BILLING_EVENT_TYPES.join(", ")}.`);
	for (const type of input.eventTypes) {
		if (!(BILLING_EVENT_TYPES as readonly string[]).includes(type))
			throw invalid("eventTypes", `unknown event type "${type}"; known: ${BILLING_EVENT_TYPES.join(", ")}.`);
	}
	const description = input.description ?? null;
	if (description !== null && (typeof description !== "string" || description.length > 500))
		throw invalid("description", "expected text of at most 500 characters.");
	return { url: url.toString(), eventTypes: [...new Set(input.eventTypes)] as BillingEventType[], description };
}
