/**
 * kill -9 the gateway process in the middle of a stream and start it again: every reading the
 * device saw acked is on disk, and at the end every reading is stored exactly once.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runSerialSimulator, type SimulatorHandle } from "../firmware-host/simulator/runners.js";
import { allStoredSeqs, gapsAndDuplicates, getJson } from "./support/gateway-fixture.js";
import { freePort, type GatewayProcess, kill9, spawnGateway } from "./support/gateway-process.js";
import { createPtyPair, type PtyPair } from "./support/pty-pair.js";
import { waitFor } from "./support/wait.js";

let pty: PtyPair | undefined;
let simulator: SimulatorHandle | undefined;
let gateway: GatewayProcess | undefined;
let dataDir: string | undefined;

afterEach(async () => {
	await simulator?.stop();
	if (gateway) await kill9(gateway.child);
	await pty?.dispose();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	simulator = gateway = pty = dataDir = undefined;
});

async function storedCount(baseUrl: string): Promise<number> {
	return (await getJson<{ readingsStored: number }>(`${baseUrl}/healthz`)).body.readingsStored;
}

describe("gateway crash", () => {
	it("loses no acked reading and stores none twice across kill -9 and restart", async () => {
		const count = 8000;
		pty = await createPtyPair();
		dataDir = mkdtempSync(join(tmpdir(), "fc-crash-"));
		const port = await freePort();
		const args = ["--data-dir", dataDir, "--serial", pty.hostEnd, "--no-mqtt", "--log-level", "warn"];
		gateway = await spawnGateway(args, port);

		let ackedBeforeKill = 0;
		simulator = await runSerialSimulator({ path: pty.deviceEnd, deviceId: "sim-crash", rate: 4000, count, resendTimeoutMs: 300, retryMs: 100 });
		simulator.device.on("acked", (upTo: number) => {
			ackedBeforeKill = Math.max(ackedBeforeKill, upTo);
		});

		for (const threshold of [1500, 4500]) {
			const running = gateway;
			await waitFor(`${threshold} readings stored`, async () => ((await storedCount(running.baseUrl)) >= threshold ? true : undefined));
			await kill9(gateway.child);
			const acked = ackedBeforeKill;
			expect(acked).toBeGreaterThan(0);
			// The pty pair may go down with its reader; plug it back in like a technician would.
			if (!existsSync(pty.hostEnd)) await pty.restart();
			gateway = await spawnGateway(args, port);
			// Everything the device was told is stored must be there right after the restart.
			const stored = new Set(await allStoredSeqs(gateway.baseUrl, "sim-crash"));
			const missingAcked: number[] = [];
			for (let seq = 1; seq <= acked; seq++) if (!stored.has(seq)) missingAcked.push(seq);
			expect(missingAcked.slice(0, 10)).toEqual([]);
		}

		await simulator.done;
		const seqs = await allStoredSeqs(gateway.baseUrl, "sim-crash");
		expect(gapsAndDuplicates(seqs, count)).toEqual({ missing: [], duplicates: [], extra: [] });
		expect(seqs).toHaveLength(count);
	});
});
