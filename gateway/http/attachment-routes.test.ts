/**
 * The bytes behind photo and signature evidence, over loopback HTTP: served back exactly as the
 * record's hash commits to, raster images inline, anything a browser could run (SVG, HTML) only as
 * a download with nosniff and a sandboxing CSP, and nothing for an unknown record or the wrong order.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseSnapshot, items, make } from "../../model/testing/builders.js";
import { type GatewayFixture, startGateway } from "../../test/support/gateway-fixture.js";

const TOKEN = "attachment-token-0123456789";
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNkYPjPwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==", "base64");
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
let dir: string;
let fixture: GatewayFixture;

async function call(method: string, path: string, body?: unknown) {
	return fetch(`${fixture.baseUrl}${path}`, {
		method,
		headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), "fc-att-"));
	const workOrdersFile = join(dir, "work-orders.json");
	const snapshot = baseSnapshot({
		workOrders: [make.workOrder({ id: "WO1", status: "in-progress", startedAt: Date.now() }), make.workOrder({ id: "WO2", status: "scheduled" })],
		tasks: [make.task({ id: "T1", workOrderId: "WO1", checklist: [items.photo(), items.photo({ id: "drawing", label: "drawing" })] })],
	});
	writeFileSync(workOrdersFile, JSON.stringify(snapshot));
	fixture = await startGateway(
		(config) => {
			config.http = { host: "127.0.0.1", port: 0, token: TOKEN };
		},
		undefined,
		{ workOrdersFile },
	);
});

afterAll(async () => {
	await fixture?.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe("evidence attachments", () => {
	it("serves a photo's bytes inline and a scriptable image only as a download", async () => {
		const task = "/api/v1/work-orders/WO1/tasks/T1";
		expect((await call("POST", `${task}/start`, { technicianId: "TECH1" })).status).toBe(200);
		const post = async (checklistItemId: string, data: Buffer, mediaType: string) => {
			const response = await call("POST", `${task}/evidence`, {
				kind: "photo",
				checklistItemId,
				technicianId: "TECH1",
				dataBase64: data.toString("base64"),
				mediaType,
			});
			expect(response.status).toBe(201);
			return (await response.json()) as { id: string; attachment?: { sha256: string; mediaType: string } };
		};
		const photo = await post("photo", PNG, "image/png");
		expect(photo.attachment?.mediaType).toBe("image/png");
		const served = await call("GET", `/api/v1/work-orders/WO1/evidence/${photo.id}/attachment`);
		expect(served.status, await served.clone().text()).toBe(200);
		expect(served.headers.get("content-type")).toBe("image/png");
		expect(served.headers.get("x-content-type-options")).toBe("nosniff");
		expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);

		const drawing = await post("drawing", SVG, "image/svg+xml");
		const download = await call("GET", `/api/v1/work-orders/WO1/evidence/${drawing.id}/attachment`);
		expect(download.headers.get("content-type")).toBe("application/octet-stream");
		expect(download.headers.get("content-disposition")).toMatch(/^attachment/);
		expect(download.headers.get("content-security-policy")).toContain("sandbox");

		// Another order's path, an unknown id, or no credentials: nothing.
		expect((await call("GET", `/api/v1/work-orders/WO2/evidence/${photo.id}/attachment`)).status).toBe(404);
		expect((await call("GET", "/api/v1/work-orders/WO1/evidence/nope/attachment")).status).toBe(404);
		expect((await fetch(`${fixture.baseUrl}/api/v1/work-orders/WO1/evidence/${photo.id}/attachment`)).status).toBe(401);
	});
});
