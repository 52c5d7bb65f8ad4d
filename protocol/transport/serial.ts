/**
 * Serial ports behind serialport's Promise-based binding interface, so tests can pass
 * @serialport/binding-mock and production gets the platform binding (serialport's
 * bindings-interface pattern).
 */
import { SerialPortStream } from "@serialport/stream";
import { SerialPort } from "serialport";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { StreamLink } from "./stream-link.js";

// @serialport/bindings-interface's types do not resolve under "exports"; take them from its users.
export type SerialBinding = ConstructorParameters<typeof SerialPortStream>[0]["binding"];
export type SerialPortInfo = Awaited<ReturnType<typeof SerialPort.list>>[number];

export function defaultSerialBinding(): SerialBinding {
	return SerialPort.binding as unknown as SerialBinding;
}

export interface OpenSerialOptions {
	path: string;
	baudRate?: number;
	binding?: SerialBinding;
	maxPayload?: number;
}

/** Opens the port and wraps it in a framed EnvelopeLink. Rejects with FC_SERIAL_OPEN. */
export async function openSerialLink(options: OpenSerialOptions): Promise<StreamLink> {
	const binding = options.binding ?? defaultSerialBinding();
	const port = await new Promise<SerialPortStream>((resolve, reject) => {
		const stream: SerialPortStream = new ClosingSerialPortStream({ binding, path: options.path, baudRate: options.baudRate ?? 115200 }, (error) => {
			if (error) {
				reject(
					new FieldchainError(ErrorCodes.FC_SERIAL_OPEN, `Cannot open serial port ${options.path}: ${error.message}.`, {
						cause: error,
						hint: "Check the path, that no other program holds the port, and that you may read and write it (group dialout).",
					}),
				);
				return;
			}
			resolve(stream);
		});
	});
	return new StreamLink(port, { transport: "serial", label: options.path, maxPayload: options.maxPayload });
}

/**
 * SerialPortStream has no _destroy, so destroy() (what StreamLink.close calls) left the file
 * descriptor open with a native read pending: the port stayed locked and the process never
 * exited. Closing the port on destroy fixes both.
 */
class ClosingSerialPortStream extends SerialPortStream {
	override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
		if (!this.isOpen) {
			callback(error);
			return;
		}
		this.close(() => callback(error));
	}
}

export async function listSerialPorts(binding: SerialBinding = defaultSerialBinding()): Promise<SerialPortInfo[]> {
	return binding.list();
}
