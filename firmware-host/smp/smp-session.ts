/**
 * One `device smp` run's connection: opens the serial port, wraps it in an SmpClient, and closes
 * it whatever happens. Also maps errors to the CLI's exit codes (0 done, 1 failed, 2 bad options,
 * 3 rolled back) in one place.
 */
import { existsSync } from "node:fs";
import { ErrorCodes, FieldchainError, isFieldchainError } from "../../platform/errors.js";
import type { SerialBinding } from "../../protocol/transport/serial.js";
import { openRawSerialPort } from "../monitor/raw-serial-port.js";
import { SmpClient } from "./smp-client.js";

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_ROLLBACK = 3;

export interface SmpConnectionOptions {
	serial?: string;
	baudRate?: number;
	/** Milliseconds to wait for each answer before sending the request again. */
	timeout?: number;
	/** Copies of a request to send at most. */
	retries?: number;
	binding?: SerialBinding;
	onText?: (line: string) => void;
}

export async function withSmpClient<T>(options: SmpConnectionOptions, run: (client: SmpClient) => Promise<T>): Promise<T> {
	const path = options.serial;
	if (!path) throw usage("give the device's serial port: device smp --serial PATH <command>");
	// A path that is not there is a typo, not a device fault: say so once (exit 2), not after retries.
	if (!options.binding && !existsSync(path)) throw usage(`${path} does not exist`, "Check the path (`fieldchain device list` shows the ports).");
	const port = await openRawSerialPort(path, options.baudRate ?? 115200, options.binding);
	// An unplugged device shows as an error on the port: close it, and the client fails what waits.
	port.on("error", () => {
		if (!port.destroyed) port.destroy();
	});
	const client = new SmpClient(port, { label: path, attemptMs: options.timeout, attempts: options.retries, onText: options.onText });
	try {
		return await run(client);
	} finally {
		client.dispose();
		if (!port.destroyed) await new Promise<void>((resolve) => port.close(() => resolve()));
	}
}

export function usage(problem: string, hint?: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `device smp: ${problem}.`, { hint });
}

export function exitCodeOf(error: unknown): number {
	if (isFieldchainError(error, ErrorCodes.FC_CONFIG_INVALID) || isFieldchainError(error, ErrorCodes.FC_FIRMWARE_IMAGE)) return EXIT_USAGE;
	if (isFieldchainError(error, ErrorCodes.FC_FIRMWARE_ROLLBACK)) return EXIT_ROLLBACK;
	return EXIT_FAILURE;
}
