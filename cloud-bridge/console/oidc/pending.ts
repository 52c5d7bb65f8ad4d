/**
 * Sign-ins under way at the provider: what the callback must check (state, nonce, PKCE verifier),
 * kept on the server under a random id that the browser holds in a short-lived cookie.
 * Invariant: an entry is used at most once and never after PENDING_TTL_MS; a restart forgets
 * them all (the person just starts again); at most MAX_PENDING are held, and at most
 * MAX_PENDING_PER_ADDRESS for one client address, so one address hammering the start route only
 * ever pushes out its own sign-ins, not everybody else's.
 */
import { randomBytes } from "node:crypto";

export const PENDING_TTL_MS = 10 * 60 * 1000;
export const MAX_PENDING = 10_000;
/**
 * Room for a busy office behind one NAT, or every user when the service sits behind a reverse
 * proxy it does not trust for client addresses (then all requests share the proxy's address):
 * 256 sign-ins started and not finished within PENDING_TTL_MS.
 */
export const MAX_PENDING_PER_ADDRESS = 256;

export interface PendingSignIn {
	state: string;
	nonce: string;
	codeVerifier: string;
	/** The redirect_uri sent to the provider; the token request must repeat it. */
	redirectUrl: string;
	expiresAt: number;
}

/**
 * Whom the per-address cap counts: an IPv4 address (also when IPv4-mapped), or the /64 an IPv6
 * address is in, since one IPv6 client usually holds a whole /64 and could otherwise rotate
 * addresses past the cap.
 */
export function addressKey(address: string): string {
	const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
	if (mapped) return mapped[1];
	if (!address.includes(":")) return address;
	const [head, tail] = address.split("%")[0].split("::");
	const left = head ? head.split(":") : [];
	const right = tail === undefined ? [] : tail ? tail.split(":") : [];
	const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
	return `${groups
		.slice(0, 4)
		.map((g) => (Number.parseInt(g, 16) || 0).toString(16))
		.join(":")}::/64`;
}

export class PendingSignIns {
	/** In insertion order, so the first key is the oldest. */
	private readonly entries = new Map<string, PendingSignIn & { address: string }>();
	/** Ids of live entries per client address, oldest first. */
	private readonly byAddress = new Map<string, string[]>();
	constructor(private readonly now: () => number) {}

	/** Stores one for the client at `address` and returns the id for the cookie. */
	add(entry: Omit<PendingSignIn, "expiresAt">, clientAddress: string): string {
		this.sweep();
		const address = addressKey(clientAddress);
		const mine = this.byAddress.get(address) ?? [];
		// Full of sign-ins nobody finished: drop the oldest rather than refuse everyone; this
		// address's own oldest first.
		if (mine.length >= MAX_PENDING_PER_ADDRESS) this.remove(mine[0]);
		else if (this.entries.size >= MAX_PENDING) this.remove(this.entries.keys().next().value as string);
		const id = randomBytes(32).toString("base64url");
		this.entries.set(id, { ...entry, address, expiresAt: this.now() + PENDING_TTL_MS });
		this.byAddress.set(address, [...(this.byAddress.get(address) ?? []), id]);
		return id;
	}

	/** Removes and returns the entry, or undefined when unknown, used or expired. */
	take(id: string): PendingSignIn | undefined {
		const entry = this.entries.get(id);
		if (!entry) return undefined;
		this.remove(id);
		if (this.now() >= entry.expiresAt) return undefined;
		const { address: _, ...pending } = entry;
		return pending;
	}

	get size(): number {
		return this.entries.size;
	}

	private remove(id: string): void {
		const entry = this.entries.get(id);
		if (!entry) return;
		this.entries.delete(id);
		const left = (this.byAddress.get(entry.address) ?? []).filter((other) => other !== id);
		if (left.length === 0) this.byAddress.delete(entry.address);
		else this.byAddress.set(entry.address, left);
	}

	private sweep(): void {
		const now = this.now();
		// Insertion order is expiry order (one TTL for all): stop at the first live entry. A clock
		// stepped back only delays a sweep; take() checks the expiry itself.
		for (const [id, entry] of this.entries) {
			if (now < entry.expiresAt) break;
			this.remove(id);
		}
	}
}
