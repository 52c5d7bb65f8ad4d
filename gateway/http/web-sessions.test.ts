import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../platform/clock.js";
import { migrate } from "../store/migrations.js";
import { readCookie, sessionCookie, WebSessions } from "./web-sessions.js";

const HOUR = 3_600_000;

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

	it("ends a session at its absolute lifetime, however busy it is kept", () => {
		const clock = new ManualClock();
		const db = gatewayDb();
		const sessions = new WebSessions(db, HOUR, 24 * HOUR);
		const { token } = sessions.create("tech-1", clock.now());
		const signedInAt = clock.now();
		// Used every 30 minutes: the idle hour never runs out.
		for (let elapsed = 0; elapsed < 23 * HOUR; elapsed += HOUR / 2) {
			clock.advance(HOUR / 2);
			expect(sessions.touch(token, clock.now())?.technicianId).toBe("tech-1");
		}
		// Near the end, the expiry offered is the absolute end, not a further idle hour.
		clock.advance(HOUR / 2);
		expect(sessions.touch(token, clock.now())?.expiresAt).toBe(signedInAt + 24 * HOUR);
		clock.advance(HOUR / 2);
		expect(sessions.touch(token, clock.now())).toBeUndefined();
		expect(db.prepare("SELECT COUNT(*) AS n FROM web_sessions").get()).toEqual({ n: 0 }); // gone, not just refused
	});

	it("keeps sessions stored before the absolute lifetime existed, bounded by their sign-in time", () => {
		const db = gatewayDb();
		const now = 100 * HOUR;
		const old = new WebSessions(db, 12 * HOUR, Number.MAX_SAFE_INTEGER);
		const { token: recent } = old.create("tech-1", now - 2 * HOUR);
		const { token: ancient } = old.create("tech-2", now - 30 * HOUR);
		for (let at = now - 30 * HOUR; at < now; at += HOUR) old.touch(ancient, at);
		const sessions = new WebSessions(db, 12 * HOUR, 24 * HOUR);
		expect(sessions.touch(recent, now)?.technicianId).toBe("tech-1");
		expect(sessions.touch(ancient, now)).toBeUndefined();
	});

	it("writes an HttpOnly, SameSite=Strict cookie and reads it back", () => {
		const cookie = sessionCookie("abc", 60);
		expect(cookie).toBe("fc_session=abc; Path=/; HttpOnly; SameSite=Strict; Max-Age=60");
		expect(readCookie("theme=dark; fc_session=abc; x=1", "fc_session")).toBe("abc");
		expect(readCookie(undefined, "fc_session")).toBeUndefined();
	});
});
