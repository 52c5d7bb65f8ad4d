/**
 * A framed EnvelopeLink on a serial port whose file descriptor is released as soon as the link
 * dies. After an unplug the stream reports an error but stays open, and its lock would refuse the
 * port when it comes back (the kernel may give the new pty or USB device the same node).
 */
import type { SerialBinding } from "../../protocol/transport/serial.js";
import { StreamLink } from "../../protocol/transport/stream-link.js";
import { openRawSerialPort } from "../monitor/raw-serial-port.js";

export async function openDeviceLink(path: string, options: { baudRate?: number; maxPayload?: number; binding?: SerialBinding } = {}): Promise<StreamLink> {
	const port = await openRawSerialPort(path, options.baudRate ?? 115200, options.binding);
	const link = new StreamLink(port, { transport: "serial", label: path, maxPayload: options.maxPayload });
	link.once("close", () => {
		if (!port.destroyed) port.destroy();
	});
	return link;
}
