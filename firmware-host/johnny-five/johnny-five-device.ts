/**
 * A Firmata board with johnny-five sensors as a protocol v1 device: the board's readings go
 * through the same device logic as the simulator (numbered per boot, kept until acked, re-sent),
 * so the board plugs into the gateway over any EnvelopeLink like any other tool.
 */
import { type Clock, systemClock, type TimerHandle } from "../../platform/clock.js";
import { ErrorCodes, FieldchainError, toError } from "../../platform/errors.js";
import { SimulatedDevice } from "../simulator/simulated-device.js";
import { attachSensors, capabilitiesOf } from "./board-readings.js";
import type { J5Board, J5Component, JohnnyFive } from "./johnny-five-types.js";
import type { BoardConfig } from "./sensor-config.js";

export interface JohnnyFiveDeviceOptions {
	five: JohnnyFive;
	/** A Firmata IO instance (firmata's Board on a serial port, or mock-firmata in tests). */
	io: unknown;
	config: BoardConfig;
	deviceId: string;
	model?: string;
	serialNumber?: string;
	/** How long to wait for the board's Firmata handshake. */
	readyTimeoutMs?: number;
	clock?: Clock;
}

export interface JohnnyFiveDevice {
	device: SimulatedDevice;
	board: J5Board;
	components: J5Component[];
	stop(): void;
}

export async function startJohnnyFiveDevice(options: JohnnyFiveDeviceOptions): Promise<JohnnyFiveDevice> {
	const clock = options.clock ?? systemClock;
	const device = new SimulatedDevice({
		deviceId: options.deviceId,
		model: options.model ?? "FC-J5-FIRMATA",
		firmwareVersion: "johnny-five",
		serialNumber: options.serialNumber,
		externalReadings: true,
		capabilities: capabilitiesOf(options.config),
		clock,
	});
	const board = new options.five.Board({ io: options.io, repl: false, debug: false, sigint: false, timeout: options.readyTimeoutMs ?? 10_000 });
	await new Promise<void>((resolve, reject) => {
		let timer: TimerHandle | undefined;
		const fail = (error: unknown) => {
			clock.clearTimeout(timer);
			reject(
				new FieldchainError(ErrorCodes.FC_SERIAL_OPEN, `The Firmata board did not become ready: ${toError(error).message}.`, {
					cause: error,
					hint: "Check that StandardFirmata runs on the board and the port and baud rate (57600) are right.",
				}),
			);
		};
		timer = clock.setTimeout(() => fail(new Error(`no answer within ${options.readyTimeoutMs ?? 10_000} ms`)), options.readyTimeoutMs ?? 10_000);
		board.once("ready", () => {
			clock.clearTimeout(timer);
			resolve();
		});
		board.once("error", fail);
	});
	const components = attachSensors(options.five, board, options.config, (reading) => device.takeReading(reading));
	return {
		device,
		board,
		components,
		stop() {
			device.stop();
			for (const component of components) (component as { disable?: () => void }).disable?.();
			board.removeAllListeners();
		},
	};
}
