/**
 * `evidence verify`'s exit code for evidence of a newer format (protocol/evidence/README.md,
 * "Format evolution"): 4 "upgrade" when that is all that is wrong and the signer is trusted; 3 when
 * the signer is not trusted (a newer format never looks better than an unpinned key); 1 as soon as
 * anything else is wrong.
 */
import { describe, expect, it } from "vitest";
import { serializeBundle } from "../../protocol/evidence/bundle.js";
import { newerBundle, newerFields } from "../../protocol/evidence/testing/newer-format.js";
import type { TrustAnchor } from "./trust-anchor.js";
import { EXIT_FAILED, EXIT_UNSUPPORTED_FORMAT, EXIT_UNTRUSTED, verifyWithTrust } from "./trust-verify.js";

function anchorFor(publicKey: Buffer): TrustAnchor {
	return { source: "public-key", where: "the key given with --public-key", keys: [{ publicKey, revokedAt: null }] };
}

describe("evidence verify: newer formats", () => {
	it("exits 4 for a genuine newer bundle with a pinned key, 3 without one", () => {
		const { bundle, publicKeyRaw } = newerBundle({ recordTail: newerFields });
		const text = serializeBundle(bundle);
		const pinned = verifyWithTrust(text, anchorFor(publicKeyRaw));
		expect(pinned.exitCode).toBe(EXIT_UNSUPPORTED_FORMAT);
		expect(pinned.ok).toBe(false);
		expect(verifyWithTrust(text, null).exitCode).toBe(EXIT_UNTRUSTED);
	});

	it("exits 1 when a newer bundle was also tampered with", () => {
		const { bundle, publicKeyRaw } = newerBundle({ recordTail: newerFields });
		bundle.entries.splice(1, 1);
		expect(verifyWithTrust(serializeBundle(bundle), anchorFor(publicKeyRaw)).exitCode).toBe(EXIT_FAILED);
	});
});
