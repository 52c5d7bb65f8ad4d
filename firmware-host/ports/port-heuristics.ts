/**
 * Does a serial port look like a fieldchain tool? "yes" when its USB VID:PID is configured (the
 * gateway's serial.ports or --vid-pid) or its manufacturer string names fieldchain; "maybe" for
 * USB-serial bridges that tool prototypes are commonly built on; "no" otherwise.
 */
import type { SerialPortInfo } from "../../protocol/transport/serial.js";

export type Likeness = "yes" | "maybe" | "no";

export interface UsbMatch {
	vendorId?: string;
	productId?: string;
	serialNumber?: string;
}

/** USB-serial bridges and boards prototypes use; a match says "maybe", never "yes". */
export const COMMON_BRIDGES: Record<string, string> = {
	"2341": "Arduino",
	"2a03": "Arduino (arduino.org)",
	"0403:6001": "FTDI FT232R",
	"0403:6015": "FTDI FT231X",
	"10c4:ea60": "Silicon Labs CP210x",
	"1a86:7523": "WCH CH340",
	"0483:5740": "STM32 virtual COM port",
	"2e8a": "Raspberry Pi RP2040",
	"303a": "Espressif",
};

export interface ListedPort {
	path: string;
	vendorId: string | undefined;
	productId: string | undefined;
	serialNumber: string | undefined;
	manufacturer: string | undefined;
	looksLikeFieldchain: Likeness;
	reason: string;
}

const norm = (value: string | undefined) => value?.toLowerCase().replace(/^0x/, "");

export function judgePort(port: SerialPortInfo, configured: UsbMatch[]): ListedPort {
	const vendorId = norm(port.vendorId);
	const productId = norm(port.productId);
	const base = { path: port.path, vendorId, productId, serialNumber: port.serialNumber, manufacturer: port.manufacturer };
	const match = configured.find(
		(c) =>
			(c.vendorId || c.productId || c.serialNumber) &&
			(!c.vendorId || norm(c.vendorId) === vendorId) &&
			(!c.productId || norm(c.productId) === productId) &&
			(!c.serialNumber || c.serialNumber === port.serialNumber),
	);
	if (match)
		return {
			...base,
			looksLikeFieldchain: "yes",
			reason: `configured ${[match.vendorId, match.productId].filter(Boolean).join(":")}${match.serialNumber ? ` serial ${match.serialNumber}` : ""}`,
		};
	if (/fieldchain/i.test(port.manufacturer ?? "")) return { ...base, looksLikeFieldchain: "yes", reason: `manufacturer "${port.manufacturer}"` };
	const bridge = (vendorId && productId && COMMON_BRIDGES[`${vendorId}:${productId}`]) || (vendorId && COMMON_BRIDGES[vendorId]);
	if (bridge)
		return {
			...base,
			looksLikeFieldchain: "maybe",
			reason: `${bridge} USB-serial bridge; run \`fieldchain device monitor --serial ${port.path}\` to see if it speaks protocol v1`,
		};
	return { ...base, looksLikeFieldchain: "no", reason: vendorId ? "unknown USB device" : "not a USB device" };
}

/** "2341:0043" or "2341" -> match. */
export function parseVidPid(text: string): UsbMatch | undefined {
	const m = /^(?:0x)?([0-9a-fA-F]{4})(?::(?:0x)?([0-9a-fA-F]{4}))?$/.exec(text.trim());
	return m ? { vendorId: m[1].toLowerCase(), productId: m[2]?.toLowerCase() } : undefined;
}
