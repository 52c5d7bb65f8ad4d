/**
 * Technician app sessions: a random token in an HttpOnly, SameSite=Strict cookie; only its
 * SHA-256 is kept, in the gateway's database, so a page left open survives a gateway restart and a
 * stolen database holds no usable token. Sessions slide: each use extends them by the idle
 * lifetime, but never past the absolute lifetime counted from sign-in (created_at), so a stolen
 * cookie kept busy still dies. Invariant: a session is live only while now < expires_at and
 * now < created_at + maxLifetimeMs.
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

/** Default absolute lifetime of a session: one day, whatever its use. */
export const DEFAULT_SESSION_MAX_MS = 24 * 3_600_000;

export class WebSessions {
	constructor(
		private readonly db: Database.Database,
		private readonly lifetimeMs: number,
		/** Absolute lifetime from sign-in; the table's created_at already holds the start, so old rows need no migration. */
		readonly maxLifetimeMs: number = DEFAULT_SESSION_MAX_MS,
	) {
		// Its table: gateway/store/migrations.ts, version 6.
	}

	/** A new session; the token goes to the browser once and is never stored. */
	create(technicianId: string, now: number): { token: string; session: WebSession } {
		const token = randomBytes(32).toString("base64url");
		const expiresAt = now + Math.min(this.lifetimeMs, this.maxLifetimeMs);
		this.db.prepare("DELETE FROM web_sessions WHERE expires_at <= ? OR created_at <= ?").run(now, now - this.maxLifetimeMs);
		this.db
			.prepare("INSERT INTO web_sessions (token_sha256, technician_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
			.run(digest(token), technicianId, now, expiresAt);
		return { token, session: { technicianId, expiresAt } };
	}

	/** The live session of a token, extended by this use up to its absolute end; undefined when unknown or expired. */
	touch(token: string, now: number): WebSession | undefined {
		const key = digest(token);
		const row = this.db.prepare("SELECT technician_id, created_at, expires_at FROM web_sessions WHERE token_sha256 = ?").get(key) as
			| { technician_id: string; created_at: number; expires_at: number }
			| undefined;
		if (!row) return undefined;
		const endsAt = row.created_at + this.maxLifetimeMs;
		if (row.expires_at <= now || endsAt <= now) {
			this.db.prepare("DELETE FROM web_sessions WHERE token_sha256 = ?").run(key);
			return undefined;
		}
		const expiresAt = Math.min(now + this.lifetimeMs, endsAt);
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

/** `secure` when the request came over TLS (http.tls): the browser then never sends the cookie in clear. */
export function sessionCookie(token: string, maxAgeSeconds: number, secure = false): string {
	return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? "; Secure" : ""}`;
}
