/**
 * One webhook POST over node:http(s): no redirects followed (a 3xx is a failed attempt, as
 * Stripe treats it), no connection kept alive, the response body read and dropped (at most 64 KiB),
 * and a timeout on the whole exchange driven by the injected clock. With an address policy, the
 * address connected to is checked first (address-policy.ts): a refused one is never connected to.
 */
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { Clock } from "../../platform/clock.js";
import { guardedLookup, literalAddress, systemResolver, type WebhookAddressPolicy, type WebhookResolver } from "./address-policy.js";

export interface WebhookRequest {
	url: string;
	headers: Record<string, string>;
	body: string;
	timeoutMs: number;
}

export interface WebhookResponse {
	statusCode: number;
	/** From a Retry-After header (seconds or an HTTP date), if the receiver sent one. */
	retryAfterMs: number | undefined;
}

/** Sends one delivery; resolves with the receiver's status, rejects on network errors and timeouts. */
export type WebhookPoster = (request: WebhookRequest) => Promise<WebhookResponse>;

const MAX_RESPONSE_BYTES = 64 * 1024;

export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
	if (!value) return undefined;
	if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
	const at = Date.parse(value);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface PosterGuard {
	policy: WebhookAddressPolicy;
	/** Resolves host names (default: the system resolver). */
	resolve?: WebhookResolver;
}

export function httpPoster(clock: Clock, guard?: PosterGuard): WebhookPoster {
	const lookup = guard ? guardedLookup(guard.policy, guard.resolve ?? systemResolver) : undefined;
	return (req) =>
		new Promise<WebhookResponse>((resolve, reject) => {
			const url = new URL(req.url);
			// net skips `lookup` for an IP literal, so a literal is checked here.
			const literal = literalAddress(url);
			if (guard && literal !== undefined) {
				try {
					guard.policy.check([literal]);
				} catch (error) {
					reject(error);
					return;
				}
			}
			const send = url.protocol === "https:" ? httpsRequest : httpRequest;
			let settled = false;
			const finish = (error: Error | undefined, response?: WebhookResponse) => {
				if (settled) return;
				settled = true;
				clock.clearTimeout(timer);
				if (error) reject(error);
				else resolve(response!);
			};
			const outgoing = send(url, {
				method: "POST",
				agent: false,
				...(lookup ? { lookup } : {}),
				headers: { ...req.headers, "Content-Length": String(Buffer.byteLength(req.body)), Connection: "close" },
			});
			const timer = clock.setTimeout(() => {
				const error = new Error(`No response within ${req.timeoutMs} ms (timeout).`);
				outgoing.destroy(error);
				finish(error);
			}, req.timeoutMs);
			outgoing.once("error", (error) => finish(error));
			outgoing.once("response", (response: IncomingMessage) => {
				let received = 0;
				const done = () =>
					finish(undefined, {
						statusCode: response.statusCode ?? 0,
						retryAfterMs: parseRetryAfter(response.headers["retry-after"], clock.now()),
					});
				response.on("data", (chunk: Buffer) => {
					received += chunk.length;
					if (received > MAX_RESPONSE_BYTES) {
						done();
						response.destroy();
					}
				});
				response.once("end", done);
				response.once("error", (error) => finish(error));
			});
			outgoing.end(req.body);
		});
}
