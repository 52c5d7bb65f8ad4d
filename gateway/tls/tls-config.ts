/**
 * The `tls` section of a listener in the gateway config (`http.tls`, `mqtt.tls`): which PEM files
 * hold the key and certificate chain, and optionally the CA that client certificates must chain to.
 * Invariant: only file paths are configured, never key material; the files are read at start and
 * again on reload (tls-files.ts), so a renewed certificate needs no restart.
 */
import { configFieldError } from "../../platform/config-errors.js";

const invalid = configFieldError({ lead: "Invalid configuration: " });

export interface TlsConfig {
	/** PEM private key. */
	keyFile: string;
	/** PEM certificate, with its intermediates after it. */
	certFile: string;
	/** PEM CA bundle client certificates are checked against (mutual TLS). */
	caFile?: string;
	/** Ask every client for a certificate and refuse those without one that chains to caFile. */
	requestClientCert?: boolean;
}

function pathField(object: Record<string, unknown>, key: string, field: string, required: boolean): string | undefined {
	const value = object[key];
	if (value === undefined && !required) return undefined;
	if (typeof value !== "string" || value === "") throw invalid(`${field}.${key}`, "must be the path of a PEM file");
	return value;
}

/** `value` is the section as written; `field` names it in errors ("http.tls"). */
export function parseTlsConfig(value: unknown, field: string): TlsConfig {
	if (typeof value !== "object" || value === null || Array.isArray(value)) {
		throw invalid(field, "must be an object { keyFile, certFile, caFile?, requestClientCert? }");
	}
	const object = value as Record<string, unknown>;
	const tls: TlsConfig = {
		keyFile: pathField(object, "keyFile", field, true) as string,
		certFile: pathField(object, "certFile", field, true) as string,
	};
	const caFile = pathField(object, "caFile", field, false);
	if (caFile !== undefined) tls.caFile = caFile;
	if (object.requestClientCert !== undefined) {
		if (typeof object.requestClientCert !== "boolean") throw invalid(`${field}.requestClientCert`, "must be true or false");
		if (object.requestClientCert && !caFile) throw invalid(`${field}.requestClientCert`, "needs caFile, the CA that client certificates must chain to");
		tls.requestClientCert = object.requestClientCert;
	}
	return tls;
}
