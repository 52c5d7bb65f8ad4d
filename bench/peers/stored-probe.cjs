/**
 * Measurement only, not part of what a user would build: counts the readings a peer has stored
 * and how long each took from being taken on the device (device_time_us, the host's wall clock
 * in the simulator) to the end of its INSERT, and pushes them to the bench harness over the
 * child-process IPC channel: { type: "progress", stored, lastStoredAtMs, latenciesMs (new ones) }.
 * Pushed, not polled: a peer busy with a backlog of INSERTs may not turn its event loop for
 * minutes, but a send from inside stored() still goes out.
 * Invariant: stored() is called after the row's INSERT has completed, never before.
 */
const { performance } = require("node:perf_hooks");

const PUSH_EVERY_MS = 100;

function wallClockMs() {
	return performance.timeOrigin + performance.now();
}

function createStoredProbe() {
	let stored = 0;
	let lastStoredAtMs = 0;
	let lastPushAtMs = 0;
	let pending = [];
	const push = () => {
		if (pending.length === 0 || !process.send) return;
		process.send({ type: "progress", stored, lastStoredAtMs, latenciesMs: pending });
		pending = [];
		lastPushAtMs = wallClockMs();
	};
	// The last readings of a burst go out when the loop is idle again.
	setInterval(push, PUSH_EVERY_MS).unref();
	return {
		stored(deviceTimeUs) {
			lastStoredAtMs = wallClockMs();
			stored++;
			pending.push(lastStoredAtMs - Number(deviceTimeUs) / 1000);
			if (lastStoredAtMs - lastPushAtMs >= PUSH_EVERY_MS) push();
		},
	};
}

module.exports = { createStoredProbe, wallClockMs };
