import { describe, expect, it } from "vitest";
import { ConnectionGuard } from "./connection-guard.js";

const limits = { maxPendingPerAddress: 2, connectBurst: 3, connectsPerSecond: 0.5 };

describe("ConnectionGuard", () => {
	it("spends a burst of CONNECTs per address, earns them back over time, and refunds authenticated ones", () => {
		let now = 0;
		const guard = new ConnectionGuard(limits, () => now);
		expect([guard.takeConnect("a", "dev1"), guard.takeConnect("a", "dev1"), guard.takeConnect("a", "dev1")]).toEqual(["admitted", "admitted", "admitted"]);
		expect(guard.takeConnect("a", "dev1")).toBe("limited");
		expect(guard.admit({}, "a")).toBe("limited");
		expect(guard.takeConnect("b", "dev1")).toBe("admitted");
		now += 2_000;
		expect(guard.takeConnect("a", "dev1")).toBe("admitted");
		expect(guard.takeConnect("a", "dev1")).toBe("limited");
		guard.authenticated("a", "dev1");
		expect(guard.takeConnect("a", "dev1")).toBe("good-standing");
		expect(guard.takeConnect("b", "dev1")).toBe("admitted");
	});

	it("counts sockets before CONNECT per address until they authenticate or close", () => {
		const guard = new ConnectionGuard(limits);
		const [one, two, three] = [{}, {}, {}];
		expect(guard.admit(one, "a")).toBe("admitted");
		expect(guard.admit(two, "a")).toBe("admitted");
		expect(guard.admit(three, "a")).toBe("too-many-pending");
		guard.settle(one);
		guard.settle(one);
		expect(guard.admit(three, "a")).toBe("admitted");
		expect(guard.admit({}, "a")).toBe("too-many-pending");
	});

	it("keeps at most maxTrackedAddresses addresses, forgetting the least recently used", () => {
		const guard = new ConnectionGuard(limits, () => 0, 2);
		for (let i = 0; i < 3; i++) guard.takeConnect("a", "dev1");
		guard.takeConnect("b", "dev1");
		guard.takeConnect("c", "dev1");
		// "a" was forgotten, so it starts again with a full burst.
		expect(guard.takeConnect("a", "dev1")).toBe("admitted");
		const buckets = (guard as unknown as { buckets: Map<string, unknown> }).buckets;
		expect(buckets.size).toBe(2);
	});
});
