/**
 * Which listeners would carry plaintext off loopback, and the refusal or warning that goes with
 * it. Invariant: nothing listens beyond loopback in clear unless the operator said so with
 * --insecure-plaintext (config insecurePlaintext), and then every start says so loudly.
 */
import type { Logger } from "pino";
import { invalidConfig } from "../../platform/config-errors.js";
import { isLoopback } from "../../platform/net.js";

interface Listener {
	host: string;
	port: number;
	/** Any TLS setting (files or loaded options): set means encrypted. */
	tls?: object;
}

export interface ExposureInput {
	http: Listener | false;
	mqtt: Listener | false;
	insecurePlaintext?: boolean;
}

export interface PlaintextExposure {
	/** "http" or "mqtt": the config section. */
	section: "http" | "mqtt";
	host: string;
	port: number;
}

export function plaintextExposures(config: ExposureInput): PlaintextExposure[] {
	const found: PlaintextExposure[] = [];
	for (const section of ["http", "mqtt"] as const) {
		const listener = config[section];
		if (listener && !listener.tls && !isLoopback(listener.host)) found.push({ section, host: listener.host, port: listener.port });
	}
	return found;
}

/** Throws FC_CONFIG_INVALID for the first plaintext listener off loopback, unless insecurePlaintext. */
export function refusePlaintextExposure(config: ExposureInput): void {
	if (config.insecurePlaintext) return;
	const [first] = plaintextExposures(config);
	if (!first) return;
	const what = first.section === "http" ? "the local API" : "the MQTT broker";
	const flag = first.section === "http" ? "--http" : "--mqtt";
	throw invalidConfig(
		`Refusing to serve ${what} on ${first.host}:${first.port} without TLS: passwords, tokens and readings would cross the network in clear.`,
		{
			field: `${first.section}.tls`,
			hint: `Set ${first.section}.tls { keyFile, certFile } in the config file, keep ${flag} on 127.0.0.1, or (on a network you trust) pass --insecure-plaintext.`,
		},
	);
}

/** The loud line of every start that serves plaintext off loopback. */
export function warnPlaintextExposure(logger: Logger, exposure: PlaintextExposure): void {
	logger.warn(
		{ listener: exposure.section, host: exposure.host, port: exposure.port, insecurePlaintext: true },
		`INSECURE: ${exposure.section === "http" ? "the local API" : "the MQTT broker"} serves plaintext on ${exposure.host}:${exposure.port} (--insecure-plaintext); anyone on the network can read and replay its passwords, tokens and readings. Configure ${exposure.section}.tls instead.`,
	);
}
