/** Option parsers shared by the firmware-host commands: each names its flag in the error. */
import { InvalidArgumentError } from "commander";

export function collect(value: string, previous: string[]): string[] {
	return [...previous, value];
}

export function number(flag: string): (value: string) => number {
	return (value) => {
		const parsed = Number(value);
		if (value.trim() === "" || !Number.isFinite(parsed)) throw new InvalidArgumentError(`${flag} needs a number.`);
		return parsed;
	};
}

export function integer(flag: string): (value: string) => number {
	return (value) => {
		const parsed = Number(value);
		if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed)) throw new InvalidArgumentError(`${flag} needs a whole number of at least 0.`);
		return parsed;
	};
}
