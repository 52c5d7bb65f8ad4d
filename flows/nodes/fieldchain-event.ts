/** fieldchain event: emits gateway events (device attached/detached, evidence sealed, sync state, alarms, alerts, task changes). */

import { toError } from "../../platform/errors.js";
import { eventMessage, parseEventNames } from "../lib/event-filter.js";
import { gatewayOf, type NodeConfig, type Red, type RedNode } from "../lib/red.js";

export default function register(RED: Red): void {
	RED.nodes.registerType("fieldchain-event", function (this: RedNode, config: NodeConfig) {
		RED.nodes.createNode(this, config);
		try {
			const api = gatewayOf(RED, config).api();
			const offs = parseEventNames(config).map((name) =>
				api.on(name, (payload) => {
					this.status({ fill: "green", shape: "dot", text: name });
					this.send(eventMessage(name, payload));
				}),
			);
			this.status({ fill: "grey", shape: "ring", text: "listening" });
			this.on("close", (_removed, done) => {
				for (const off of offs) off();
				done();
			});
		} catch (error) {
			this.status({ fill: "red", shape: "ring", text: toError(error).message.slice(0, 60) });
			this.error(toError(error));
		}
	});
}
