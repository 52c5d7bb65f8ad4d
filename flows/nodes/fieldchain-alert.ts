/** fieldchain alert: raises an alert for the technician app (GET /api/v1/alerts, and the gateway's alert event). */
import { alertRequest } from "../lib/alert-input.js";
import { gatewayOf, handleInput, type NodeConfig, type Red, type RedNode } from "../lib/red.js";

export default function register(RED: Red): void {
	RED.nodes.registerType("fieldchain-alert", function (this: RedNode, config: NodeConfig) {
		RED.nodes.createNode(this, config);
		handleInput(
			this,
			(msg) => gatewayOf(RED, config).api().raiseAlert(alertRequest(config, msg), `flow:${this.id}`),
			(alert, msg) => ({ ...msg, alert }),
			(alert) => `${alert.severity}: ${alert.title}`.slice(0, 60),
		);
	});
}
