/**
 * Gateway configuration: a JSON file (--config) merged with command-line flags, validated at the
 * edge. Every error names the field and says what a good value looks like.
 */

import { readFileSync } from "node:fs";
import { configFieldError } from "../platform/config-errors.js";
import { ErrorCodes, FieldchainError } from "../platform/errors.js";
import { isLoopback } from "../platform/net.js";
import { isValidDeviceId } from "../protocol/topics.js";
import { apiTokenWeakness } from "./auth/api-token.js";
import type { DeviceCredentials } from "./broker/device-credentials.js";
import { type ClockConfig, parseClockConfig } from "./clock/clock-config.js";
import { parseRefusingUnknownKeys } from "./config-unknown-keys.js";
import { parseAllowedHosts } from "./http/host-allow-list.js";
import { type CapacityConfig, defaultCapacityConfig, parseCapacityConfig } from "./ingest/capacity/capacity-config.js";
import type { SerialTarget } from "./serial/serial-manager.js";
import { refusePlaintextExposure } from "./tls/exposure.js";
import { parseTlsConfig, type TlsConfig } from "./tls/tls-config.js";
import { parseUplinkConfig, type UplinkConfig } from "./uplink/uplink-config.js";

const invalid = configFieldError({ lead: "Invalid configuration: " });

export interface HostPort {
	host: string;
	port: number;
}

export interface GatewayConfig {
	gatewayId?: string;
	/** tls: HTTPS with these files (gateway/tls); required off loopback unless insecurePlaintext. */
	/** allowedHosts: Host header names accepted besides loopback ones (DNS-rebinding guard, gateway/http/host-allow-list.ts). */
	http: (HostPort & { token?: string; tls?: TlsConfig; allowedHosts?: string[] }) | false;
	/** tls: mqtts (default port 8883); required off loopback unless insecurePlaintext. */
	/** maxConnections: sockets the broker holds open at once (default 512; gateway/broker/connection-guard.ts). */
	mqtt: (HostPort & { tls?: TlsConfig; maxConnections?: number }) | false;
	/** --insecure-plaintext: allow a listener off loopback without TLS (logged loudly at every start). */
	insecurePlaintext: boolean;
	serial: { targets: SerialTarget[]; pollIntervalMs: number };
	devices: DeviceCredentials[];
	storage: { durability: "full" | "normal" };
	logLevel?: string;
	/** The embedded Node-RED editor and runtime; false (no `nodeRed` section, or --no-node-red) keeps it off. */
	nodeRed: NodeRedConfig | false;
	/** Technician web app sign-in; with it, /api needs a session cookie (or the bearer token). */
	webApp: WebAppConfig | false;
	/** Store-and-forward to the billing service or a cloud MQTT broker (gateway/uplink); false: everything stays on the gateway. */
	uplink: UplinkConfig | false;
	/** Disk quota and priority classes (gateway/ingest/capacity). */
	capacity: CapacityConfig;
	/** Trusted time sources and device-time rules (gateway/clock); absent: the defaults. */
	clock?: ClockConfig;
}

export interface WebAppTechnician {
	/** The technician's id in the work-order snapshot. */
	id: string;
	/** scrypt hash of the sign-in PIN, made by `fieldchain gateway hash-password`. */
	pinHash: string;
}

export interface WebAppConfig {
	technicians: WebAppTechnician[];
	/** How long a session lasts without use (default 12 h: one working day). */
	sessionHours: number;
	/** How long a session lasts from sign-in whatever its use (default 24 h, or sessionHours if that is longer). */
	sessionMaxHours?: number;
}

export interface NodeRedUser {
	username: string;
	/** bcrypt ($2a$/$2b$/$2y$), made by `fieldchain gateway hash-password --bcrypt`. */
	passwordHash: string;
	/** "*" (full) or "read". */
	permissions: string;
}

export interface NodeRedConfig {
	users: NodeRedUser[];
	/** Encrypts the flows' credentials file in the data directory. */
	credentialSecret: string;
	/** Serve /red to requests off loopback too (needs http.tls; gateway/node-red/editor-guard.ts). Default false. */
	exposeOffLoopback?: boolean;
}

