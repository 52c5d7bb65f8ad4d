/**
 * The runner reads what a gateway finds after the first check greeted the device, and puts it back
 * at the end. A device that streams on a gateway's hello can miss the first check's HostHello (an
 * unprompted Hello answered the greeting and the check closed the link before the device read it):
 * the state must still be read as a gateway's link leaves it, or the device is left idle.
 */
import { describe, expect, it } from "vitest";
import { systemClock } from "../../platform/clock.js";
import type { DeviceConnection } from "../host/device-connection.js";
import type { Check, ConformanceContext } from "./check.js";
import { runConformance } from "./runner.js";

/** A device that starts streaming when it reads a gateway's (not a maintenance) HostHello. */
function deviceThatStreamsOnAGatewayHello(options: { firstHelloLost: boolean }) {
	const state = { streaming: false, rate: 10, links: [] as boolean[], commands: [] as string[] };
	const context: Omit<ConformanceContext, "log"> = {
		async connect(connectOptions = {}) {
			const maintenance = connectOptions.maintenance ?? false;
			state.links.push(maintenance);
			const lost = options.firstHelloLost && state.links.length === 1;
			if (!maintenance && !lost) state.streaming = true;
			const connection = {
				async request(body: { command: Record<string, { readingsPerSecond?: number }> }) {
					const [name, args] = Object.entries(body.command)[0];
					state.commands.push(name);
					if (name === "setRate") state.rate = args.readingsPerSecond ?? state.rate;
					if (name === "startStreaming") state.streaming = true;
					return { commandResult: { status: 1, deviceStatus: { streaming: state.streaming, readingsPerSecond: state.rate } } };
				},
				async close() {},
			} as unknown as DeviceConnection;
			return { connection, hello: {}, received: [] };
		},
		image: undefined,
		clock: systemClock,
		answerTimeoutMs: 1000,
		resendTimeoutMs: 1000,
		sleep: async () => {},
		collect: async () => [],
	};
	return { state, context };
}

/** Greets as a gateway and hangs up at once, as the handshake check does; the last check stops the stream. */
const checks: Check[] = [
	{
		id: "handshake",
		group: "session",
		title: "greets",
		spec: "",
		async run(context) {
			await (await context.connect()).connection.close();
		},
	},
	{
		id: "stop",
		group: "session",
		title: "stops streaming",
		spec: "",
		async run(context) {
			const { connection } = await context.connect();
			await connection.request({ command: { stopStreaming: {} } }, "commandResult");
		},
	},
];

describe("runConformance: the state the device is left in", () => {
	for (const firstHelloLost of [false, true]) {
		it(`finds a device that streams on a gateway's hello streaming, and leaves it streaming${firstHelloLost ? ", also when it missed the first check's HostHello" : ""}`, async () => {
			const device = deviceThatStreamsOnAGatewayHello({ firstHelloLost });
			const suite = await runConformance(device.context, { device: "fake", checks });
			expect(suite.foundStreaming).toBe(true);
			expect(suite.streamingRestored).toBe(true);
			expect(device.state.streaming).toBe(true);
			expect(device.state.rate).toBe(10);
		});
	}
});
