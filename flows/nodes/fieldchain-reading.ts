/** fieldchain reading: emits each stored reading from connected devices that passes the filter. */

import { toError } from "../../platform/errors.js";
import { describeReading, matchesReading, parseReadingFilter, readingMessage } from "../lib/reading-filter.js";
import { gatewayOf, type NodeConfig, type Red, type RedNode } from "../lib/red.js";

export default function register(RED: Red): void {
	RED.nodes.registerType("fieldchain-reading", function (this: RedNode, config: NodeConfig) {
		RED.nodes.createNode(this, config);
		try {
			const filter = parseReadingFilter(config);
			const off = gatewayOf(RED, config)
				.api()
				.on("reading", (reading) => {
					if (!matchesReading(filter, reading)) return;
					this.status({ fill: "green", shape: "dot", text: describeReading(reading) });
					this.send(readingMessage(reading));
				});
			this.status({ fill: "grey", shape: "ring", text: "waiting for readings" });
			this.on("close", (_removed, done) => {
				off();
				done();
			});
		} catch (error) {
			this.status({ fill: "red", shape: "ring", text: toError(error).message.slice(0, 60) });
			this.error(toError(error));
		}
	});
}
