/**
 * A serial port as a plain byte stream, for the monitor, which needs the raw frames rather than an
 * EnvelopeLink. Closes the port on destroy, as protocol/transport/serial.ts does and for the same
 * reason (SerialPortStream has no _destroy; the port would stay locked).
 */
import { SerialPortStream } from "@serialport/stream";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { defaultSerialBinding, type SerialBinding } from "../../protocol/transport/serial.js";

class RawSerialPort extends SerialPortStream {
	override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
		if (!this.isOpen) {
			callback(error);
			return;
		}
		this.close(() => callback(error));
	}
}

export function openRawSerialPort(path: string, baudRate: number, binding: SerialBinding = defaultSerialBinding()): Promise<SerialPortStream> {
	return new Promise((resolve, reject) => {
		const port: SerialPortStream = new RawSerialPort({ binding, path, baudRate }, (error) => {
			if (error) {
				reject(
					new FieldchainError(ErrorCodes.FC_SERIAL_OPEN, `Cannot open serial port ${path}: ${error.message}.`, {
						cause: error,
						hint: "Check the path, that no other program holds the port (a running gateway does), and group dialout.",
					}),
				);
				return;
			}
			resolve(port);
		});
	});
}
