import { describe, expect, it } from "vitest";
import { configFieldError, invalidConfig } from "./config-errors.js";

describe("configuration errors", () => {
	it("name the field in the message and in details, in each area's wording", () => {
		const uplink = configFieldError({ lead: "Invalid configuration: ", area: "uplink." })("retry.baseMs", "must be a positive integer");
		expect(uplink).toMatchObject({
			code: "FC_CONFIG_INVALID",
			message: "Invalid configuration: uplink.retry.baseMs must be a positive integer.",
			details: { field: "uplink.retry.baseMs" },
		});
		const simulator = configFieldError({ lead: "Simulator option ", separator: ": " })("rate", "0 is out of range", "Use a number above 0.");
		expect(simulator).toMatchObject({
			message: "Simulator option rate: 0 is out of range. Use a number above 0.",
			hint: "Use a number above 0.",
			details: { field: "rate" },
		});
	});

	it("can say what is wrong without a field", () => {
		const error = invalidConfig("Give either --db or --database-url, not both.");
		expect(error).toMatchObject({ code: "FC_CONFIG_INVALID", message: "Give either --db or --database-url, not both.", details: undefined });
	});
});
