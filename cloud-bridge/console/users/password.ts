/**
 * Password hashing with scrypt (Node's built-in, memory-hard). Parameters follow OWASP's
 * recommendation (N=2^17, r=8, p=1: 128 MiB and a few hundred milliseconds per guess) and are
 * stored with the hash, so they can be raised later without breaking old hashes.
 * Invariant: a hash string never contains the password; comparison is constant-time.
 */
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

export interface KdfParams {
	/** CPU/memory cost, a power of two. */
	N: number;
	r: number;
	p: number;
}

export const DEFAULT_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1 };
const KEY_BYTES = 32;
/** Shortest password accepted; long passphrases are welcome (scrypt hashes any length). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * At most this many hashes at once: each takes 128 MiB, and a burst of sign-ins (many usernames
 * from many addresses, each within its rate limit) must not take a small hub's memory with it.
 * Others wait their turn; the libuv pool would otherwise run four at a time.
 */
export const MAX_CONCURRENT_HASHES = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function gated<T>(work: () => Promise<T>): Promise<T> {
	if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
	running++;
	try {
		return await work();
	} finally {
		running--;
		waiting.shift()?.();
	}
}

/** How many hashes run right now (for tests and metrics). */
export function hashesRunning(): number {
	return running;
}

function derive(password: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
	// maxmem must cover 128 * N * r bytes, or scrypt refuses the parameters.
	const maxmem = 128 * params.N * params.r + 16 * 1024 * 1024;
	return gated(
		() =>
			new Promise<Buffer>((resolve, reject) =>
				scrypt(password.normalize("NFC"), salt, KEY_BYTES, { N: params.N, r: params.r, p: params.p, maxmem }, (error, key) =>
					error ? reject(error) : resolve(key),
				),
			),
	);
}

/** `scrypt$N$r$p$salt$key` (salt and key base64url). */
export async function hashPassword(password: string, params: KdfParams = DEFAULT_KDF): Promise<string> {
	const salt = randomBytes(16);
	const key = await derive(password, salt, params);
	return ["scrypt", params.N, params.r, params.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export function parseHash(hash: string): { params: KdfParams; salt: Buffer; key: Buffer } | undefined {
	const parts = hash.split("$");
	if (parts.length !== 6 || parts[0] !== "scrypt") return undefined;
	const [N, r, p] = parts.slice(1, 4).map(Number);
	if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0) || (N & (N - 1)) !== 0) return undefined;
	return { params: { N, r, p }, salt: Buffer.from(parts[4], "base64url"), key: Buffer.from(parts[5], "base64url") };
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
	const parsed = parseHash(hash);
	if (!parsed) return false;
	const key = await derive(password, parsed.salt, parsed.params);
	return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** A hash of nothing anyone knows: checked against when the username is unknown, so both cases take as long. */
let decoy: Promise<string> | undefined;
export function decoyHash(params: KdfParams = DEFAULT_KDF): Promise<string> {
	decoy ??= hashPassword(randomBytes(24).toString("base64url"), params);
	return decoy;
}

/** Says what is wrong with a new password, or undefined. */
export function passwordProblem(password: string): string | undefined {
	if (password.length < MIN_PASSWORD_LENGTH) return `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`;
	if (password.length > MAX_PASSWORD_LENGTH) return `A password may have at most ${MAX_PASSWORD_LENGTH} characters.`;
	return undefined;
}
