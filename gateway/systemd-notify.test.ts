import { afterEach, describe, expect, it, vi } from "vitest";
import { systemdNotifier } from "./systemd-notify.js";

afterEach(() => vi.useRealTimers());

describe("systemdNotifier", () => {
	it("sends nothing outside systemd", () => {
		const sent: string[] = [];
		const notifier = systemdNotifier({}, (message) => sent.push(message));
		notifier.ready();
		notifier.stopping();
		notifier.close();
		expect(sent).toEqual([]);
	});

	it("says ready, pings the watchdog every half WatchdogSec and says stopping", () => {
		vi.useFakeTimers();
		const sent: string[] = [];
		const notifier = systemdNotifier({ NOTIFY_SOCKET: "/run/systemd/notify", WATCHDOG_USEC: "60000000" }, (message) => sent.push(message));
		notifier.ready();
		vi.advanceTimersByTime(61_000);
		notifier.stopping();
		notifier.close();
		vi.advanceTimersByTime(60_000);
		expect(sent).toEqual(["READY=1", "WATCHDOG=1", "WATCHDOG=1", "STOPPING=1"]);
	});

	it("does not ping a watchdog meant for another process", () => {
		vi.useFakeTimers();
		const sent: string[] = [];
		const notifier = systemdNotifier({ NOTIFY_SOCKET: "@n", WATCHDOG_USEC: "2000000", WATCHDOG_PID: String(process.pid + 1) }, (message) => sent.push(message));
		vi.advanceTimersByTime(10_000);
		notifier.close();
		expect(sent).toEqual([]);
	});
});
