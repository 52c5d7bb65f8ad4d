import { describe, expect, it } from "vitest";
import { humanError, humanMessage, humanReasons, REASON_PHRASES } from "./human-messages.js";

const safety = (label: string) => ({
	code: "safety-not-acknowledged",
	entity: "task",
	id: "WO-1041-T1",
	message: `task WO-1041-T1: checklist item '${label}' has no acknowledgement before start`,
});

describe("human messages", () => {
	it("groups the model's reasons per code into one sentence that says what to do", () => {
		const lines = humanReasons([safety("Circuit isolated"), safety("PPE worn")]);
		expect(lines).toHaveLength(1);
		expect(lines[0].text).toBe("Confirm the two safety items above.");
		// The machine reasons stay beside the sentence.
		expect(lines[0].reasons.map((reason) => reason.code)).toEqual(["safety-not-acknowledged", "safety-not-acknowledged"]);
	});

	it("tells draft time to be submitted, rejected time to be corrected, and submitted time to wait", () => {
		const entry = (status: string) => ({ code: "time-not-approved", entity: "timeEntry", id: "e1", message: `time entry e1 is ${status}, not approved` });
		expect(humanMessage(entry("draft"))).toContain("Submit your time on the Time tab");
		expect(humanMessage(entry("rejected"))).toContain("correct it on the Time tab and submit it again");
		expect(humanMessage(entry("submitted"))).toContain("waits for the office");
		expect(humanMessage({ code: "time-not-submitted", message: "x" })).toBe("Submit your time on the Time tab (one entry not submitted yet).");
	});

	it("names the checklist items still open and sends signatures to the sign-off tab", () => {
		const missing = (label: string) => ({
			code: "evidence-missing",
			message: `task T: checklist item '${label}' has no valid evidence (evidence E5 was rejected)`,
		});
		expect(humanReasons([missing("Photo of the test log"), missing("Customer signature")])[0].text).toBe(
			"Complete “Photo of the test log” in the checklist on the Task tab. Get the customer's signature on the Sign-off tab.",
		);
		expect(humanMessage({ code: "evidence-missing", message: "odd", label: "Insulation" })).toContain("“Insulation”");
		// One signature signs the deliverable off and fills the item: said once.
		const lines = humanReasons([
			missing("Customer signature"),
			{ code: "deliverable-not-signed", message: "deliverable D1 sign-off 'Customer sign-off' is pending, not signed off" },
		]);
		expect(lines.map((line) => line.text)).toEqual(["Have the customer sign off “Customer sign-off” on the Sign-off tab."]);
		expect(humanReasons([missing("Customer signature")], { tab: "Sign-off" })[0].text).toBe("Get the customer's signature on this page.");
	});

	it("keeps the model's message for a code it does not know, and maps refusals in API error bodies", () => {
		expect(humanMessage({ code: "brand-new-code", message: "machine text" })).toBe("machine text");
		expect(
			humanError({
				code: "FC_MODEL_RULE_REFUSED",
				message: "Cannot start task T: ...",
				details: { reasons: [safety("a"), { code: "work-order-not-started", message: "work order W is scheduled, not in-progress" }] },
			}),
		).toBe("Confirm the one safety item above. Mark the visit “On site” on the Today tab first.");
		expect(humanError({ code: "FC_EVIDENCE_DUPLICATE", message: "dup" })).toBe("This reading is stamped already.");
		expect(
			humanError({
				code: "FC_MODEL_RULE_REFUSED",
				message: "Technician tech-ana already has a running timer on task T1 (entry 443637ed-0000).",
				hint: "Stop it first: POST .../time-entries/stop.",
			}),
		).toBe("A timer is running already: stop it on the Time tab first.");
		expect(humanError({ code: "FC_SOMETHING", message: "What went wrong.", hint: "What to do." })).toBe("What went wrong. What to do.");
		// Odd details are ignored, not trusted.
		expect(humanError({ code: "FC_X", message: "m", details: { reasons: [null, 3, { code: 1 }] } })).toBe("m");
	});

	it("has a sentence for every reason code the model raises", async () => {
		const { readFileSync, readdirSync } = await import("node:fs");
		const { join } = await import("node:path");
		const dir = join(import.meta.dirname, "..", "..", "model");
		const codes = new Set<string>();
		const walk = (path: string) => {
			for (const entry of readdirSync(path, { withFileTypes: true })) {
				const full = join(path, entry.name);
				if (entry.isDirectory()) walk(full);
				else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts"))
					for (const match of readFileSync(full, "utf8").matchAll(/reason\(\s*"([a-z-]+)"/g)) codes.add(match[1]);
			}
		};
		walk(dir);
		expect(codes.size).toBeGreaterThan(10);
		expect([...codes].filter((code) => !REASON_PHRASES[code])).toEqual([]);
	});
});
