/**
 * Loads johnny-five (and firmata for a real board) only when the adapter runs: johnny-five pulls
 * in serialport 8, whose native binding fieldchain does not build, and nothing else needs it, so
 * `fieldchain start` and the gateway never load it. Both stay outside the esbuild bundle.
 */
import { createRequire } from "node:module";
import { ErrorCodes, FieldchainError, toError } from "../../platform/errors.js";
import type { JohnnyFive } from "./johnny-five-types.js";

const requireAtRunTime = createRequire(import.meta.url);

export function loadJohnnyFive(): JohnnyFive {
	return load("johnny-five") as JohnnyFive;
}

/** firmata's Board class; given a port object it uses it as the transport. */
export function loadFirmata(): new (port: unknown, callback?: (error?: Error) => void) => unknown {
	return load("firmata") as never;
}

function load(name: string): unknown {
	try {
		return requireAtRunTime(name);
	} catch (error) {
		throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `Cannot load ${name}: ${toError(error).message}.`, {
			cause: error,
			hint: `Install it next to fieldchain: npm install ${name}.`,
		});
	}
}
