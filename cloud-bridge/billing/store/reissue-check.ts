/**
 * The rule every backend applies to a repeated enrollment (BillingStore.reissueEnrollment), on the
 * rows it read under its lock: the enrollment token enrolled this very gateway, would still be
 * valid now, and the gateway is not revoked. Kept here so the backends cannot drift apart.
 */
import type { ReissueOutcome } from "./types.js";

export function reissueRefusal(
	enrollment: { expiresAt: number; gatewayId: string | null } | undefined,
	gateway: { revokedAt: number | null } | undefined,
	gatewayId: string,
	now: number,
): Extract<ReissueOutcome, { ok: false }> | null {
	if (!enrollment) return { ok: false, reason: "unknown" };
	if (enrollment.gatewayId !== gatewayId || !gateway) return { ok: false, reason: "not-this-gateway" };
	if (now >= enrollment.expiresAt) return { ok: false, reason: "expired" };
	if (gateway.revokedAt !== null) return { ok: false, reason: "gateway-revoked" };
	return null;
}
