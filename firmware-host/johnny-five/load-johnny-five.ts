/**
 * Loads johnny-five and firmata-io only when the adapter runs. They are optional peer
 * dependencies of fieldchain, so a plain install has neither: johnny-five's optional
 * dependencies pull in serialport 8, whose native binding nothing else needs. The board is opened
 * with fieldchain's own serialport 13 and handed to firmata-io's Board as a ready transport, so
 * serialport 8 is never loaded, even when it is installed. Both stay outside the esbuild bundle.
 */
import { createRequire } from "node:module";
import { ErrorCodes, FieldchainError, toError } from "../../platform/errors.js";
import type { JohnnyFive } from "./johnny-five-types.js";

const requireAtRunTime = createRequire(import.meta.url);

export function loadJohnnyFive(): JohnnyFive {
	return load("johnny-five") as JohnnyFive;
}

/** firmata-io's Board class; given a port object it uses it as the transport (no default transport, no serialport 8). */
export function loadFirmata(): new (port: unknown, callback?: (error?: Error) => void) => unknown {
	return (load("firmata-io") as { Firmata: never }).Firmata;
}

function load(name: string): unknown {
	try {
		return requireAtRunTime(name);
	} catch (error) {
		throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `Cannot load ${name}: ${toError(error).message}.`, {
			cause: error,
			hint: "The johnny-five adapter is optional and not installed with fieldchain: npm install johnny-five@2 firmata-io@2 next to it.",
		});
	}
}
