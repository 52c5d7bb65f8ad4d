import type { Logger } from "../../gateway/logger.js";
import type { UplinkTransport } from "./transport.js";
import type { UplinkConfig } from "./uplink-config.js";

export async function createMqttTransport(_config: UplinkConfig, _gatewayId: string, _logger: Logger): Promise<UplinkTransport> {
	throw new Error("not yet");
}
