/**
 * Sign-ins under way at the provider: what the callback must check (state, nonce, PKCE verifier),
 * kept on the server under a random id that the browser holds in a short-lived cookie.
 * Invariant: an entry is used at most once and never after PENDING_TTL_MS; a restart forgets
 * them all (the person just starts again), and at most MAX_PENDING are held.
 */
import { randomBytes } from "node:crypto";

export const PENDING_TTL_MS = 10 * 60 * 1000;
const MAX_PENDING = 10_000;

export interface PendingSignIn {
	state: string;
	nonce: string;
	codeVerifier: string;
	/** The redirect_uri sent to the provider; the token request must repeat it. */
	redirectUrl: string;
	expiresAt: number;
}

export class PendingSignIns {
	private readonly entries = new Map<string, PendingSignIn>();
	constructor(private readonly now: () => number) {}

	/** Stores one and returns the id for the cookie. */
	add(entry: Omit<PendingSignIn, "expiresAt">): string {
		this.sweep();
		// Full of sign-ins nobody finished: drop the oldest rather than refuse everyone.
		if (this.entries.size >= MAX_PENDING) this.entries.delete(this.entries.keys().next().value as string);
		const id = randomBytes(32).toString("base64url");
		this.entries.set(id, { ...entry, expiresAt: this.now() + PENDING_TTL_MS });
		return id;
	}

	/** Removes and returns the entry, or undefined when unknown, used or expired. */
	take(id: string): PendingSignIn | undefined {
		const entry = this.entries.get(id);
		this.entries.delete(id);
		return entry && this.now() < entry.expiresAt ? entry : undefined;
	}

	get size(): number {
		return this.entries.size;
	}

	private sweep(): void {
		const now = this.now();
		for (const [id, entry] of this.entries) if (now >= entry.expiresAt) this.entries.delete(id);
	}
}
