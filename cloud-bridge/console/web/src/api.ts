/**
 * The console's one way to the billing service: same-origin fetch with the session cookie.
 * Refusals arrive as the service's one error body and are thrown as ApiError with its code,
 * message and hint, so every view can show what went wrong and what to do.
 */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly hint: string | null,
	) {
		super(message);
	}
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
	const response = await fetch(path, {
		method,
		credentials: "same-origin",
		headers: body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	const parsed = text ? (JSON.parse(text) as unknown) : undefined;
	if (!response.ok) {
		const error = (parsed as { error?: { code?: string; message?: string; hint?: string | null } } | undefined)?.error;
		throw new ApiError(
			response.status,
			error?.code ?? `HTTP_${response.status}`,
			error?.message ?? `The service answered ${response.status}.`,
			error?.hint ?? null,
		);
	}
	return parsed as T;
}

export function messageOf(error: unknown): string {
	if (error instanceof ApiError) return error.hint ? `${error.message} ${error.hint}` : error.message;
	return error instanceof Error ? error.message : String(error);
}
