/**
 * People who use the office console: local user accounts with one role each, and their sign-in
 * sessions. A role maps onto the billing service's token scopes, so a signed-in person reaches
 * exactly the routes a token with those scopes reaches. Machines keep using API tokens.
 * Invariant: no password and no session secret is ever stored, only a KDF hash and a SHA-256.
 */
import type { Scope } from "../../billing/store/types.js";

export const ROLES = ["dispatcher", "approver", "billing", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** What each role may do, in the scopes every /v1 route already declares. */
export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
	dispatcher: ["workorders:read", "dispatch"],
	approver: ["workorders:read", "approve"],
	billing: ["workorders:read", "release"],
	admin: ["workorders:read", "approve", "release", "admin"],
};

export interface UserRecord {
	id: string;
	/** Sign-in name, lower case, unique. */
	username: string;
	displayName: string;
	role: Role;
	/** KDF hash in the self-describing form of password.ts (`scrypt$...`); null for users who only sign in through an identity provider. */
	passwordHash: string | null;
	/** Set when this person also works as a technician: they may never decide on that technician's time. */
	technicianId: string | null;
	createdAt: number;
	disabledAt: number | null;
}

export interface SessionRecord {
	/** Lower-case hex SHA-256 of the cookie's secret. */
	hash: string;
	userId: string;
	createdAt: number;
	expiresAt: number;
}

/** Users and sessions; memory, SQLite and PostgreSQL backends held to console-store.contract.ts. */
export interface ConsoleStore {
	/** FC_BILLING_CONFLICT when the username is taken. */
	createUser(user: UserRecord): Promise<void>;
	getUser(id: string): Promise<UserRecord | undefined>;
	findUserByUsername(username: string): Promise<UserRecord | undefined>;
	/** Every user, by username. */
	listUsers(): Promise<UserRecord[]>;
	/** Disables (at) or re-enables (null) a user; disabling also ends all their sessions. */
	setUserDisabled(id: string, at: number | null): Promise<UserRecord | undefined>;
	createSession(session: SessionRecord): Promise<void>;
	findSession(hash: string): Promise<SessionRecord | undefined>;
	deleteSession(hash: string): Promise<void>;
	/** Removes sessions that ended before `now`; returns how many. */
	purgeExpiredSessions(now: number): Promise<number>;
	close(): Promise<void>;
}

export function normaliseUsername(name: string): string {
	return name.trim().toLowerCase();
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{0,63}$/;
