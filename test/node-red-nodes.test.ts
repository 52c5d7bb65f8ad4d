/** Each fieldchain node in Node-RED's own test runtime (node-red-node-test-helper), against a fake gateway API. */
import { createRequire } from "node:module";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import alertNode from "../flows/nodes/fieldchain-alert.js";
import commandNode from "../flows/nodes/fieldchain-command.js";
import eventNode from "../flows/nodes/fieldchain-event.js";
import evidenceNode from "../flows/nodes/fieldchain-evidence.js";
import gatewayNode from "../flows/nodes/fieldchain-gateway.js";
import readingNode from "../flows/nodes/fieldchain-reading.js";
import taskNode from "../flows/nodes/fieldchain-task.js";
import type { FieldchainApi, GatewayEventMap, GatewayEventName } from "../gateway/node-red/flows-api.js";

const require = createRequire(import.meta.url);
// biome-ignore lint/suspicious/noExplicitAny: the helper ships without types
const helper: any = require("node-red-node-test-helper");

type Listener = (payload: unknown) => void;
function fakeApi() {
	const listeners = new Map<string, Set<Listener>>();
	const calls: Array<[string, unknown]> = [];
	const api: FieldchainApi = {
		gatewayId: "gw-test",
		on<K extends GatewayEventName>(event: K, listener: (payload: GatewayEventMap[K]) => void) {
			const set = listeners.get(event) ?? new Set();
			listeners.set(event, set);
			set.add(listener as Listener);
			return () => set.delete(listener as Listener);
		},
		stampEvidence(input) {
			calls.push(["stamp", input]);
			if (input.checklistItemId === "missing") throw new Error('Task "T1" has no checklist item "missing".');
			return {
				id: "e1",
				chainSeq: 7,
				workOrderId: "WO1",
				taskId: "T1",
				checklistItemId: input.checklistItemId,
				kind: "reading",
				outcome: "pass",
				status: "stored",
				sealed: false,
				contentHash: "00",
				createdAt: "",
			};
		},
		task: (target) => ({
			workOrderId: "WO1",
			taskId: target.taskId ?? "T1",
			title: "t",
			status: "in-progress",
			checklistState: [],
			canStart: [],
			canComplete: [],
			activeFor: [],
			runningTimers: [],
		}),
		changeTask(operation, target, actor) {
			calls.push(["task", { operation, target, actor }]);
			if (operation === "complete") throw new Error("Cannot complete task T1: checklist item 'insulation' has no valid evidence.");
			return { ...api.task(target), status: "in-progress" };
		},
		async sendCommand(deviceId, command) {
			calls.push(["command", { deviceId, command }]);
			return { deviceId, action: command.action, status: "STATUS_OK", message: "" };
		},
		raiseAlert(input, source) {
			calls.push(["alert", { input, source }]);
			return {
				id: 1,
				...input,
				message: input.message ?? "",
				source,
				deviceId: null,
				workOrderId: null,
				taskId: null,
				technicianId: null,
				data: null,
				createdAt: "",
			};
		},
	};
	const emit = (event: string, payload: unknown) => {
		for (const listener of listeners.get(event) ?? []) listener(payload);
	};
	return { api, calls, emit, listeners };
}

const nodes = [gatewayNode, readingNode, evidenceNode, taskNode, commandNode, eventNode, alertNode];
const gw = { id: "gw", type: "fieldchain-gateway", name: "test gateway", technicianId: "TECH1" };
const reading = {
	deviceId: "m1",
	model: "MEGGER",
	bootId: "ab",
	seq: 3,
	quantity: "insulation_resistance",
	value: 550,
	unit: "MOhm",
	channel: "",
	flags: 0,
	deviceTimeUs: 0,
	receivedAt: 1,
};
let fake: ReturnType<typeof fakeApi>;

beforeAll(() => {
	helper.init(require.resolve("node-red"));
});

afterEach(async () => {
	await helper.unload();
});

async function load(flow: unknown[]) {
	fake = fakeApi();
	helper.settings({ fieldchain: fake.api });
	await helper.load(nodes, [gw, ...flow, { id: "out", type: "helper" }]);
}

function nextMessage(): Promise<Record<string, unknown>> {
	return new Promise((resolve) => helper.getNode("out").once("input", resolve));
}

/** done(err) reaches the runtime as node.error(err, msg); the helper spies on it. */
function nextError(node: string): Promise<Error> {
	return new Promise((resolve) => helper.getNode(node).once("call:error", (call: { args: unknown[] }) => resolve(call.args[0] as Error)));
}

