import { describe, expect, it } from "vitest";
import { ErrorCodes, FieldchainError, isFieldchainError, isFieldchainErrorIn, statusOf } from "./errors.js";

describe("the error catalogue", () => {
	it("names every code by itself", () => {
		for (const [name, code] of Object.entries(ErrorCodes)) expect(code).toBe(name);
		expect(ErrorCodes.FC_MODEL_NOT_FOUND).toBe("FC_MODEL_NOT_FOUND");
	});

	it("gives every code an HTTP error status", () => {
		for (const code of Object.values(ErrorCodes)) {
			const status = statusOf(new FieldchainError(code, "x"));
			expect(Number.isInteger(status) && status >= 400 && status <= 599, `${code}: ${status}`).toBe(true);
		}
	});

	it("keeps the statuses clients rely on", () => {
		const status = (code: keyof typeof ErrorCodes) => statusOf(new FieldchainError(code, "x"));
		expect(status("FC_MODEL_INVALID")).toBe(400);
		expect(status("FC_MODEL_NOT_FOUND")).toBe(404);
		expect(status("FC_MODEL_RULE_REFUSED")).toBe(409);
		expect(status("FC_BILLING_UNAUTHORIZED")).toBe(401);
		expect(status("FC_BILLING_PRECONDITION_REQUIRED")).toBe(428);
		expect(status("FC_EVIDENCE_TOO_LARGE")).toBe(413);
		expect(status("FC_APP_TOO_MANY_ATTEMPTS")).toBe(429);
		expect(status("FC_CAPACITY_DISK_FULL")).toBe(507);
		expect(status("FC_STORE_CLOSED")).toBe(503);
	});
});

describe("FieldchainError", () => {
	it("carries code, hint and details, the hint after the message", () => {
		const error = new FieldchainError(ErrorCodes.FC_MODEL_INVALID, "Bad task.", { hint: "Fix it.", details: { id: "T1" } });
		expect(error.message).toBe("Bad task. Fix it.");
		expect(error).toMatchObject({ code: "FC_MODEL_INVALID", hint: "Fix it.", details: { id: "T1" } });
		expect(isFieldchainError(error, "FC_MODEL_INVALID")).toBe(true);
		expect(isFieldchainError(error, "FC_MODEL_NOT_FOUND")).toBe(false);
	});

	it("is recognised by area", () => {
		const error = new FieldchainError(ErrorCodes.FC_MODEL_NOT_FOUND, "No T1.");
		expect(isFieldchainErrorIn(error, "MODEL")).toBe(true);
		expect(isFieldchainErrorIn(error, "HTTP")).toBe(false);
		expect(isFieldchainErrorIn(new Error("FC_MODEL_NOT_FOUND"), "MODEL")).toBe(false);
	});
});
