import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { ErrorCodes, FieldchainError } from "./errors.js";
import { errorBody, sendError } from "./http-errors.js";

describe("the error answer of both HTTP services", () => {
	it("splits the hint from the message and keeps details", () => {
		const error = new FieldchainError(ErrorCodes.FC_MODEL_RULE_REFUSED, "Cannot start task T1.", {
			hint: "Confirm isolation first.",
			details: { missing: ["isolation"] },
		});
		expect(errorBody(error)).toEqual({
			error: { code: "FC_MODEL_RULE_REFUSED", message: "Cannot start task T1.", hint: "Confirm isolation first.", details: { missing: ["isolation"] } },
		});
		expect(errorBody(new FieldchainError(ErrorCodes.FC_HTTP_NOT_FOUND, "No route."))).toEqual({
			error: { code: "FC_HTTP_NOT_FOUND", message: "No route.", hint: null },
		});
	});

	it("answers with the catalogue's status, and asks for a bearer token on a 401", async () => {
		const thrown: Record<string, FieldchainError> = {
			invalid: new FieldchainError(ErrorCodes.FC_MODEL_INVALID, "Bad input."),
			refused: new FieldchainError(ErrorCodes.FC_MODEL_RULE_REFUSED, "Refused."),
			anonymous: new FieldchainError(ErrorCodes.FC_BILLING_UNAUTHORIZED, "No token.", { hint: "Send one." }),
		};
		const app = Fastify();
		app.get<{ Params: { name: string } }>("/:name", async (request, reply) => sendError(reply, thrown[request.params.name]));
		const invalid = await app.inject({ url: "/invalid" });
		expect(invalid.statusCode).toBe(400);
		expect(invalid.headers["content-type"]).toContain("application/json");
		expect(invalid.headers["www-authenticate"]).toBeUndefined();
		expect((await app.inject({ url: "/refused" })).statusCode).toBe(409);
		const anonymous = await app.inject({ url: "/anonymous" });
		expect(anonymous.statusCode).toBe(401);
		expect(anonymous.headers["www-authenticate"]).toBe('Bearer realm="fieldchain"');
		expect(anonymous.json()).toEqual({ error: { code: "FC_BILLING_UNAUTHORIZED", message: "No token.", hint: "Send one." } });
		await app.close();
	});
});
