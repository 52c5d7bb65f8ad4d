/**
 * `evidence verify`'s decision: verifyBundle checks the bytes and signatures; this decides whether
 * the signer is one the verifier trusts, and the exit code. Invariant: exit 0 only when the bundle
 * verifies with a key from a trust anchor that is not revoked; a bundle that verifies only with the
 * key it carries is "not trusted" (3), since anyone can sign an edited bundle with a key of their own;
 * an anchor that knows the gateway under other keys pins the first of them, so the bundle fails as
 * "wrong-key" (1): a mismatching pinned key is a failure, not mere doubt. Evidence in a newer format
 * than this verifier reads, with nothing else wrong and a trusted signer, is 4: upgrade, not tampering
 * (protocol/evidence/README.md, "Format evolution"); any other problem still makes it 1.
 */
import { keyIdOf } from "../../protocol/evidence/keys.js";
import { type VerifyResult, verifyBundle } from "../../protocol/evidence/verify/verify-bundle.js";
import type { TrustAnchor, TrustSource } from "./trust-anchor.js";

export const EXIT_VERIFIED = 0;
export const EXIT_FAILED = 1;
export const EXIT_UNTRUSTED = 3;
export const EXIT_UNSUPPORTED_FORMAT = 4;

/** Who the bundle says signed it. Read loosely: a bundle that does not parse fails verification anyway. */
export interface SignerClaim {
	gatewayId: string | null;
	publicKey: Buffer | null;
}

export interface TrustedVerifyResult {
	/** Verified with a trusted key: the exit code is 0. */
	ok: boolean;
	exitCode: typeof EXIT_VERIFIED | typeof EXIT_FAILED | typeof EXIT_UNTRUSTED | typeof EXIT_UNSUPPORTED_FORMAT;
	/** The bundle passed every check of verifyBundle (with the pinned key, when there is one). */
	verified: boolean;
	trusted: boolean;
	trustSource: TrustSource | null;
	/** Why the signer is or is not trusted, in a sentence. */
	trustNote: string;
	signer: { gatewayId: string | null; keyId: string | null };
	result: VerifyResult;
}

export function readSignerClaim(input: string | Uint8Array): SignerClaim {
	try {
		const bundle = JSON.parse(typeof input === "string" ? input : Buffer.from(input).toString("utf8")) as { gatewayId?: unknown; publicKey?: unknown };
		const gatewayId = typeof bundle?.gatewayId === "string" ? bundle.gatewayId : null;
		const raw = typeof bundle?.publicKey === "string" ? Buffer.from(bundle.publicKey, "base64") : null;
		return { gatewayId, publicKey: raw && raw.length === 32 ? raw : null };
	} catch {
		return { gatewayId: null, publicKey: null };
	}
}

/** Verifies the bundle and decides trust: anchor null means no key was pinned at all. */
export function verifyWithTrust(input: string | Uint8Array, anchor: TrustAnchor | null, claim: SignerClaim = readSignerClaim(input)): TrustedVerifyResult {
	const match = anchor && claim.publicKey ? anchor.keys.find((key) => key.publicKey.equals(claim.publicKey as Buffer)) : undefined;
	// The key verifyBundle checks the signatures with: the matching anchor key, else any anchor key (so a
	// bundle signed by another key fails as wrong-key), else none (the bundle's own key, which proves nothing).
	const pinned = match ?? anchor?.keys.find((key) => key.revokedAt === null) ?? anchor?.keys[0];
	const result = verifyBundle(input, { publicKey: pinned?.publicKey });
	const trusted = match !== undefined && match.revokedAt === null;
	const onlyNewer = !result.ok && result.problems.every((problem) => problem.kind === "unsupported-format");
	const exitCode = onlyNewer ? (trusted ? EXIT_UNSUPPORTED_FORMAT : EXIT_UNTRUSTED) : !result.ok ? EXIT_FAILED : trusted ? EXIT_VERIFIED : EXIT_UNTRUSTED;
	return {
		ok: exitCode === EXIT_VERIFIED,
		exitCode,
		verified: result.ok,
		trusted,
		trustSource: anchor?.source ?? null,
		trustNote: trustNote(anchor, match, pinned !== undefined),
		signer: { gatewayId: claim.gatewayId, keyId: claim.publicKey ? keyIdOf(claim.publicKey).toString("hex") : null },
		result,
	};
}

function trustNote(anchor: TrustAnchor | null, match: TrustAnchor["keys"][number] | undefined, pinned: boolean): string {
	if (!anchor) return "no key pinned: the bundle verifies only against the key it carries, which anyone can replace with their own";
	if (match && match.revokedAt !== null)
		return `the signer's key (${anchor.where}) was revoked at ${new Date(match.revokedAt).toISOString()}: whoever holds it can sign anything`;
	if (match) return `the signer's key matches ${anchor.where}`;
	if (pinned) return `the bundle is signed by another key than ${anchor.where}`;
	return anchor.missing ?? `${anchor.where} knows no key of the bundle's gateway`;
}
