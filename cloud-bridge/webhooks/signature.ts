/**
 * Webhook signatures, as Stripe signs its webhooks
 * (https://docs.stripe.com/webhooks#verify-manually) and as the Standard Webhooks spec describes
 * (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md):
 *
 *   Fieldchain-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, `${t}.${body}`)>
 *
 * The key is the subscription's secret string as UTF-8 (`whsec_...`, shown once at creation). The
 * timestamp is signed with the body, so a receiver that rejects timestamps older than a tolerance
 * (default 5 minutes) cannot be replayed an old delivery. While a secret is being rotated a header
 * may carry several v1 entries; one match is enough. Compare in constant time.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { BillingEvent } from "../events/billing-events.js";

export const SIGNATURE_HEADER = "Fieldchain-Signature";
export const EVENT_ID_HEADER = "Fieldchain-Event-Id";
export const EVENT_TYPE_HEADER = "Fieldchain-Event-Type";
export const DELIVERY_ID_HEADER = "Fieldchain-Delivery-Id";
export const ATTEMPT_HEADER = "Fieldchain-Delivery-Attempt";
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * A new signing secret: `whsec_` and 32 random bytes in standard base64, the form Standard Webhooks
 * libraries decode (secrets issued before used base64url; they keep working, see standard-signature.ts).
 */
export function newWebhookSecret(): string {
	return `whsec_${randomBytes(32).toString("base64")}`;
}

/** Hex HMAC-SHA256 over `${timestamp}.${payload}`. */
export function computeSignature(secret: string, timestampSeconds: number, payload: string | Uint8Array): string {
	return createHmac("sha256", secret).update(`${timestampSeconds}.`).update(payload).digest("hex");
}

/** The Fieldchain-Signature header value for a body, signed with each secret given. */
export function signatureHeader(secrets: string | readonly string[], timestampSeconds: number, payload: string | Uint8Array): string {
	const list = typeof secrets === "string" ? [secrets] : secrets;
	return [`t=${timestampSeconds}`, ...list.map((s) => `v1=${computeSignature(s, timestampSeconds, payload)}`)].join(",");
}

export interface VerifyWebhookOptions {
	/** The raw request body, exactly as received (not re-serialised JSON). */
	payload: string | Uint8Array;
	/** The Fieldchain-Signature header. */
	header: string | readonly string[] | undefined;
	/** The subscription's secret, or several while rotating. */
	secret: string | readonly string[];
	/** Oldest (and furthest in the future) timestamp accepted, in seconds (default 300). */
	toleranceSeconds?: number;
	/** Now in epoch ms (default Date.now()). */
	now?: number;
}

function refuse(message: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_WEBHOOK_SIGNATURE, message, {
		hint: "Check the subscription's secret and pass the raw request body; reject the request.",
	});
}

/** Checks a delivery's signature and timestamp; throws FC_WEBHOOK_SIGNATURE saying why it fails. */
export function verifyWebhookSignature(options: VerifyWebhookOptions): { timestamp: number } {
	const raw = Array.isArray(options.header) ? options.header[0] : options.header;
	if (typeof raw !== "string" || raw === "") throw refuse(`No ${SIGNATURE_HEADER} header.`);
	let timestamp: number | undefined;
	const signatures: Buffer[] = [];
	for (const part of raw.split(",")) {
		const at = part.indexOf("=");
		const key = part.slice(0, at).trim();
		const value = part.slice(at + 1).trim();
		if (key === "t" && /^\d{1,12}$/.test(value)) timestamp = Number(value);
		else if (key === "v1" && /^[0-9a-f]{64}$/i.test(value)) signatures.push(Buffer.from(value, "hex"));
	}
	if (timestamp === undefined) throw refuse(`The ${SIGNATURE_HEADER} header has no t=<unix seconds> timestamp.`);
	if (signatures.length === 0) throw refuse(`The ${SIGNATURE_HEADER} header has no v1=<hex> signature.`);
	const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
	const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
	if (Math.abs(nowSeconds - timestamp) > tolerance) {
		throw refuse(
			`The signature timestamp ${timestamp} is ${nowSeconds - timestamp} s from now, outside the ${tolerance} s tolerance (a replay, or a wrong clock).`,
		);
	}
	const secrets = typeof options.secret === "string" ? [options.secret] : options.secret;
	if (secrets.length === 0 || secrets.some((s) => typeof s !== "string" || s === "")) throw refuse("No secret to verify the signature with.");
	for (const secret of secrets) {
		const expected = Buffer.from(computeSignature(secret, timestamp, options.payload), "hex");
		if (signatures.some((given) => timingSafeEqual(given, expected))) return { timestamp };
	}
	throw refuse("No signature in the header matches the body (a wrong secret, or a modified body).");
}

/** Verifies a delivery, then parses its body: the event, to be trusted only after this returns. */
export function parseWebhookEvent(options: VerifyWebhookOptions): BillingEvent {
	verifyWebhookSignature(options);
	const text = typeof options.payload === "string" ? options.payload : Buffer.from(options.payload).toString("utf8");
	return JSON.parse(text) as BillingEvent;
}
