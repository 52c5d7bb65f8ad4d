/**
 * A device's id is authenticated over MQTT (the broker checks its password) and only claimed over
 * serial (anyone with a cable can say hello as anyone). With the simulator over the embedded
 * broker and a second simulator on a real pty (socat) claiming the same id: the claim is refused,
 * the serial link closed and an alarm raised, and the MQTT session stays and keeps storing.
 */
import { afterEach, describe, expect, it } from "vitest";
import { runMqttSimulator, runSerialSimulator, type SimulatorHandle } from "../firmware-host/simulator/runners.js";
import { hashPassword } from "../gateway/auth/password-hash.js";
import { type GatewayFixture, getJson, startGateway } from "./support/gateway-fixture.js";
import { createPtyPair, type PtyPair } from "./support/pty-pair.js";
import { waitFor } from "./support/wait.js";

let gateway: GatewayFixture | undefined;
let pty: PtyPair | undefined;
let simulators: SimulatorHandle[] = [];

afterEach(async () => {
	for (const simulator of simulators) await simulator.stop();
	await gateway?.stop();
	await pty?.dispose();
	gateway = pty = undefined;
	simulators = [];
});

interface DeviceView {
	id: string;
	connected: boolean;
	transport: string;
	identity: string;
	authenticated: boolean;
	readingsStored: number;
}

const devices = async (fixture: GatewayFixture) => (await getJson<{ devices: DeviceView[] }>(`${fixture.baseUrl}/api/v1/devices`)).body.devices;

describe("device identity: claimed (serial) versus authenticated (MQTT)", () => {
	it("refuses a serial hello claiming a connected MQTT device's id; the MQTT session stays", async () => {
		pty = await createPtyPair();
		const hostEnd = pty.hostEnd;
		const passwordHash = await hashPassword("secret-a");
		const fixture = await startGateway((config) => {
			config.mqtt = { host: "127.0.0.1", port: 0 };
			config.devices = [{ id: "mqtt-a", passwordHash }];
			config.serial.targets.push({ path: hostEnd });
		});
		gateway = fixture;
		const alarms: Array<{ code: string; deviceId: string | null }> = [];
		fixture.gateway.parts.events.on("alarm", (alarm) => alarms.push(alarm));
		const url = `mqtt://127.0.0.1:${fixture.gateway.mqttAddress!.port}`;
		simulators.push(await runMqttSimulator({ url, deviceId: "mqtt-a", password: "secret-a", rate: 20, resendTimeoutMs: 1000 }));
		const proven = await waitFor("the MQTT device", async () => (await devices(fixture)).find((device) => device.id === "mqtt-a" && device.connected));
		expect(proven).toMatchObject({ transport: "mqtt", identity: "mqtt-password", authenticated: true });

		// The impostor on a serial port says hello as mqtt-a.
		simulators.push(await runSerialSimulator({ path: pty.deviceEnd, deviceId: "mqtt-a", rate: 20, retryMs: 100 }));
		await waitFor("the claim to be refused", async () => (alarms.some((alarm) => alarm.code === "device-identity-claim-refused") ? true : undefined), 10_000);
		expect(alarms.find((alarm) => alarm.code === "device-identity-claim-refused")?.deviceId).toBe("mqtt-a");
		expect(fixture.logs.some((line) => line.includes("FC_PROTO_IDENTITY"))).toBe(true);

		// The MQTT session is still the one holding the id, and it keeps storing.
		const before = (await devices(fixture)).find((device) => device.id === "mqtt-a")!;
		expect(before).toMatchObject({ connected: true, transport: "mqtt", identity: "mqtt-password", authenticated: true });
		await waitFor(
			"the MQTT device to keep storing",
			async () => {
				const now = (await devices(fixture)).find((device) => device.id === "mqtt-a")!;
				return now.readingsStored > before.readingsStored + 5 && now.transport === "mqtt" ? true : undefined;
			},
			10_000,
		);
		expect(fixture.gateway.parts.devices.session("mqtt-a")?.link.transport).toBe("mqtt");
	});

	it("marks a serial device's id as claimed, not authenticated", async () => {
		pty = await createPtyPair();
		const hostEnd = pty.hostEnd;
		const fixture = await startGateway((config) => config.serial.targets.push({ path: hostEnd }));
		gateway = fixture;
		simulators.push(await runSerialSimulator({ path: pty.deviceEnd, deviceId: "megger-1", rate: 20, count: 3, retryMs: 100 }));
		const device = await waitFor("the serial device", async () => (await devices(fixture)).find((entry) => entry.id === "megger-1" && entry.connected));
		expect(device).toMatchObject({ transport: "serial", identity: "claimed", authenticated: false });
	});
});
