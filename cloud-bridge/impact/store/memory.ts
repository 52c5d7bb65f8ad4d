/** Impact storage in memory: for tests and `cloud serve` without a database. */
import type { Policy, PolicyKind } from "../../../model/policies/types.js";
import type { ImpactPreview, PackApproval } from "../plan-types.js";
import { alreadyApplied, notFirstVersion, policyExists, policyIdTaken } from "./errors.js";
import type { ImpactStore, SigningKeyRecord } from "./types.js";

const copy = <T>(value: T): T => structuredClone(value);

export class MemoryImpactStore implements ImpactStore {
	private readonly policies = new Map<string, Policy[]>();
	private readonly previews = new Map<string, ImpactPreview>();
	private readonly approvalLists = new Map<string, PackApproval[]>();
	private key: SigningKeyRecord | undefined;

	async putPolicies(policies: readonly Policy[]): Promise<void> {
		for (const p of policies) if (this.policies.get(p.id)?.some((q) => q.version === p.version)) throw policyExists(p.id, p.version);
		for (const p of policies)
			this.policies.set(
				p.id,
				[...(this.policies.get(p.id) ?? []), copy(p)].sort((a, b) => a.version - b.version),
			);
	}

	async createPolicy(policy: Policy): Promise<void> {
		if (policy.version !== 1) throw notFirstVersion(policy.id, policy.version);
		if (this.policies.has(policy.id)) throw policyIdTaken(policy.id);
		this.policies.set(policy.id, [copy(policy)]);
	}

	async latestPolicies(kind?: PolicyKind): Promise<Policy[]> {
		return [...this.policies.keys()]
			.sort()
			.map((id) => copy((this.policies.get(id) as Policy[]).at(-1) as Policy))
			.filter((p) => kind === undefined || p.kind === kind);
	}

	async policyVersions(id: string): Promise<Policy[]> {
		return copy(this.policies.get(id) ?? []);
	}

	async putPreview(preview: ImpactPreview): Promise<void> {
		this.previews.set(preview.id, copy(preview));
	}

	async getPreview(id: string): Promise<ImpactPreview | undefined> {
		const p = this.previews.get(id);
		return p && copy(p);
	}

	async claimApply(id: string, by: string, at: number): Promise<void> {
		const p = this.previews.get(id);
		if (!p || p.applied) throw alreadyApplied(id);
		p.applied = { by, at };
	}

	async releaseApply(id: string): Promise<void> {
		const p = this.previews.get(id);
		if (p) p.applied = null;
	}

	async addApproval(previewId: string, approval: PackApproval): Promise<void> {
		this.approvalLists.set(previewId, [...(this.approvalLists.get(previewId) ?? []), copy(approval)]);
	}

	async approvals(previewId: string): Promise<PackApproval[]> {
		return copy(this.approvalLists.get(previewId) ?? []);
	}

	async signingKey(create: () => SigningKeyRecord): Promise<SigningKeyRecord> {
		this.key ??= create();
		return copy(this.key);
	}

	async close(): Promise<void> {}
}
