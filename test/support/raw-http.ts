/**
 * HTTP requests with the path sent byte for byte as given (fetch would normalise dot segments and
 * re-encode), for tests that try odd encodings against a real server. An event stream is cut after
 * its headers; every other body is read whole.
 */
import { Agent, request } from "node:http";

export interface RawResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
	/** The body as JSON, when it is. */
	json: unknown;
}

export interface RawRequest {
	method: string;
	path: string;
	headers?: Record<string, string>;
	body?: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

export function rawRequest(baseUrl: string, options: RawRequest): Promise<RawResponse> {
	const { hostname, port } = new URL(baseUrl);
	return new Promise((resolve, reject) => {
		const outgoing = request(
			{
				host: hostname,
				port,
				method: options.method,
				path: options.path,
				agent,
				headers: { ...(options.body === undefined ? {} : { "content-length": String(Buffer.byteLength(options.body)) }), ...options.headers },
			},
			(response) => {
				const status = response.statusCode ?? 0;
				if (String(response.headers["content-type"]).startsWith("text/event-stream")) {
					outgoing.destroy();
					resolve({ status, headers: response.headers, body: "", json: undefined });
					return;
				}
				const chunks: Buffer[] = [];
				response.on("data", (chunk: Buffer) => chunks.push(chunk));
				response.on("error", reject);
				response.on("end", () => {
					const body = Buffer.concat(chunks).toString("utf8");
					let json: unknown;
					try {
						json = body === "" ? undefined : JSON.parse(body);
					} catch {
						json = undefined;
					}
					resolve({ status, headers: response.headers, body, json });
				});
			},
		);
		// After an event stream is cut the promise is settled already and this is a no-op.
		outgoing.on("error", reject);
		// A request the server never answers fails the test instead of hanging it.
		outgoing.setTimeout(5_000, () => outgoing.destroy(new Error(`No answer to ${options.method} ${options.path} in 5 s.`)));
		if (options.body !== undefined) outgoing.write(options.body);
		outgoing.end();
	});
}

/** True when a body has the shared error shape of platform/http-errors.ts. */
export function isErrorBody(value: unknown): boolean {
	if (typeof value !== "object" || value === null) return false;
	const keys = Object.keys(value);
	const error = (value as { error?: unknown }).error;
	if (keys.length !== 1 || typeof error !== "object" || error === null) return false;
	const { code, message, hint, details, ...rest } = error as Record<string, unknown>;
	return (
		Object.keys(rest).length === 0 &&
		typeof code === "string" &&
		/^FC_[A-Z_]+$/.test(code) &&
		typeof message === "string" &&
		(hint === null || typeof hint === "string") &&
		(details === undefined || (typeof details === "object" && details !== null))
	);
}
