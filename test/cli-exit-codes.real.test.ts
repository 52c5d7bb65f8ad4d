/**
 * One exit code table for every command of the built CLI (dist/fieldchain.js), as README
 * "Command line" and each command's help say: 0 done, 1 failed, 2 bad options or input (a missing
 * or malformed flag, an unknown key in a config file, an unreadable or damaged input file, an
 * output that exists, a serial path that does not exist), 3 trust (an image the device does not
 * trust, a rollback). Missing options used to exit 1 (commander's default), and a damaged image
 * given to `device flash` too.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryBootStateStore } from "../firmware-host/bootloader/boot-state.js";
import { Bootloader } from "../firmware-host/bootloader/bootloader.js";
import { ImageService } from "../firmware-host/bootloader/image-service.js";
import { runSerialSimulator, type SimulatorHandle } from "../firmware-host/simulator/runners.js";
import { systemClock } from "../platform/clock.js";
import { keyHash, loadSigningKey } from "../protocol/firmware/signing-keys.js";
import { type CliRun, requireBuiltCli, runCli } from "./support/gateway-process.js";
import { createPtyPair, type PtyPair } from "./support/pty-pair.js";

const dir = mkdtempSync(join(tmpdir(), "fc-exit-"));
const run = (args: string[], timeoutMs = 30_000): Promise<CliRun> => runCli(args, dir, timeoutMs);

beforeAll(async () => {
	requireBuiltCli();
	writeFileSync(join(dir, "app.bin"), Buffer.alloc(20_000, 0x5a));
	expect((await run(["firmware", "keygen", "release.key"])).code).toBe(0);
	expect((await run(["firmware", "keygen", "rogue.key"])).code).toBe(0);
	expect((await run(["firmware", "sign", "--key", "release.key", "--version", "1.1.0", "--hardware", "FC-SIM-1", "app.bin", "app.img"])).code).toBe(0);
	const damaged = readFileSync(join(dir, "app.img"));
	damaged[500] ^= 0xff;
	writeFileSync(join(dir, "damaged.img"), damaged);
	writeFileSync(join(dir, "truncated.img"), readFileSync(join(dir, "app.img")).subarray(0, 3000));
	writeFileSync(join(dir, "typo.json"), JSON.stringify({ htpp: { port: 8081 } }));
	writeFileSync(join(dir, "sensors.json"), JSON.stringify({ sensors: [{ kind: "sensor", pin: "A0", quantity: "voltage", unit: "V" }] }));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** [what the user typed, exit code, what stderr must say] */
const usage: [string[], RegExp][] = [
	[["device", "flash", "app.img"], /required option '--serial <path>' not specified/],
	[["device", "test"], /required option '--serial <path>'/],
	[["device", "monitor"], /required option '--serial <path>'/],
	[["device", "monitor", "--serial", "/dev/null", "--count", "many"], /--count needs a whole number/],
	[["device", "simulate", "--serial", "/tmp/nowhere"], /required option '--id <id>'/],
	[["device", "simulate", "--id", "sim-1"], /give exactly one of --serial PATH or --mqtt URL/],
	[["device", "johnny-five", "--board", "/tmp/b", "--sensors", "sensors.json"], /required option '--id <id>'/],
	[["firmware", "sign", "--version", "1.0.0", "--hardware", "FC-SIM-1", "app.bin", "out.img"], /required option '--key <file>'/],
	[["firmware", "sign", "--key", "release.key", "--version", "banana", "--hardware", "FC-SIM-1", "app.bin", "out.img"], /FC_FIRMWARE_IMAGE: Version "banana"/],
	[["firmware", "sign", "--key", "release.key", "--version", "1.0.0", "--hardware", "FC-SIM-1", "missing.bin", "out.img"], /Cannot read missing\.bin/],
	[["firmware", "sign", "--key", "no.key", "--version", "1.0.0", "--hardware", "FC-SIM-1", "app.bin", "out.img"], /no\.key/],
	[["firmware", "sign", "--key", "release.key", "--version", "1.0.0", "--hardware", "FC-SIM-1", "app.bin", "app.img"], /app\.img exists; .*--force/],
	[["firmware", "inspect", "missing.img"], /Cannot read missing\.img/],
	[["device", "flash", "--serial", "/dev/null", "damaged.img"], /FC_FIRMWARE_IMAGE: .*SHA-256/],
	[["device", "flash", "--serial", "/dev/null", "truncated.img"], /FC_FIRMWARE_IMAGE: .*truncated/],
	[["device", "flash", "--serial", "/dev/null", "missing.img"], /Cannot read missing\.img/],
	[["device", "flash", "--serial", join(dir, "no-such-tty"), "app.img"], /FC_SERIAL_OPEN: There is no serial port/],
	[["device", "test", "--serial", join(dir, "no-such-tty")], /FC_SERIAL_OPEN: Cannot open serial port/],
	[["gateway", "--data-dir", "gw", "--config", "typo.json", "--no-node-red"], /htpp is not a known setting\. Did you mean "http"\?/],
	[["device", "flash", "--serial", "/dev/null", "--bogus", "app.img"], /unknown option '--bogus'/],
	[["no-such-command"], /unknown command 'no-such-command'/],
	[["cloud", "token", "create"], /--scope/],
];

