/**
 * The broker's authenticate handler behind its load guards: a CONNECT first spends a token of its
 * address (connection-guard.ts), then waits its turn in the bounded password-check queue
 * (password-check-queue.ts; in its own lane when the device is in good standing there), and only then reaches the device password check (device-acl.ts).
 * Refused early, it gets CONNACK return code 3, "server unavailable" (MQTT 3.1.1 section 3.2.2.3),
 * which tells a device to retry later, and costs no scrypt. aedes maps an authenticate error's
 * returnCode 2..5 onto the CONNACK; it speaks MQTT 3.1 and 3.1.1 only (an MQTT 5 CONNECT is
 * refused with return code 1 before authenticate is called), so no MQTT 5 reason code is needed.
 * Invariant: a refusal here never runs the wrapped check; refusals are logged through refusal-log.ts,
 * so a flood cannot flood the log.
 */
import type { AuthErrorCode, AuthenticateError } from "aedes";
import type { Logger } from "pino";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { ConnectionGuard } from "./connection-guard.js";
import { type DeviceAcl, remoteAddressOf } from "./device-acl.js";
import type { PasswordCheckQueue } from "./password-check-queue.js";
import { createRefusalLog } from "./refusal-log.js";

type Authenticate = DeviceAcl["authenticate"];

// CONNACK return code 3 (aedes declares the codes as an ambient const enum, which isolatedModules cannot read).
const SERVER_UNAVAILABLE = 3 as AuthErrorCode;

export interface GuardedAuthenticateOptions {
	guard: ConnectionGuard;
	queue: PasswordCheckQueue;
	logger: Logger;
	logEveryMs?: number;
}

export function guardAuthenticate(authenticate: Authenticate, { guard, queue, logger, logEveryMs = 10_000 }: GuardedAuthenticateOptions): Authenticate {
	const log = createRefusalLog(logger, logEveryMs);
	const refuse = (clientId: string, address: string, reason: string): AuthenticateError => {
		log({ clientId, remoteAddress: address, returnCode: SERVER_UNAVAILABLE }, `MQTT connection refused (server unavailable): ${reason}`);
		const error = new FieldchainError(ErrorCodes.FC_MQTT_BUSY, `MQTT connection from "${clientId}" refused: ${reason}.`, {
			hint: "The device should retry in a few seconds.",
		}) as FieldchainError & AuthenticateError;
		error.returnCode = SERVER_UNAVAILABLE;
		return error;
	};

	return (client, username, password, done) => {
		const address = remoteAddressOf(client) ?? "unknown";
		const admission = guard.takeConnect(address, username);
		if (admission === "limited") return done(refuse(client.id, address, "too many CONNECTs from this address"), false);
		const check = () =>
			new Promise<void>((resolve) => {
				// The peer gave up while waiting (aedes ignores an answer for a closed client): skip the scrypt.
				if (client.closed) {
					resolve();
					return done(refuse(client.id, address, "the connection closed while waiting"), false);
				}
				authenticate(client, username, password, (error, success) => {
					resolve();
					if (!error && success) guard.authenticated(address, username);
					done(error, success);
				});
			});
		if (!queue.submit(check, admission === "good-standing")) {
			done(refuse(client.id, address, "too many password checks are waiting"), false);
		}
	};
}
