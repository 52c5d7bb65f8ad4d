import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FieldchainError, isFieldchainError } from "../../platform/errors.js";
import type { StateMachine } from "./machine.js";
import {
	appointmentMachine,
	deliverableMachine,
	evidenceMachine,
	lineItemMachine,
	milestoneMachine,
	taskMachine,
	timeEntryMachine,
	workOrderMachine,
} from "./machines.js";

const machines: [string, StateMachine<string>, string[][]][] = [
	["work order", workOrderMachine, [["draft", "scheduled", "in-progress", "on-hold", "in-progress", "completed"]]],
	[
		"task",
		taskMachine,
		[
			["pending", "in-progress", "completed"],
			["pending", "cancelled"],
		],
	],
	[
		"appointment",
		appointmentMachine,
		[
			["scheduled", "dispatched", "en-route", "on-site", "completed"],
			["scheduled", "dispatched", "cancelled"],
		],
	],
	["time entry", timeEntryMachine, [["running", "draft", "submitted", "rejected", "draft", "submitted", "approved", "invoiced"]]],
	["line item", lineItemMachine, [["estimated", "used", "billed"]]],
	[
		"evidence",
		evidenceMachine,
		[
			["captured", "accepted"],
			["captured", "rejected"],
		],
	],
	["deliverable", deliverableMachine, [["pending", "delivered", "refused", "pending", "delivered", "signed-off"]]],
	[
		"billing milestone",
		milestoneMachine,
		[
			["planned", "awaiting-evidence", "ready-for-approval", "approved", "released", "invoiced"],
			["planned", "awaiting-evidence", "blocked", "awaiting-evidence", "ready-for-approval"],
			["approved", "released", "disputed", "awaiting-evidence"],
			["invoiced", "disputed", "awaiting-evidence"],
		],
	],
];

describe.each(machines)("%s state machine", (entity, machine, paths) => {
	it("walks its documented paths", () => {
		for (const path of paths) {
			let value = { id: "X1", status: path[0], updatedAt: 0 };
			for (const [i, to] of path.slice(1).entries()) {
				value = machine.transition(value, to, { now: i + 1 });
				expect(value.status).toBe(to);
				expect(value.updatedAt).toBe(i + 1);
			}
		}
	});

	it("answers can() exactly as its table, and refuses self-transitions", () => {
		for (const from of machine.states) {
			expect(machine.can(from, from)).toBe(false);
			for (const to of machine.states) expect(machine.can(from, to)).toBe(machine.table[from].includes(to));
		}
	});

	it("throws FC_MODEL_ILLEGAL_TRANSITION naming entity, id, from and to, leaving the input untouched", () => {
		fc.assert(
			fc.property(fc.constantFrom(...machine.states), fc.constantFrom(...machine.states), (from, to) => {
				const value = Object.freeze({ id: "E-7", status: from, updatedAt: 1 });
				if (machine.can(from, to)) {
					expect(machine.transition(value, to, { now: 2 }).status).toBe(to);
					return;
				}
				try {
					machine.transition(value, to, { now: 2 });
					expect.unreachable();
				} catch (error) {
					expect(isFieldchainError(error, "FC_MODEL_ILLEGAL_TRANSITION")).toBe(true);
					const message = (error as FieldchainError).message;
					expect(message).toContain(entity);
					expect(message).toContain("E-7");
					expect(message).toContain(`"${from}"`);
					expect(message).toContain(`"${to}"`);
					expect((error as FieldchainError).details).toMatchObject({ id: "E-7", from, to });
				}
				expect(value.status).toBe(from);
			}),
			{ numRuns: 100 },
		);
	});

	it("has no unreachable states and no dead ends other than final states", () => {
		const initial = machine.states[0];
		const seen = new Set([initial]);
		const queue = [initial];
		while (queue.length) for (const next of machine.next(queue.shift()!)) if (!seen.has(next) && seen.add(next)) queue.push(next);
		expect([...seen].sort()).toEqual([...machine.states].sort());
	});
});

describe("time entry machine", () => {
	it("only leaves approved for invoiced", () => {
		expect(timeEntryMachine.next("approved")).toEqual(["invoiced"]);
		expect(timeEntryMachine.isTerminal("invoiced")).toBe(true);
	});
});
