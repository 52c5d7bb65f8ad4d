/**
 * Creating console users and checking who signs in. Password sign-in goes through an
 * IdentityProvider (the local one: username + scrypt password). Sign-in through an OIDC provider
 * is a redirect flow, not a credential check, so it lives in oidc/ and ends in the same session.
 * Invariant: a password never leaves this module except as its KDF hash.
 */
import { randomUUID } from "node:crypto";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { decoyHash, hashPassword, type KdfParams, passwordProblem, verifyPassword } from "./users/password.js";
import { type ConsoleStore, normaliseUsername, ROLES, type Role, USERNAME_PATTERN, type UserRecord } from "./users/types.js";

export interface NewUser {
	username: string;
	displayName?: string;
	role: string;
	/** Null for a person who signs in only through the OIDC provider (linked with link-oidc). */
	password: string | null;
	technicianId?: string | null;
}

export async function createUser(store: ConsoleStore, input: NewUser, now: number, kdf?: KdfParams): Promise<UserRecord> {
	const username = normaliseUsername(input.username);
	if (!USERNAME_PATTERN.test(username)) {
		throw new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, `"${input.username}" is not a usable username.`, {
			hint: "Use 1-64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit.",
		});
	}
	if (!(ROLES as readonly string[]).includes(input.role)) {
		throw new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, `Unknown role "${input.role}".`, { hint: `Choose from ${ROLES.join(", ")}.` });
	}
	const problem = input.password === null ? null : passwordProblem(input.password);
	if (problem) throw new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, problem, { hint: "A long passphrase of several words is easiest to remember." });
	const user: UserRecord = {
		id: randomUUID(),
		username,
		displayName: input.displayName?.trim() || username,
		role: input.role as Role,
		passwordHash: input.password === null ? null : await hashPassword(input.password, kdf),
		technicianId: input.technicianId ?? null,
		createdAt: now,
		disabledAt: null,
	};
	await store.createUser(user);
	return user;
}

/** Who may sign in with a username and password. */
export interface IdentityProvider {
	readonly name: string;
	/** The enabled user these credentials prove, or undefined. Must take as long for an unknown user as for a wrong password. */
	verify(credentials: { username: string; password: string }): Promise<UserRecord | undefined>;
}

export function localPasswords(store: ConsoleStore, kdf?: KdfParams): IdentityProvider {
	return {
		name: "local",
		async verify({ username, password }) {
			const user = await store.findUserByUsername(normaliseUsername(username));
			const hash = user?.passwordHash ?? (await decoyHash(kdf));
			const good = await verifyPassword(password, hash);
			return good && user && user.disabledAt === null ? user : undefined;
		},
	};
}

export const signInFailed = (): FieldchainError =>
	new FieldchainError(ErrorCodes.FC_CONSOLE_SIGN_IN_FAILED, "Wrong username or password, or the account is disabled.", {
		hint: "Check both and try again; an admin can reset or re-enable your account (`fieldchain cloud user`).",
	});

/** A user as the API shows it: never the hash. */
export function publicUser(user: UserRecord) {
	return {
		id: user.id,
		username: user.username,
		displayName: user.displayName,
		role: user.role,
		technicianId: user.technicianId,
		createdAt: user.createdAt,
		disabledAt: user.disabledAt,
	};
}
