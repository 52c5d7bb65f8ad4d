/**
 * The behaviour every ReadingStore backend must show. Each backend's test file calls
 * readingStoreContract with a factory; `reopen` (when given) checks that data survives a restart.
 */
import { describe, expect, it } from "vitest";
import type { ReadingStore } from "./reading-store.js";
import { identity, row } from "./testing/rows.js";

export interface ContractFactory {
	create(): ReadingStore;
	/** Closes the store and opens the same data again; omitted for volatile backends. */
	reopen?(store: ReadingStore): ReadingStore;
}

export function readingStoreContract(name: string, factory: ContractFactory): void {
	describe(`ReadingStore contract: ${name}`, () => {
		it("records a device from its hello and updates it on the next", () => {
			const store = factory.create();
			store.recordHello(identity());
			store.recordHello(identity({ firmwareVersion: "1.2.4", seenAt: 1_764_000_000_500 }));
			const device = store.getDevice("dev-1");
			expect(device).toMatchObject({ deviceId: "dev-1", firmwareVersion: "1.2.4", firstSeenAt: 1_764_000_000_000, lastSeenAt: 1_764_000_000_500 });
			expect(device?.capabilities[0].unit).toBe("Ohm");
			expect(device?.calibration?.certificateId).toBe("CAL-1");
			expect(store.listDevices().map((d) => d.deviceId)).toEqual(["dev-1"]);
			expect(store.getDevice("nope")).toBeUndefined();
			store.close();
		});

		it("stores each reading once and counts re-sent ones as duplicates", () => {
			const store = factory.create();
			store.recordHello(identity());
			expect(store.commit([row(1), row(2), row(3)], [])).toEqual({ inserted: 3, duplicates: 0 });
			expect(store.commit([row(2), row(4), row(4)], [])).toEqual({ inserted: 1, duplicates: 2 });
			expect(store.countReadings()).toBe(4);
			expect(store.getDevice("dev-1")?.readingsStored).toBe(4);
			store.close();
		});

		it("keeps readings of different boots and devices apart", () => {
			const store = factory.create();
			store.recordHello(identity());
			store.recordHello(identity({ deviceId: "dev-2" }));
			store.commit([row(1), row(1, { bootId: "b2" }), row(1, { deviceId: "dev-2" })], []);
			expect(store.countReadings()).toBe(3);
			expect(store.listReadings("dev-1", { bootId: "b2" }).map((r) => r.bootId)).toEqual(["b2"]);
			store.close();
		});

		it("lists readings of the latest boot by default, in seq order, with paging", () => {
			const store = factory.create();
			store.recordHello(identity());
			store.commit([row(3), row(1), row(2), row(5)], []);
			expect(store.listReadings("dev-1").map((r) => r.seq)).toEqual([1, 2, 3, 5]);
			expect(store.listReadings("dev-1", { afterSeq: 2, limit: 1 }).map((r) => r.seq)).toEqual([3]);
			expect(store.listReadings("dev-1", { afterSeq: 2 })[0]).toEqual(row(3));
			expect(store.listReadings("unknown")).toEqual([]);
			store.close();
		});

		it("keeps the watermark and the stored seqs above it for a boot", () => {
			const store = factory.create();
			store.recordHello(identity());
			expect(store.loadBoot("dev-1", "b1")).toEqual({ ackedUpTo: 0, storedAbove: [] });
			store.commit([row(1), row(2), row(4), row(6)], [{ deviceId: "dev-1", bootId: "b1", ackedUpTo: 2 }]);
			expect(store.loadBoot("dev-1", "b1")).toEqual({ ackedUpTo: 2, storedAbove: [4, 6] });
			// A watermark never moves back.
			store.commit([], [{ deviceId: "dev-1", bootId: "b1", ackedUpTo: 1 }]);
			expect(store.loadBoot("dev-1", "b1").ackedUpTo).toBe(2);
			store.close();
		});

		if (factory.reopen) {
			const reopen = factory.reopen;
			it("keeps devices, readings and watermarks across a restart", () => {
				let store = factory.create();
				store.recordHello(identity());
				store.commit([row(1), row(2), row(5)], [{ deviceId: "dev-1", bootId: "b1", ackedUpTo: 2 }]);
				store = reopen(store);
				expect(store.getDevice("dev-1")?.readingsStored).toBe(3);
				expect(store.loadBoot("dev-1", "b1")).toEqual({ ackedUpTo: 2, storedAbove: [5] });
				expect(store.commit([row(2)], [])).toEqual({ inserted: 0, duplicates: 1 });
				store.close();
			});
		}
	});
}
