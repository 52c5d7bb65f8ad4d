/**
 * Reloads the gateway's TLS files without a restart: on SIGHUP (wired by the CLI) and when one of
 * the files changes (polled with fs.watchFile, which also sees a file replaced by rename, as
 * certbot and most deploy tools do). Invariant: a reload that fails (unreadable file, key not
 * matching the certificate) is logged and the listener keeps serving the last good certificate.
 */
import { type StatWatcher, unwatchFile, watchFile } from "node:fs";
import type { Logger } from "pino";
import type { TlsConfig } from "./tls-config.js";
import { loadTlsOptions, type TlsServerOptions } from "./tls-files.js";

export interface TlsListenerEntry {
	/** The config section, for logs and errors ("http.tls"). */
	section: string;
	config: TlsConfig;
	/** Installs new options on the live server (tls.Server#setSecureContext). */
	apply(options: TlsServerOptions): void;
}

/** Files changing within this window (key, then certificate) are reloaded once. */
const SETTLE_MS = 300;

export class TlsReloader {
	private readonly entries: TlsListenerEntry[] = [];
	private readonly watched = new Map<string, (current: { mtimeMs: number }, previous: { mtimeMs: number }) => void>();
	private timer: NodeJS.Timeout | undefined;

	constructor(
		private readonly logger: Logger,
		private readonly pollIntervalMs = 2000,
	) {}

	add(entry: TlsListenerEntry): void {
		this.entries.push(entry);
		for (const path of [entry.config.keyFile, entry.config.certFile, entry.config.caFile]) {
			if (!path || this.watched.has(path)) continue;
			const onChange = () => {
				clearTimeout(this.timer);
				this.timer = setTimeout(() => this.reload("file changed"), SETTLE_MS);
				this.timer.unref();
			};
			this.watched.set(path, onChange);
			const watcher: StatWatcher = watchFile(path, { interval: this.pollIntervalMs, persistent: false }, onChange);
			watcher.unref?.();
		}
	}

	/** Reads every listener's files again and installs them; true when all of them loaded. */
	reload(reason: string): boolean {
		let ok = true;
		for (const entry of this.entries) {
			try {
				entry.apply(loadTlsOptions(entry.config, entry.section));
				this.logger.info({ listener: entry.section, reason, certFile: entry.config.certFile }, "TLS certificate reloaded");
			} catch (error) {
				ok = false;
				this.logger.error({ listener: entry.section, reason, err: error }, "TLS reload failed; still serving the previous certificate");
			}
		}
		return ok;
	}

	close(): void {
		clearTimeout(this.timer);
		for (const [path, onChange] of this.watched) unwatchFile(path, onChange);
		this.watched.clear();
	}
}
