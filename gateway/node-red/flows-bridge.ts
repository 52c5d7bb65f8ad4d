/** Joins a gateway to its embedded Node-RED: the in-process API for the nodes, and the runtime. */
import type { Server } from "node:http";
import type { FastifyServerFactory } from "fastify";
import { systemClock } from "../../platform/clock.js";
import type { NodeRedConfig } from "../config.js";
import type { Gateway } from "../gateway.js";
import { EmbeddedNodeRed } from "./embedded-node-red.js";
import { createGatewayApi } from "./gateway-api.js";

export interface FlowsBridge {
	serverFactory: FastifyServerFactory;
	start(server: Server): Promise<void>;
	stop(): Promise<void>;
	/** How long Node-RED took to start, once it has. */
	readonly startedInMs: number | undefined;
}

export function startFlowsBridge(gateway: Gateway, config: NodeRedConfig): FlowsBridge {
	const api = createGatewayApi({
		gatewayId: gateway.gatewayId,
		store: gateway.store,
		devices: gateway.devices,
		workOrders: gateway.workOrders,
		activeTasks: gateway.activeTasks,
		timeEntries: gateway.timeEntries,
		evidence: gateway.evidence,
		taskStates: gateway.taskStates,
		alerts: gateway.alerts,
		events: gateway.events,
		clock: gateway.options.clock ?? systemClock,
	});
	const runtime = new EmbeddedNodeRed({ dataDir: gateway.options.dataDir, config, logger: gateway.options.logger, api });
	return {
		serverFactory: runtime.serverFactory as unknown as FastifyServerFactory,
		start: (server) => runtime.start(server),
		stop: () => runtime.stop(),
		get startedInMs() {
			return runtime.startedInMs;
		},
	};
}
