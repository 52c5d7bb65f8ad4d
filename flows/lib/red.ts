/**
 * The slice of Node-RED's node API the fieldchain nodes use (node-red 4.1: @node-red/registry
 * createNodeApi, @node-red/runtime Node), and the one place that wires an input handler to
 * status, send and done(err). Entry files stay a few lines each.
 */

import type { FieldchainApi } from "../../gateway/node-red/flows-api.js";
import { ErrorCodes, FieldchainError, toError } from "../../platform/errors.js";

export type Message = Record<string, unknown> & { payload?: unknown; topic?: string };

export interface NodeStatus {
	fill?: "red" | "green" | "yellow" | "blue" | "grey";
	shape?: "ring" | "dot";
	text?: string;
}

export interface RedNode {
	id: string;
	on(event: "input", listener: (msg: Message, send: (msg: Message | Message[] | null) => void, done: (error?: Error) => void) => void): void;
	on(event: "close", listener: (removed: boolean, done: () => void) => void): void;
	send(msg: Message | Message[] | null): void;
	status(status: NodeStatus): void;
	error(error: unknown, msg?: Message): void;
	warn(message: unknown): void;
}

export interface NodeConfig {
	id: string;
	type: string;
	name?: string;
	gateway?: string;
	[key: string]: unknown;
}

export interface Red {
	nodes: {
		createNode(node: object, config: NodeConfig): void;
		registerType(type: string, nodeConstructor: (this: RedNode, config: NodeConfig) => void, options?: Record<string, unknown>): void;
		getNode(id: string): unknown;
	};
	settings: Record<string, unknown>;
}

/** The gateway API the config node hands out (see fieldchain-gateway). */
export interface GatewayConfigNode {
	api(): FieldchainApi;
	technicianId: string;
}

export function gatewayOf(RED: Red, config: NodeConfig): GatewayConfigNode {
	const node = config.gateway ? (RED.nodes.getNode(config.gateway) as GatewayConfigNode | null) : null;
	if (!node) {
		throw new FieldchainError(ErrorCodes.FC_FLOW_CONFIG, `Node "${config.name || config.type}" has no fieldchain gateway configured.`, {
			hint: "Open the node and pick or add a gateway.",
		});
	}
	return node;
}

/** The in-process API the embedding gateway put in the runtime settings. */
export function embeddedApi(settings: Record<string, unknown>): FieldchainApi {
	const api = settings.fieldchain as FieldchainApi | undefined;
	if (!api || typeof api.on !== "function") {
		throw new FieldchainError(ErrorCodes.FC_FLOW_NO_GATEWAY, "This Node-RED does not run inside a fieldchain gateway (settings.fieldchain is missing).", {
			hint: "Run the flows in the gateway's embedded Node-RED (fieldchain gateway with a nodeRed section in its config).",
		});
	}
	return api;
}

/**
 * Runs `work` for each message: a blue ring while busy, green dot with `describe(result)` after,
 * red ring with the error's message on failure, and always done() or done(error).
 */
export function handleInput<T>(
	node: RedNode,
	work: (msg: Message) => Promise<T> | T,
	output: (result: T, msg: Message) => Message | null,
	describe: (result: T) => string,
): void {
	node.on("input", (msg, send, done) => {
		node.status({ fill: "blue", shape: "ring", text: "working" });
		Promise.resolve()
			.then(() => work(msg))
			.then((result) => {
				node.status({ fill: "green", shape: "dot", text: describe(result) });
				const out = output(result, msg);
				if (out) send(out);
				done();
			})
			.catch((error: unknown) => {
				const err = toError(error);
				node.status({ fill: "red", shape: "ring", text: err.message.slice(0, 60) });
				done(err);
			});
	});
}

/** Text or number settings from the editor (always strings there) or a message. */
export function text(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const string = String(value).trim();
	return string === "" ? undefined : string;
}

export function listSetting(value: unknown): string[] {
	return (text(value) ?? "")
		.split(",")
		.map((part) => part.trim())
		.filter((part) => part !== "");
}

export function inputError(message: string, hint?: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_FLOW_INPUT, message, hint ? { hint } : undefined);
}

export function configError(message: string, hint?: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_FLOW_CONFIG, message, hint ? { hint } : undefined);
}
