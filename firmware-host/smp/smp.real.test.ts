/**
 * `device smp` and `device flash` against the simulator's SMP server on a real socat pty pair:
 * the kernel's tty buffering, the device's log lines between frames, its silence while it
 * resets, and the CLI's exit codes (0 done, 1 failed, 2 bad options, 3 rolled back).
 */
import { generateKeyPairSync } from "node:crypto";
import { EventEmitter } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signImage } from "../../protocol/firmware/image-sign.js";
import { rawPublicKey, type SigningKey } from "../../protocol/firmware/signing-keys.js";
import { createPtyPair, type PtyPair } from "../../test/support/pty-pair.js";
import { flashCommand } from "../flash-command.js";
import { simulate } from "../simulate-command.js";
import { runSerialSimulator } from "../simulator/runners.js";
import { McubootSlots, trustedKey } from "../simulator/smp/mcuboot-slots.js";
import { runSmpDevice, type SmpDeviceHandle } from "../simulator/smp/smp-device.js";
import { registerSmpCommands } from "./smp-cli.js";
import { answersSmp } from "./smp-flash.js";

function key(): SigningKey {
	const { privateKey, publicKey } = generateKeyPairSync("ed25519");
	return { privateKey, publicKeyRaw: rawPublicKey(publicKey) };
}

interface Run {
	code: number;
	out: string[];
	err: string[];
	json: Record<string, unknown>[];
}

/** One `fieldchain device smp ...` run in this process, on a fresh command tree (commander keeps parsed values). */
async function smp(...args: string[]): Promise<Run> {
	const run: Run = { code: -1, out: [], err: [], json: [] };
	const program = new Command().exitOverride();
	const device = program.command("device");
	registerSmpCommands(device, {
		stdout: (line) => {
			run.out.push(line);
			if (line.startsWith("{")) run.json.push(JSON.parse(line));
		},
		stderr: (line) => run.err.push(line),
		setExitCode: (code) => {
			run.code = code;
		},
	});
	await program.parseAsync(["device", "smp", ...args], { from: "user" });
	return run;
}

