/**
 * Image versions as MCUboot's image header stores them (struct image_version: u8 major, u8 minor,
 * u16 revision, u32 build_num), written major.minor.revision[+build].
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";

export interface ImageVersion {
	major: number;
	minor: number;
	revision: number;
	build: number;
}

const VERSION = /^(\d+)\.(\d+)\.(\d+)(?:\+(\d+))?$/;
const LIMITS = { major: 0xff, minor: 0xff, revision: 0xffff, build: 0xffffffff } as const;

/** Parses "1.4.2" or "1.4.2+17" strictly; throws FC_FIRMWARE_IMAGE naming the problem. */
export function parseVersion(text: string): ImageVersion {
	const match = VERSION.exec(text.trim());
	if (!match) {
		throw new FieldchainError(ErrorCodes.FC_FIRMWARE_IMAGE, `Version "${text}" is not major.minor.revision[+build].`, {
			hint: "Use e.g. 1.4.2 or 1.4.2+17 (MCUboot's version format).",
		});
	}
	const version = { major: Number(match[1]), minor: Number(match[2]), revision: Number(match[3]), build: Number(match[4] ?? 0) };
	for (const key of Object.keys(LIMITS) as (keyof ImageVersion)[]) {
		if (version[key] > LIMITS[key]) {
			throw new FieldchainError(ErrorCodes.FC_FIRMWARE_IMAGE, `Version "${text}": ${key} ${version[key]} is above ${LIMITS[key]}.`, {
				hint: "MCUboot stores major and minor in 8 bits, revision in 16, build in 32.",
			});
		}
	}
	return version;
}

/**
 * Reads the leading major.minor.revision of a firmware_version a device reports ("0.1.0-sim"
 * gives 0.1.0); undefined when it has none, so a downgrade cannot be judged.
 */
export function looseVersion(text: string): ImageVersion | undefined {
	const match = /^(\d+)\.(\d+)\.(\d+)(?:\+(\d+))?/.exec(text.trim());
	if (!match) return undefined;
	return { major: Number(match[1]), minor: Number(match[2]), revision: Number(match[3]), build: Number(match[4] ?? 0) };
}

export function formatVersion(version: ImageVersion): string {
	const base = `${version.major}.${version.minor}.${version.revision}`;
	return version.build ? `${base}+${version.build}` : base;
}

/** Negative when a is older than b. Build numbers count, as in MCUboot's downgrade prevention. */
export function compareVersions(a: ImageVersion, b: ImageVersion): number {
	return a.major - b.major || a.minor - b.minor || a.revision - b.revision || a.build - b.build;
}
