/**
 * Reads a whole list from the billing service, a page at a time: its list routes answer at most a
 * page (`limit`, `cursor`, `next`: cloud-bridge/billing/routes/pagination.ts), so a list longer
 * than a page is followed to its end. A service from before pagination answers no `next`: its one
 * answer is the whole list. Invariant: stops on a repeated cursor, so a faulty server cannot loop it.
 */

/** GET `path`, the body as JSON (undefined for an accepted "not there", e.g. a 404). */
export type GetJson = (path: string) => Promise<Record<string, unknown> | undefined>;

export async function allPages<T>(get: GetJson, path: string, field: string): Promise<T[]> {
	const items: T[] = [];
	const seen = new Set<string>();
	let cursor: string | null = null;
	do {
		const url: string = cursor === null ? path : `${path}${path.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(cursor)}`;
		const body = await get(url);
		const list = body?.[field];
		if (Array.isArray(list)) items.push(...(list as T[]));
		const next = body?.next;
		cursor = typeof next === "string" && !seen.has(next) ? next : null;
		if (cursor !== null) seen.add(cursor);
	} while (cursor !== null);
	return items;
}
