/**
 * The trust decision of `fieldchain evidence verify`: a bundle that verifies only with the key it
 * carries never exits 0. Whoever re-signs an edited bundle with a key of their own gets "not
 * trusted" (3) without a pinned key, and "wrong-key" (1) against the real gateway's key.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serializeBundle } from "../../protocol/evidence/bundle.js";
import { makeTestBundle, makeTestChain, testKey } from "../../protocol/evidence/testing/fixtures.js";
import type { TrustAnchor } from "./trust-anchor.js";
import { EXIT_FAILED, EXIT_UNTRUSTED, EXIT_VERIFIED, readSignerClaim, verifyWithTrust } from "./trust-verify.js";

const anchorOf = (source: TrustAnchor["source"], ...keys: Array<{ publicKey: Buffer; revokedAt: number | null }>): TrustAnchor => ({
	source,
	where: `the ${source} of the test`,
	keys,
	missing: keys.length === 0 ? "gateway gw-test-01 is not known" : undefined,
});

describe("evidence verify: trust in the signer", () => {
	const genuine = makeTestChain();
	const genuineFile = serializeBundle(makeTestBundle(genuine));
	// The forger's bundle: the same work, signed by a key of the forger's own.
	const forgedFile = serializeBundle(makeTestBundle(makeTestChain()));
	const real = { publicKey: genuine.key.publicKeyRaw, revokedAt: null };

	it("a bundle signed with the forger's key verifies but is not trusted without a pinned key (exit 3)", () => {
		const outcome = verifyWithTrust(forgedFile, null);
		expect(outcome).toMatchObject({ verified: true, ok: false, trusted: false, trustSource: null, exitCode: EXIT_UNTRUSTED });
		expect(outcome.trustNote).toMatch(/no key pinned/);
	});

	it("against the real gateway's key, the forger's bundle fails as wrong-key (exit 1)", () => {
		for (const source of ["public-key", "trust-store", "keys-from"] as const) {
			const outcome = verifyWithTrust(forgedFile, anchorOf(source, real));
			expect(outcome).toMatchObject({ verified: false, ok: false, trusted: false, trustSource: source, exitCode: EXIT_FAILED });
			expect(outcome.result.problems.map((p) => p.kind)).toContain("wrong-key");
		}
	});

	it("the genuine bundle with the enrolled key exits 0; with a revoked one 3", () => {
		expect(verifyWithTrust(genuineFile, anchorOf("trust-store", real))).toMatchObject({ ok: true, trusted: true, exitCode: EXIT_VERIFIED });
		const revoked = verifyWithTrust(genuineFile, anchorOf("keys-from", { publicKey: real.publicKey, revokedAt: 1_764_000_000_000 }));
		expect(revoked).toMatchObject({ verified: true, ok: false, trusted: false, exitCode: EXIT_UNTRUSTED });
		expect(revoked.trustNote).toMatch(/revoked/);
	});

	it("reads who the bundle claims signed it, and nothing from what is not a bundle", () => {
		expect(readSignerClaim(genuineFile)).toEqual({ gatewayId: "gw-test-01", publicKey: genuine.key.publicKeyRaw });
		expect(readSignerClaim("not json")).toEqual({ gatewayId: null, publicKey: null });
		expect(readSignerClaim(new Uint8Array([0xff, 0xfe]))).toEqual({ gatewayId: null, publicKey: null });
	});

	it("property: a self-signed bundle without a pinned key of its own never exits 0", () => {
		const otherKeys = Array.from({ length: 3 }, () => ({ publicKey: testKey().publicKeyRaw, revokedAt: null }));
		const anchors = fc.oneof(
			fc.constant(null),
			fc
				.constantFrom("public-key", "trust-store", "keys-from")
				.chain((source) => fc.subarray(otherKeys).map((keys) => anchorOf(source as TrustAnchor["source"], ...keys))),
		);
		fc.assert(
			fc.property(fc.constantFrom("WO-A", "WO-B", "WO-C"), anchors, fc.boolean(), (workOrderId, anchor, revokedOwn) => {
				// A fresh key per run: the forger's own, which no anchor but a revoked entry knows.
				const chain = makeTestChain();
				const file = serializeBundle(makeTestBundle(chain, workOrderId));
				const withOwn = revokedOwn && anchor ? { ...anchor, keys: [...anchor.keys, { publicKey: chain.key.publicKeyRaw, revokedAt: 1 }] } : anchor;
				const outcome = verifyWithTrust(file, withOwn);
				expect(outcome.exitCode).not.toBe(EXIT_VERIFIED);
				expect(outcome.ok).toBe(false);
				expect(outcome.trusted).toBe(false);
			}),
			{ seed: 15, numRuns: 40 },
		);
	});
});
