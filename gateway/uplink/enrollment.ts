/**
 * Gateway enrollment (cloud-bridge/billing/routes/gateways.ts, POST /v1/gateways/enroll): the
 * gateway presents the one-time enrollment token from its config with its Ed25519 public key and
 * receives its own API token, which it keeps in its data directory (mode 0600) and never logs.
 * Once that file exists the enrollment token is not needed (nor usable: it works once). Every
 * request carries the gateway's proof of possession (protocol/uplink/enrollment-proof.ts): when an
 * answer is lost, the retry gets a new token instead of "already used".
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import { join } from "node:path";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { errorText, requestJson } from "./transport/http-json.js";

export const UPLINK_TOKEN_FILE = "uplink-token.json";

export interface StoredUplinkToken {
	url: string;
	gatewayId: string;
	token: string;
}

export function readUplinkToken(dataDir: string): StoredUplinkToken | undefined {
	let text: string;
	try {
		text = readFileSync(join(dataDir, UPLINK_TOKEN_FILE), "utf8");
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
		throw error;
	}
	const stored = JSON.parse(text) as StoredUplinkToken;
	if (typeof stored.token !== "string" || typeof stored.url !== "string") {
		throw new FieldchainError(ErrorCodes.FC_UPLINK_ENROLLMENT, `${UPLINK_TOKEN_FILE} in the data directory is damaged.`, {
			hint: "Delete it and enroll again with a new enrollment token.",
		});
	}
	return stored;
}

/** Written under a temporary name with mode 0600, fsynced, then renamed: never half a token. */
export function writeUplinkToken(dataDir: string, stored: StoredUplinkToken): void {
	const path = join(dataDir, UPLINK_TOKEN_FILE);
	const temporary = `${path}.${process.pid}.tmp`;
	const fd = openSync(temporary, "w", 0o600);
	try {
		writeSync(fd, JSON.stringify(stored));
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	renameSync(temporary, path);
}

export interface EnrollOptions {
	url: string;
	enrollmentToken: string;
	gatewayId: string;
	/** Base64 of the raw Ed25519 public key. */
	publicKey: string;
	/** The technicians this gateway serves (uplink.downlink.technicianIds): the service binds the gateway's token to their work. */
	technicianIds?: readonly string[];
	/** Base64 signature of protocol/uplink/enrollment-proof.ts by the gateway's key. */
	proof?: string;
	timeoutMs?: number;
	/** Aborts the request (the gateway stopping). */
	signal?: AbortSignal;
}

/** Enrolls and returns the gateway's API token. A refusal (used, expired, unknown token) is FC_UPLINK_ENROLLMENT; a network failure is FC_UPLINK_TRANSPORT (retry). */
export async function enrollGateway(options: EnrollOptions): Promise<string> {
	const post = (proof: string | undefined) =>
		requestJson({
			method: "POST",
			url: `${options.url.replace(/\/$/, "")}/v1/gateways/enroll`,
			body: {
				enrollmentToken: options.enrollmentToken,
				gatewayId: options.gatewayId,
				publicKey: options.publicKey,
				// Older services know no binding; sending none keeps their request shape.
				...(options.technicianIds && options.technicianIds.length > 0 ? { technicianIds: [...new Set(options.technicianIds)] } : {}),
				...(proof === undefined ? {} : { proof }),
			},
			timeoutMs: options.timeoutMs ?? 30_000,
			signal: options.signal,
		});
	let response = await post(options.proof);
	// A service older than enrollment proofs refuses the field it does not know: ask it as it expects.
	if (options.proof !== undefined && response.status === 400 && /additional properties/.test(errorText(response.body))) response = await post(undefined);
	if (response.status === 201 && typeof response.body?.token === "string") return response.body.token;
	if (response.status >= 500 || response.status === 429) {
		throw new FieldchainError(
			ErrorCodes.FC_UPLINK_TRANSPORT,
			`Enrollment at ${options.url}: the billing service answered ${response.status}${errorText(response.body)}.`,
			{ details: { reason: "server" } },
		);
	}
	throw new FieldchainError(
		ErrorCodes.FC_UPLINK_ENROLLMENT,
		`Enrollment of gateway ${options.gatewayId} at ${options.url} was refused (${response.status}${errorText(response.body)}).`,
		{
			hint: "Ask an admin for a new enrollment token (POST /v1/enrollments) and put it in uplink.enrollmentToken.",
		},
	);
}
