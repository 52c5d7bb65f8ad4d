/** Calls to the gateway's local API, same origin, with the session cookie. */

export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
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
	const parsed = text ? (JSON.parse(text) as unknown) : undefined;
	if (!response.ok) {
		// Error bodies are { error: { code, message, hint, details? } }; the hint says what to do, so it is shown too.
		const error = (parsed as { error?: { code?: string; message?: string; hint?: string | null } } | undefined)?.error;
		const message = error?.message ? [error.message, error.hint].filter(Boolean).join(" ") : `${method} ${path} failed with HTTP ${response.status}.`;
		throw new ApiError(response.status, error?.code ?? "HTTP", message);
	}
	return parsed as T;
}

export const get = <T>(path: string) => api<T>("GET", path);
