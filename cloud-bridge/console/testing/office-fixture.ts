/**
 * A billing service with an approver's afternoon waiting: the scenario's work order up to signed-off
 * work with two submitted time entries of TECH1 (billable work, and non-billable travel), and one
 * console user per role (plus a disabled one and an approver who is also technician TECH1).
 * Passwords are hashed with light scrypt parameters to keep tests quick; the service verifies
 * whatever parameters a hash names.
 */
import { startTestService, type TestService, type TestServiceOptions } from "../../billing/testing/harness.js";
import { expectOk, Scenario, TASK } from "../../billing/testing/scenario.js";
import { createUser } from "../accounts.js";
import { consoleStoreBeside } from "../users/open-store.js";
import type { Role } from "../users/types.js";

export const TEST_KDF = { N: 2 ** 10, r: 8, p: 1 };
export const PASSWORD = "a long office passphrase";
const HOUR = 3_600_000;

export interface OfficeFixture {
	service: TestService;
	scenario: Scenario;
	workEntryId: string;
	travelEntryId: string;
	users: Record<"approver" | "billing" | "dispatcher" | "admin" | "disabled" | "selfApprover", string>;
}

export async function startOfficeFixture(options: TestServiceOptions = {}): Promise<OfficeFixture> {
	const service = await startTestService(options);
	const scenario = new Scenario(service);
	await scenario.seedParties();
	await scenario.createWorkOrder();
	await scenario.enroll();
	await scenario.startTask();
	await scenario.recordWork();
	await scenario.signOff();
	const workEntryId = scenario.timeEntryId;
	const start = (expectOk<{ start: number; end: number }>(await service.request("GET", `/v1/time-entries/${workEntryId}`)).end ?? 0) + 60_000;
	const travelEntryId = expectOk<{ id: string }>(
		await service.request("POST", "/v1/time-entries", {
			token: scenario.gatewayToken,
			body: { taskId: TASK, technicianId: "TECH1", kind: "travel", billable: false, start, end: start + HOUR / 2, note: "drive back to depot" },
		}),
		201,
	).id;
	for (const id of [workEntryId, travelEntryId]) {
		const entry = expectOk<{ status: string }>(await service.request("GET", `/v1/time-entries/${id}`));
		if (entry.status === "draft") expectOk(await service.request("POST", `/v1/time-entries/${id}/submit`, { token: scenario.gatewayToken, body: {} }));
	}
	const store = consoleStoreBeside(service.storage);
	const make = async (username: string, role: Role, extra: { technicianId?: string; displayName?: string } = {}) =>
		(await createUser(store, { username, role, password: PASSWORD, ...extra }, Date.now(), TEST_KDF)).id;
	const users = {
		approver: await make("alice", "approver", { displayName: "Alice Approver" }),
		billing: await make("bruno", "billing", { displayName: "Bruno Billing" }),
		dispatcher: await make("dora", "dispatcher", { displayName: "Dora Dispatch" }),
		admin: await make("adam", "admin", { displayName: "Adam Admin" }),
		disabled: await make("gone", "approver"),
		selfApprover: await make("tess", "approver", { technicianId: "TECH1", displayName: "Tess (also TECH1)" }),
	};
	await store.setUserDisabled(users.disabled, Date.now());
	return { service, scenario, workEntryId, travelEntryId, users };
}

/** Signs in over HTTP as the console page would (same Origin) and returns the cookie header to send. */
export async function signIn(service: TestService, username: string, password = PASSWORD): Promise<{ status: number; cookie: string; body: unknown }> {
	const response = await fetch(`${service.url}/v1/sessions`, {
		method: "POST",
		headers: { "content-type": "application/json", origin: service.url },
		body: JSON.stringify({ username, password }),
	});
	const setCookie = response.headers.get("set-cookie") ?? "";
	return { status: response.status, cookie: setCookie.split(";")[0], body: await response.json() };
}

/** A request with the session cookie (and the page's Origin unless told otherwise). */
export async function asUser(
	service: TestService,
	cookie: string,
	method: string,
	path: string,
	body?: unknown,
	origin: string | null = service.url,
	// biome-ignore lint/suspicious/noExplicitAny: tests read bodies loosely; the service validates responses against OpenAPI.
): Promise<{ status: number; body: any; headers: Headers }> {
	const headers: Record<string, string> = { cookie };
	if (origin !== null) headers.origin = origin;
	if (body !== undefined) headers["content-type"] = "application/json";
	const response = await fetch(`${service.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}
