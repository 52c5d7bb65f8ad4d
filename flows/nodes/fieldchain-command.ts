/** fieldchain command: sends a command to a connected device and outputs its answer. */
import { deviceCommand } from "../lib/command-input.js";
import { gatewayOf, handleInput, type NodeConfig, type Red, type RedNode } from "../lib/red.js";

export default function register(RED: Red): void {
	RED.nodes.registerType("fieldchain-command", function (this: RedNode, config: NodeConfig) {
		RED.nodes.createNode(this, config);
		handleInput(
			this,
			(msg) => {
				const { deviceId, command } = deviceCommand(config, msg);
				return gatewayOf(RED, config).api().sendCommand(deviceId, command);
			},
			(outcome, msg) => ({ ...msg, payload: outcome }),
			(outcome) => `${outcome.deviceId}: ${outcome.action} ${outcome.status}`,
		);
	});
}
