/** `fieldchain device list [--json]`: serial ports, their USB identity, and whether each looks like a fieldchain tool. */
import { readFileSync } from "node:fs";
import { ErrorCodes, FieldchainError, isFieldchainError, toError } from "../platform/errors.js";
import { listSerialPorts, type SerialBinding } from "../protocol/transport/serial.js";
import { judgePort, type ListedPort, parseVidPid, type UsbMatch } from "./ports/port-heuristics.js";
import { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from "./simulate-command.js";

export interface ListOptions {
	json?: boolean;
	/** Gateway config file: its serial.ports USB matches count as fieldchain tools. */
	config?: string;
	vidPid?: string[];
	binding?: SerialBinding;
}

export async function listDevices(options: ListOptions): Promise<ListedPort[]> {
	const configured: UsbMatch[] = [...configuredMatches(options.config)];
	for (const text of options.vidPid ?? []) {
		const match = parseVidPid(text);
		if (!match)
			throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `--vid-pid "${text}" is not VID or VID:PID in hex.`, {
				hint: "For example --vid-pid 2341:0043.",
				details: { field: "vid-pid" },
			});
		configured.push(match);
	}
	const ports = await listSerialPorts(options.binding);
	return ports.map((port) => judgePort(port, configured)).sort((a, b) => a.path.localeCompare(b.path));
}

export async function listCommand(options: ListOptions, io: CliIo): Promise<number> {
	let ports: ListedPort[];
	try {
		ports = await listDevices(options);
	} catch (error) {
		const e = toError(error);
		io.stderr(`error${isFieldchainError(e) ? ` ${e.code}` : ""}: ${e.message}`);
		return isFieldchainError(e, ErrorCodes.FC_CONFIG_INVALID) ? EXIT_USAGE : EXIT_FAILURE;
	}
	if (options.json) {
		io.stdout(JSON.stringify(ports, null, 2));
		return EXIT_OK;
	}
	if (ports.length === 0) {
		io.stdout("no serial ports found (is the tool plugged in, and may you read /dev/tty*? group dialout)");
		return EXIT_OK;
	}
	const rows = ports.map((p) => [
		p.path,
		p.vendorId && p.productId ? `${p.vendorId}:${p.productId}` : "-",
		p.serialNumber ?? "-",
		p.manufacturer ?? "-",
		p.looksLikeFieldchain,
		p.reason,
	]);
	const header = ["PATH", "VID:PID", "SERIAL", "MANUFACTURER", "FIELDCHAIN?", "WHY"];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	for (const row of [header, ...rows]) io.stdout(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join("  "));
	return EXIT_OK;
}

function configuredMatches(path: string | undefined): UsbMatch[] {
	if (!path) return [];
	let config: { serial?: { ports?: UsbMatch[] } };
	try {
		config = JSON.parse(readFileSync(path, "utf8"));
	} catch (error) {
		throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `Cannot read the gateway config ${path}: ${toError(error).message}.`, {
			details: { field: "config" },
		});
	}
	return (config.serial?.ports ?? []).filter((p) => p.vendorId || p.productId || p.serialNumber);
}
