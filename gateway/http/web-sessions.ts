/**
 * Technician app sessions: a random token in an HttpOnly, SameSite=Strict cookie; only its
 * SHA-256 is kept, in the gateway's database, so a page left open survives a gateway restart and a
 * stolen database holds no usable token. Sessions slide: each use extends them.
 */
import { createHash, randomBytes } from "node:crypto";
import type Database from "better-sqlite3";

export const SESSION_COOKIE = "fc_session";

export interface WebSession {
	technicianId: string;
	expiresAt: number;
}

function digest(token: string): string {
	return createHash("sha256").update(token).digest("hex");
}

export class WebSessions {
	constructor(
		private readonly db: Database.Database,
		private readonly lifetimeMs: number,
	) {
		// Its table: gateway/store/migrations.ts, version 6.
	}

	/** A new session; the token goes to the browser once and is never stored. */
	create(technicianId: string, now: number): { token: string; session: WebSession } {
		const token = randomBytes(32).toString("base64url");
		const expiresAt = now + this.lifetimeMs;
		this.db.prepare("DELETE FROM web_sessions WHERE expires_at <= ?").run(now);
		this.db
			.prepare("INSERT INTO web_sessions (token_sha256, technician_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
			.run(digest(token), technicianId, now, expiresAt);
		return { token, session: { technicianId, expiresAt } };
	}

	/** The live session of a token, extended by this use; undefined when unknown or expired. */
	touch(token: string, now: number): WebSession | undefined {
		const key = digest(token);
		const row = this.db.prepare("SELECT technician_id, expires_at FROM web_sessions WHERE token_sha256 = ?").get(key) as
			| { technician_id: string; expires_at: number }
			| undefined;
		if (!row || row.expires_at <= now) return undefined;
		const expiresAt = now + this.lifetimeMs;
		// Written at most once a minute per session: reads stay reads.
		if (expiresAt - row.expires_at > 60_000) this.db.prepare("UPDATE web_sessions SET expires_at = ? WHERE token_sha256 = ?").run(expiresAt, key);
		return { technicianId: row.technician_id, expiresAt };
	}

	end(token: string): void {
		this.db.prepare("DELETE FROM web_sessions WHERE token_sha256 = ?").run(digest(token));
	}
}

/** The value of one cookie from a Cookie header (RFC 6265 section 5.4). */
export function readCookie(header: string | undefined, name: string): string | undefined {
	for (const part of (header ?? "").split(";")) {
		const index = part.indexOf("=");
		if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
	}
	return undefined;
}

export function sessionCookie(token: string, maxAgeSeconds: number): string {
	return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
}
