import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DependencyKind, WorkOrder } from "../entities/work-order.js";
import { DAY, HOUR, make, T0 } from "../testing/builders.js";
import { expectError } from "../testing/expect-error.js";
import { assertNoDependencyCycle, rescheduleWorkOrder } from "./schedule.js";

const D0 = Math.floor(T0 / DAY) * DAY; // midnight UTC
const order = (id: string, start: number, hours: number, deps: [string, DependencyKind, number?][] = [], status: WorkOrder["status"] = "scheduled") =>
	make.workOrder({
		id,
		rootId: "A",
		status,
		plannedStart: start,
		plannedEnd: start + hours * HOUR,
		dependencies: deps.map(([predecessorId, kind, lagMs = 0]) => ({ predecessorId, kind, lagMs })),
	});

describe("schedule propagation", () => {
	it("pushes finish-to-start dependants along a chain, with lag, and reports who moved", () => {
		const orders = [
			order("A", D0 + 8 * HOUR, 2),
			order("B", D0 + 10 * HOUR, 2, [["A", "finish-to-start"]]),
			order("C", D0 + 13 * HOUR, 1, [["B", "finish-to-start", HOUR]]),
		];
		const result = rescheduleWorkOrder(orders, "A", { start: D0 + 9 * HOUR, end: D0 + 12 * HOUR }, { now: 5 });
		expect(result.moved).toEqual([
			{ id: "B", from: { start: D0 + 10 * HOUR, end: D0 + 12 * HOUR }, to: { start: D0 + 12 * HOUR, end: D0 + 14 * HOUR }, because: ["A"] },
			{ id: "C", from: { start: D0 + 13 * HOUR, end: D0 + 14 * HOUR }, to: { start: D0 + 15 * HOUR, end: D0 + 16 * HOUR }, because: ["B"] },
		]);
		expect(result.changed.map((o) => [o.id, o.updatedAt])).toEqual([
			["A", 5],
			["B", 5],
			["C", 5],
		]);
		expect(result.conflicts).toEqual([]);
	});

	it("leaves dependants with slack alone and never pulls them earlier", () => {
		const orders = [order("A", D0 + 8 * HOUR, 2), order("B", D0 + 15 * HOUR, 2, [["A", "finish-to-start"]])];
		expect(rescheduleWorkOrder(orders, "A", { start: D0 + 9 * HOUR, end: D0 + 12 * HOUR }, { now: 1 }).moved).toEqual([]);
		expect(rescheduleWorkOrder(orders, "A", { start: D0 + 6 * HOUR, end: D0 + 7 * HOUR }, { now: 1 }).moved).toEqual([]);
	});

	it("keeps start-to-start dependants from starting before their predecessor", () => {
		const orders = [order("A", D0 + 8 * HOUR, 4), order("B", D0 + 8 * HOUR, 1, [["A", "start-to-start", 30 * 60_000]])];
		const result = rescheduleWorkOrder(orders, "A", { start: D0 + 10 * HOUR, end: D0 + 14 * HOUR }, { now: 1 });
		expect(result.moved[0].to).toEqual({ start: D0 + 10.5 * HOUR, end: D0 + 11.5 * HOUR });
	});

	it("moves same-day dependants to the predecessor's day, keeping their time of day, both ways", () => {
		const orders = [order("A", D0 + 8 * HOUR, 2), order("B", D0 + 14 * HOUR, 1, [["A", "same-day"]])];
		const later = rescheduleWorkOrder(orders, "A", { start: D0 + 2 * DAY + 8 * HOUR, end: D0 + 2 * DAY + 10 * HOUR }, { now: 1 });
		expect(later.moved[0].to.start).toBe(D0 + 2 * DAY + 14 * HOUR);
		const earlier = rescheduleWorkOrder(orders, "A", { start: D0 - DAY + 8 * HOUR, end: D0 - DAY + 9 * HOUR }, { now: 1 });
		expect(earlier.moved[0].to.start).toBe(D0 - DAY + 14 * HOUR);
		// Day boundaries follow the given offset: 23:30 UTC is already tomorrow at UTC+1.
		const offset = rescheduleWorkOrder(orders, "A", { start: D0 + 23.5 * HOUR, end: D0 + 23.75 * HOUR }, { now: 1, utcOffsetMinutes: 60 });
		expect(offset.moved[0].to.start).toBe(D0 + DAY + 14 * HOUR);
	});

	it("reports a conflict rather than moving a started dependant", () => {
		const orders = [order("A", D0 + 8 * HOUR, 2), order("B", D0 + 10 * HOUR, 2, [["A", "finish-to-start"]], "in-progress")];
		const result = rescheduleWorkOrder(orders, "A", { start: D0 + 9 * HOUR, end: D0 + 12 * HOUR }, { now: 1 });
		expect(result.moved).toEqual([]);
		expect(result.conflicts[0]).toMatchObject({ code: "dependant-started", id: "B" });
		expectError(
			() => rescheduleWorkOrder(result.changed.concat(orders[1]), "B", { start: 0, end: 1 }, { now: 1 }),
			"FC_MODEL_RULE_REFUSED",
			"B",
			"in-progress",
		);
	});

	it("refuses dependency cycles naming the orders on them", () => {
		const orders = [
			order("A", D0, 1, [["C", "finish-to-start"]]),
			order("B", D0, 1, [["A", "finish-to-start"]]),
			order("C", D0, 1, [["B", "finish-to-start"]]),
		];
		expectError(() => assertNoDependencyCycle(orders), "FC_MODEL_DEPENDENCY_CYCLE", "A -> C -> B -> A");
	});

	it("leaves every finish-to-start and start-to-start constraint satisfied (property)", () => {
		const chainArb = fc.array(
			fc.record({
				hours: fc.integer({ min: 1, max: 6 }),
				gap: fc.integer({ min: -4, max: 8 }),
				kind: fc.constantFrom<DependencyKind>("finish-to-start", "start-to-start"),
				pred: fc.nat(),
			}),
			{
				minLength: 1,
				maxLength: 8,
			},
		);
		fc.assert(
			fc.property(chainArb, fc.integer({ min: -10, max: 30 }), (specs, shiftHours) => {
				const orders = [order("O0", D0, 2)];
				specs.forEach((s, i) => {
					const pred = orders[s.pred % orders.length];
					orders.push(order(`O${i + 1}`, pred.plannedEnd! + s.gap * HOUR, s.hours, [[pred.id, s.kind]]));
				});
				const result = rescheduleWorkOrder(orders, "O0", { start: D0 + shiftHours * HOUR, end: D0 + (shiftHours + 2) * HOUR }, { now: 1 });
				const byId = new Map(orders.map((o) => [o.id, o]));
				for (const c of result.changed) byId.set(c.id, c);
				for (const o of byId.values()) {
					for (const d of o.dependencies) {
						const p = byId.get(d.predecessorId)!;
						const bound = d.kind === "finish-to-start" ? p.plannedEnd! : p.plannedStart!;
						expect(o.plannedStart).toBeGreaterThanOrEqual(bound);
					}
					expect(o.plannedEnd! - o.plannedStart!).toBe(orders.find((x) => x.id === o.id)!.plannedEnd! - orders.find((x) => x.id === o.id)!.plannedStart!);
				}
				expect(result.moved.map((m) => m.id).sort()).toEqual(
					result.changed
						.filter((c) => c.id !== "O0")
						.map((c) => c.id)
						.sort(),
				);
			}),
			{ numRuns: 150 },
		);
	});
});
