/**
 * Per-address admission for the embedded broker, decided before any scrypt is spent:
 * - sockets that have not yet completed a CONNECT: at most maxPendingPerAddress per address, so one
 *   host cannot take every slot of the broker's connection cap with idle sockets;
 * - CONNECTs that reach the password check: a token bucket per address (connectBurst, refilled at
 *   connectsPerSecond). A CONNECT that authenticates gives its token back, so devices that reconnect
 *   with the right password are never slowed; only failures and checks still in flight use it up.
 * A device that has authenticated from an address before is "in good standing" there: its next check
 * has a lane of its own, so a flood from other hosts (or of unknown device ids) does not queue ahead.
 * Invariant: memory is bounded whatever the peers do; at most maxTrackedAddresses buckets and as
 * many known (address, device) pairs are kept (the least recently used go first), and pending
 * counts exist only for open sockets.
 */

export interface ConnectionLimits {
	/** Sockets the broker holds open at once (net.Server.maxConnections); more are closed on accept. */
	maxConnections: number;
	/** Sockets one address may hold open before their CONNECT has been accepted. */
	maxPendingPerAddress: number;
	/** CONNECTs one address may send to the password check in a burst. */
	connectBurst: number;
	/** How fast an address earns back a CONNECT it spent on a failed or unfinished check. */
	connectsPerSecond: number;
	/** A socket that has not sent CONNECT by then is closed (aedes connectTimeout). */
	connectTimeoutMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: Readonly<ConnectionLimits> = {
	maxConnections: 512,
	maxPendingPerAddress: 32,
	connectBurst: 10,
	// One more guess every 5 s after a burst of failures; a device with the right password is never held back.
	connectsPerSecond: 0.2,
	connectTimeoutMs: 5_000,
};

/** What takeConnect decided: refused, admitted, or admitted from an address in good standing. */
export type ConnectAdmission = "limited" | "admitted" | "good-standing";

interface Bucket {
	tokens: number;
	at: number;
}

export class ConnectionGuard {
	private readonly pendingByAddress = new Map<string, number>();
	private readonly pending = new Map<object, string>();
	private readonly buckets = new Map<string, Bucket>();
	private readonly known = new Map<string, true>();

	constructor(
		private readonly limits: Pick<ConnectionLimits, "maxPendingPerAddress" | "connectBurst" | "connectsPerSecond">,
		private readonly now: () => number = Date.now,
		private readonly maxTrackedAddresses = 10_000,
	) {}

	/**
	 * A new socket (`connection` identifies it): refused when its address already holds too many
	 * unauthenticated ones, or has no CONNECT left to spend (closing it now costs less than a CONNACK).
	 */
	admit(connection: object, address: string): "admitted" | "too-many-pending" | "limited" {
		const count = this.pendingByAddress.get(address) ?? 0;
		if (count >= this.limits.maxPendingPerAddress) return "too-many-pending";
		if (this.bucket(address).tokens < 1) return "limited";
		this.pendingByAddress.set(address, count + 1);
		this.pending.set(connection, address);
		return "admitted";
	}

	/** The connection authenticated or closed: it no longer counts as pending. Idempotent. */
	settle(connection: object): void {
		const address = this.pending.get(connection);
		if (address === undefined) return;
		this.pending.delete(connection);
		const count = (this.pendingByAddress.get(address) ?? 1) - 1;
		if (count > 0) this.pendingByAddress.set(address, count);
		else this.pendingByAddress.delete(address);
	}

	/** Spends one CONNECT token of `address`, unless it has none left. */
	takeConnect(address: string, username: string | undefined): ConnectAdmission {
		const bucket = this.bucket(address);
		if (bucket.tokens < 1) return "limited";
		bucket.tokens -= 1;
		return this.known.has(pairKey(address, username)) ? "good-standing" : "admitted";
	}

	/** A CONNECT authenticated: its token comes back, and the device is in good standing at that address. */
	authenticated(address: string, username: string | undefined): void {
		const bucket = this.bucket(address);
		bucket.tokens = Math.min(this.limits.connectBurst, bucket.tokens + 1);
		const key = pairKey(address, username);
		this.known.delete(key);
		this.known.set(key, true);
		evictOldest(this.known, this.maxTrackedAddresses);
	}

	private bucket(address: string): Bucket {
		const now = this.now();
		let bucket = this.buckets.get(address);
		if (bucket) {
			this.buckets.delete(address);
			bucket.tokens = Math.min(this.limits.connectBurst, bucket.tokens + ((now - bucket.at) / 1000) * this.limits.connectsPerSecond);
			bucket.at = now;
		} else {
			bucket = { tokens: this.limits.connectBurst, at: now };
		}
		this.buckets.set(address, bucket);
		evictOldest(this.buckets, this.maxTrackedAddresses);
		return bucket;
	}
}

function pairKey(address: string, username: string | undefined): string {
	return `${address}\n${username ?? ""}`;
}

/** Map keeps insertion order and every use re-inserts: the first keys are the least recently used. */
function evictOldest(map: Map<string, unknown>, max: number): void {
	while (map.size > max) {
		const oldest = map.keys().next().value;
		if (oldest === undefined) return;
		map.delete(oldest);
	}
}
