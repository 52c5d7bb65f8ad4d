/**
 * What a verifier trusts a bundle's signer through: keys it got from somewhere other than the
 * bundle (--public-key, a trust store, the billing service). Invariant: a key the bundle carries
 * is never a trust anchor by itself; it is only compared with the anchor's keys.
 */

export type TrustSource = "public-key" | "trust-store" | "keys-from";

export interface AnchorKey {
	/** Raw 32-byte Ed25519 public key. */
	publicKey: Buffer;
	/** When the key was revoked (ms since the epoch), or null while it is good. */
	revokedAt: number | null;
}

export interface TrustAnchor {
	source: TrustSource;
	/** Where the keys came from, for messages: "--public-key", the store's key file, the service URL. */
	where: string;
	/** The keys enrolled for the bundle's gateway; empty when the anchor knows no such gateway. */
	keys: AnchorKey[];
	/** Why keys is empty ("van-12 is not in the trust store"), when it is. */
	missing?: string;
}

/** A gateway id as enrollment accepts it; a bundle's gatewayId is looked up only when it is one. */
export const GATEWAY_ID_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$/;
