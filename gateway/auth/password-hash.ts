/**
 * Device passwords, stored as scrypt hashes in a PHC-style string (node:crypto only):
 *
 *   $scrypt$ln=15,r=8,p=1$<salt, base64>$<key, base64>
 *
 * ln is log2 of the scrypt cost N; salt and key are standard base64 without padding, as in the
 * PHC string format. Configuration holds only these strings, never a password.
 */
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";

export interface ScryptParams {
	/** log2 of the CPU/memory cost N. */
	ln: number;
	/** Block size. */
	r: number;
	/** Parallelisation. */
	p: number;
}

export interface ParsedPasswordHash extends ScryptParams {
	salt: Buffer;
	key: Buffer;
}

export const DEFAULT_SCRYPT_PARAMS: Readonly<ScryptParams> = { ln: 15, r: 8, p: 1 };
export const SALT_BYTES = 16;
export const KEY_BYTES = 32;

const LN_RANGE = [10, 20] as const;
const R_RANGE = [1, 32] as const;
const P_RANGE = [1, 16] as const;
/** scrypt needs about 128 * N * r bytes; refuse hashes that would ask for more than this. */
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;

const HINT = "Create one with `fieldchain gateway hash-password` and copy the whole `$scrypt$...` line into the device's passwordHash.";

/**
 * A well-formed hash of a random password nobody knows, with the default parameters. Verifying
 * against it costs what verifying a real hash costs, so an unknown username and a wrong password
 * take the same time (see verifyPasswordOrDummy).
 */
export const DUMMY_HASH = "$scrypt$ln=15,r=8,p=1$O+bb3QUl+s87jVXRLWMQig$2Fneuo7A+R5GbrocpHOWq1uKdqoXy23KNg4zsYJooGU";

export async function hashPassword(password: string | Uint8Array, options: Partial<ScryptParams> = {}): Promise<string> {
	const params: ScryptParams = { ...DEFAULT_SCRYPT_PARAMS, ...options };
	checkParams(params);
	if (password.length === 0) {
		throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, "Refusing to hash an empty password.", { hint: "Choose a long random password for the device." });
	}
	const salt = randomBytes(SALT_BYTES);
	const key = await deriveKey(password, salt, KEY_BYTES, params);
	return formatPasswordHash({ ...params, salt, key });
}

/** True when `password` matches `encoded`. Throws FC_CONFIG_INVALID when `encoded` is malformed. */
export async function verifyPassword(password: string | Uint8Array, encoded: string): Promise<boolean> {
	const parsed = parsePasswordHash(encoded);
	const key = await deriveKey(password, parsed.salt, parsed.key.length, parsed);
	return timingSafeEqual(key, parsed.key);
}

/**
 * verifyPassword, or, when there is no hash to check (unknown user, device without a password),
 * the same work against DUMMY_HASH and then false.
 */
export async function verifyPasswordOrDummy(password: string | Uint8Array, encoded: string | undefined): Promise<boolean> {
	if (encoded === undefined) {
		await verifyPassword(password, DUMMY_HASH);
		return false;
	}
	return verifyPassword(password, encoded);
}

export function formatPasswordHash(hash: ParsedPasswordHash): string {
	return `$scrypt$ln=${hash.ln},r=${hash.r},p=${hash.p}$${toB64(hash.salt)}$${toB64(hash.key)}`;
}

/** Parses and checks a stored hash; throws FC_CONFIG_INVALID saying what is wrong with it. */
export function parsePasswordHash(encoded: string): ParsedPasswordHash {
	if (typeof encoded !== "string") throw malformed(`expected a string, got ${typeof encoded}`);
	const fields = encoded.split("$");
	if (fields.length !== 5 || fields[0] !== "") {
		throw malformed(`expected the form $scrypt$ln=15,r=8,p=1$<salt>$<key> (5 '$'-separated fields), found ${fields.length - 1} '$' signs`);
	}
	const [, algorithm, paramText, saltText, keyText] = fields;
	if (algorithm !== "scrypt") throw malformed(`the algorithm is "${algorithm.slice(0, 20)}", only "scrypt" is supported`);
	const params = parseParams(paramText);
	checkParams(params);
	const salt = fromB64(saltText, "salt");
	const key = fromB64(keyText, "key");
	if (salt.length < SALT_BYTES) throw malformed(`the salt is ${salt.length} bytes, at least ${SALT_BYTES} are needed`);
	if (key.length < 16 || key.length > 64) throw malformed(`the key is ${key.length} bytes, expected 16 to 64 (normally ${KEY_BYTES})`);
	return { ...params, salt, key };
}

function parseParams(text: string): ScryptParams {
	const values = new Map<string, number>();
	for (const pair of text.split(",")) {
		const match = /^(ln|r|p)=(\d{1,3})$/.exec(pair);
		if (!match || values.has(match[1])) throw malformed(`the parameters "${text.slice(0, 40)}" are not of the form ln=15,r=8,p=1`);
		values.set(match[1], Number(match[2]));
	}
	const ln = values.get("ln");
	const r = values.get("r");
	const p = values.get("p");
	if (ln === undefined || r === undefined || p === undefined) throw malformed(`the parameters "${text.slice(0, 40)}" must give ln, r and p`);
	return { ln, r, p };
}

function checkParams({ ln, r, p }: ScryptParams): void {
	const inRange = (value: number, [min, max]: readonly [number, number]) => Number.isInteger(value) && value >= min && value <= max;
	if (!inRange(ln, LN_RANGE)) throw malformed(`ln=${ln} is outside ${LN_RANGE[0]}..${LN_RANGE[1]}`);
	if (!inRange(r, R_RANGE)) throw malformed(`r=${r} is outside ${R_RANGE[0]}..${R_RANGE[1]}`);
	if (!inRange(p, P_RANGE)) throw malformed(`p=${p} is outside ${P_RANGE[0]}..${P_RANGE[1]}`);
	if (scryptMemory(ln, r) > MAX_SCRYPT_MEMORY) throw malformed(`ln=${ln},r=${r} needs more than ${MAX_SCRYPT_MEMORY / 2 ** 20} MiB of memory`);
}

function scryptMemory(ln: number, r: number): number {
	return 128 * 2 ** ln * r;
}

function deriveKey(password: string | Uint8Array, salt: Buffer, length: number, { ln, r, p }: ScryptParams): Promise<Buffer> {
	// Node refuses when 128 * N * r reaches maxmem (default 32 MiB, exactly what ln=15,r=8 needs):
	// allow twice the requirement.
	const options: ScryptOptions = { N: 2 ** ln, r, p, maxmem: 2 * scryptMemory(ln, r) };
	return new Promise((resolve, reject) => {
		scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
	});
}

function toB64(bytes: Buffer): string {
	return bytes.toString("base64").replace(/=+$/, "");
}

function fromB64(text: string, what: string): Buffer {
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) throw malformed(`the ${what} is not base64`);
	return Buffer.from(text, "base64");
}

function malformed(problem: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `Malformed password hash: ${problem}.`, { hint: HINT });
}
