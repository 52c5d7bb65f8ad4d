/** Users and sessions in memory (tests, `--memory` services): gone at exit. */
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import type { ConsoleStore, SessionRecord, UserRecord } from "./types.js";

export function usernameTaken(username: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_BILLING_CONFLICT, `A user named "${username}" exists already.`, { hint: "Choose another username." });
}

export class MemoryConsoleStore implements ConsoleStore {
	private readonly users = new Map<string, UserRecord>();
	private readonly sessions = new Map<string, SessionRecord>();

	async createUser(user: UserRecord): Promise<void> {
		if ([...this.users.values()].some((u) => u.username === user.username)) throw usernameTaken(user.username);
		this.users.set(user.id, { ...user });
	}
	async getUser(id: string): Promise<UserRecord | undefined> {
		const user = this.users.get(id);
		return user && { ...user };
	}
	async findUserByUsername(username: string): Promise<UserRecord | undefined> {
		const user = [...this.users.values()].find((u) => u.username === username);
		return user && { ...user };
	}
	async listUsers(): Promise<UserRecord[]> {
		return [...this.users.values()].map((u) => ({ ...u })).sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
	}
	async setUserDisabled(id: string, at: number | null): Promise<UserRecord | undefined> {
		const user = this.users.get(id);
		if (!user) return undefined;
		user.disabledAt = at === null ? null : (user.disabledAt ?? at);
		if (at !== null) for (const [hash, session] of this.sessions) if (session.userId === id) this.sessions.delete(hash);
		return { ...user };
	}
	async createSession(session: SessionRecord): Promise<void> {
		this.sessions.set(session.hash, { ...session });
	}
	async findSession(hash: string): Promise<SessionRecord | undefined> {
		const session = this.sessions.get(hash);
		return session && { ...session };
	}
	async deleteSession(hash: string): Promise<void> {
		this.sessions.delete(hash);
	}
	async purgeExpiredSessions(now: number): Promise<number> {
		let purged = 0;
		for (const [hash, session] of this.sessions)
			if (session.expiresAt <= now) {
				this.sessions.delete(hash);
				purged++;
			}
		return purged;
	}
	async close(): Promise<void> {}
}
