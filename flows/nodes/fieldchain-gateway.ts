/** Config node: the gateway the other fieldchain nodes talk to (the embedding one), and a default technician. */
import { embeddedApi, type NodeConfig, type Red, text } from "../lib/red.js";

export default function register(RED: Red): void {
	RED.nodes.registerType("fieldchain-gateway", function (this: object, config: NodeConfig) {
		RED.nodes.createNode(this, config);
		Object.assign(this, { technicianId: text(config.technicianId) ?? "", api: () => embeddedApi(RED.settings) });
	});
}
