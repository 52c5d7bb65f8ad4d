/**
 * When a child process is done *and* its output has been read. Node emits 'exit' when the process
 * ends, possibly before the last of its stdout and stderr has been read ('close' comes after both
 * pipes end): a test that resolved on 'exit' and then matched the collected output could miss the
 * line it was looking for on a loaded machine. This waits for 'close'; if something the child
 * started still holds its pipes open, it gives up waiting for them a moment after the exit.
 */
import type { ChildProcess } from "node:child_process";

export interface ChildExit {
	code: number | null;
	signal: NodeJS.Signals | null;
}

/** How long after 'exit' to wait for 'close' before settling without it. */
const DRAIN_GRACE_MS = 2000;

export function exitedAndDrained(child: ChildProcess, graceMs = DRAIN_GRACE_MS): Promise<ChildExit> {
	return new Promise((resolve) => {
		let grace: NodeJS.Timeout | undefined;
		const settle = (code: number | null, signal: NodeJS.Signals | null) => {
			clearTimeout(grace);
			child.off("close", settle);
			child.off("exit", onExit);
			resolve({ code, signal });
		};
		const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
			grace = setTimeout(() => settle(code, signal), graceMs);
		};
		child.once("close", settle);
		child.once("exit", onExit);
		// Exited before this was called: 'close' may still be on its way, or have gone already.
		if (child.exitCode !== null || child.signalCode !== null) onExit(child.exitCode, child.signalCode);
	});
}
