/**
 * Is the kernel's clock synchronised? The kernel keeps the answer (adjtimex: STA_UNSYNC clear and
 * a bounded maximum error) and the usual daemons export it: systemd-timesyncd touches
 * /run/systemd/timesync/synchronized once synchronised, and `timedatectl show -p NTPSynchronized`
 * reads adjtimex through timedated whichever daemon (chrony, ntpd, timesyncd) disciplines the clock.
 * A probe answers true, false, or undefined when it cannot tell (no systemd, a container): the
 * gateway then treats the clock as unsynchronised, the safe side. Injected, so tests drive it.
 */
import { execFile } from "node:child_process";
import { access } from "node:fs/promises";

export type KernelSyncProbe = () => Promise<boolean | undefined>;

export interface KernelSyncSources {
	/** Resolves when the path exists. */
	exists: (path: string) => Promise<void>;
	/** Runs a command, resolving with its standard output. */
	run: (file: string, args: string[]) => Promise<string>;
}

const systemSources: KernelSyncSources = {
	exists: (path) => access(path),
	run: (file, args) =>
		new Promise((resolve, reject) => {
			execFile(file, args, { timeout: 2000, env: { ...process.env, LC_ALL: "C" } }, (error, stdout) => (error ? reject(error) : resolve(String(stdout))));
		}),
};

export const TIMESYNCD_FLAG = "/run/systemd/timesync/synchronized";

export function kernelSyncProbe(sources: KernelSyncSources = systemSources): KernelSyncProbe {
	return async () => {
		try {
			await sources.exists(TIMESYNCD_FLAG);
			return true;
		} catch {
			// Not timesyncd, or not synchronised yet: ask the kernel through timedated.
		}
		try {
			const answer = (await sources.run("timedatectl", ["show", "--property=NTPSynchronized", "--value"])).trim();
			if (answer === "yes") return true;
			if (answer === "no") return false;
		} catch {
			// No systemd (a container, another init): nothing to ask.
		}
		return undefined;
	};
}