export const DEFAULT_HTTP: HostPort = { host: "127.0.0.1", port: 8080 };
export const DEFAULT_MQTT: HostPort = { host: "127.0.0.1", port: 1883 };
/** The IANA port of MQTT over TLS: the default when mqtt.tls is set. */
export const DEFAULT_MQTTS_PORT = 8883;

export function defaultGatewayConfig(): GatewayConfig {
	return {
		http: { ...DEFAULT_HTTP },
		mqtt: { ...DEFAULT_MQTT },
		insecurePlaintext: false,
		serial: { targets: [], pollIntervalMs: 1000 },
		devices: [],
		storage: { durability: "full" },
		nodeRed: false,
		webApp: false,
		uplink: false,
		capacity: defaultCapacityConfig(),
	};
}

/** "HOST:PORT", "[::1]:PORT" or ":PORT" (loopback). */
export function parseHostPort(value: string, field: string): HostPort {
	const match = /^(?:\[([^\]]+)\]|([^:]*)):(\d{1,5})$/.exec(value.trim());
	const port = match ? Number(match[3]) : Number.NaN;
	if (!match || port > 65535) throw invalid(field, `must be HOST:PORT such as 127.0.0.1:8080 (got "${value}")`);
	return { host: match[1] ?? (match[2] || "127.0.0.1"), port };
}

function asObject(value: unknown, field: string): Record<string, unknown> {
	if (typeof value !== "object" || value === null || Array.isArray(value)) throw invalid(field, "must be an object");
	return value as Record<string, unknown>;
}

function optionalString(object: Record<string, unknown>, key: string, field: string): string | undefined {
	const value = object[key];
	if (value === undefined) return undefined;
	if (typeof value !== "string" || value === "") throw invalid(`${field}.${key}`, "must be a non-empty string");
	return value;
}

function hostPortField(value: unknown, field: string, fallback: HostPort): HostPort {
	const object = asObject(value, field);
	const host = optionalString(object, "host", field) ?? fallback.host;
	const port = object.port ?? fallback.port;
	if (typeof port !== "number" || !Number.isInteger(port) || port < 0 || port > 65535) throw invalid(`${field}.port`, "must be an integer from 0 to 65535");
	return { host, port };
}

function maxConnectionsField(value: unknown): number {
	if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 65_535) {
		throw invalid("mqtt.maxConnections", "must be an integer from 1 to 65535 (devices plus a margin; default 512)");
	}
	return value;
}

/** Reads and validates a config file; missing sections take defaults. */
export function loadGatewayConfig(path: string): GatewayConfig {
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(path, "utf8"));
	} catch (cause) {
		throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `Cannot read the config file ${path}: ${(cause as Error).message}.`, {
			cause,
			hint: "Pass a JSON file to --config (see README, Configuration).",
		});
	}
	return parseGatewayConfig(raw);
}

/** Validates a parsed config file; a key no parser knows (a typo such as "htpp") is refused with a did-you-mean. */
export function parseGatewayConfig(raw: unknown): GatewayConfig {
	return parseRefusingUnknownKeys(raw, parseKnownGatewayConfig);
}

