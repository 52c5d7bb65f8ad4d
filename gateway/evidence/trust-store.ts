/**
 * `--trust-store DIR`: a directory of enrolled gateway keys, one file per gateway named
 * `<gatewayId>.pub`, holding that gateway's Ed25519 public key as base64 or hex of the raw 32 bytes
 * or as an SPKI PEM (what `fieldchain evidence public-key` prints and `GET /v1/gateways/{id}/keys`
 * returns). Several keys (after a rotation) go one per line, or as several PEM blocks; blank lines
 * and lines starting with # are ignored. Invariant: the file name comes from the bundle's
 * gatewayId only after it matched the gateway id pattern, so a bundle cannot point outside DIR.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { parsePublicKey } from "../../protocol/evidence/keys.js";
import { type AnchorKey, GATEWAY_ID_PATTERN, type TrustAnchor } from "./trust-anchor.js";

export const TRUST_STORE_SUFFIX = ".pub";

export function trustStoreAnchor(dir: string, gatewayId: string | null): TrustAnchor {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch (cause) {
		throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `--trust-store ${dir} cannot be read: ${(cause as Error).message}.`, {
			cause,
			hint: `Pass a directory holding one <gatewayId>${TRUST_STORE_SUFFIX} file per enrolled gateway.`,
		});
	}
	const anchor: TrustAnchor = { source: "trust-store", where: `the trust store ${dir}`, keys: [] };
	if (gatewayId === null || !GATEWAY_ID_PATTERN.test(gatewayId)) {
		anchor.missing = `the bundle names no valid gateway id to look up in the trust store ${dir}`;
		return anchor;
	}
	const name = `${gatewayId}${TRUST_STORE_SUFFIX}`;
	if (!names.includes(name)) {
		anchor.missing = `gateway ${gatewayId} is not in the trust store ${dir} (no ${name})`;
		return anchor;
	}
	const file = join(dir, name);
	anchor.where = `the trust store file ${file}`;
	anchor.keys = parseKeyFile(readFileSync(file, "utf8"), file);
	return anchor;
}

/** The keys of one trust store file: PEM blocks, or one raw key per line. */
export function parseKeyFile(text: string, file: string): AnchorKey[] {
	const pems = text.match(/-----BEGIN [^-]+-----[\s\S]*?-----END [^-]+-----/g);
	const items = pems ?? text.split(/\r?\n/).filter((line) => line.trim() !== "" && !line.trim().startsWith("#"));
	if (items.length === 0) throw badFile(file, "it holds no key");
	return items.map((item) => {
		try {
			return { publicKey: parsePublicKey(item), revokedAt: null };
		} catch (cause) {
			throw badFile(file, (cause as Error).message, cause);
		}
	});
}

function badFile(file: string, why: string, cause?: unknown): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `Trust store file ${file} is not usable: ${why}`, {
		cause,
		hint: "Each line holds one Ed25519 public key (base64 or hex of the raw 32 bytes), or the file holds SPKI PEM blocks.",
	});
}
