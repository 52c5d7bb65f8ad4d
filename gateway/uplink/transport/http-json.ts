/**
 * One JSON request to the billing service with a deadline, its failures sorted by reason
 * (network, timeout, server, auth, refused) so the drain can count them and back off.
 */
import { uplinkFailure } from "./transport.js";

export interface JsonResponse {
	status: number;
	// biome-ignore lint/suspicious/noExplicitAny: answers are checked by the callers field by field.
	body: any;
}

export interface JsonRequest {
	method: "GET" | "POST";
	url: string;
	token?: string;
	body?: unknown;
	timeoutMs: number;
	/** Aborts the request (the drain stopping). */
	signal?: AbortSignal;
}

export async function requestJson(request: JsonRequest): Promise<JsonResponse> {
	const headers: Record<string, string> = { accept: "application/json" };
	if (request.token) headers.authorization = `Bearer ${request.token}`;
	if (request.body !== undefined) headers["content-type"] = "application/json";
	const timeout = AbortSignal.timeout(request.timeoutMs);
	const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
	let response: Response;
	let text: string;
	try {
		response = await fetch(request.url, {
			method: request.method,
			headers,
			body: request.body === undefined ? undefined : JSON.stringify(request.body),
			signal,
		});
		text = await response.text();
	} catch (cause) {
		if (timeout.aborted) throw uplinkFailure("timeout", `${request.method} ${request.url} got no answer in ${request.timeoutMs} ms.`, { cause });
		throw uplinkFailure("network", `${request.method} ${request.url} failed: ${describe(cause)}.`, {
			cause,
			hint: "The gateway keeps everything and retries.",
		});
	}
	let body: unknown;
	try {
		body = text ? JSON.parse(text) : undefined;
	} catch (cause) {
		throw uplinkFailure("server", `${request.method} ${request.url} answered ${response.status} with a body that is not JSON.`, {
			cause,
			status: response.status,
		});
	}
	return { status: response.status, body };
}

/** Throws for an answer the caller cannot use as it is; returns it otherwise. */
export function expectStatus(response: JsonResponse, what: string, ...ok: number[]): JsonResponse {
	if (ok.includes(response.status)) return response;
	const message = `${what}: the billing service answered ${response.status}${errorText(response.body)}.`;
	if (response.status === 401 || response.status === 403) {
		throw uplinkFailure("auth", message, {
			status: response.status,
			hint: "The gateway's API token was refused: was the gateway revoked? Enroll it again with a new enrollment token.",
		});
	}
	if (response.status >= 500 || response.status === 408 || response.status === 429) throw uplinkFailure("server", message, { status: response.status });
	throw uplinkFailure("refused", message, { status: response.status });
}

export function errorText(body: unknown): string {
	const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
	return error ? ` (${error.code}: ${error.message})` : "";
}

function describe(cause: unknown): string {
	const error = cause as { message?: string; cause?: { code?: string; message?: string } };
	return error.cause?.code ?? error.cause?.message ?? error.message ?? String(cause);
}
