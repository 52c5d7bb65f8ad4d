/**
 * Unknown keys in the gateway config file are refused, with the key's path and the nearest known
 * key ("htpp" silently lost a setting before). Which keys are known is not listed here: the
 * parsers are run on a view of the file that records every key they look up, so a key a parser
 * reads is known by construction and a section added later needs no second list.
 * Invariant: an object the parsers never looked into is not judged (it cannot be told apart
 * from a section they skip on purpose); everything else in the file is either read or refused.
 */
import { closest, distance } from "fastest-levenshtein";
import { configFieldError } from "../platform/config-errors.js";

const invalid = configFieldError({ lead: "Invalid configuration: " });

interface Tracked {
	value: Record<string, unknown> | unknown[];
	path: string;
	read: Set<string>;
}

/** Runs `parse` on a recording view of `raw`, refuses any key of `raw` the parse never read, and returns `parse(raw)`. */
export function parseRefusingUnknownKeys<T>(raw: unknown, parse: (view: unknown) => T): T {
	const tracked: Tracked[] = [];
	parse(track(raw, "", tracked));
	for (const object of tracked) {
		if (Array.isArray(object.value) || object.read.size === 0) continue;
		const known = [...object.read].filter((key) => typeof key === "string" && !key.startsWith("__"));
		for (const key of Object.keys(object.value)) {
			if (object.read.has(key)) continue;
			const field = object.path ? `${object.path}.${key}` : key;
			throw invalid(field, "is not a known setting", suggestion(key, known, object.path));
		}
	}
	// Parsed again on the plain value: the result must hold no recording views (they cannot be cloned).
	return parse(raw);
}

function suggestion(key: string, known: string[], parent: string): string {
	const candidates = known.filter((name) => Object.hasOwn(Object.prototype, name) === false);
	const nearest = candidates.length > 0 ? closest(key, candidates) : undefined;
	// Beyond a third of the key's length the nearest name is a guess, not a typo: list the keys instead.
	if (nearest !== undefined && distance(key.toLowerCase(), nearest.toLowerCase()) <= Math.max(2, Math.ceil(key.length / 3))) {
		return `Did you mean "${parent ? `${parent}.` : ""}${nearest}"? (README, "Gateway configuration")`;
	}
	return `Known keys here: ${candidates.sort().join(", ") || "none"} (README, "Gateway configuration").`;
}

function track(value: unknown, path: string, tracked: Tracked[]): unknown {
	if (typeof value !== "object" || value === null) return value;
	const entry: Tracked = { value: value as Tracked["value"], path, read: new Set() };
	tracked.push(entry);
	const children = new Map<string, unknown>();
	return new Proxy(value, {
		get(target, property, receiver) {
			const result = Reflect.get(target, property, receiver);
			if (typeof property !== "string") return result;
			entry.read.add(property);
			if (!Object.hasOwn(target, property) || typeof result !== "object" || result === null) return result;
			// One view per child, so the parsers see the same object each time they look.
			if (!children.has(property)) children.set(property, track(result, childPath(path, property, Array.isArray(target)), tracked));
			return children.get(property);
		},
	});
}

function childPath(parent: string, property: string, inArray: boolean): string {
	if (inArray) return `${parent}[${property}]`;
	return parent ? `${parent}.${property}` : property;
}
