import { describe, expect, it } from "vitest";
import { baseSnapshot, HOUR, make, T0 } from "../testing/builders.js";
import { marginReport, taskMargin } from "./margin.js";
import { amountForDuration, isBelowFloor, marginFigures } from "./money.js";

describe("money", () => {
	it("prices durations from exact milliseconds, rounding once", () => {
		expect(amountForDuration(HOUR, 9000)).toBe(9000);
		expect(amountForDuration(20 * 60_000, 9000)).toBe(3000);
		expect(amountForDuration(1, 9000)).toBe(0);
		expect(amountForDuration(7 * 60_000, 1000)).toBe(117); // 116.67
	});

	it("computes margin in basis points and handles a zero price", () => {
		expect(marginFigures(10_000, 7_500)).toEqual({ priceMinor: 10_000, costMinor: 7_500, marginMinor: 2_500, marginBasisPoints: 2_500 });
		expect(marginFigures(3, 1).marginBasisPoints).toBe(6666);
		expect(isBelowFloor(marginFigures(0, 0), 2000)).toBe(false);
		expect(isBelowFloor(marginFigures(0, 1), 2000)).toBe(true);
		expect(isBelowFloor(marginFigures(100, 81), 2000)).toBe(true);
		expect(isBelowFloor(marginFigures(100, 80), 2000)).toBe(false);
	});
});

describe("margin report", () => {
	const snapshot = baseSnapshot({
		workOrders: [make.workOrder({ status: "in-progress" }), make.workOrder({ id: "WO2", parentId: "WO1", rootId: "WO1" })],
		tasks: [make.task(), make.task({ id: "T2", workOrderId: "WO2" })],
		timeEntries: [
			make.timeEntry({ status: "approved", start: T0, end: T0 + 2 * HOUR }), // price 18000, cost 8000
			make.timeEntry({ id: "TE2", status: "approved", kind: "travel", start: T0, end: T0 + HOUR }), // price 6000, cost 4000
			make.timeEntry({ id: "TE3", status: "approved", billable: false, technicianId: "TECH2", start: T0, end: T0 + HOUR }), // cost 5000
			make.timeEntry({ id: "TE4", status: "submitted" }), // not approved: neither
			make.timeEntry({ id: "TE5", taskId: "T2", workOrderId: "WO2", status: "invoiced", start: T0, end: T0 + HOUR }), // price 9000, cost 4000
		],
		lineItems: [
			make.lineItem({ status: "used", usedQuantity: 2 }), // price 1500, cost 600
			make.lineItem({ id: "LI2", status: "estimated" }),
		],
	});

	it("per task: approved labour at cost, billable time at bill rates, used items", () => {
		expect(taskMargin(snapshot, "T1")).toEqual({
			taskId: "T1",
			labourCostMinor: 17_000,
			partsCostMinor: 600,
			priceMinor: 25_500,
			costMinor: 17_600,
			marginMinor: 7_900,
			marginBasisPoints: 3_098,
		});
	});

	it("per work order: its tasks and its child visits' tasks, priced at contract value when set", () => {
		const report = marginReport(snapshot, "WO1");
		expect(report.tasks.map((t) => t.taskId)).toEqual(["T1", "T2"]);
		expect(report).toMatchObject({ priceMinor: 34_500, costMinor: 21_600, marginMinor: 12_900 });
		expect(marginReport(snapshot, "WO2")).toMatchObject({ priceMinor: 9_000, costMinor: 4_000 });
		const fixed = { ...snapshot, workOrders: snapshot.workOrders.map((o) => (o.id === "WO1" ? { ...o, contractValueMinor: 30_000 } : o)) };
		expect(marginReport(fixed, "WO1")).toMatchObject({ priceMinor: 30_000, costMinor: 21_600, marginBasisPoints: 2_800 });
	});
});
