/**
 * What a fieldchain process does with a promise rejection nobody handled: it is a bug, and the
 * state behind it is unknown, so the process logs the rejection with its stack, stops what it
 * runs as well as it can (the gateway flushes its queue and closes its database; the billing
 * service closes its store) and exits with EXIT_UNHANDLED. Services register their stop with
 * onFatalStop; bin/fieldchain.ts installs the policy once.
 * Invariant: one exit, whatever number of rejections; a stop that hangs cannot keep the process up.
 */

/** sysexits.h EX_SOFTWARE: an internal software error (1 is a reported failure, 2 bad options). */
export const EXIT_UNHANDLED = 70;
/** How long the stops may take before the process exits anyway. */
const STOP_GRACE_MS = 10_000;

const stops = new Set<() => Promise<void>>();
let failing = false;

/** Registers a best-effort stop for a fatal error; returns the function that unregisters it. */
export function onFatalStop(stop: () => Promise<void>): () => void {
	stops.add(stop);
	return () => stops.delete(stop);
}

function describe(reason: unknown): string {
	if (reason instanceof Error) return reason.stack ?? `${reason.name}: ${reason.message}`;
	return `a non-error value: ${typeof reason === "string" ? reason : (JSON.stringify(reason) ?? String(reason))}`;
}

async function fail(reason: unknown, write: (text: string) => void): Promise<void> {
	if (failing) {
		write(`fieldchain: another unhandled promise rejection while stopping: ${describe(reason)}\n`);
		return;
	}
	failing = true;
	write(`fieldchain: unhandled promise rejection (a bug; please report it with this stack), stopping:\n${describe(reason)}\n`);
	process.exitCode = EXIT_UNHANDLED;
	setTimeout(() => process.exit(EXIT_UNHANDLED), STOP_GRACE_MS).unref();
	const results = await Promise.allSettled([...stops].map((stop) => stop()));
	for (const result of results) if (result.status === "rejected") write(`fieldchain: stop after the rejection failed: ${describe(result.reason)}\n`);
	process.exit(EXIT_UNHANDLED);
}

/** Installs the policy for this process (the CLI entry calls it once). */
export function installRejectionPolicy(write: (text: string) => void = (text) => process.stderr.write(text)): void {
	process.on("unhandledRejection", (reason) => void fail(reason, write));
}
