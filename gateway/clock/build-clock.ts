/**
 * Builds the gateway's clock parts from its options and config: the boot anchor, the kernel's
 * NTP probe (the system's, unless a clock was injected: tests then drive the probe themselves),
 * the trusted time sources and the device-time rules.
 */
import type { Clock } from "../../platform/clock.js";
import type { Logger } from "../../platform/logger.js";
import type { GatewayConfig } from "../config.js";
import { type BootAnchor, clockBootAnchor, systemBootAnchor } from "./boot-anchor.js";
import { defaultClockConfig } from "./clock-config.js";
import { DeviceTimeCheck } from "./device-time.js";
import { GatewayTime } from "./gateway-time.js";
import { type KernelSyncProbe, kernelSyncProbe } from "./kernel-sync.js";

export interface ClockOptions {
	config: GatewayConfig;
	clock?: Clock;
	kernelSync?: KernelSyncProbe;
	bootAnchor?: BootAnchor;
}

export function buildClock(options: ClockOptions, clock: Clock, logger: Logger): { time: GatewayTime; deviceTime: DeviceTimeCheck } {
	const config = options.config.clock ?? defaultClockConfig();
	const injected = options.clock !== undefined;
	const time = new GatewayTime({
		clock,
		anchor: options.bootAnchor ?? (injected ? clockBootAnchor(clock) : systemBootAnchor()),
		probe: options.kernelSync ?? (injected ? undefined : kernelSyncProbe()),
		trustedDevices: config.trustedTimeDevices,
		pollMs: config.kernelPollMs,
		logger,
	});
	return { time, deviceTime: new DeviceTimeCheck(config.deviceTime) };
}
