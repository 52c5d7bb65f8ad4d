import { describe, expect, it } from "vitest";
import { GatewayEvents } from "./events.js";

function manual() {
	const pending: Array<() => void> = [];
	return {
		schedule: (drain: () => void) => {
			pending.push(drain);
		},
		run: () => {
			for (const drain of pending.splice(0)) drain();
		},
	};
}

const attached = { deviceId: "d1", model: "m", transport: "serial", link: "/dev/x", at: 1 };

describe("GatewayEvents", () => {
	it("delivers after the emitter returned, not during emit", () => {
		const loop = manual();
		const events = new GatewayEvents(() => {}, loop.schedule);
		const seen: string[] = [];
		events.on("deviceAttached", (event) => seen.push(event.deviceId));
		events.emit("deviceAttached", attached);
		expect(seen).toEqual([]);
		loop.run();
		expect(seen).toEqual(["d1"]);
	});

	it("catches a throwing listener, reports it and still calls the others", () => {
		const loop = manual();
		const errors: string[] = [];
		const events = new GatewayEvents((error, event) => errors.push(`${event}: ${(error as Error).message}`), loop.schedule);
		const seen: string[] = [];
		events.on("deviceAttached", () => {
			throw new Error("broken flow");
		});
		events.on("deviceAttached", (event) => seen.push(event.deviceId));
		events.emit("deviceAttached", attached);
		expect(() => loop.run()).not.toThrow();
		expect(errors).toEqual(["deviceAttached: broken flow"]);
		expect(seen).toEqual(["d1"]);
		expect(events.stats.listenerErrors).toBe(1);
	});

	it("skips events nobody listens to and stops delivering after unsubscribe", () => {
		const loop = manual();
		const events = new GatewayEvents(() => {}, loop.schedule);
		events.emit("deviceAttached", attached);
		expect(events.stats.emitted).toBe(0);
		const seen: number[] = [];
		const off = events.on("deviceDetached", (event) => seen.push(event.at));
		expect(events.hasListeners("deviceDetached")).toBe(true);
		off();
		events.emit("deviceDetached", { deviceId: "d1", reason: null, at: 5 });
		loop.run();
		expect(seen).toEqual([]);
	});
});
