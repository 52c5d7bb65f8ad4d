import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate } from "../store/migrations.js";
import { readCookie, sessionCookie, WebSessions } from "./web-sessions.js";

/** A database with the gateway schema, as the gateway opens it. */
function gatewayDb(): Database.Database {
	const db = new Database(":memory:");
	migrate(db);
	return db;
}

describe("WebSessions", () => {
	it("finds a live session by its token, slides it on use, and ends it", () => {
		const db = gatewayDb();
		const sessions = new WebSessions(db, 3_600_000);
		const { token, session } = sessions.create("tech-1", 1_000_000);
		expect(session).toEqual({ technicianId: "tech-1", expiresAt: 4_600_000 });
		// Only the token's hash is stored.
		expect(JSON.stringify(db.prepare("SELECT * FROM web_sessions").all())).not.toContain(token);
		expect(sessions.touch(token, 2_000_000)).toEqual({ technicianId: "tech-1", expiresAt: 5_600_000 });
		expect(sessions.touch(token, 5_000_000)?.technicianId).toBe("tech-1");
		expect(sessions.touch("forged", 2_000_000)).toBeUndefined();
		sessions.end(token);
		expect(sessions.touch(token, 2_000_000)).toBeUndefined();
	});

	it("refuses an expired session", () => {
		const sessions = new WebSessions(gatewayDb(), 1000);
		const { token } = sessions.create("tech-1", 0);
		expect(sessions.touch(token, 1000)).toBeUndefined();
	});

	it("writes an HttpOnly, SameSite=Strict cookie and reads it back", () => {
		const cookie = sessionCookie("abc", 60);
		expect(cookie).toBe("fc_session=abc; Path=/; HttpOnly; SameSite=Strict; Max-Age=60");
		expect(readCookie("theme=dark; fc_session=abc; x=1", "fc_session")).toBe("abc");
		expect(readCookie(undefined, "fc_session")).toBeUndefined();
	});
});
