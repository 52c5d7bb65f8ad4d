/**
 * Reads a listener's TLS files into Node's secure-context options. Invariant: a file that cannot
 * be read, or a key that does not match its certificate, is an FC_CONFIG_INVALID naming the file
 * (never its contents), so a start fails with what to fix and a reload keeps the old context.
 */
import { readFileSync } from "node:fs";
import { createSecureContext, type TlsOptions } from "node:tls";
import { invalidConfig } from "../../platform/config-errors.js";
import type { TlsConfig } from "./tls-config.js";

export type TlsServerOptions = Pick<TlsOptions, "key" | "cert" | "ca" | "requestCert" | "rejectUnauthorized">;

function readPem(path: string, field: string): Buffer {
	try {
		return readFileSync(path);
	} catch (cause) {
		throw invalidConfig(`Cannot read ${field} ${path}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}.`, {
			field,
			hint: "Point it at a readable PEM file (e.g. made by openssl or your CA).",
		});
	}
}

/** The options for tls.createServer / https.createServer / server.setSecureContext; checked by building a context once. */
export function loadTlsOptions(config: TlsConfig, section: string): TlsServerOptions {
	const options: TlsServerOptions = {
		key: readPem(config.keyFile, `${section}.keyFile`),
		cert: readPem(config.certFile, `${section}.certFile`),
	};
	if (config.caFile) options.ca = readPem(config.caFile, `${section}.caFile`);
	if (config.requestClientCert) {
		options.requestCert = true;
		options.rejectUnauthorized = true;
	}
	try {
		createSecureContext(options);
	} catch (cause) {
		throw invalidConfig(
			`The TLS files of ${section} do not make a usable key and certificate (${config.keyFile}, ${config.certFile}): ${(cause as Error).message}.`,
			{
				field: section,
				hint: "keyFile must be the PEM private key of the certificate in certFile.",
			},
		);
	}
	return options;
}
