/** One entry point: every issue with a snapshot, or an FC_MODEL_INVALID error listing them. */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { ModelSnapshot } from "../entities/kinds.js";
import { partitionByChain } from "../rules/scope.js";
import { billingIssues, evidenceIssues, timeAndItemIssues, workOrderIssues } from "./consistency.js";
import type { Issue } from "./issue.js";
import { referenceIssues } from "./references.js";

export function validateSnapshot(snapshot: ModelSnapshot): Issue[] {
	const issues = referenceIssues(snapshot);
	// Consistency checks follow references, so they only run on a snapshot whose references hold.
	if (issues.length > 0) return issues;
	const milestoneOfTask = new Map<string, string>();
	for (const chain of partitionByChain(snapshot).values()) {
		issues.push(...workOrderIssues(chain), ...timeAndItemIssues(chain), ...evidenceIssues(chain), ...billingIssues(chain, milestoneOfTask));
	}
	return issues;
}

export function assertValidSnapshot(snapshot: ModelSnapshot): void {
	const issues = validateSnapshot(snapshot);
	if (issues.length === 0) return;
	const shown = issues.slice(0, 5).map((i) => i.message);
	throw new FieldchainError(
		ErrorCodes.FC_MODEL_INVALID,
		`The data breaks ${issues.length} model rule(s): ${shown.join("; ")}${issues.length > 5 ? "; ..." : ""}.`,
		{ details: { issues } },
	);
}

export type { Issue };
