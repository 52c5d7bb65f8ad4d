/**
 * `--keys-from URL`: asks the billing service which keys the bundle's gateway enrolled
 * (`GET URL/v1/gateways/{id}/keys`, bearer token with workorders:read or admin). Invariants: the
 * token is sent only in the Authorization header and never printed; plain http is refused off
 * loopback, since keys read over a network anyone can answer on would vouch for anything.
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { isLoopback } from "../../platform/net.js";
import { parsePublicKey } from "../../protocol/evidence/keys.js";
import { type AnchorKey, GATEWAY_ID_PATTERN, type TrustAnchor } from "./trust-anchor.js";

export interface KeysFromOptions {
	url: string;
	token: string;
	gatewayId: string | null;
	timeoutMs?: number;
}

export async function keysFromAnchor(options: KeysFromOptions): Promise<TrustAnchor> {
	const base = serviceUrl(options.url);
	const anchor: TrustAnchor = { source: "keys-from", where: `the keys enrolled at ${base.origin}`, keys: [] };
	if (options.gatewayId === null || !GATEWAY_ID_PATTERN.test(options.gatewayId)) {
		anchor.missing = `the bundle names no valid gateway id to look up at ${base.origin}`;
		return anchor;
	}
	const target = new URL(`v1/gateways/${encodeURIComponent(options.gatewayId)}/keys`, base);
	let response: Response;
	try {
		response = await fetch(target, {
			headers: { authorization: `Bearer ${options.token}`, accept: "application/json" },
			redirect: "error",
			signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
		});
	} catch (cause) {
		throw configError(`--keys-from ${base.origin} did not answer: ${(cause as Error).message}.`, "Check the URL and that the billing service runs.", cause);
	}
	if (response.status === 404) {
		anchor.missing = `gateway ${options.gatewayId} is not enrolled at ${base.origin}`;
		return anchor;
	}
	if (response.status === 401 || response.status === 403) {
		throw configError(
			`--keys-from ${base.origin} refused the token (HTTP ${response.status}).`,
			"Pass a token with scope workorders:read or admin (--token or FIELDCHAIN_TOKEN).",
		);
	}
	if (!response.ok) throw configError(`--keys-from ${base.origin} answered HTTP ${response.status}.`, "Check the URL; it is the billing service's base URL.");
	anchor.keys = readKeys(await response.json().catch(() => undefined), base.origin);
	if (anchor.keys.length === 0) anchor.missing = `gateway ${options.gatewayId} has no enrolled key at ${base.origin}`;
	return anchor;
}

function serviceUrl(text: string): URL {
	let url: URL;
	try {
		url = new URL(text);
	} catch (cause) {
		throw configError(`--keys-from ${JSON.stringify(text)} is not a URL.`, "Pass the billing service's base URL, e.g. https://billing.example.com", cause);
	}
	if (url.protocol !== "https:" && url.protocol !== "http:") throw configError(`--keys-from needs an http(s) URL, not ${url.protocol}.`);
	if (url.protocol === "http:" && !isLoopback(url.hostname.replace(/^\[|\]$/g, ""))) {
		throw configError(`--keys-from ${url.origin} is plain http off loopback: anyone on the path could answer with their own key.`, "Use https.");
	}
	if (url.username || url.password) throw configError("--keys-from must not carry credentials in the URL.", "Pass the token with --token or FIELDCHAIN_TOKEN.");
	if (!url.pathname.endsWith("/")) url.pathname += "/";
	url.search = "";
	url.hash = "";
	return url;
}

function readKeys(body: unknown, origin: string): AnchorKey[] {
	const keys = (body as { keys?: unknown } | undefined)?.keys;
	if (!Array.isArray(keys))
		throw configError(`--keys-from ${origin} did not answer with {gatewayId, keys: [...]}.`, "Check the URL; it is the billing service's base URL.");
	return keys.map((key: { publicKey?: unknown; revokedAt?: unknown }) => {
		const revokedAt = key?.revokedAt ?? null;
		if (typeof key?.publicKey !== "string" || (revokedAt !== null && typeof revokedAt !== "number"))
			throw configError(`--keys-from ${origin} answered a key without publicKey or with a bad revokedAt.`);
		try {
			return { publicKey: parsePublicKey(key.publicKey), revokedAt };
		} catch (cause) {
			throw configError(`--keys-from ${origin} answered a key that is not an Ed25519 public key.`, undefined, cause);
		}
	});
}

function configError(message: string, hint?: string, cause?: unknown): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, message, { hint, cause });
}
