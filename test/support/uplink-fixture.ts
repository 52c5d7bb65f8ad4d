/**
 * The pieces of an uplink test: the reference billing service on loopback (SQLite in a temp
 * dir, restartable over the same database), a TCP proxy in front of it, a work-order snapshot
 * both sides know, and a gateway config whose uplink points through the proxy.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { startTestService, type TestService } from "../../cloud-bridge/billing/testing/harness.js";
import { baseSnapshot, items, make } from "../../model/testing/builders.js";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy.js";

export const GATEWAY_ID = "gw-uplink-1";

export interface UplinkWorld {
	service: TestService;
	proxy: TcpProxy;
	dir: string;
	workOrdersFile: string;
	configFile: string;
	/** Stops the service (the cloud goes down); the proxy keeps refusing meanwhile. */
	stopService(): Promise<void>;
	/** Starts it again over the same database and points the proxy at it. */
	startService(): Promise<void>;
	close(): Promise<void>;
}

/** Every reading of insulation_resistance is stamped (two open low-range items: each a failure). */
export function uplinkSnapshot() {
	const low = (id: string) =>
		items.insulation({
			id,
			label: id,
			requirement: { kind: "reading", quantity: "insulation_resistance", unit: "MOhm", min: null, max: 1, calibratedDevice: true },
		});
	return baseSnapshot({
		workOrders: [make.workOrder({ status: "in-progress", startedAt: Date.now() - 3_600_000 })],
		tasks: [make.task({ status: "in-progress", startedAt: Date.now() - 3_000_000, checklist: [low("low-1"), low("low-2")] })],
		// TECH1's visit: the gateway, bound to TECH1, may send evidence for this work order.
		appointments: [make.appointment()],
	});
}

export async function startUplinkWorld(dir: string, uplink: Record<string, unknown> = {}, extraConfig: Record<string, unknown> = {}): Promise<UplinkWorld> {
	let service = await startTestService({ dir, validateResponses: false });
	const portOf = (url: string) => Number(new URL(url).port);
	const proxy = await startTcpProxy({ host: "127.0.0.1", port: portOf(service.url) });
	const snapshot = uplinkSnapshot();
	const imported = await service.request("POST", "/v1/import", { body: snapshot });
	if (imported.status >= 300) throw new Error(`import into the billing service failed: ${imported.status} ${JSON.stringify(imported.body)}`);
	const enrollment = await service.request("POST", "/v1/enrollments");
	if (enrollment.status !== 201) throw new Error(`enrollment token: ${enrollment.status} ${JSON.stringify(enrollment.body)}`);
	const workOrdersFile = join(dir, "work-orders.json");
	writeFileSync(workOrdersFile, JSON.stringify(snapshot));
	const configFile = join(dir, "gateway.json");
	writeFileSync(
		configFile,
		JSON.stringify({
			gatewayId: GATEWAY_ID,
			uplink: {
				url: `http://127.0.0.1:${proxy.port}`,
				enrollmentToken: enrollment.body.enrollmentToken,
				requestTimeoutMs: 2000,
				idlePollMs: 100,
				retry: { initialDelayMs: 50, maxDelayMs: 500 },
				breaker: { failureThreshold: 5, openMs: 300, maxOpenMs: 1000 },
				// The gateway enrolls bound to TECH1 (its downlink's technicians); the plan is the same snapshot.
				downlink: { intervalMs: 3_600_000, technicianIds: ["TECH1"] },
				...uplink,
			},
			...extraConfig,
		}),
	);
	const world: UplinkWorld = {
		get service() {
			return service;
		},
		proxy,
		dir,
		workOrdersFile,
		configFile,
		async stopService() {
			proxy.mode = "refuse";
			await service.close();
		},
		async startService() {
			service = await startTestService({ dir, validateResponses: false });
			proxy.target = { host: "127.0.0.1", port: portOf(service.url) };
			proxy.mode = "pass";
		},
		async close() {
			await proxy.close();
			await service.close();
		},
	};
	return world;
}

/** What the service holds of the gateway's chain: seqs in order with their content hashes. */
export async function serviceChain(service: TestService): Promise<Array<{ chainSeq: number; contentHash: string }>> {
	const head = await service.storage.store.getChainHead(GATEWAY_ID);
	const records = await service.storage.store.getChainRecords(GATEWAY_ID, 1, Math.max(1, head.headSeq));
	return records.map((r) => ({ chainSeq: r.chainSeq, contentHash: r.contentHash }));
}
