/**
 * Standard Webhooks signatures (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md),
 * sent beside the Fieldchain-* headers so a subscriber can verify a delivery with any Standard
 * Webhooks library:
 *
 *   webhook-id: <event id>          the same on every attempt: deduplicate on it
 *   webhook-timestamp: <unix seconds>
 *   webhook-signature: v1,<base64 HMAC-SHA256(key, `${id}.${timestamp}.${body}`)>
 *
 * The key is the base64-decoded part of the secret after `whsec_`. New secrets are `whsec_` +
 * standard base64 (what the libraries decode); secrets issued before used base64url, which Node
 * decodes to the same bytes, so their Standard Webhooks signature is still right: a receiver turns
 * such a secret into standard base64 (`-` to `+`, `_` to `/`, pad with `=`) for its library.
 */
import { createHmac } from "node:crypto";

export const STANDARD_ID_HEADER = "webhook-id";
export const STANDARD_TIMESTAMP_HEADER = "webhook-timestamp";
export const STANDARD_SIGNATURE_HEADER = "webhook-signature";

const PREFIX = "whsec_";

/** The HMAC key of a secret: its base64 (or, for older secrets, base64url) part, decoded. */
export function standardSigningKey(secret: string): Buffer {
	return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, "base64");
}

/** The webhook-signature value (`v1,<base64>`) for one message. */
export function standardSignature(secret: string, messageId: string, timestampSeconds: number, payload: string | Uint8Array): string {
	const mac = createHmac("sha256", standardSigningKey(secret)).update(`${messageId}.${timestampSeconds}.`).update(payload).digest("base64");
	return `v1,${mac}`;
}

/** The three Standard Webhooks headers of one attempt. */
export function standardHeaders(secret: string, messageId: string, timestampSeconds: number, payload: string | Uint8Array): Record<string, string> {
	return {
		[STANDARD_ID_HEADER]: messageId,
		[STANDARD_TIMESTAMP_HEADER]: String(timestampSeconds),
		[STANDARD_SIGNATURE_HEADER]: standardSignature(secret, messageId, timestampSeconds, payload),
	};
}
