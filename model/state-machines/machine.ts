/**
 * A lifecycle as an explicit table. Moving to a state the table does not list, including the state
 * the entity is already in, is an error: an illegal transition is never a silent no-op.
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";

export interface TransitionContext {
	/** Epoch ms stamped on updatedAt. */
	now: number;
}

export interface StateMachine<S extends string> {
	/** Human name for messages ("work order"). */
	readonly entity: string;
	readonly table: Readonly<Record<S, readonly S[]>>;
	readonly states: readonly S[];
	can(from: S, to: S): boolean;
	/** States reachable in one step. */
	next(from: S): readonly S[];
	isTerminal(state: S): boolean;
	/** Throws FC_MODEL_ILLEGAL_TRANSITION naming the entity, id, from and to. */
	assert(id: string, from: S, to: S): void;
	/** A copy with the new status and updatedAt; the input is left untouched. */
	transition<E extends { id: string; status: S; updatedAt: number }>(entity: E, to: S, ctx: TransitionContext): E;
}

export function defineStateMachine<S extends string>(entity: string, table: Readonly<Record<S, readonly S[]>>): StateMachine<S> {
	const states = Object.keys(table) as S[];
	const can = (from: S, to: S) => (Object.hasOwn(table, from) ? table[from].includes(to) : false);
	const assert = (id: string, from: S, to: S) => {
		if (can(from, to)) return;
		const allowed = Object.hasOwn(table, from) ? table[from] : [];
		throw new FieldchainError(ErrorCodes.FC_MODEL_ILLEGAL_TRANSITION, `${entity} ${id}: cannot go from "${from}" to "${to}".`, {
			hint: allowed.length ? `From "${from}" it may go to: ${allowed.join(", ")}.` : `"${from}" is a final state.`,
			details: { entity, id, from, to, allowed },
		});
	};
	return {
		entity,
		table,
		states,
		can,
		next: (from) => (Object.hasOwn(table, from) ? table[from] : []),
		isTerminal: (state) => table[state].length === 0,
		assert,
		transition(value, to, ctx) {
			assert(value.id, value.status, to);
			return { ...value, status: to, updatedAt: ctx.now };
		},
	};
}
