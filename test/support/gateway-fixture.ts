/** Starts a real in-process gateway on loopback with random ports and a temporary data dir. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { defaultGatewayConfig, type GatewayConfig } from "../../gateway/config.js";
import { Gateway, type GatewayOptions } from "../../gateway/gateway.js";

export interface GatewayFixture {
	gateway: Gateway;
	dataDir: string;
	baseUrl: string;
	logs: string[];
	stop(): Promise<void>;
}

export async function startGateway(
	adjust: (config: GatewayConfig) => void = () => {},
	dataDir?: string,
	extra: Partial<Pick<GatewayOptions, "workOrdersFile" | "sealEveryMs" | "sealEveryRecords" | "diskProbe">> = {},
): Promise<GatewayFixture> {
	const dir = dataDir ?? mkdtempSync(join(tmpdir(), "fc-gw-"));
	const config = defaultGatewayConfig();
	config.http = { host: "127.0.0.1", port: 0 };
	config.mqtt = false;
	config.serial.pollIntervalMs = 100;
	adjust(config);
	const logs: string[] = [];
	const logger = pino({ level: "debug" }, { write: (line: string) => logs.push(line) });
	const gateway = await Gateway.start({ dataDir: dir, config, logger, helloTimeoutMs: 500, ...extra });
	const http = gateway.httpAddress;
	return {
		gateway,
		dataDir: dir,
		baseUrl: http ? `http://127.0.0.1:${http.port}` : "",
		logs,
		async stop() {
			await gateway.stop();
			if (!dataDir) rmSync(dir, { recursive: true, force: true });
		},
	};
}

export async function getJson<T = unknown>(url: string, init?: RequestInit): Promise<{ status: number; body: T }> {
	const response = await fetch(url, init);
	return { status: response.status, body: (await response.json()) as T };
}

interface ReadingsPage {
	readings: Array<{ seq: number }>;
	nextAfterSeq: number;
}

/** Every stored seq of the device's current boot, read page by page through the local API. */
export async function allStoredSeqs(baseUrl: string, deviceId: string): Promise<number[]> {
	const seqs: number[] = [];
	let afterSeq = 0;
	for (;;) {
		const { body } = await getJson<ReadingsPage>(`${baseUrl}/api/v1/devices/${deviceId}/readings?afterSeq=${afterSeq}&limit=5000`);
		if (body.readings.length === 0) return seqs;
		for (const reading of body.readings) seqs.push(reading.seq);
		afterSeq = body.nextAfterSeq;
	}
}

/** Asserts-friendly summary: missing and duplicated seqs in 1..count. */
export function gapsAndDuplicates(seqs: number[], count: number): { missing: number[]; duplicates: number[]; extra: number[] } {
	const seen = new Map<number, number>();
	for (const seq of seqs) seen.set(seq, (seen.get(seq) ?? 0) + 1);
	const missing: number[] = [];
	for (let seq = 1; seq <= count; seq++) if (!seen.has(seq)) missing.push(seq);
	const duplicates = [...seen].filter(([, n]) => n > 1).map(([seq]) => seq);
	const extra = [...seen.keys()].filter((seq) => seq < 1 || seq > count);
	return { missing: missing.slice(0, 20), duplicates: duplicates.slice(0, 20), extra: extra.slice(0, 20) };
}
