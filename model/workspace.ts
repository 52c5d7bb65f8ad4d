/**
 * A snapshot plus a clock and an id source, applying one action at a time with the repository's
 * write checks. What the offline gateway, the fixture generator and the tests drive the model with.
 */
import type { ActionContext, ActionResult } from "./actions/context.js";
import { sequentialIds } from "./actions/context.js";
import { type EntityKind, emptySnapshot, type ModelSnapshot } from "./entities/kinds.js";
import { applyWrites } from "./repository/apply.js";

export class Workspace {
	snapshot: ModelSnapshot;
	now: number;
	private readonly newId: (kind: EntityKind) => string;

	constructor(options: { snapshot?: ModelSnapshot; now: number; newId?: (kind: EntityKind) => string }) {
		this.snapshot = options.snapshot ?? emptySnapshot();
		this.now = options.now;
		this.newId = options.newId ?? sequentialIds();
	}

	context(actorId: string): ActionContext {
		return { now: this.now, actorId, newId: this.newId };
	}

	/** Runs an action as `actorId` and applies its writes; a refused action changes nothing. */
	run<R extends ActionResult>(actorId: string, action: (snapshot: ModelSnapshot, ctx: ActionContext) => R): R {
		const result = action(this.snapshot, this.context(actorId));
		this.snapshot = applyWrites(this.snapshot, result.writes);
		return result;
	}

	advance(ms: number): this {
		this.now += ms;
		return this;
	}
}
