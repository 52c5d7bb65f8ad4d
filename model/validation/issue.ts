import type { EntityKind } from "../entities/kinds.js";

/** One thing wrong with a snapshot. */
export interface Issue {
	entity: EntityKind;
	id: string;
	message: string;
}
