/**
 * `device simulate` over a real transport: a SimulatedDevice on a serial port (or one end of a
 * pty pair) or on an MQTT broker, reconnecting whenever the transport goes away.
 */
import { connectMqttDeviceLink, type MqttDeviceLinkOptions } from "../../protocol/transport/mqtt-device-link.js";
import type { SerialBinding } from "../../protocol/transport/serial.js";
import { openDeviceLink } from "../host/open-device-link.js";
import { type RunnerStatus, runOnReconnectingLink, type SimulatorHandle } from "./link-loop.js";
import type { SimulatedDeviceOptions } from "./options.js";
import { SimulatedDevice } from "./simulated-device.js";

export type { RunnerStatus, SimulatorHandle } from "./link-loop.js";

interface RunnerOptions {
	/** Pause between reconnect attempts. */
	retryMs?: number;
	onStatus?: (status: RunnerStatus) => void;
	/** Called with the device before its first link, to subscribe to its events. */
	onDevice?: (device: SimulatedDevice) => void;
}

export interface SerialSimulatorOptions extends SimulatedDeviceOptions, RunnerOptions {
	path: string;
	binding?: SerialBinding;
	baudRate?: number;
}

export interface MqttSimulatorOptions extends SimulatedDeviceOptions, RunnerOptions, Omit<MqttDeviceLinkOptions, "deviceId"> {}

/**
 * Rejects with FC_SERIAL_OPEN if the port cannot be opened at start; once running, a port that
 * disappears is reopened every retryMs (default 200) until it is back.
 */
export async function runSerialSimulator(options: SerialSimulatorOptions): Promise<SimulatorHandle> {
	const { path, binding, baudRate, retryMs, onStatus, onDevice, ...deviceOptions } = options;
	const device = new SimulatedDevice(deviceOptions);
	onDevice?.(device);
	return runOnReconnectingLink(device, () => openDeviceLink(path, { binding, baudRate }), { retryMs: retryMs ?? 200, onStatus, clock: deviceOptions.clock });
}

/**
 * Rejects with FC_MQTT_AUTH or FC_MQTT_CONNECT if the first connection fails; once running, a
 * lost connection is retried every retryMs (default 1000).
 */
export async function runMqttSimulator(options: MqttSimulatorOptions): Promise<SimulatorHandle> {
	const {
		url,
		password,
		clientId,
		connectTimeoutMs,
		protocolVersion,
		keepaliveSeconds,
		maxPayload,
		clientOptions,
		retryMs,
		onStatus,
		onDevice,
		...deviceOptions
	} = options;
	const device = new SimulatedDevice(deviceOptions);
	onDevice?.(device);
	const open = () =>
		connectMqttDeviceLink({
			url,
			deviceId: device.deviceId,
			password,
			clientId,
			connectTimeoutMs,
			protocolVersion,
			keepaliveSeconds,
			maxPayload,
			clientOptions,
		});
	return runOnReconnectingLink(device, open, { retryMs: retryMs ?? 1000, onStatus, clock: deviceOptions.clock });
}
