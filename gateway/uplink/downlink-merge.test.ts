import { describe, expect, it } from "vitest";
import { baseSnapshot, make } from "../../model/testing/builders.js";
import { mergeCloudPlan } from "./downlink-merge.js";

describe("mergeCloudPlan (conflict rules)", () => {
	const local = baseSnapshot({
		workOrders: [make.workOrder({ status: "in-progress", startedAt: 1 })],
		tasks: [
			make.task({ id: "T1", title: "local title", status: "completed", startedAt: 1, completedAt: 2 }),
			make.task({ id: "T9", title: "gone in the cloud" }),
			make.task({ id: "T8", title: "gone, no evidence" }),
		],
	});

	it("takes the cloud's plan data, keeps the field's progress, and reports both versions", () => {
		const cloud = {
			workOrders: [make.workOrder({ title: "cloud order" })],
			tasks: [make.task({ id: "T1", title: "cloud title", status: "in-progress", startedAt: 1 })],
			appointments: [make.appointment()],
		};
		const { snapshot, conflicts } = mergeCloudPlan(local, cloud, {
			localProgress: new Map([["T1", { status: "completed" as const, startedAt: 1, completedAt: 2 }]]),
			withEvidence: new Set(["T9"]),
		});
		const t1 = snapshot.tasks.find((task) => task.id === "T1");
		expect(t1).toMatchObject({ title: "cloud title", status: "completed", completedAt: 2 });
		expect(snapshot.workOrders[0].title).toBe("cloud order");
		expect(snapshot.appointments).toHaveLength(1);
		expect(conflicts.map((c) => [c.entityId, c.field, c.local, c.cloud])).toEqual([
			["T1", "status", "completed", "in-progress"],
			["T1", "completedAt", 2, null],
			["T9", "(removed)", expect.objectContaining({ id: "T9" }), null],
		]);
		// A task with evidence stays; one without goes.
		expect(snapshot.tasks.map((task) => task.id).sort()).toEqual(["T1", "T9"]);
	});

	it("without local progress the cloud's task is taken whole", () => {
		const cloud = { workOrders: local.workOrders, tasks: [make.task({ id: "T1", status: "in-progress", startedAt: 5 })], appointments: [] };
		const { snapshot, conflicts } = mergeCloudPlan(local, cloud, { localProgress: new Map(), withEvidence: new Set() });
		expect(snapshot.tasks).toEqual(cloud.tasks);
		expect(conflicts).toEqual([]);
	});
});