describe("exit codes of the built CLI", () => {
	it.concurrent.each(usage)("exit 2 (bad options or input): fieldchain %j", async (args, message) => {
		const result = await run(args);
		expect(result.stderr).toMatch(message);
		expect(result.code, result.stderr).toBe(2);
	});

	it("a serial path that does not exist stops `device test` once, before any check", async () => {
		const result = await run(["device", "test", "--serial", join(dir, "no-such-tty")]);
		expect(result.stderr.match(/Cannot open serial port/g)).toHaveLength(1);
		expect(result.stdout).not.toMatch(/^(PASS|FAIL|SKIP) /m);
	});

	it("exit 0 for help and for work done; `firmware sign --force` replaces its output", async () => {
		expect((await run(["--help"])).code).toBe(0);
		expect((await run(["device", "flash", "--help"])).stdout).toMatch(/Exit status: 0 done, 1 failure, 2 bad options/);
		const before = readFileSync(join(dir, "app.img"));
		const replaced = await run(["firmware", "sign", "--force", "--key", "release.key", "--version", "1.2.0", "--hardware", "FC-SIM-1", "app.bin", "app.img"]);
		expect(replaced.code, replaced.stderr).toBe(0);
		expect(readFileSync(join(dir, "app.img")).equals(before)).toBe(false);
		// Without --force nothing was written: the refused run above left the first image in place until now.
		expect((await run(["firmware", "inspect", "app.img"])).stdout).toContain("version  1.2.0");
	});

	it("exit 1 for a reported failure: an invalid image to inspect; the billing service on a busy port (FC code and hint)", async () => {
		expect((await run(["firmware", "inspect", "damaged.img"])).code).toBe(1);
		const busy: Server = createServer();
		await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
		const port = (busy.address() as { port: number }).port;
		try {
			const result = await run(["cloud", "serve", "--port", String(port), "--db", join(dir, "billing.sqlite")]);
			expect(result.code).toBe(1);
			expect(result.stderr).toMatch(new RegExp(`FC_HTTP_LISTEN: Cannot start the billing service: 127\\.0\\.0\\.1:${port} is already in use`));
			expect(result.stderr).toMatch(/pick another address with --port P/);
			expect(result.stderr).not.toMatch(/^Error: listen EADDRINUSE/m);
		} finally {
			await new Promise((resolve) => busy.close(resolve));
		}
	});

	describe("against the simulator", () => {
		let pty: PtyPair;
		let sim: SimulatorHandle;
		beforeAll(async () => {
			pty = await createPtyPair();
			const trusted = keyHash(loadSigningKey(join(dir, "release.key")).publicKeyRaw);
			const service = new ImageService(
				new Bootloader({
					store: new MemoryBootStateStore(),
					hardware: { model: "FC-SIM-1", hardwareRevision: "A" },
					factoryVersion: "1.0.0",
					trustedKeyHashes: [trusted],
					slotSize: 1 << 20,
				}),
				{ clock: systemClock, selfTestMs: 100 },
			);
			sim = await runSerialSimulator({ path: pty.deviceEnd, deviceId: "exit-sim", firmwareVersion: "1.0.0", firmware: service, helloRetryMs: 200 });
		});
		afterAll(async () => {
			await sim?.stop();
			await pty?.dispose();
		});

		it("exit 3 for an image signed with a key the device does not trust, refused before the upload", async () => {
			expect((await run(["firmware", "sign", "--key", "rogue.key", "--version", "1.3.0", "--hardware", "FC-SIM-1", "app.bin", "rogue.img"])).code).toBe(0);
			const result = await run(["device", "flash", "--serial", pty.hostEnd, "--json", "rogue.img"]);
			expect(result.code, result.stderr).toBe(3);
			expect(result.stderr).toMatch(/FC_FIRMWARE_SIGNATURE: The device does not trust the key that signed this image .*Nothing was uploaded/);
			expect(result.stdout).not.toContain('"event":"progress"');
		});
	});
});
