/** Calls to the gateway's local API, same origin, with the session cookie. */
import { type ErrorLike, humanError } from "../../work/human-messages.js";

/**
 * A refusal or failure from the gateway. `message` is what the technician reads (what to do, in
 * their words: gateway/work/human-messages.ts); `code` and `machine` keep the gateway's own words
 * for logs and support.
 */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly machine: string = message,
	) {
		super(message);
	}
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
	let response: Response;
	try {
		response = await fetch(path, {
			method,
			credentials: "same-origin",
			headers: body === undefined ? {} : { "content-type": "application/json" },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	} catch (cause) {
		throw new TypeError(`The gateway is not reachable (${(cause as Error).message}).`);
	}
	if (response.status === 204) return undefined as T;
	const text = await response.text();
	let parsed: unknown;
	try {
		parsed = text ? (JSON.parse(text) as unknown) : undefined;
	} catch {
		parsed = undefined;
	}
	if (!response.ok) {
		// Error bodies are { error: { code, message, hint, details? } }: the technician reads the human sentence,
		// the console keeps the machine message and hint.
		const error = (parsed as { error?: Partial<ErrorLike> } | undefined)?.error;
		if (!error?.message)
			throw new ApiError(
				response.status,
				"HTTP",
				`The gateway answered HTTP ${response.status}: try again.`,
				`${method} ${path} failed with HTTP ${response.status}.`,
			);
		const machine = [error.message, error.hint].filter(Boolean).join(" ");
		const code = error.code ?? "HTTP";
		console.info(`fieldchain: ${method} ${path} refused: ${code}: ${machine}`);
		throw new ApiError(response.status, code, humanError({ ...error, code, message: error.message }), machine);
	}
	return parsed as T;
}

export const get = <T>(path: string) => api<T>("GET", path);
