/** fieldchain evidence: stamps msg.reading (or a text payload) as evidence on a checklist item of a task or the active task. */
import { stampRequest } from "../lib/evidence-input.js";
import { gatewayOf, handleInput, type NodeConfig, type Red, type RedNode } from "../lib/red.js";

export default function register(RED: Red): void {
	RED.nodes.registerType("fieldchain-evidence", function (this: RedNode, config: NodeConfig) {
		RED.nodes.createNode(this, config);
		handleInput(
			this,
			(msg) => {
				const gateway = gatewayOf(RED, config);
				return gateway.api().stampEvidence(stampRequest(config, msg, gateway.technicianId || undefined));
			},
			(evidence, msg) => ({ ...msg, evidence }),
			(evidence) => `#${evidence.chainSeq} ${evidence.checklistItemId}: ${evidence.outcome}`,
		);
	});
}
