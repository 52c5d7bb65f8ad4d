/**
 * Impact previews over the billing service's storage: read the model and the current policies,
 * plan, store the plan; apply a stored plan only if re-reading gives the same read hash (else 409),
 * only with the pack approvals it requires, and record who applied it. Applying stores the new
 * policy versions and the re-stamped work through the repository's version checks, so a write that
 * slips in between the re-read and the commit still refuses the apply.
 */
import { randomUUID } from "node:crypto";
import { COLLECTION_OF, ENTITY_KINDS, emptySnapshot, type ModelSnapshot } from "../../model/entities/kinds.js";
import type { Repository } from "../../model/repository/types.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { ChangeSet } from "./change-set.js";
import { costRanges, DEFAULT_SAMPLES } from "./monte-carlo.js";
import { planImpact } from "./plan.js";
import type { ImpactPreview, PackApproval } from "./plan-types.js";
import type { ImpactStore } from "./store/types.js";

export interface ImpactDeps {
	repo: Repository;
	store: ImpactStore;
	now(): number;
	marginFloorBasisPoints: number;
	/** Announces what apply changed (the events the plan listed); failures are the caller's to log. */
	publish?(type: string, data: Record<string, unknown>): Promise<void>;
}

export async function readModel(repo: Repository): Promise<ModelSnapshot> {
	const snapshot = emptySnapshot() as Record<string, unknown[]>;
	for (const kind of ENTITY_KINDS) {
		if (kind === "invoice") continue;
		snapshot[COLLECTION_OF[kind]] = await repo.list(kind);
	}
	return snapshot as unknown as ModelSnapshot;
}

/** Plans a change set (with its cost ranges) without storing anything. */
export async function planChangeSet(deps: ImpactDeps, changeSet: ChangeSet, actorId: string, snapshot?: ModelSnapshot) {
	const model = snapshot ?? (await readModel(deps.repo));
	const policies = await deps.store.latestPolicies();
	const out = await planImpact({ snapshot: model, policies, changeSet, marginFloorBasisPoints: deps.marginFloorBasisPoints, now: deps.now(), actorId });
	const affected = new Set([
		...out.body.workOrders.map((w) => w.id),
		...out.body.margins.map((m) => m.workOrderId),
		...out.body.tasks.map((t) => t.workOrderId),
	]);
	for (const l of out.body.lineItems) affected.add(l.workOrderId);
	out.body.costRanges = await costRanges(model, out.writes, affected, changeSet.seed ?? 1, changeSet.samples ?? DEFAULT_SAMPLES);
	return out;
}

export async function createPreview(deps: ImpactDeps, changeSet: ChangeSet, actorId: string): Promise<ImpactPreview> {
	const { body } = await planChangeSet(deps, changeSet, actorId);
	const preview: ImpactPreview = { id: `imp_${randomUUID()}`, createdAt: deps.now(), createdBy: actorId, changeSet, plan: body, applied: null };
	await deps.store.putPreview(preview);
	return preview;
}

export async function requirePreview(store: ImpactStore, id: string): Promise<ImpactPreview> {
	const preview = await store.getPreview(id);
	if (!preview)
		throw new FieldchainError(ErrorCodes.FC_BILLING_NOT_FOUND, `There is no impact preview ${id}.`, { hint: "POST /v1/impact/previews makes one." });
	return preview;
}

/** Pack approvals the plan still lacks: each required role needs an approval and no later rejection. */
export function missingApprovals(preview: ImpactPreview, approvals: readonly PackApproval[]): string[] {
	return (preview.changeSet.requireApprovals ?? []).filter((role) => {
		const last = approvals.filter((a) => a.role === role).at(-1);
		return last?.decision !== "approved";
	});
}

export async function applyPreview(deps: ImpactDeps, id: string, actorId: string): Promise<ImpactPreview> {
	const preview = await requirePreview(deps.store, id);
	if (preview.applied) throw stale(id, `it was applied at ${new Date(preview.applied.at).toISOString()} by ${preview.applied.by}`);
	const missing = missingApprovals(preview, await deps.store.approvals(id));
	if (missing.length > 0) {
		throw new FieldchainError(
			ErrorCodes.FC_IMPACT_APPROVAL_REQUIRED,
			`Impact preview ${id} needs the ${missing.join(" and ")} approval of its pack before it is applied.`,
			{
				hint: `POST /v1/impact/previews/${id}/approvals with {"role": "${missing[0]}", "decision": "approved"}.`,
				details: { missing },
			},
		);
	}
	const fresh = await planImpact({
		snapshot: await readModel(deps.repo),
		policies: await deps.store.latestPolicies(),
		changeSet: preview.changeSet,
		marginFloorBasisPoints: deps.marginFloorBasisPoints,
		now: preview.plan.policyVersions[0]?.createdAt ?? deps.now(),
		actorId: preview.createdBy,
	});
	if (fresh.body.readHash !== preview.plan.readHash) throw stale(id, "something it read has changed since it was made");
	const at = deps.now();
	await deps.store.claimApply(id, actorId, at);
	try {
		await deps.repo.commit(fresh.writes.map((w) => ({ kind: w.kind, entity: { ...w.entity, updatedAt: at } }) as never));
	} catch (error) {
		await deps.store.releaseApply(id);
		if (error instanceof FieldchainError && error.code === ErrorCodes.FC_MODEL_VERSION_CONFLICT)
			throw stale(id, "something it read changed while it was being applied");
		throw error;
	}
	// The work is re-stamped with these versions: store them (a crash in between leaves work naming a version the next apply of the same change stores).
	await deps.store.putPolicies(preview.plan.policyVersions);
	if (deps.publish) {
		for (const hook of preview.plan.webhooks) {
			await deps.publish(hook.type, { ...hook, subjectId: id, previewId: id, appliedBy: actorId, appliedAt: at });
		}
	}
	return { ...preview, applied: { at, by: actorId } };
}

function stale(id: string, why: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_IMPACT_PLAN_STALE, `Impact preview ${id} cannot be applied: ${why}.`, {
		hint: "Preview the change set again, review the new plan, and apply that one.",
		details: { previewId: id },
	});
}
