/**
 * `fieldchain device johnny-five --board PATH --sensors FILE --id ID (--mqtt URL | --serial PATH)`:
 * a Firmata board (StandardFirmata on an Arduino-class board) with johnny-five sensors, speaking
 * protocol v1 to the gateway like any tool: over its MQTT broker, or over a serial line.
 */
import { readFileSync } from "node:fs";
import { SerialPort } from "serialport";
import { ErrorCodes, FieldchainError, isFieldchainError, toError } from "../platform/errors.js";
import { connectMqttDeviceLink, redactUrl } from "../protocol/transport/mqtt-device-link.js";
import { openSerialLink } from "../protocol/transport/serial.js";
import { startJohnnyFiveDevice } from "./johnny-five/johnny-five-device.js";
import { loadFirmata, loadJohnnyFive } from "./johnny-five/load-johnny-five.js";
import { parseBoardConfig } from "./johnny-five/sensor-config.js";
import { type CliIo, EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_USAGE } from "./simulate-command.js";
import { runOnReconnectingLink } from "./simulator/link-loop.js";

export interface JohnnyFiveCommandOptions {
	board: string;
	sensors: string;
	id: string;
	mqtt?: string;
	serial?: string;
	password?: string;
	boardBaudRate?: number;
}

export async function johnnyFiveCommand(options: JohnnyFiveCommandOptions, io: CliIo): Promise<number> {
	const fail = (error: unknown, code: number) => {
		const e = toError(error);
		io.stderr(`error${isFieldchainError(e) ? ` ${e.code}` : ""}: ${e.message}`);
		return code;
	};
	let config: ReturnType<typeof parseBoardConfig>;
	try {
		config = parseBoardConfig(JSON.parse(readFileSync(options.sensors, "utf8")));
	} catch (error) {
		return fail(
			isFieldchainError(error)
				? error
				: new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `Cannot read --sensors ${options.sensors}: ${toError(error).message}.`),
			EXIT_USAGE,
		);
	}
	let board: Awaited<ReturnType<typeof startJohnnyFiveDevice>>;
	try {
		const five = loadJohnnyFive();
		const Firmata = loadFirmata();
		const port = await openBoardPort(options.board, options.boardBaudRate ?? 57600);
		board = await startJohnnyFiveDevice({ five, io: new Firmata(port), config, deviceId: options.id });
	} catch (error) {
		return fail(error, isFieldchainError(error, ErrorCodes.FC_CONFIG_INVALID) ? EXIT_USAGE : EXIT_FAILURE);
	}
	io.stdout(`[${options.id}] board on ${options.board} ready with ${config.sensors.length} sensors`);
	const open = options.mqtt
		? () => connectMqttDeviceLink({ url: options.mqtt!, deviceId: options.id, password: options.password ?? io.env.FIELDCHAIN_DEVICE_PASSWORD })
		: () => openSerialLink({ path: options.serial! });
	const where = options.mqtt ? redactUrl(options.mqtt) : options.serial!;
	let handle: Awaited<ReturnType<typeof runOnReconnectingLink>>;
	try {
		handle = await runOnReconnectingLink(board.device, open, {
			retryMs: 1000,
			onStatus: (status) =>
				io.stdout(`[${options.id}] ${status.state === "retryFailed" ? `reconnecting: ${status.error.message}` : `${status.state} ${where}`}`),
		});
	} catch (error) {
		board.stop();
		return fail(error, EXIT_FAILURE);
	}
	await new Promise<void>((resolve) => {
		io.signals.once("SIGINT", resolve);
		io.signals.once("SIGTERM", resolve);
	});
	await handle.stop();
	board.stop();
	const s = board.device.stats;
	io.stdout(`[${options.id}] stopped: ${s.generated} readings taken, acked up to ${s.ackedUpTo}, ${s.unacked} unacked`);
	return EXIT_INTERRUPTED;
}

function openBoardPort(path: string, baudRate: number): Promise<SerialPort> {
	return new Promise((resolve, reject) => {
		const port = new SerialPort({ path, baudRate }, (error) => {
			if (error)
				reject(
					new FieldchainError(ErrorCodes.FC_SERIAL_OPEN, `Cannot open the board's port ${path}: ${error.message}.`, {
						cause: error,
						hint: "Check the path (fieldchain device list) and that no other program holds it.",
					}),
				);
			else resolve(port);
		});
	});
}
