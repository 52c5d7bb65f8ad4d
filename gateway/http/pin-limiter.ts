/**
 * Rate limit for PIN sign-in: a PIN has few digits, so guesses must be slow and few. Wrong PINs are
 * counted in three sliding windows at once: one technician from one address, one address for any
 * technician, and one technician from any address (so guessing from many addresses is bounded too).
 * An attempt is refused while any of its windows is full.
 *
 * Invariants:
 * - An attempt is counted when it is reserved, before the slow PIN check, and stays counted as a
 *   failure unless it is settled as a success: parallel requests cannot all pass the limit, and an
 *   aborted check still counts.
 * - A right PIN clears only that technician's own failures from that address (in all three windows);
 *   another technician's failures, from the same address or not, stay.
 * - Memory is bounded: a window holds at most its limit of entries, and each map holds at most
 *   MAX_KEYS windows (the least recently touched are forgotten first).
 * - Every failure is logged, and each lockout once when it first refuses an attempt (technician id,
 *   address, counts; the limiter never sees the PIN).
 */
import type { Clock } from "../../platform/clock.js";
import type { Logger } from "../../platform/logger.js";

export interface PinLimits {
	/** Wrong PINs for one technician from one address per window (default 5). */
	perTechnicianAtAddress: number;
	/** Wrong PINs from one address for any technicians per window (default 10). */
	perAddress: number;
	/** Wrong PINs for one technician from any addresses per window (default 20). */
	perTechnician: number;
}

export interface PinLimiterOptions {
	clock: Clock;
	limits?: Partial<PinLimits>;
	windowMs?: number;
	/** Where failures and lockouts are logged; without one they are not. */
	logger?: Logger;
}

export const DEFAULT_PIN_LIMITS: PinLimits = { perTechnicianAtAddress: 5, perAddress: 10, perTechnician: 20 };
export const DEFAULT_PIN_WINDOW_MS = 5 * 60_000;

const MAX_KEYS = 10_000;

type Scope = keyof PinLimits;
const SCOPES: Scope[] = ["perTechnicianAtAddress", "perAddress", "perTechnician"];

/** One counted attempt, shared by reference between its three windows so a success can remove it from each. */
interface Attempt {
	at: number;
}

interface Window {
	attempts: Attempt[];
	/** The current lockout of this window has been logged (reset once the window is no longer full). */
	lockoutLogged: boolean;
}

/** A granted attempt: settle it with succeeded() after a right PIN or failed() after a wrong one. */
export interface PinAttempt {
	granted: true;
	succeeded(): void;
	failed(): void;
}

export interface PinRefusal {
	granted: false;
	/** Milliseconds until the attempt may be made. */
	retryAfterMs: number;
}

export class PinLimiter {
	private readonly windows: Record<Scope, Map<string, Window>> = {
		perTechnicianAtAddress: new Map(),
		perAddress: new Map(),
		perTechnician: new Map(),
	};
	private readonly limits: PinLimits;
	private readonly windowMs: number;

	constructor(private readonly options: PinLimiterOptions) {
		this.limits = { ...DEFAULT_PIN_LIMITS, ...options.limits };
		this.windowMs = options.windowMs ?? DEFAULT_PIN_WINDOW_MS;
	}

	/** Counts an attempt to sign in as technicianId from address, or refuses it while a window is full. */
	reserve(technicianId: string, address: string): PinAttempt | PinRefusal {
		// Monotonic: a wall-clock jump must neither reopen a full window nor lock one for a day.
		const now = Math.floor(this.options.clock.monotonic());
		const keys = this.keys(technicianId, address);
		const windows = SCOPES.map((scope) => this.window(scope, keys[scope], now));
		let retryAfterMs = 0;
		const full: Scope[] = [];
		SCOPES.forEach((scope, index) => {
			const { attempts } = windows[index];
			const limit = this.limits[scope];
			if (attempts.length < limit) return;
			full.push(scope);
			retryAfterMs = Math.max(retryAfterMs, attempts[attempts.length - limit].at + this.windowMs - now);
		});
		if (full.length > 0) {
			const announce = full.filter((scope) => !windows[SCOPES.indexOf(scope)].lockoutLogged);
			for (const scope of announce) windows[SCOPES.indexOf(scope)].lockoutLogged = true;
			const fields = { technicianId, address, lockedBy: full, failures: this.counts(windows), limits: this.limits, retryAfterMs };
			if (announce.length > 0) this.options.logger?.warn(fields, "PIN sign-in locked out: too many wrong PINs");
			else this.options.logger?.debug(fields, "PIN sign-in refused while locked out");
			this.forgetEmpty(keys, windows);
			return { granted: false, retryAfterMs: Math.max(1, retryAfterMs) };
		}
		const attempt: Attempt = { at: now };
		for (const window of windows) window.attempts.push(attempt);
		let settled = false;
		return {
			granted: true,
			succeeded: () => {
				if (settled) return;
				settled = true;
				// This technician's failures from this address (this attempt among them) leave every window.
				const own = new Set(windows[0].attempts);
				for (const window of windows) window.attempts = window.attempts.filter((entry) => !own.has(entry));
				this.forgetEmpty(keys, windows);
			},
			failed: () => {
				if (settled) return;
				settled = true;
				this.options.logger?.warn({ technicianId, address, failures: this.counts(windows), limits: this.limits }, "wrong PIN at sign-in");
			},
		};
	}

	/** Windows held in memory, over the three scopes (at most 3 × MAX_KEYS). */
	get trackedKeys(): number {
		return SCOPES.reduce((sum, scope) => sum + this.windows[scope].size, 0);
	}

	private keys(technicianId: string, address: string): Record<Scope, string> {
		return { perTechnicianAtAddress: JSON.stringify([technicianId, address]), perAddress: address, perTechnician: technicianId };
	}

	/** Empty windows are not kept: memory holds only addresses and technicians with recent failures. */
	private forgetEmpty(keys: Record<Scope, string>, windows: Window[]): void {
		SCOPES.forEach((scope, index) => {
			if (windows[index].attempts.length === 0 && this.windows[scope].get(keys[scope]) === windows[index]) this.windows[scope].delete(keys[scope]);
		});
	}

	private counts(windows: Window[]): Record<Scope, number> {
		return { perTechnicianAtAddress: windows[0].attempts.length, perAddress: windows[1].attempts.length, perTechnician: windows[2].attempts.length };
	}

	/** The window of one key with attempts that left it dropped, moved to the recently-touched end of its map. */
	private window(scope: Scope, key: string, now: number): Window {
		const map = this.windows[scope];
		const window = map.get(key) ?? { attempts: [], lockoutLogged: false };
		const since = now - this.windowMs;
		window.attempts = window.attempts.filter((attempt) => attempt.at > since);
		if (window.attempts.length < this.limits[scope]) window.lockoutLogged = false;
		map.delete(key);
		map.set(key, window);
		if (map.size > MAX_KEYS) map.delete(map.keys().next().value as string);
		return window;
	}
}
