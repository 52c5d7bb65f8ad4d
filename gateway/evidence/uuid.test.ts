import { describe, expect, it } from "vitest";
import { uuidV7 } from "./uuid.js";

describe("uuidV7", () => {
	it("has the RFC 9562 layout: timestamp, version 7, variant 10", () => {
		const id = uuidV7(0x0190a0b0c0d0);
		expect(id).toMatch(/^0190a0b0-c0d0-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
	});

	it("sorts by time and does not repeat", () => {
		const ids = [uuidV7(1_764_000_000_000), uuidV7(1_764_000_000_001), uuidV7(1_764_000_001_000)];
		expect([...ids].sort()).toEqual(ids);
		expect(new Set(Array.from({ length: 1000 }, () => uuidV7(1)))).toHaveProperty("size", 1000);
	});
});