describe("device smp over a socat pty", () => {
	let pty: PtyPair;
	let device: SmpDeviceHandle;
	let dir: string;
	const signer = key();
	const files: Record<string, string> = {};
	const hashes: Record<string, string> = {};

	beforeAll(async () => {
		pty = await createPtyPair();
		dir = mkdtempSync(join(tmpdir(), "fc-smp-"));
		for (const [name, version, by] of [
			["good", "1.2.0", signer],
			["next", "1.3.0", signer],
			["stranger", "1.4.0", key()],
		] as const) {
			const bytes = signImage({ payload: Buffer.alloc(30_000, version.length), key: by, version, hardware: "FC-SIM-1" });
			files[name] = join(dir, `${name}.img`);
			writeFileSync(files[name], bytes);
		}
		writeFileSync(join(dir, "not-an-image.bin"), "hello");
		device = await runSmpDevice({
			path: pty.deviceEnd,
			slots: new McubootSlots("0.1.0", [trustedKey(signer.publicKeyRaw)], 1024 * 1024),
			deviceId: "pty-smp-1",
			model: "FC-SIM-1",
			bufSize: 384,
			bufCount: 4,
			bootMs: 300,
			// Log lines every 50 ms: they land between SMP frames all through the tests.
			logEveryMs: 50,
		});
	});

	afterAll(async () => {
		await device?.stop();
		await pty?.dispose();
		rmSync(dir, { recursive: true, force: true });
	});

	it("lists the factory image, skipping the device's log lines", async () => {
		const run = await smp("--serial", pty.hostEnd, "image", "list", "--json");
		expect(run.code).toBe(0);
		const images = run.json[0].images as { version: string; active: boolean; hash: string }[];
		expect(images).toEqual([expect.objectContaining({ slot: 0, version: "0.1.0", active: true, confirmed: true })]);
		expect(images[0].hash).toMatch(/^[0-9a-f]{64}$/);
	});

	it("uploads, test-boots, resets and confirms an image signed by `firmware sign`", async () => {
		const upload = await smp("--serial", pty.hostEnd, "image", "upload", files.good, "--json");
		expect(upload.code).toBe(0);
		const done = upload.json.at(-1) as Record<string, unknown>;
		expect(done).toMatchObject({ event: "uploaded", version: "1.2.0", match: true, resumedAt: 0, bufSize: 384, smpVersion: 2 });
		hashes.good = done.imageHash as string;
		// The upload's sha is the file's SHA-256; image test names the image's SHA-256 TLV: they differ.
		expect(done.sha256).not.toBe(done.imageHash);
		expect(upload.json.filter((line) => line.event === "progress").length).toBeGreaterThan(5);

		const test = await smp("image", "test", hashes.good, "--serial", pty.hostEnd, "--json");
		expect(test.code).toBe(0);
		expect((test.json[0].images as { pending?: boolean }[])[1]).toMatchObject({ version: "1.2.0", pending: true });
		expect((await smp("--serial", pty.hostEnd, "os", "reset")).code).toBe(0);
		// Right after the reset the device is deaf for 300 ms: the confirm is repeated until it answers.
		const confirm = await smp("--serial", pty.hostEnd, "image", "confirm", hashes.good);
		expect(confirm.err).toEqual([]);
		expect(confirm.code).toBe(0);
		expect(confirm.out.at(-1)).toMatch(/confirmed 1\.2\.0/);
		expect(device.slots.state).toMatchObject({ primary: { version: "1.2.0" }, primaryConfirmed: true });
	});

	it("exits 3 when the device rolled the image back, and confirms nothing", async () => {
		const upload = await smp("--serial", pty.hostEnd, "image", "upload", files.next, "--json");
		const next = (upload.json.at(-1) as { imageHash: string }).imageHash;
		expect((await smp("--serial", pty.hostEnd, "image", "test", next)).code).toBe(0);
		expect((await smp("--serial", pty.hostEnd, "os", "reset")).code).toBe(0);
		// Nobody confirmed it: the next reset brings 1.2.0 back.
		await waitUntil(async () => (await smp("--serial", pty.hostEnd, "os", "echo", "up")).code === 0);
		expect(device.slots.state).toMatchObject({ primary: { version: "1.3.0" }, primaryConfirmed: false });
		expect((await smp("--serial", pty.hostEnd, "os", "reset")).code).toBe(0);
		const confirm = await smp("--serial", pty.hostEnd, "image", "confirm", next);
		expect(confirm.code).toBe(3);
		expect(confirm.err.join("\n")).toMatch(/runs 1\.2\.0 .*rolled it back/);
		expect(device.slots.state).toMatchObject({ primary: { version: "1.2.0" }, primaryConfirmed: true });
	});

	it("an upload cut by an unplug fails with exit 1 and the next run resumes from the device's offset", async () => {
		// Erase what the earlier tests left, so this upload starts fresh.
		expect((await smp("--serial", pty.hostEnd, "image", "erase")).code).toBe(0);
		// The device stops answering at 10,000 bytes, so the unplug lands mid-upload however fast the runtime is.
		device.server.stallUploadAt(10_000);
		const first = smp("--serial", pty.hostEnd, "image", "upload", files.good, "--json");
		await waitUntil(async () => (device.server.uploadOffset ?? 0) >= 10_000, 20_000);
		await pty.kill();
		const cut = await first;
		expect(cut.code).toBe(1);
		expect(cut.err.join("\n")).toMatch(/FC_SERIAL_CLOSED|FC_PROTO_TIMEOUT/);
		device.server.stallUploadAt(undefined);
		await pty.restart();
		// The simulator opens its end again by itself.
		await waitUntil(async () => (await smp("--serial", pty.hostEnd, "os", "echo", "back")).code === 0, 20_000);
		const again = await smp("--serial", pty.hostEnd, "image", "upload", files.good, "--json");
		expect(again.code).toBe(0);
		expect((again.json.at(-1) as { resumedAt: number }).resumedAt).toBeGreaterThanOrEqual(10_000);
	});

	it("exits 2 on bad options and unreadable images, before touching the device", async () => {
		expect((await smp("image", "list")).code).toBe(2);
		expect((await smp("--serial", join(dir, "no-such-port"), "image", "list")).code).toBe(2);
		expect((await smp("--serial", pty.hostEnd, "image", "test", "abc")).code).toBe(2);
		expect((await smp("--serial", pty.hostEnd, "image", "upload", join(dir, "not-an-image.bin"))).code).toBe(2);
		expect((await smp("--serial", pty.hostEnd, "image", "upload", join(dir, "missing.img"))).code).toBe(2);
	});

	it("runs echo, info, stat and shell commands", async () => {
		expect((await smp("--serial", pty.hostEnd, "os", "echo", "hello there")).out).toEqual(["hello there"]);
		expect((await smp("--serial", pty.hostEnd, "os", "info", "--format", "sn")).out).toEqual(["Zephyr pty-smp-1"]);
		expect((await smp("--serial", pty.hostEnd, "stat", "list", "--json")).json[0]).toEqual({ event: "statList", groups: ["smp", "boot"] });
		expect((await smp("--serial", pty.hostEnd, "stat", "read", "boot", "--json")).json[0]).toMatchObject({ name: "boot", fields: { resets: 3 } });
		expect((await smp("--serial", pty.hostEnd, "shell", "exec", "echo", "hi")).out).toEqual(["hi"]);
		const unknown = await smp("--serial", pty.hostEnd, "shell", "exec", "frobnicate");
		expect(unknown.code).toBe(1);
		expect(unknown.out).toEqual(["frobnicate: command not found"]);
	});

	it("device flash finds the SMP device on its own, and says when MCUboot refuses an image", async () => {
		const out: string[] = [];
		const io = { stdout: (l: string) => out.push(l), stderr: (l: string) => out.push(l), env: {}, signals: process, setExitCode: () => {} };
		expect(await flashCommand(files.next, { serial: pty.hostEnd }, io)).toBe(0);
		expect(out.join("\n")).toMatch(/answers SMP[\s\S]*done: 1\.3\.0 is installed and confirmed/);
		out.length = 0;
		expect(await flashCommand(files.stranger, { serial: pty.hostEnd }, io)).toBe(3);
		expect(out.join("\n")).toMatch(/did not boot 1\.4\.0: it runs 1\.3\.0; MCUboot erased the image/);
	});
});

