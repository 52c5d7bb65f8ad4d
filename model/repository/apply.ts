/**
 * Applying writes to a snapshot with the same checks a repository makes: what the offline gateway
 * and property tests use to run actions one after another without storage.
 */
import { type AnyEntity, type AnyWrite, COLLECTION_OF, type ModelSnapshot } from "../entities/kinds.js";
import { checkWrite } from "./guards.js";

export function applyWrites(snapshot: ModelSnapshot, writes: readonly AnyWrite[]): ModelSnapshot {
	const next = { ...snapshot } as Record<string, AnyEntity[]>;
	const copied = new Set<string>();
	for (const { kind, entity } of writes) {
		const key = COLLECTION_OF[kind];
		if (!copied.has(key)) {
			next[key] = [...next[key]];
			copied.add(key);
		}
		const list = next[key];
		const index = list.findIndex((e) => e.id === entity.id);
		const stored = checkWrite(kind, index < 0 ? undefined : list[index], entity);
		if (index < 0) list.push(stored);
		else list[index] = stored;
	}
	return next as unknown as ModelSnapshot;
}
