import { describe, expect, it } from "vitest";
import { ALL_GATEWAYS_EVIDENCE, gatewayOfEvidenceTopic, sharedSubscription, uplinkEvidenceTopic, uplinkReceiptTopic } from "./topics.js";

describe("uplink topics", () => {
	it("names each gateway's evidence and receipt topics, and the workers' shared subscription", () => {
		expect(uplinkEvidenceTopic("gw-1")).toBe("fieldchain/v1/gateways/gw-1/evidence");
		expect(uplinkReceiptTopic("gw-1")).toBe("fieldchain/v1/gateways/gw-1/receipts");
		expect(sharedSubscription("billing", ALL_GATEWAYS_EVIDENCE)).toBe("$share/billing/fieldchain/v1/gateways/+/evidence");
	});

	it("reads the gateway from an evidence topic, and nothing from any other topic", () => {
		expect(gatewayOfEvidenceTopic(uplinkEvidenceTopic("gw-1"))).toBe("gw-1");
		for (const topic of [
			"fieldchain/v1/gateways//evidence",
			"fieldchain/v1/gateways/+/evidence",
			"fieldchain/v1/gateways/#/evidence",
			"fieldchain/v1/gateways/gw-1/receipts",
			"fieldchain/v1/gateways/gw-1/outbox/time-entry",
			"fieldchain/v1/gateways/a/b/evidence",
			"fieldchain/v1/devices/gw-1/evidence",
			"$share/billing/fieldchain/v1/gateways/gw-1/evidence",
		])
			expect(gatewayOfEvidenceTopic(topic), topic).toBeUndefined();
	});
});
