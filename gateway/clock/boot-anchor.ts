/**
 * The gateway boot's monotonic clock: an id for the boot and milliseconds on a clock that no
 * wall-clock change moves. Evidence carries both beside wall time (protocol/evidence/README.md,
 * "Time"), so a trusted time learnt later re-anchors what was stamped before it.
 * Invariant: within one boot id, offsets only grow and differences are true elapsed time.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Clock } from "../../platform/clock.js";

export interface BootAnchor {
	/** 16 bytes naming the boot the offsets count from. */
	readonly bootId: Buffer;
	/** Milliseconds on the boot's monotonic clock, whole. */
	monotonicMs(): number;
}

/**
 * Linux: the kernel's boot id with CLOCK_MONOTONIC (process.hrtime, which counts from the kernel's
 * boot), so gateway restarts within one kernel boot share the anchor. Elsewhere, or when /proc
 * cannot be read: a random id per start with the same clock (the id then names the start).
 */
export function systemBootAnchor(readBootId: () => string = () => readFileSync("/proc/sys/kernel/random/boot_id", "utf8")): BootAnchor {
	let bootId: Buffer;
	try {
		const hex = readBootId().trim().replaceAll("-", "");
		bootId = /^[0-9a-f]{32}$/i.test(hex) ? Buffer.from(hex, "hex") : randomBytes(16);
	} catch {
		bootId = randomBytes(16);
	}
	return { bootId, monotonicMs: () => Number(process.hrtime.bigint() / 1_000_000n) };
}

/** For tests and for an injected clock: its monotonic time, under a random (or given) boot id. */
export function clockBootAnchor(clock: Clock, bootId: Buffer = randomBytes(16)): BootAnchor {
	return { bootId, monotonicMs: () => Math.floor(clock.monotonic()) };
}
