/**
 * The `--ingest-mqtt-*` options of `fieldchain cloud serve`: run a billing ingest worker on the
 * shared subscription beside the HTTP API (mqtt-ingest-worker.ts). Bad values are refused before
 * anything starts; the password is read from a file, never taken from the command line.
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { invalidConfig } from "../../../platform/config-errors.js";
import type { BillingEventSink } from "../../events/billing-events.js";
import type { BillingLogger } from "../context.js";
import type { BillingStorage } from "../storage.js";
import { type MqttIngestService, startMqttIngest } from "./mqtt-ingest-service.js";
import { checkIngestGroup, DEFAULT_INGEST_GROUP, type MqttIngestOptions } from "./mqtt-ingest-worker.js";

export interface MqttIngestFlags {
	ingestMqttUrl?: string;
	ingestMqttGroup?: string;
	ingestMqttCa?: string;
	ingestMqttCert?: string;
	ingestMqttKey?: string;
	ingestMqttUsername?: string;
	ingestMqttPasswordFile?: string;
}

export function addMqttIngestOptions(command: Command): Command {
	return command
		.option("--ingest-mqtt-url <url>", "also take evidence batches from gateways over this MQTT 5 broker (mqtt://host:1883, mqtts://host:8883)")
		.option("--ingest-mqtt-group <name>", `shared-subscription group of the ingest workers (default ${DEFAULT_INGEST_GROUP})`)
		.option("--ingest-mqtt-ca <file>", "CA certificate (PEM) the broker's certificate must chain to")
		.option("--ingest-mqtt-cert <file>", "client certificate (PEM) for the broker; with --ingest-mqtt-key")
		.option("--ingest-mqtt-key <file>", "private key (PEM) of the client certificate")
		.option("--ingest-mqtt-username <name>", "username at the broker")
		.option("--ingest-mqtt-password-file <file>", "file holding the password at the broker (first line)");
}

/** The worker's options, or undefined when no --ingest-mqtt-url was given; throws a config error for bad flags. */
export function mqttIngestOptionsFrom(flags: MqttIngestFlags): MqttIngestOptions | undefined {
	const rest = [flags.ingestMqttGroup, flags.ingestMqttCa, flags.ingestMqttCert, flags.ingestMqttKey, flags.ingestMqttUsername, flags.ingestMqttPasswordFile];
	if (!flags.ingestMqttUrl) {
		if (rest.some((v) => v !== undefined))
			throw invalidConfig("The --ingest-mqtt-* options need --ingest-mqtt-url.", {
				field: "--ingest-mqtt-url",
				hint: "Add --ingest-mqtt-url mqtts://broker:8883.",
			});
		return undefined;
	}
	let url: URL;
	try {
		url = new URL(flags.ingestMqttUrl);
	} catch {
		throw invalidConfig(`--ingest-mqtt-url is not a URL (got "${flags.ingestMqttUrl}").`, {
			field: "--ingest-mqtt-url",
			hint: "Use mqtt://host:1883 or mqtts://host:8883.",
		});
	}
	if (url.protocol !== "mqtt:" && url.protocol !== "mqtts:")
		throw invalidConfig(`--ingest-mqtt-url must be mqtt:// or mqtts:// (got ${url.protocol}//).`, { field: "--ingest-mqtt-url" });
	if (url.username || url.password)
		throw invalidConfig("--ingest-mqtt-url must not carry credentials (they would show in the process list).", {
			field: "--ingest-mqtt-url",
			hint: "Use --ingest-mqtt-username and --ingest-mqtt-password-file.",
		});
	const group = flags.ingestMqttGroup ?? DEFAULT_INGEST_GROUP;
	const problem = checkIngestGroup(group);
	if (problem) throw invalidConfig(`--ingest-mqtt-group: ${problem}.`, { field: "--ingest-mqtt-group" });
	if ((flags.ingestMqttCert === undefined) !== (flags.ingestMqttKey === undefined))
		throw invalidConfig("--ingest-mqtt-cert and --ingest-mqtt-key go together (a client certificate needs its key).", { field: "--ingest-mqtt-cert" });
	let password: string | undefined;
	if (flags.ingestMqttPasswordFile !== undefined) {
		try {
			password = readFileSync(flags.ingestMqttPasswordFile, "utf8").split(/\r?\n/)[0];
		} catch (cause) {
			throw invalidConfig(`--ingest-mqtt-password-file cannot be read: ${(cause as Error).message}.`, { field: "--ingest-mqtt-password-file" });
		}
	}
	return {
		url: flags.ingestMqttUrl,
		group,
		...(flags.ingestMqttCa ? { caFile: flags.ingestMqttCa } : {}),
		...(flags.ingestMqttCert ? { certFile: flags.ingestMqttCert } : {}),
		...(flags.ingestMqttKey ? { keyFile: flags.ingestMqttKey } : {}),
		...(flags.ingestMqttUsername ? { username: flags.ingestMqttUsername } : {}),
		...(password !== undefined ? { password } : {}),
	};
}

/** Starts the worker when configured and prints where it listens; undefined otherwise. */
export async function startMqttIngestFromFlags(
	mqtt: MqttIngestOptions | undefined,
	storage: BillingStorage,
	events: BillingEventSink,
	logger: BillingLogger,
): Promise<MqttIngestService | undefined> {
	if (!mqtt) return undefined;
	const service = await startMqttIngest({ storage, events, logger, mqtt });
	process.stdout.write(`MQTT evidence ingest on ${new URL(mqtt.url).host}: ${service.worker.subscription}\n`);
	return service;
}
