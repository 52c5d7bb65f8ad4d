import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../platform/logger.js";
import { answerError } from "./internal-errors.js";

function appThrowing(error: unknown, logs: string[]) {
	const logger = createLogger({ level: "debug", destination: { write: (line: string) => logs.push(line) } });
	const app = Fastify();
	app.setErrorHandler((thrown, request, reply) => answerError(logger, thrown, request, reply));
	app.get("/x", async () => {
		throw error;
	});
	return app;
}

describe("the local API's error handler", () => {
	it("answers a locked database with 503 and Retry-After, keeping SQLite's text in the log", async () => {
		const logs: string[] = [];
		const locked = Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
		const response = await appThrowing(locked, logs).inject({ method: "GET", url: "/x" });
		expect(response.statusCode).toBe(503);
		expect(response.headers["retry-after"]).toBe("1");
		expect(response.json().error.code).toBe("FC_STORE_WRITE");
		expect(response.body).not.toContain("database is locked");
		expect(logs.join("")).toContain("database is locked");
	});

	it("answers any other failure of the gateway with 500 and a correlation id, never the error's own message", async () => {
		const logs: string[] = [];
		const response = await appThrowing(new Error("no such table: devices"), logs).inject({ method: "GET", url: "/x" });
		expect(response.statusCode).toBe(500);
		const body = response.json();
		expect(body.error.code).toBe("FC_HTTP_INTERNAL");
		expect(response.body).not.toContain("no such table");
		expect(body.error.details.correlationId).toMatch(/^[0-9a-f]{16}$/);
		expect(logs.find((line) => line.includes(body.error.details.correlationId))).toContain("no such table: devices");
	});
});