function parseKnownGatewayConfig(raw: unknown): GatewayConfig {
	const root = asObject(raw, "(root)");
	const config = defaultGatewayConfig();
	config.gatewayId = optionalString(root, "gatewayId", "");
	if (config.gatewayId !== undefined && !isValidDeviceId(config.gatewayId)) throw invalid("gatewayId", "must be 1-64 of A-Z a-z 0-9 . _ -");
	config.logLevel = optionalString(root, "logLevel", "");
	if (root.http === false) config.http = false;
	else if (root.http !== undefined) {
		const http = asObject(root.http, "http");
		const token = optionalString(http, "token", "http");
		const weakness = token === undefined ? undefined : apiTokenWeakness(token);
		if (weakness) throw invalid("http.token", weakness, "Make one with `fieldchain gateway token create` (32 random bytes, base64url).");
		config.http = { ...hostPortField(http, "http", DEFAULT_HTTP), token };
		if (http.tls !== undefined) config.http.tls = parseTlsConfig(http.tls, "http.tls");
		if (http.allowedHosts !== undefined) config.http.allowedHosts = parseAllowedHosts(http.allowedHosts);
	}
	if (root.mqtt === false) config.mqtt = false;
	else if (root.mqtt !== undefined) {
		const mqtt = asObject(root.mqtt, "mqtt");
		const tls = mqtt.tls === undefined ? undefined : parseTlsConfig(mqtt.tls, "mqtt.tls");
		config.mqtt = hostPortField(mqtt, "mqtt", tls ? { ...DEFAULT_MQTT, port: DEFAULT_MQTTS_PORT } : DEFAULT_MQTT);
		if (tls) config.mqtt.tls = tls;
		if (mqtt.maxConnections !== undefined) config.mqtt.maxConnections = maxConnectionsField(mqtt.maxConnections);
	}
	if (root.insecurePlaintext !== undefined) {
		if (typeof root.insecurePlaintext !== "boolean") throw invalid("insecurePlaintext", "must be true or false");
		config.insecurePlaintext = root.insecurePlaintext;
	}
	if (root.serial !== undefined) {
		const serial = asObject(root.serial, "serial");
		const poll = serial.pollIntervalMs ?? 1000;
		if (typeof poll !== "number" || poll < 50) throw invalid("serial.pollIntervalMs", "must be a number of milliseconds >= 50");
		const ports = serial.ports ?? [];
		if (!Array.isArray(ports)) throw invalid("serial.ports", "must be an array");
		config.serial = { pollIntervalMs: poll, targets: ports.map((port, index) => serialTarget(port, `serial.ports[${index}]`)) };
	}
	if (root.devices !== undefined) {
		if (!Array.isArray(root.devices)) throw invalid("devices", "must be an array of { id, passwordHash }");
		config.devices = root.devices.map((device, index) => {
			const field = `devices[${index}]`;
			const object = asObject(device, field);
			const id = optionalString(object, "id", field);
			if (!id || !isValidDeviceId(id)) throw invalid(`${field}.id`, "must be 1-64 of A-Z a-z 0-9 . _ -");
			const passwordHash = optionalString(object, "passwordHash", field);
			if (passwordHash !== undefined && !passwordHash.startsWith("$scrypt$")) {
				throw invalid(`${field}.passwordHash`, "must be a scrypt hash made by `fieldchain gateway hash-password`");
			}
			return { id, passwordHash };
		});
	}
	if (root.storage !== undefined) {
		const storage = asObject(root.storage, "storage");
		const durability = storage.durability ?? "full";
		if (durability !== "full" && durability !== "normal") throw invalid("storage.durability", 'must be "full" or "normal"');
		config.storage = { durability };
	}
	if (root.nodeRed !== undefined && root.nodeRed !== false) config.nodeRed = parseNodeRed(root.nodeRed);
	if (root.webApp !== undefined && root.webApp !== false) config.webApp = parseWebApp(root.webApp);
	if (root.uplink !== undefined && root.uplink !== false) config.uplink = parseUplinkConfig(root.uplink);
	if (root.capacity !== undefined) config.capacity = parseCapacityConfig(root.capacity);
	if (root.clock !== undefined) config.clock = parseClockConfig(root.clock);
	return config;
}

/** Technicians sign in to the web app with a PIN; only its scrypt hash is configured. */
function parseWebApp(value: unknown): WebAppConfig {
	const object = asObject(value, "webApp");
	if (!Array.isArray(object.technicians) || object.technicians.length === 0) throw invalid("webApp.technicians", "must list at least one { id, pinHash }");
	const technicians = object.technicians.map((entry, index) => {
		const field = `webApp.technicians[${index}]`;
		const technician = asObject(entry, field);
		const id = optionalString(technician, "id", field);
		if (!id) throw invalid(`${field}.id`, "must be the technician's id in the work orders");
		const pinHash = optionalString(technician, "pinHash", field) ?? "";
		if (!pinHash.startsWith("$scrypt$"))
			throw invalid(`${field}.pinHash`, "must be a scrypt hash made by `fieldchain gateway hash-password` (type the PIN on stdin)");
		return { id, pinHash };
	});
	const sessionHours = object.sessionHours ?? 12;
	if (typeof sessionHours !== "number" || !(sessionHours > 0 && sessionHours <= 24 * 30))
		throw invalid("webApp.sessionHours", "must be a number of hours from 0 to 720");
	const sessionMaxHours = object.sessionMaxHours ?? Math.max(24, sessionHours);
	if (typeof sessionMaxHours !== "number" || !(sessionMaxHours >= sessionHours && sessionMaxHours <= 24 * 30))
		throw invalid("webApp.sessionMaxHours", `must be a number of hours from webApp.sessionHours (${sessionHours}) to 720`);
	return { technicians, sessionHours, sessionMaxHours };
}

