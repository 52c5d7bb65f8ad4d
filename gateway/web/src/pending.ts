/**
 * Input the gateway has not confirmed yet. Every change the technician makes (acknowledge, stamp,
 * timer, note, signature) is written to localStorage first and sent after; it leaves the queue
 * only when the gateway answers. If the gateway is down (restarting, unplugged), the queue waits
 * and is sent, in order, when the live stream reconnects: nothing typed or tapped is lost, even
 * across a page reload.
 */
import { ApiError, api } from "./api.js";
import { Store } from "./store.js";

export interface PendingAction {
	id: string;
	method: "POST" | "PUT" | "DELETE";
	path: string;
	body?: unknown;
	/** What the technician did, for the banner ("Stop timer"). */
	label: string;
	createdAt: number;
}

export interface Refusal {
	label: string;
	/** What to do, in the technician's words. */
	message: string;
	/** The gateway's code and own words, kept for support (shown on hover, logged). */
	code?: string;
	machine?: string;
}

const KEY = "fieldchain.pending.v1";

function load(): PendingAction[] {
	try {
		const parsed = JSON.parse(localStorage.getItem(KEY) ?? "[]") as unknown;
		return Array.isArray(parsed) ? (parsed as PendingAction[]) : [];
	} catch {
		return [];
	}
}

export const pending = new Store<PendingAction[]>(load());
/** Actions the gateway refused (a rule said no): shown to the technician, not retried. */
export const refusals = new Store<Refusal[]>([]);
/** Bumped after each confirmed action, so views refetch. */
export const confirmed = new Store(0);
/** Set when the gateway says the session is gone: the app shows the sign-in. */
export const signedOut = new Store(false);

function save(actions: PendingAction[]): void {
	localStorage.setItem(KEY, JSON.stringify(actions));
	pending.set(actions);
}

let flushing: Promise<void> | undefined;

/** Queues an action and tries to send the queue now. */
export function perform(action: Omit<PendingAction, "id" | "createdAt">): Promise<void> {
	const queued = { ...action, id: `${Date.now()}-${Math.random().toString(36).slice(2)}`, createdAt: Date.now() };
	try {
		save([...load(), queued]);
	} catch {
		// Too big for localStorage (a large photo): send it now, and say so if that fails.
		return api(action.method, action.path, action.body).then(
			() => confirmed.update((n) => n + 1),
			(error: Error) =>
				refusals.update((list) => [
					...list.slice(-4),
					{ label: action.label, message: `${error.message} It was too large to keep on this device: try again.` },
				]),
		);
	}
	return flush();
}

/** Sends queued actions in order; stops at the first the gateway cannot take now. */
export function flush(): Promise<void> {
	// Assigned before the run can finish (it may finish synchronously when the queue is empty).
	flushing ??= sendQueue().finally(() => {
		flushing = undefined;
	});
	return flushing;
}

async function sendQueue(): Promise<void> {
	for (;;) {
		const [next] = load();
		if (!next) return;
		try {
			await api(next.method, next.path, next.body);
		} catch (error) {
			if (error instanceof ApiError && error.status === 401) {
				signedOut.set(true);
				return;
			}
			// Not reachable, or the gateway is overloaded: keep it for the next try.
			if (!(error instanceof ApiError) || error.status >= 500 || error.status === 429) return;
			refusals.update((list) => [...list.slice(-4), { label: next.label, message: error.message, code: error.code, machine: error.machine }]);
		}
		save(load().filter((action) => action.id !== next.id));
		confirmed.update((n) => n + 1);
	}
}
