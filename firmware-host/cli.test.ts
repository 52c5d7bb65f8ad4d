import { EventEmitter, once } from "node:events";
import { createServer } from "node:net";
import { Aedes } from "aedes";
import { Command, CommanderError } from "commander";
import { afterEach, describe, expect, it } from "vitest";
import { registerDeviceCommands } from "./cli.js";
import type { CliIo } from "./simulate-command.js";
import { MqttHostLink } from "./simulator/mqtt-host-link.js";
import { TestHost } from "./simulator/testing/test-host.js";

interface Captured {
	io: CliIo;
	stdout: string[];
	stderr: string[];
	signals: EventEmitter;
	exitCode: () => number | undefined;
}

function capture(env: Record<string, string> = {}): Captured {
	const stdout: string[] = [];
	const stderr: string[] = [];
	const signals = new EventEmitter();
	let exitCode: number | undefined;
	return {
		io: {
			stdout: (line) => stdout.push(line),
			stderr: (line) => stderr.push(line),
			env,
			signals: signals as unknown as CliIo["signals"],
			setExitCode: (code) => {
				exitCode = code;
			},
			progressIntervalMs: 50,
		},
		stdout,
		stderr,
		signals,
		exitCode: () => exitCode,
	};
}

function program(io: CliIo): Command {
	const root = new Command("fieldchain").exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
	registerDeviceCommands(root, io);
	return root;
}

async function commanderError(run: Promise<unknown>): Promise<CommanderError> {
	try {
		await run;
	} catch (error) {
		if (error instanceof CommanderError) return error;
		throw error;
	}
	throw new Error("expected a CommanderError");
}

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
	cleanups = [];
});

async function broker(password?: string): Promise<string> {
	const aedes = await Aedes.createBroker({
		authenticate: (client, _username, given, done) => {
			// The test host stands in for the gateway and needs no device password.
			if (!password || client.id === "test-host" || given?.toString() === password) done(null, true);
			else done(Object.assign(new Error("Bad username or password"), { returnCode: 4 as const }), null);
		},
	});
	const server = createServer(aedes.handle);
	server.listen(0, "127.0.0.1");
	await once(server, "listening");
	cleanups.push(async () => {
		await new Promise<void>((resolve) => aedes.close(() => resolve()));
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});
	return `mqtt://127.0.0.1:${(server.address() as { port: number }).port}`;
}

async function host(url: string, deviceId: string): Promise<TestHost> {
	const link = await MqttHostLink.connect(url, deviceId, "test-host");
	cleanups.push(() => link.close());
	return new TestHost(link, { answerHello: true });
}

describe("fieldchain device simulate", () => {
	it("returns the device command so others can add subcommands to it", () => {
		const root = new Command("fieldchain");
		const device = registerDeviceCommands(root, capture().io);
		expect(device.name()).toBe("device");
		expect(device.commands.map((command) => command.name())).toEqual(["simulate", "list", "monitor", "flash", "test", "johnny-five", "smp"]);
		expect(root.commands).toEqual([device]);
	});

	it("needs exactly one of --serial and --mqtt", async () => {
		const { io } = capture();
		const neither = await commanderError(program(io).parseAsync(["device", "simulate", "--id", "x"], { from: "user" }));
		expect(neither).toMatchObject({ exitCode: 2, message: expect.stringContaining("exactly one of --serial PATH or --mqtt URL") });
		const both = await commanderError(
			program(io).parseAsync(["device", "simulate", "--id", "x", "--serial", "/dev/null", "--mqtt", "mqtt://h"], { from: "user" }),
		);
		expect(both.code).toBe("commander.conflictingOption");
	});

	it("refuses a non-numeric --rate, and an out-of-range one with FC_CONFIG_INVALID and exit 2", async () => {
		const nonNumeric = await commanderError(
			program(capture().io).parseAsync(["device", "simulate", "--id", "x", "--serial", "/dev/null", "--rate", "fast"], { from: "user" }),
		);
		expect(nonNumeric.code).toBe("commander.invalidArgument");
		const out = capture();
		await program(out.io).parseAsync(["device", "simulate", "--id", "x", "--serial", "/dev/null", "--rate", "0"], { from: "user" });
		expect(out.exitCode()).toBe(2);
		expect(out.stderr.join("\n")).toMatch(/FC_CONFIG_INVALID.*rate/);
	});

	it("streams --count readings over MQTT, prints JSON lines and exits 0; the password comes from the environment and is never printed", async () => {
		const url = await broker("hunter2");
		const testHost = await host(url, "cli-1");
		const out = capture({ FIELDCHAIN_DEVICE_PASSWORD: "hunter2" });
		await program(out.io).parseAsync(["device", "simulate", "--mqtt", url, "--id", "cli-1", "--count", "50", "--rate", "1000", "--json"], { from: "user" });
		expect(out.exitCode()).toBe(0);
		const events = out.stdout.map((line) => JSON.parse(line) as { event: string; generated?: number });
		expect(events[0]).toMatchObject({ event: "connected", deviceId: "cli-1" });
		expect(events.at(-1)).toMatchObject({ event: "done", generated: 50, unacked: 0 });
		expect(testHost.uniqueSeqs()).toHaveLength(50);
		expect([...out.stdout, ...out.stderr].join("\n")).not.toContain("hunter2");
	});

	it("reports a wrong password as FC_MQTT_AUTH with exit 1", async () => {
		const url = await broker("hunter2");
		const out = capture();
		await program(out.io).parseAsync(["device", "simulate", "--mqtt", url, "--id", "cli-2", "--password", "nope"], { from: "user" });
		expect(out.exitCode()).toBe(1);
		expect(out.stderr.join("\n")).toContain("FC_MQTT_AUTH");
		expect(out.stderr.join("\n")).not.toContain("nope");
	});

	it("stops cleanly on SIGINT with exit 130", async () => {
		const url = await broker();
		await host(url, "cli-3");
		const out = capture();
		const run = program(out.io).parseAsync(["device", "simulate", "--mqtt", url, "--id", "cli-3", "--rate", "100"], { from: "user" });
		while (!out.stdout.some((line) => line.includes("taken="))) await new Promise((resolve) => setTimeout(resolve, 10));
		out.signals.emit("SIGINT");
		await run;
		expect(out.exitCode()).toBe(130);
		expect(out.stdout.at(-1)).toMatch(/^\[cli-3\] stopped: taken=\d+/);
		expect(out.signals.listenerCount("SIGINT")).toBe(0);
	});

	it("refuses a --trusted-key it cannot read, naming the file, with exit 2", async () => {
		const out = capture();
		await program(out.io).parseAsync(["device", "simulate", "--id", "x", "--serial", "/dev/null", "--trusted-key", "/nonexistent/release.pub"], {
			from: "user",
		});
		expect(out.exitCode()).toBe(2);
		expect(out.stderr.join("\n")).toMatch(/FC_FIRMWARE_KEY: Signing key: cannot read the public key \/nonexistent\/release\.pub/);
	});
});
