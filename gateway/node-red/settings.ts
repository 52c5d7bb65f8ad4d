/**
 * The Node-RED runtime settings the gateway embeds it with. Security by default: adminAuth is
 * always on (bcrypt hashes from the gateway config), HTTP-in endpoints need the same users'
 * basic auth, credentials are encrypted with nodeRed.credentialSecret, the palette cannot
 * install packages from the network, and telemetry/update checks are off (the gateway may be
 * offline for days and must not call out).
 * No key material reaches Node-RED: not in these settings, the global context or the nodes' API
 * (flows-api.ts). That is a boundary for flows as written, not for a hostile editor user: the
 * function node's vm is no sandbox and core nodes read files and run commands as the gateway's OS
 * user, so an editor user can do what that user can (README, flows/README.md).
 */
import { join } from "node:path";
import type { Logger } from "../../platform/logger.js";
import type { NodeRedConfig } from "../config.js";
import type { FieldchainApi } from "./flows-api.js";

export const NODE_RED_ADMIN_ROOT = "/red";
/** HTTP-in nodes live under the editor's root, behind the same users (basic auth). */
export const NODE_RED_HTTP_ROOT = "/red/http";

interface NodeRedLogMessage {
	level: number;
	msg?: unknown;
	type?: string;
	id?: string;
	name?: string;
}

/** @node-red/util log levels (lib/log.js). */
function pinoLevel(level: number): "fatal" | "error" | "warn" | "info" | "debug" | "trace" {
	if (level <= 10) return "fatal";
	if (level <= 20) return "error";
	if (level <= 30) return "warn";
	if (level <= 40) return "info";
	if (level <= 50) return "debug";
	return "trace";
}

/** Errors thrown in a function node come from its sandbox's realm: not `instanceof Error` here. */
function logText(value: unknown): string {
	if (typeof value === "string") return value;
	if (typeof value === "object" && value !== null && typeof (value as { message?: unknown }).message === "string")
		return (value as { message: string }).message;
	return JSON.stringify(value) ?? String(value);
}

/** Node-RED logs through the gateway's logger, tagged so they can be told apart. */
export function nodeRedLogging(logger: Logger) {
	const child = logger.child({ component: "node-red" });
	return {
		console: { level: "off" },
		fieldchain: {
			level: "info",
			metrics: false,
			audit: false,
			handler: () => (message: NodeRedLogMessage) => {
				child[pinoLevel(message.level)]({ nodeType: message.type, nodeId: message.id, nodeName: message.name }, logText(message.msg));
			},
		},
	};
}

export interface NodeRedSettingsInput {
	dataDir: string;
	config: NodeRedConfig;
	logger: Logger;
	api: FieldchainApi;
	/** The flows/ folder (a Node-RED node module) with the fieldchain nodes. */
	nodesDir: string;
}

export function nodeRedSettings(input: NodeRedSettingsInput): Record<string, unknown> {
	const users = input.config.users.map((user) => ({ username: user.username, password: user.passwordHash, permissions: user.permissions }));
	return {
		userDir: join(input.dataDir, "node-red"),
		flowFile: "flows.json",
		flowFilePretty: true,
		credentialSecret: input.config.credentialSecret,
		httpAdminRoot: NODE_RED_ADMIN_ROOT,
		httpNodeRoot: NODE_RED_HTTP_ROOT,
		httpNodeAuth: { user: users[0].username, pass: users[0].password },
		adminAuth: { type: "credentials", users },
		nodesDir: [input.nodesDir],
		// Flow and global context survive a restart, like the flows themselves.
		contextStorage: { default: { module: "localfilesystem" } },
		logging: nodeRedLogging(input.logger),
		externalModules: { autoInstall: false, palette: { allowInstall: false, allowUpload: false }, modules: { allowInstall: false } },
		functionExternalModules: false,
		// Nothing of the gateway in function nodes' global context: no key, no token, no parts.
		functionGlobalContext: {},
		editorTheme: { projects: { enabled: false }, tours: false },
		telemetry: { enabled: false, updateNotification: false },
		diagnostics: { enabled: false, ui: false },
		runtimeState: { enabled: false, ui: false },
		// The in-process gateway API for the fieldchain nodes (flows/lib/red.ts, embeddedApi).
		// Not in functionGlobalContext: function nodes must not reach the gateway's internals.
		fieldchain: input.api,
	};
}