const BCRYPT = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;

/** adminAuth is always on: a nodeRed section needs users with bcrypt hashes and a credential secret. */
function parseNodeRed(value: unknown): NodeRedConfig {
	const object = asObject(value, "nodeRed");
	if (!Array.isArray(object.users) || object.users.length === 0) {
		throw invalid("nodeRed.users", "must list at least one { username, passwordHash } (the Node-RED editor always asks for a login)");
	}
	const users = object.users.map((user, index) => {
		const field = `nodeRed.users[${index}]`;
		const entry = asObject(user, field);
		const username = optionalString(entry, "username", field);
		if (!username) throw invalid(`${field}.username`, "must be a non-empty string");
		const passwordHash = optionalString(entry, "passwordHash", field) ?? "";
		if (!BCRYPT.test(passwordHash)) throw invalid(`${field}.passwordHash`, "must be a bcrypt hash made by `fieldchain gateway hash-password --bcrypt`");
		const permissions = optionalString(entry, "permissions", field) ?? "*";
		if (permissions !== "*" && permissions !== "read") throw invalid(`${field}.permissions`, 'must be "*" or "read"');
		return { username, passwordHash, permissions };
	});
	const credentialSecret = optionalString(object, "credentialSecret", "nodeRed");
	if (!credentialSecret || credentialSecret.length < 16) {
		throw invalid("nodeRed.credentialSecret", "must be a secret of at least 16 characters (it encrypts the flows' credentials; e.g. `openssl rand -hex 32`)");
	}
	const exposeOffLoopback = object.exposeOffLoopback ?? false;
	if (typeof exposeOffLoopback !== "boolean") throw invalid("nodeRed.exposeOffLoopback", "must be true or false");
	return { users, credentialSecret, exposeOffLoopback };
}

function serialTarget(value: unknown, field: string): SerialTarget {
	const object = asObject(value, field);
	const target: SerialTarget = {
		path: optionalString(object, "path", field),
		vendorId: optionalString(object, "vendorId", field),
		productId: optionalString(object, "productId", field),
		serialNumber: optionalString(object, "serialNumber", field),
	};
	if (object.baudRate !== undefined) {
		if (typeof object.baudRate !== "number" || !Number.isInteger(object.baudRate) || object.baudRate <= 0)
			throw invalid(`${field}.baudRate`, "must be a positive integer");
		target.baudRate = object.baudRate;
	}
	if (!target.path && !target.vendorId && !target.productId && !target.serialNumber) {
		throw invalid(field, "needs a path or at least one of vendorId, productId, serialNumber");
	}
	return target;
}

/** Security by default: an API or broker off loopback needs credentials, and TLS unless --insecure-plaintext. */
export function checkExposure(config: GatewayConfig): void {
	if (config.http && !isLoopback(config.http.host) && !config.http.token) {
		throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `Refusing to serve the local API on ${config.http.host} without a token.`, {
			hint: "Set http.token in the config file (`fieldchain gateway token create` makes one), or keep --http on 127.0.0.1.",
		});
	}
	const weakness = config.http && !isLoopback(config.http.host) && config.http.token ? apiTokenWeakness(config.http.token) : undefined;
	if (weakness) throw invalid("http.token", weakness, "Make one with `fieldchain gateway token create` (32 random bytes, base64url).");
	refusePlaintextExposure(config);
}
