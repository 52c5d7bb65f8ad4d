/** Joins a gateway to its embedded Node-RED: the in-process API for the nodes, and the runtime. */
import type { Server } from "node:http";
import type { FastifyServerFactory } from "fastify";
import type { NodeRedConfig } from "../config.js";
import type { HostAllowListOptions } from "../http/host-allow-list.js";
import type { GatewayParts } from "../parts.js";
import { EmbeddedNodeRed } from "./embedded-node-red.js";
import { createGatewayApi, type GatewayApiParts } from "./gateway-api.js";

export interface FlowsBridge {
	serverFactory: FastifyServerFactory;
	start(server: Server): Promise<void>;
	stop(): Promise<void>;
	/** How long Node-RED took to start, once it has. */
	readonly startedInMs: number | undefined;
}

/** `hosts`: the local API's Host allow-list, applied to /red as well (it bypasses fastify's hooks). */
export function startFlowsBridge(
	parts: GatewayApiParts & Pick<GatewayParts, "dataDir" | "logger">,
	config: NodeRedConfig,
	hosts?: HostAllowListOptions,
): FlowsBridge {
	const runtime = new EmbeddedNodeRed({ dataDir: parts.dataDir, config, logger: parts.logger, api: createGatewayApi(parts) }, hosts);
	return {
		serverFactory: runtime.serverFactory as unknown as FastifyServerFactory,
		start: (server) => runtime.start(server),
		stop: () => runtime.stop(),
		get startedInMs() {
			return runtime.startedInMs;
		},
	};
}
