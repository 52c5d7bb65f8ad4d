/**
 * Who may connect to the embedded broker and what they may do there: the aedes authenticate,
 * authorizePublish and authorizeSubscribe handlers. Every client is a device; it proves who it is
 * with username = device id and a password checked against the device's scrypt hash, and may then
 * publish only to its own up topic and subscribe only to its own down topic.
 * Decisions are logged here (never the password), once each.
 */
import type { AedesOptions, AuthErrorCode, AuthenticateError, Client, PublishPacket, Subscription } from "aedes";
import type { Logger } from "pino";
import { ErrorCodes, FieldchainError, toError } from "../../platform/errors.js";
import { deviceDownTopic, deviceUpTopic, isValidDeviceId } from "../../protocol/topics.js";
import { verifyPasswordOrDummy } from "../auth/password-hash.js";
import type { DeviceLookup } from "./device-credentials.js";

export interface DeviceAclOptions {
	devices: DeviceLookup;
	logger: Logger;
	/** Largest PUBLISH payload (one encoded Envelope) a device may send. */
	maxPayload: number;
}

export type DeviceAcl = Required<Pick<AedesOptions, "authenticate" | "authorizePublish" | "authorizeSubscribe">>;

// CONNACK return codes, MQTT 3.1.1 section 3.2.2.3 (aedes declares them as an ambient const enum,
// which isolatedModules cannot read).
const IDENTIFIER_REJECTED = 2 as AuthErrorCode;
const SERVER_UNAVAILABLE = 3 as AuthErrorCode;
const BAD_USERNAME_OR_PASSWORD = 4 as AuthErrorCode;

const NO_PASSWORD = Buffer.alloc(0);

export function createDeviceAcl({ devices, logger, maxPayload }: DeviceAclOptions): DeviceAcl {
	const refuseConnect = (client: Client, username: string | undefined, returnCode: AuthErrorCode, reason: string): AuthenticateError => {
		logger.warn(
			{ code: ErrorCodes.FC_MQTT_AUTH, clientId: client.id, username: username?.slice(0, 80), remoteAddress: remoteAddressOf(client), returnCode, reason },
			"MQTT connection refused",
		);
		const error = new FieldchainError(ErrorCodes.FC_MQTT_AUTH, `MQTT connection from "${client.id}" refused: ${reason}.`) as FieldchainError &
			AuthenticateError;
		error.returnCode = returnCode;
		return error;
	};

	const forbid = (client: Client | null, topic: string, reason: string): FieldchainError => {
		logger.warn({ code: ErrorCodes.FC_MQTT_FORBIDDEN, clientId: client?.id, topic: topic.slice(0, 200), reason }, "MQTT operation refused");
		return new FieldchainError(ErrorCodes.FC_MQTT_FORBIDDEN, `Client "${client?.id}" may not use "${topic.slice(0, 200)}": ${reason}.`, {
			details: { clientId: client?.id, topic },
		});
	};

	/** Why username/password do not identify a device, or undefined when they do. */
	const checkCredentials = async (username: string | undefined, password: Buffer | undefined): Promise<string | undefined> => {
		// MQTT 3.1.1 sections 3.1.2.8 and 3.1.2.9: username and password flags. Every path below runs
		// one scrypt verification, so an unknown user costs the same time as a wrong password.
		const deviceId = username ?? "";
		const device = isValidDeviceId(deviceId) ? await devices(deviceId) : undefined;
		const hash = device?.id === deviceId ? device.passwordHash : undefined;
		let matches: boolean;
		try {
			matches = await verifyPasswordOrDummy(password ?? NO_PASSWORD, hash);
		} catch (error) {
			logger.error({ code: ErrorCodes.FC_CONFIG_INVALID, deviceId, err: toError(error) }, "Device password hash is unusable");
			return "the device's password hash is malformed";
		}
		if (matches) return undefined;
		if (username === undefined) return "no username (the device id) was given";
		if (!device) return "unknown device";
		if (hash === undefined) return "the device has no MQTT password";
		return password === undefined ? "no password was given" : "wrong password";
	};

	const authenticate: DeviceAcl["authenticate"] = (client, username, password, done) => {
		checkCredentials(username, password).then(
			(problem) => {
				// 3.2.2.3, return code 4: bad user name or password.
				if (problem !== undefined) return done(refuseConnect(client, username, BAD_USERNAME_OR_PASSWORD, problem), false);
				// 3.1.3.1: a server may reject a ClientId with return code 2 (identifier rejected). The
				// client id must be the device id, so one device cannot take over another's session
				// (3.1.4: a new connection with the same ClientId disconnects the old one).
				if (client.id !== username) return done(refuseConnect(client, username, IDENTIFIER_REJECTED, "the client id must equal the username"), false);
				done(null, true);
			},
			(error: unknown) => {
				logger.error({ err: toError(error), clientId: client.id }, "Device lookup failed");
				done(refuseConnect(client, username, SERVER_UNAVAILABLE, "device lookup failed"), false);
			},
		);
	};

	// 3.3.5: the server cannot tell a client that a PUBLISH was not authorised; aedes closes the
	// network connection, which [MQTT-3.3.5-2] allows.
	const authorizePublish: DeviceAcl["authorizePublish"] = (client, packet: PublishPacket, done) => {
		if (!client) return done(forbid(null, packet.topic, "publish without a connected client (stale will)"));
		if (packet.topic !== deviceUpTopic(client.id)) return done(forbid(client, packet.topic, `a device may publish only to ${deviceUpTopic(client.id)}`));
		// 3.3.1.3 RETAIN: a retained reading would be replayed to every later subscriber as if new.
		if (packet.retain) return done(forbid(client, packet.topic, "retained publishes are not allowed"));
		const size = packet.payload.length;
		if (size > maxPayload) return done(forbid(client, packet.topic, `payload of ${size} bytes exceeds ${maxPayload}`));
		done(null);
	};

	// 3.8.4 / 3.9.3: a refused topic filter gets SUBACK return code 0x80 (failure); aedes sends it
	// when the subscription is replaced with null. Exact match only, so no wildcards.
	const authorizeSubscribe: DeviceAcl["authorizeSubscribe"] = (client, subscription: Subscription, done) => {
		if (subscription.topic === deviceDownTopic(client.id)) return done(null, subscription);
		forbid(client, subscription.topic, `a device may subscribe only to ${deviceDownTopic(client.id)}`);
		done(null, null);
	};

	return { authenticate, authorizePublish, authorizeSubscribe };
}

/** The peer address; the connection is a PacketSizeGuard that passes it through. */
export function remoteAddressOf(client: Client): string | undefined {
	return (client.conn as { remoteAddress?: string } | undefined)?.remoteAddress;
}
