/**
 * Field configuration made in Node-RED survives a gateway restart, and a crash: the gateway runs
 * as a real child process (the built CLI; Node-RED runs once per process), a flow with a
 * credential is deployed through the admin API, the gateway is killed with SIGKILL and started
 * again on the same data directory. The flow is back as deployed, and its credential is on disk
 * only encrypted with the config's credential secret.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseSnapshot, make } from "../model/testing/builders.js";
import { freePort, type GatewayProcess, kill9, spawnGateway } from "./support/gateway-process.js";
import { waitFor } from "./support/wait.js";

const PASSWORD = "field-engineer-pass";
const CREDENTIAL = "plc-password-never-in-clear";
let dir: string;
let running: GatewayProcess | undefined;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), "fc-nr-restart-"));
	writeFileSync(
		join(dir, "config.json"),
		JSON.stringify({
			nodeRed: {
				users: [{ username: "engineer", passwordHash: bcrypt.hashSync(PASSWORD, 4), permissions: "*" }],
				credentialSecret: "a-test-secret-of-some-length",
			},
		}),
	);
	writeFileSync(join(dir, "work-orders.json"), JSON.stringify(baseSnapshot({ workOrders: [make.workOrder({})], tasks: [make.task({})] })));
});

afterAll(async () => {
	if (running) await kill9(running.child);
	rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<GatewayProcess> {
	const args = ["--data-dir", join(dir, "data"), "--config", join(dir, "config.json"), "--work-orders", join(dir, "work-orders.json"), "--no-mqtt"];
	running = await spawnGateway(args, await freePort());
	return running;
}

/** A token for the admin API, once Node-RED (which starts after the local API) answers. */
async function adminHeaders(baseUrl: string): Promise<Record<string, string>> {
	const signIn = () =>
		fetch(`${baseUrl}/red/auth/token`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ client_id: "node-red-admin", grant_type: "password", scope: "*", username: "engineer", password: PASSWORD }),
		});
	const response = await waitFor("Node-RED's admin API", async () => {
		const answer = await signIn();
		return answer.status === 503 ? undefined : answer;
	});
	expect(response.status).toBe(200);
	const { access_token } = (await response.json()) as { access_token: string };
	return { authorization: `Bearer ${access_token}`, "Node-RED-API-Version": "v2", "content-type": "application/json" };
}

/** Example (4), forwarding sealed evidence, pointed at a site's own endpoint with basic-auth credentials. */
function fieldConfiguredFlows(): Array<Record<string, unknown>> {
	const example = JSON.parse(readFileSync(new URL("../flows/examples/4-forward-sealed-evidence.json", import.meta.url), "utf8")) as Array<
		Record<string, unknown>
	>;
	const request = example.find((node) => node.type === "http request");
	if (!request) throw new Error("example 4 has no http request node");
	Object.assign(request, { url: "http://127.0.0.1:9/site-archive", authType: "basic", credentials: { user: "site", password: CREDENTIAL } });
	return example;
}

describe("Node-RED field configuration", () => {
	it("survives a kill -9 of the gateway: flows as deployed, credentials encrypted on disk", async () => {
		const first = await start();
		const headers = await adminHeaders(first.baseUrl);
		const deploy = await fetch(`${first.baseUrl}/red/flows`, {
			method: "POST",
			headers: { ...headers, "Node-RED-Deployment-Type": "full" },
			body: JSON.stringify({ flows: fieldConfiguredFlows() }),
		});
		expect(deploy.status).toBe(200);
		await kill9(first.child);

		const second = await start();
		const restored = await fetch(`${second.baseUrl}/red/flows`, { headers: await adminHeaders(second.baseUrl) });
		const { flows } = (await restored.json()) as { flows: Array<Record<string, unknown>> };
		const deployed = fieldConfiguredFlows();
		expect(flows.map((node) => node.id).sort()).toEqual(deployed.map((node) => node.id).sort());
		expect(flows.find((node) => node.type === "http request")).toMatchObject({ url: "http://127.0.0.1:9/site-archive", authType: "basic" });

		const nodeRedDir = join(dir, "data", "node-red");
		const credentialFiles = readdirSync(nodeRedDir).filter((name) => name.endsWith("_cred.json"));
		expect(credentialFiles).toHaveLength(1);
		const onDisk = readFileSync(join(nodeRedDir, credentialFiles[0]), "utf8");
		expect(onDisk).not.toContain(CREDENTIAL);
		expect(JSON.parse(onDisk)).toHaveProperty("$");
	}, 60_000);
});