describe("device simulate --smp", () => {
	it("serves SMP on the pty until interrupted, and refuses --smp without --serial", async () => {
		const pty = await createPtyPair();
		const signals = new EventEmitter();
		const lines: string[] = [];
		const io = {
			stdout: (line: string) => lines.push(line),
			stderr: (line: string) => lines.push(line),
			env: {},
			signals: signals as unknown as NodeJS.Process,
			setExitCode: () => {},
		};
		try {
			expect(await simulate({ smp: true, mqtt: "mqtt://127.0.0.1:1", id: "x" }, io)).toBe(2);
			const running = simulate({ smp: true, serial: pty.deviceEnd, id: "cli-smp", json: true }, io);
			await waitUntil(async () => lines.some((line) => line.includes('"event":"ready"')));
			expect((await smp("--serial", pty.hostEnd, "os", "info", "--format", "n")).out).toEqual(["cli-smp"]);
			expect(lines.some((line) => line.includes('"event":"warning"'))).toBe(true);
			signals.emit("SIGINT");
			expect(await running).toBe(130);
		} finally {
			await pty.dispose();
		}
	});
});

describe("SMP detection", () => {
	it("a protocol v1 simulator does not pass for an SMP device", async () => {
		const pty = await createPtyPair();
		const handle = await runSerialSimulator({ path: pty.deviceEnd, deviceId: "pty-v1", helloRetryMs: 100 });
		try {
			expect(await answersSmp(pty.hostEnd, { attemptMs: 300 })).toBe(false);
		} finally {
			await handle.stop();
			await pty.dispose();
		}
	});
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error("Timed out waiting for the device");
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}
