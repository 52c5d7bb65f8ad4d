/**
 * The real Node-RED runtime embedded in a real gateway on loopback: the admin API refuses without
 * credentials; example flow (1) is deployed through it with a token; a simulated tool streams over
 * a real pty; the flow stamps evidence and the checklist item is satisfied; a flow that throws on
 * every reading does not stop readings being stored and acked.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSerialSimulator, type SimulatorHandle } from "../firmware-host/simulator/runners.js";
import { baseSnapshot, items, make } from "../model/testing/builders.js";
import { type GatewayFixture, getJson, startGateway } from "./support/gateway-fixture.js";
import { createPtyPair, type PtyPair } from "./support/pty-pair.js";
import { waitFor } from "./support/wait.js";

const PASSWORD = "field-engineer-pass";
let gateway: GatewayFixture;
let pty: PtyPair;
let simulator: SimulatorHandle | undefined;
let dir: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), "fc-nr-"));
	const workOrdersFile = join(dir, "work-orders.json");
	writeFileSync(
		workOrdersFile,
		JSON.stringify(
			baseSnapshot({
				workOrders: [make.workOrder({ status: "in-progress", startedAt: Date.now() - 3_600_000 })],
				tasks: [
					make.task({
						status: "in-progress",
						startedAt: Date.now() - 3_000_000,
						checklist: [
							items.insulation({
								requirement: { kind: "reading", quantity: "insulation_resistance", unit: "MOhm", min: 1, max: null, calibratedDevice: false },
							}),
						],
					}),
				],
			}),
		),
	);
	pty = await createPtyPair();
	const hostEnd = pty.hostEnd;
	gateway = await startGateway(
		(config) => {
			config.serial.targets.push({ path: hostEnd });
			config.nodeRed = {
				users: [{ username: "engineer", passwordHash: bcrypt.hashSync(PASSWORD, 4), permissions: "*" }],
				credentialSecret: "a-test-secret-of-some-length",
			};
		},
		undefined,
		{ workOrdersFile, sealEveryMs: 100 },
	);
});

afterAll(async () => {
	await simulator?.stop();
	await gateway?.stop();
	await pty?.dispose();
	rmSync(dir, { recursive: true, force: true });
});

async function token(): Promise<string> {
	const response = await fetch(`${gateway.baseUrl}/red/auth/token`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ client_id: "node-red-admin", grant_type: "password", scope: "*", username: "engineer", password: PASSWORD }),
	});
	expect(response.status).toBe(200);
	return ((await response.json()) as { access_token: string }).access_token;
}

/** Example (1), aimed at task T1 for technician TECH1, plus a flow whose function node throws on every reading. */
function flowsToDeploy(): unknown[] {
	const example = JSON.parse(readFileSync(new URL("../flows/examples/1-quantity-to-checklist-item.json", import.meta.url), "utf8")) as Array<
		Record<string, unknown>
	>;
	for (const node of example) {
		if (node.type === "fieldchain-gateway") node.technicianId = "TECH1";
		if (node.type === "fieldchain-evidence") Object.assign(node, { workOrderId: "WO1", taskId: "T1" });
	}
	return [
		...example,
		{ id: "broken-tab", type: "tab", label: "broken" },
		{
			id: "broken-reading",
			type: "fieldchain-reading",
			z: "broken-tab",
			gateway: "fc-ex1-gw",
			devices: "",
			models: "",
			quantities: "",
			wires: [["broken-fn"]],
		},
		{ id: "broken-fn", type: "function", z: "broken-tab", name: "throws", func: "throw new Error('flow bug');", outputs: 1, wires: [[]] },
	];
}

describe("embedded Node-RED", () => {
	it("refuses the admin API without credentials", async () => {
		expect((await fetch(`${gateway.baseUrl}/red/flows`)).status).toBe(401);
		const wrong = await fetch(`${gateway.baseUrl}/red/auth/token`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ client_id: "node-red-admin", grant_type: "password", scope: "*", username: "engineer", password: "wrong" }),
		});
		expect(wrong.status).toBe(403);
		// The local API's DNS-rebinding guard covers /red too, although Node-RED answers it before fastify.
		const { rawRequest } = await import("./support/raw-http.js");
		const rebound = await rawRequest(gateway.baseUrl, {
			method: "GET",
			path: "/red/settings",
			headers: { host: `evil.example:${new URL(gateway.baseUrl).port}` },
		});
		expect(rebound.status).toBe(421);
		expect((rebound.json as { error: { code: string } }).error.code).toBe("FC_HTTP_MISDIRECTED");
		// The local API next to it is unaffected.
		expect((await getJson<{ status: string }>(`${gateway.baseUrl}/healthz`)).body.status).toBe("ok");
	});

	it("runs example flow (1): readings from a tool become evidence on the checklist item; a throwing flow stops nothing", async () => {
		const bearer = await token();
		const deploy = await fetch(`${gateway.baseUrl}/red/flows`, {
			method: "POST",
			headers: { "content-type": "application/json", authorization: `Bearer ${bearer}`, "Node-RED-API-Version": "v2", "Node-RED-Deployment-Type": "full" },
			body: JSON.stringify({ flows: flowsToDeploy() }),
		});
		expect(deploy.status).toBe(200);
		const deployed = await getJson<{ flows: Array<{ id: string }> }>(`${gateway.baseUrl}/red/flows`, {
			headers: { authorization: `Bearer ${bearer}`, "Node-RED-API-Version": "v2" },
		});
		expect(deployed.body.flows.map((node) => node.id)).toContain("fc-ex1-evidence");

		simulator = await runSerialSimulator({ path: pty.deviceEnd, deviceId: "megger-nr", quantity: "insulation_resistance", rate: 50, count: 20, retryMs: 100 });
		await simulator.done;
		// Every reading stored and acked although a flow threw on each of them.
		expect(gateway.gateway.parts.store.countReadings()).toBe(20);
		await waitFor(
			"the flow's error in the gateway log",
			() => (gateway.logs.some((line) => line.includes("flow bug") && line.includes('"component":"node-red"')) ? true : undefined),
			5000,
		);

		const task = await waitFor("the checklist item satisfied by the flow", async () => {
			const { body } = await getJson<{ checklistState: Array<{ id: string; satisfied: boolean }> }>(`${gateway.baseUrl}/api/v1/work-orders/WO1/tasks/T1`);
			return body.checklistState.find((item) => item.id === "insulation")?.satisfied ? body : undefined;
		});
		expect(task.checklistState).toEqual([expect.objectContaining({ id: "insulation", satisfied: true })]);
		// No active task: the evidence came from the flow, chained and sealed like any other.
		const evidence = await waitFor("sealed evidence", async () => {
			const { body } = await getJson<{ evidence: Array<{ kind: string; outcome: string; sealed: boolean; chainSeq: number }> }>(
				`${gateway.baseUrl}/api/v1/work-orders/WO1/tasks/T1/evidence`,
			);
			return body.evidence.length === 20 && body.evidence.every((record) => record.sealed) ? body.evidence : undefined;
		});
		expect(evidence.every((record) => record.kind === "reading" && record.outcome === "pass")).toBe(true);
		expect(evidence.map((record) => record.chainSeq)).toEqual(evidence.map((_, index) => index + 1));
	});
});
