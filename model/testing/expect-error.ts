import { expect } from "vitest";
import { type ErrorCode, FieldchainError, isFieldchainError } from "../../platform/errors.js";

/** Runs fn, expects a FieldchainError with `code` whose message contains every fragment. */
export function expectError(fn: () => unknown, code: ErrorCode, ...fragments: string[]): FieldchainError {
	try {
		fn();
	} catch (error) {
		if (!isFieldchainError(error)) throw error;
		expect(error.code, error.message).toBe(code);
		for (const fragment of fragments) expect(error.message).toContain(fragment);
		return error;
	}
	return expect.fail(`expected ${code}, nothing was thrown`);
}

export { FieldchainError };
