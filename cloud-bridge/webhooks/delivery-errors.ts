/**
 * What the delivery log says when no response came: a few coarse categories, never the raw error.
 * Raw errors name hosts, ports and certificate details (ECONNREFUSED 10.0.0.5:6379), which would
 * turn the log into an oracle for probing the service's network. Invariant: the returned text never
 * contains anything taken from the error itself.
 */
import { toError } from "../../platform/errors.js";
import { ADDRESS_NOT_ALLOWED } from "./address-policy.js";

export const DELIVERY_ERRORS = {
	addressNotAllowed: `${ADDRESS_NOT_ALLOWED} (see --webhook-allow)`,
	timeout: "timeout: no complete response in time",
	nameNotResolved: "the receiver's host name did not resolve",
	tls: "TLS handshake failed",
	connection: "connection failed",
} as const;

export function coarseDeliveryError(cause: unknown): string {
	const err = toError(cause);
	const code = String((err as { code?: unknown }).code ?? "");
	const details = (err as { details?: { reason?: unknown } }).details;
	if (details?.reason === ADDRESS_NOT_ALLOWED) return DELIVERY_ERRORS.addressNotAllowed;
	if (/\(timeout\)/.test(err.message) || code === "ETIMEDOUT") return DELIVERY_ERRORS.timeout;
	if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_FAIL") return DELIVERY_ERRORS.nameNotResolved;
	if (/^(ERR_TLS|ERR_SSL|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|ERR_OSSL)/.test(code) || /certificate|TLS|SSL/.test(err.message)) return DELIVERY_ERRORS.tls;
	return DELIVERY_ERRORS.connection;
}
