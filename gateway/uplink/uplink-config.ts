/**
 * The `uplink` section of the gateway config: where the outbox drains to and how hard it tries.
 * Validated at the edge; each error names the field.
 *
 *   "uplink": {
 *     "url": "https://billing.example.com",      billing service (HTTP transport, enrollment, downlink)
 *     "enrollmentToken": "fce_...",               one-time; the API token it buys is kept in the data dir
 *     "transport": "http" | "mqtt",               default http
 *     "batchRecords": 5000, "requestTimeoutMs": 30000, "idlePollMs": 1000,
 *     "retry": { "initialDelayMs": 500, "maxDelayMs": 30000 },
 *     "breaker": { "failureThreshold": 5, "openMs": 5000, "maxOpenMs": 60000 },
 *     "downlink": { "intervalMs": 300000, "technicianIds": ["TECH1"] },
 *     "mqtt": { "url": "mqtts://broker:8883", "caFile", "certFile", "keyFile", "username", "password", "clientId" }
 *   }
 */
import { configFieldError } from "../../platform/config-errors.js";

const invalid = configFieldError({ lead: "Invalid configuration: ", area: "uplink." });

export interface UplinkMqttConfig {
	url: string;
	caFile?: string;
	certFile?: string;
	keyFile?: string;
	username?: string;
	password?: string;
	clientId?: string;
}

export interface UplinkConfig {
	url?: string;
	enrollmentToken?: string;
	transport: "http" | "mqtt";
	batchRecords: number;
	requestTimeoutMs: number;
	idlePollMs: number;
	retry: { initialDelayMs: number; maxDelayMs: number };
	breaker: { failureThreshold: number; openMs: number; maxOpenMs: number };
	downlink: { intervalMs: number; technicianIds: string[] } | false;
	mqtt?: UplinkMqttConfig;
}

function object(value: unknown, field: string): Record<string, unknown> {
	if (typeof value !== "object" || value === null || Array.isArray(value)) throw invalid(field, "must be an object");
	return value as Record<string, unknown>;
}

function text(o: Record<string, unknown>, key: string, field: string): string | undefined {
	const value = o[key];
	if (value === undefined) return undefined;
	if (typeof value !== "string" || value === "") throw invalid(`${field}${key}`, "must be a non-empty string");
	return value;
}

function integer(o: Record<string, unknown>, key: string, field: string, fallback: number, min: number): number {
	const value = o[key] ?? fallback;
	if (typeof value !== "number" || !Number.isInteger(value) || value < min) throw invalid(`${field}${key}`, `must be an integer >= ${min}`);
	return value;
}

function url(value: string, field: string, protocols: string[]): string {
	let parsed: URL;
	try {
		parsed = new URL(value);
	} catch {
		throw invalid(field, `must be a URL such as ${protocols[0]}//host:port (got "${value}")`);
	}
	if (!protocols.includes(parsed.protocol)) throw invalid(field, `must use ${protocols.join(" or ")} (got ${parsed.protocol})`);
	return value;
}

export function parseUplinkConfig(raw: unknown): UplinkConfig {
	const o = object(raw, "");
	const transport = o.transport ?? "http";
	if (transport !== "http" && transport !== "mqtt") throw invalid("transport", 'must be "http" or "mqtt"');
	const base = text(o, "url", "");
	const retry = object(o.retry ?? {}, "retry");
	const breaker = object(o.breaker ?? {}, "breaker");
	const config: UplinkConfig = {
		url: base === undefined ? undefined : url(base, "url", ["http:", "https:"]),
		enrollmentToken: text(o, "enrollmentToken", ""),
		transport,
		batchRecords: integer(o, "batchRecords", "", 5000, 1),
		requestTimeoutMs: integer(o, "requestTimeoutMs", "", 30_000, 100),
		idlePollMs: integer(o, "idlePollMs", "", 1000, 10),
		retry: { initialDelayMs: integer(retry, "initialDelayMs", "retry.", 500, 1), maxDelayMs: integer(retry, "maxDelayMs", "retry.", 30_000, 1) },
		breaker: {
			failureThreshold: integer(breaker, "failureThreshold", "breaker.", 5, 1),
			openMs: integer(breaker, "openMs", "breaker.", 5000, 1),
			maxOpenMs: integer(breaker, "maxOpenMs", "breaker.", 60_000, 1),
		},
		downlink: false,
	};
	if (config.retry.maxDelayMs < config.retry.initialDelayMs) throw invalid("retry.maxDelayMs", "must be at least retry.initialDelayMs");
	if (o.downlink !== undefined && o.downlink !== false) {
		const d = object(o.downlink, "downlink");
		const technicianIds = d.technicianIds ?? [];
		if (!Array.isArray(technicianIds) || !technicianIds.every((id) => typeof id === "string"))
			throw invalid("downlink.technicianIds", "must be an array of technician ids");
		config.downlink = { intervalMs: integer(d, "intervalMs", "downlink.", 300_000, 1000), technicianIds };
	}
	if (o.mqtt !== undefined) {
		const m = object(o.mqtt, "mqtt");
		const mqttUrl = text(m, "url", "mqtt.");
		if (!mqttUrl) throw invalid("mqtt.url", "is required (mqtts://host:8883 or mqtt://host:1883)");
		config.mqtt = {
			url: url(mqttUrl, "mqtt.url", ["mqtt:", "mqtts:"]),
			caFile: text(m, "caFile", "mqtt."),
			certFile: text(m, "certFile", "mqtt."),
			keyFile: text(m, "keyFile", "mqtt."),
			username: text(m, "username", "mqtt."),
			password: text(m, "password", "mqtt."),
			clientId: text(m, "clientId", "mqtt."),
		};
		if ((config.mqtt.certFile === undefined) !== (config.mqtt.keyFile === undefined))
			throw invalid("mqtt.certFile", "and uplink.mqtt.keyFile go together (a client certificate needs its key)");
	}
	if (transport === "mqtt" && !config.mqtt) throw invalid("mqtt", 'is required when uplink.transport is "mqtt"');
	if (transport === "http" && !config.url)
		throw invalid("url", 'is required when uplink.transport is "http" (the billing service, e.g. https://billing.example.com)');
	return config;
}

/** The cursor name: progress is kept per destination, so switching destinations sends everything there too. */
export function destinationOf(config: UplinkConfig): string {
	if (config.transport === "mqtt" && config.mqtt) return `mqtt:${new URL(config.mqtt.url).host}`;
	return `billing:${new URL(config.url ?? "http://unset").host}`;
}
