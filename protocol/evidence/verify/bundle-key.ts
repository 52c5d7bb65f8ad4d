/**
 * The key step: which Ed25519 key the bundle's checkpoints must be signed with. The bundle names
 * one; a key the verifier pins (--public-key) wins, and a bundle naming another is "wrong-key".
 */
import { keyIdOf } from "../keys.js";
import type { BundleContext } from "./bundle-context.js";
import { hex, strictBase64 } from "./encodings.js";
import type { Step } from "./pipeline.js";

export const bundleKey: Step<BundleContext> = {
	name: "key",
	run(context) {
		const { bundle, options } = context;
		const decoded = strictBase64(bundle.publicKey);
		const named = decoded && decoded.length === 32 ? decoded : null;
		if (!named) context.report("bundle-key", undefined, "publicKey is not base64 of a 32-byte Ed25519 public key.");
		else if (hex(keyIdOf(named)) !== bundle.keyId) context.report("key-id", undefined, `keyId ${bundle.keyId} is not the SHA-256 of the bundle's publicKey.`);
		context.key = named;
		if (!options.publicKey) return;
		if (!named || !Buffer.from(options.publicKey).equals(named)) {
			context.report(
				"key-pinned",
				undefined,
				`The bundle names public key ${bundle.publicKey} (key id ${bundle.keyId}), not the one given (key id ${hex(keyIdOf(options.publicKey))}): it was not sealed by that gateway.`,
			);
			// Every genuine checkpoint then fails with the pinned key: that is this one problem.
			context.alsoGenuineFor = named;
		}
		context.key = options.publicKey;
	},
};
