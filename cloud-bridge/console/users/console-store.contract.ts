/** One suite every ConsoleStore backend passes: memory, SQLite and PostgreSQL. */
import { afterEach, describe, expect, it } from "vitest";
import type { ConsoleStore, SessionRecord, UserRecord } from "./types.js";

const user = (over: Partial<UserRecord> = {}): UserRecord => ({
	id: "u1",
	username: "alice",
	displayName: "Alice Approver",
	role: "approver",
	passwordHash: "scrypt$16384$8$1$c2FsdA$a2V5",
	technicianId: null,
	createdAt: 1000,
	disabledAt: null,
	...over,
});
const session = (over: Partial<SessionRecord> = {}): SessionRecord => ({ hash: "a".repeat(64), userId: "u1", createdAt: 1000, expiresAt: 5000, ...over });

export function consoleStoreContract(name: string, open: () => Promise<ConsoleStore>): void {
	describe(`console store: ${name}`, () => {
		let store: ConsoleStore | undefined;
		afterEach(async () => {
			await store?.close();
		});

		it("keeps users by id and username and lists them by username", async () => {
			store = await open();
			await store.createUser(user());
			await store.createUser(user({ id: "u2", username: "bob", role: "billing", technicianId: "TECH1", passwordHash: null }));
			await store.createUser(user({ id: "u0", username: "aaron", role: "admin" }));
			expect(await store.getUser("u1")).toEqual(user());
			expect(await store.findUserByUsername("bob")).toMatchObject({ id: "u2", role: "billing", technicianId: "TECH1", passwordHash: null });
			expect(await store.findUserByUsername("nobody")).toBeUndefined();
			expect((await store.listUsers()).map((u) => u.username)).toEqual(["aaron", "alice", "bob"]);
		});

		it("refuses a second user with the same username and keeps the first", async () => {
			store = await open();
			await store.createUser(user());
			await expect(store.createUser(user({ id: "u9", role: "admin" }))).rejects.toMatchObject({ code: "FC_BILLING_CONFLICT" });
			expect((await store.listUsers()).map((u) => [u.id, u.role])).toEqual([["u1", "approver"]]);
		});

		it("finds, ends and purges sessions", async () => {
			store = await open();
			await store.createUser(user());
			await store.createSession(session());
			await store.createSession(session({ hash: "b".repeat(64), expiresAt: 9000 }));
			expect(await store.findSession("a".repeat(64))).toEqual(session());
			await store.deleteSession("a".repeat(64));
			expect(await store.findSession("a".repeat(64))).toBeUndefined();
			await store.createSession(session({ hash: "c".repeat(64), expiresAt: 2000 }));
			expect(await store.purgeExpiredSessions(5000)).toBe(1);
			expect(await store.findSession("b".repeat(64))).toBeDefined();
		});

		it("disabling a user ends all their sessions; enabling lets them sign in again but revives none", async () => {
			store = await open();
			await store.createUser(user());
			await store.createUser(user({ id: "u2", username: "bob" }));
			await store.createSession(session());
			await store.createSession(session({ hash: "d".repeat(64), userId: "u2" }));
			expect(await store.setUserDisabled("u1", 3000)).toMatchObject({ disabledAt: 3000 });
			// A second disable keeps the first time.
			expect(await store.setUserDisabled("u1", 4000)).toMatchObject({ disabledAt: 3000 });
			expect(await store.findSession("a".repeat(64))).toBeUndefined();
			expect(await store.findSession("d".repeat(64))).toBeDefined();
			expect(await store.setUserDisabled("u1", null)).toMatchObject({ disabledAt: null });
			expect(await store.findSession("a".repeat(64))).toBeUndefined();
			expect(await store.setUserDisabled("nobody", 1)).toBeUndefined();
		});
	});
}
