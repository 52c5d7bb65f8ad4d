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

/** True when the gateway could not be reached at all (as opposed to answering with an error). */
export function isUnreachable(error: unknown): boolean {
	return !(error instanceof ApiError) || error.status === 502 || error.status === 503 || error.status === 504;
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
		const error = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
		throw new ApiError(response.status, error?.code ?? "HTTP", error?.message ?? `${method} ${path} failed with HTTP ${response.status}.`);
	}
	return parsed as T;
}

export const get = <T>(path: string) => api<T>("GET", path);
