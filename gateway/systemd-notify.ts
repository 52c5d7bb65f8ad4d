/**
 * Tells systemd how the gateway is doing when it runs as a Type=notify service (packaging/
 * fieldchain.service): READY=1 once it serves, WATCHDOG=1 every half WatchdogSec from the event
 * loop (a stuck loop stops the pings, and systemd restarts the service), STOPPING=1 on the way down.
 * Node has no unix datagram sockets and the maintained npm clients are native addons (one more
 * thing to cross-compile), so the messages go through systemd's own `systemd-notify`, a child
 * process: the unit therefore sets NotifyAccess=all. Outside systemd (no NOTIFY_SOCKET) it does nothing.
 */
import { execFile } from "node:child_process";

export interface SystemdNotifier {
	ready(): void;
	stopping(): void;
	close(): void;
}

type Send = (message: string) => void;

const viaSystemdNotify: Send = (message) => {
	// Failures (no systemd-notify, systemd gone) only mean systemd does not hear this one message.
	execFile("systemd-notify", [message], { timeout: 5000 }, () => {});
};

export function systemdNotifier(env: NodeJS.ProcessEnv = process.env, send: Send = viaSystemdNotify): SystemdNotifier {
	if (!env.NOTIFY_SOCKET) return { ready() {}, stopping() {}, close() {} };
	const watchdogUs = Number(env.WATCHDOG_USEC);
	// WATCHDOG_PID names the process systemd expects pings for; another pid means it is not us.
	const forUs = !env.WATCHDOG_PID || Number(env.WATCHDOG_PID) === process.pid;
	let timer: NodeJS.Timeout | undefined;
	if (Number.isFinite(watchdogUs) && watchdogUs > 0 && forUs) {
		timer = setInterval(() => send("WATCHDOG=1"), Math.max(1000, Math.floor(watchdogUs / 2000)));
		timer.unref();
	}
	return {
		ready: () => send("READY=1"),
		stopping: () => send("STOPPING=1"),
		close: () => clearInterval(timer),
	};
}
