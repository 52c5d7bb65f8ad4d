/**
 * Storage of impact previews: policy versions (never changed once stored), previews (a plan and who
 * applied it), pack approvals, and the service's pack-signing key. Memory, SQLite and PostgreSQL
 * backends pass one suite (impact-store.contract.ts).
 */
import type { Policy, PolicyKind } from "../../../model/policies/types.js";
import type { ImpactPreview, PackApproval } from "../plan-types.js";

export interface SigningKeyRecord {
	id: string;
	/** PKCS#8 PEM; never logged, never returned by a route. */
	privateKeyPem: string;
	/** SPKI PEM, what a recipient checks a pack with. */
	publicKeyPem: string;
	createdAt: number;
}

export interface ImpactStore {
	/** Stores new policy versions, all or none; an (id, version) already stored is FC_IMPACT_PLAN_STALE. */
	putPolicies(policies: readonly Policy[]): Promise<void>;
	/**
	 * Stores the first version of a new policy (version 1); an id already stored, in any version, is
	 * FC_BILLING_CONFLICT: revisions are made by applying an impact preview, never written directly.
	 */
	createPolicy(policy: Policy): Promise<void>;
	/** The latest version of every policy (of one kind, when given), by id. */
	latestPolicies(kind?: PolicyKind): Promise<Policy[]>;
	/** Every version of one policy, oldest first. */
	policyVersions(id: string): Promise<Policy[]>;
	putPreview(preview: ImpactPreview): Promise<void>;
	getPreview(id: string): Promise<ImpactPreview | undefined>;
	/** Marks a preview applied, once: a preview already applied (or unknown) is FC_IMPACT_PLAN_STALE. */
	claimApply(id: string, by: string, at: number): Promise<void>;
	/** Undoes a claim whose apply failed, so a fresh plan of the same change can be applied. */
	releaseApply(id: string): Promise<void>;
	addApproval(previewId: string, approval: PackApproval): Promise<void>;
	/** Approvals of a preview, in the order recorded. */
	approvals(previewId: string): Promise<PackApproval[]>;
	/** The stored signing key, or `create()` stored as it (the first caller wins a race). */
	signingKey(create: () => SigningKeyRecord): Promise<SigningKeyRecord>;
	close(): Promise<void>;
}