describe("fieldchain nodes in Node-RED", () => {
	it("reading: emits stored readings that pass the filter, and unsubscribes on close", async () => {
		await load([{ id: "r", type: "fieldchain-reading", gateway: "gw", quantities: "insulation_resistance", devices: "", models: "", wires: [["out"]] }]);
		const message = nextMessage();
		fake.emit("reading", { ...reading, quantity: "voltage" });
		fake.emit("reading", reading);
		expect(await message).toMatchObject({ payload: 550, unit: "MOhm", deviceId: "m1", reading: { seq: 3 } });
		await helper.unload();
		expect(fake.listeners.get("reading")?.size).toBe(0);
	});

	it("evidence: stamps msg.reading on the item with the gateway's technician; a refusal goes to done(err)", async () => {
		await load([
			{ id: "e", type: "fieldchain-evidence", gateway: "gw", checklistItemId: "insulation", workOrderId: "", taskId: "T1", technicianId: "", wires: [["out"]] },
		]);
		const message = nextMessage();
		helper.getNode("e").receive({ reading });
		expect(await message).toMatchObject({ evidence: { chainSeq: 7 } });
		expect(fake.calls[0][1]).toMatchObject({
			checklistItemId: "insulation",
			taskId: "T1",
			technicianId: "TECH1",
			reading: { deviceId: "m1", bootId: "ab", seq: 3 },
		});
		const failed = nextError("e");
		helper.getNode("e").receive({ reading, checklistItemId: "missing" });
		expect((await failed).message).toContain('no checklist item "missing"');
		const invalid = nextError("e");
		helper.getNode("e").receive({ payload: 42 });
		expect(await invalid).toBeInstanceOf(Error);
	});

	it("task: runs operations as the technician and reports rule refusals", async () => {
		await load([{ id: "t", type: "fieldchain-task", gateway: "gw", operation: "start", workOrderId: "WO1", taskId: "T1", technicianId: "", wires: [["out"]] }]);
		const message = nextMessage();
		helper.getNode("t").receive({});
		expect(await message).toMatchObject({ payload: { taskId: "T1" } });
		expect(fake.calls[0][1]).toMatchObject({ operation: "start", actor: "TECH1" });
		const refused = nextError("t");
		helper.getNode("t").receive({ operation: "complete" });
		expect((await refused).message).toContain("no valid evidence");
		const bad = nextError("t");
		helper.getNode("t").receive({ operation: "explode" });
		expect((await bad).message).toContain("not one of");
	});

	it("command: validates and sends protocol commands", async () => {
		await load([{ id: "c", type: "fieldchain-command", gateway: "gw", deviceId: "m1", action: "set-rate", rate: "", durationMs: "2000", wires: [["out"]] }]);
		const message = nextMessage();
		helper.getNode("c").receive({ payload: 20 });
		expect(await message).toMatchObject({ payload: { status: "STATUS_OK" } });
		expect(fake.calls[0][1]).toEqual({ deviceId: "m1", command: { action: "set-rate", readingsPerSecond: 20 } });
		const bad = nextError("c");
		helper.getNode("c").receive({ payload: -1 });
		expect((await bad).message).toContain("readings per second");
	});

	it("event: emits the chosen gateway events", async () => {
		await load([{ id: "ev", type: "fieldchain-event", gateway: "gw", events: "deviceAttached", wires: [["out"]] }]);
		expect(fake.listeners.has("alarm")).toBe(false);
		const message = nextMessage();
		fake.emit("deviceAttached", { deviceId: "m1", model: "M", transport: "serial", link: "/dev/x", at: 1 });
		expect(await message).toMatchObject({ topic: "deviceAttached", deviceId: "m1" });
	});

	it("alert: raises an alert with the value as its message", async () => {
		await load([{ id: "a", type: "fieldchain-alert", gateway: "gw", severity: "critical", title: "Too hot", technicianId: "", wires: [["out"]] }]);
		const message = nextMessage();
		helper.getNode("a").receive({ payload: 91, unit: "Cel" });
		expect(await message).toMatchObject({ alert: { id: 1, severity: "critical", title: "Too hot", message: "91 Cel" } });
		expect(fake.calls[0][1]).toMatchObject({ source: "flow:a" });
	});

	it("fails clearly outside a fieldchain gateway", async () => {
		fake = fakeApi();
		helper.settings({ fieldchain: undefined });
		await helper.load(nodes, [gw, { id: "t", type: "fieldchain-task", gateway: "gw", operation: "get", taskId: "T1", wires: [[]] }]);
		const failed = nextError("t");
		helper.getNode("t").receive({});
		expect((await failed).message).toContain("does not run inside a fieldchain gateway");
	});
});
