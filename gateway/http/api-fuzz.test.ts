/**
 * Fuzz test of the local API over a loopback socket (fast-check, seeded, bounded in time): random
 * routes of the running gateway with random parameters, odd path spellings, query strings, methods,
 * credentials and bodies (JSON or not, any media type). The gateway never answers 5xx, never
 * drops the connection, and every error body has the shared shape (platform/http-errors.ts).
 */
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayFixture, startGateway } from "../../test/support/gateway-fixture.js";
import { isErrorBody, rawRequest } from "../../test/support/raw-http.js";
import { hashPassword } from "../auth/password-hash.js";

const TOKEN = randomBytes(32).toString("base64url");
const SEED = 20_261_205;
const TIME_LIMIT_MS = 15_000;

let fixture: GatewayFixture;
let anaCookie = "";

beforeAll(async () => {
	const technicians = [{ id: "tech-ana", pinHash: await hashPassword("4711") }];
	fixture = await startGateway((config) => {
		if (config.http) config.http.token = TOKEN;
		config.webApp = { technicians, sessionHours: 8 };
	});
	const signIn = await rawRequest(fixture.baseUrl, {
		method: "POST",
		path: "/api/v1/session",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ technicianId: "tech-ana", pin: "4711" }),
	});
	anaCookie = String(signIn.headers["set-cookie"]).split(";", 1)[0];
});
afterAll(async () => {
	await fixture?.stop();
});

/** A path segment: plausible ids, arbitrary text (encoded), or spellings routers trip on. */
const segment = fc.oneof(
	fc.constantFrom("tech-ana", "tech-bob", "WO1", "T1", "meter-1", "index.html", "..", ".", "", "%", "%zz", "%00", "%2F", "%252F", "%C0%AF", "a%20b"),
	fc.string({ maxLength: 40 }).map(encodeURIComponent),
	fc.string({ unit: "binary", maxLength: 20 }).map(encodeURIComponent),
);

const query = fc.option(
	fc
		.array(fc.tuple(fc.constantFrom("afterSeq", "limit", "bootId", "from", "to", "technicianId", "afterId", "x"), fc.string({ maxLength: 30 })), {
			maxLength: 4,
		})
		.map((pairs) => pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join("&")),
	{ nil: undefined },
);

const body = fc.oneof(
	fc.constant(undefined),
	fc.jsonValue({ maxDepth: 3 }).map((value) => ({ type: "application/json", text: JSON.stringify(value) ?? "null" })),
	fc
		.record(
			{
				technicianId: fc.oneof(fc.constant("tech-ana"), fc.string({ maxLength: 20 })),
				pin: fc.string({ maxLength: 70 }),
				kind: fc.constantFrom("photo", "note", "signature", "acknowledgement", "work", "travel", "x"),
				deviceId: fc.string({ maxLength: 20 }),
				seq: fc.oneof(fc.integer(), fc.double(), fc.string()),
				workOrderId: fc.string({ maxLength: 10 }),
				taskId: fc.string({ maxLength: 10 }),
				checklistItemId: fc.string({ maxLength: 10 }),
				dataBase64: fc.base64String({ maxLength: 200 }),
				mediaType: fc.constantFrom("image/png", "image/jpeg", "text/plain", ""),
				deviceIds: fc.oneof(fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })),
				ids: fc.oneof(fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })),
				severity: fc.string({ maxLength: 10 }),
				title: fc.string({ maxLength: 30 }),
				data: fc.jsonValue({ maxDepth: 2 }),
			},
			{ requiredKeys: [] },
		)
		.map((value) => ({ type: "application/json", text: JSON.stringify(value) })),
	fc
		.tuple(fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "application/octet-stream"), fc.string({ maxLength: 200 }))
		.map(([type, text]) => ({ type, text })),
);

describe("local API fuzz", () => {
	it("answers random requests without a 5xx and with the shared error body", async () => {
		const routes = fixture.gateway.httpRoutes;
		const request = fc.record({
			route: fc.nat({ max: routes.length - 1 }),
			params: fc.array(segment, { minLength: 3, maxLength: 3 }),
			extra: fc.option(fc.array(segment, { minLength: 1, maxLength: 3 }), { nil: undefined }),
			method: fc.option(fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"), { nil: undefined }),
			query,
			body,
			credential: fc.constantFrom("none", "session", "token"),
		});
		let runs = 0;
		await fc.assert(
			fc.asyncProperty(request, async (sample) => {
				const route = routes[sample.route];
				let index = 0;
				let path = route.url.replace(/:\w+\??/g, () => sample.params[index++] || "x");
				if (sample.extra) path += `/${sample.extra.join("/")}`;
				if (sample.query) path += `?${sample.query}`;
				const method = sample.method ?? route.method;
				const headers: Record<string, string> = {};
				if (sample.credential === "session") headers.cookie = anaCookie;
				if (sample.credential === "token") headers.authorization = `Bearer ${TOKEN}`;
				if (sample.body) headers["content-type"] = sample.body.type;
				const answer = await rawRequest(fixture.baseUrl, { method, path, headers, body: sample.body?.text });
				const label = `${method} ${path} ${sample.body?.type ?? ""} ${sample.body?.text.slice(0, 80) ?? ""}`;
				if (answer.status >= 500) throw new Error(`${label}: ${answer.status} ${answer.body.slice(0, 200)}`);
				if (answer.status >= 400 && method !== "HEAD" && !isErrorBody(answer.json)) throw new Error(`${label}: ${answer.status} ${answer.body.slice(0, 200)}`);
				runs++;
			}),
			{ seed: SEED, numRuns: 3_000, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
		);
		expect(runs).toBeGreaterThan(100);
	}, 60_000);
});
