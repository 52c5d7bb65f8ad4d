/**
 * The PDF pack end to end: the service prints the pack with Debian's Chromium, poppler's pdftoppm
 * renders its first page to PNG (kept in test-output/impact-pack-1.png to look at), and the
 * detached signature checks against the service's key while a one-byte change does not.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLECTION_OF, ENTITY_KINDS } from "../../model/entities/kinds.js";
import { standardSlaPolicy } from "../../model/policies/fixtures.js";
import { items } from "../../model/testing/builders.js";
import { startTestService, type TestService } from "../billing/testing/harness.js";
import { closePackBrowser } from "./pack/pdf.js";
import { verifyPack } from "./pack/sign.js";
import { impactStoreBeside } from "./store/beside.js";
import { scenario, template } from "./testing/scenario.js";

let service: TestService;
const out = join(process.cwd(), "test-output");

beforeAll(async () => {
	service = await startTestService({ policy: { marginFloorBasisPoints: 2000 } });
	const snapshot = scenario();
	const writes = ENTITY_KINDS.flatMap((kind) => (snapshot[COLLECTION_OF[kind]] as { id: string }[]).map((entity) => ({ kind, entity })));
	await service.storage.repo.restore(writes as never);
	await (await impactStoreBeside(service.storage.repo)).putPolicies([standardSlaPolicy(), template]);
});
let closed = false;
afterAll(async () => {
	if (!closed) await service?.close();
	await closePackBrowser();
});

/** Chromium processes this test process started (vitest runs each file in a process of its own). */
function chromiumChildren(): number[] {
	const children: number[] = [];
	for (const name of readdirSync("/proc")) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, "utf8");
			const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
			if (ppid === process.pid && /chrom/i.test(readFileSync(`/proc/${name}/cmdline`, "utf8"))) children.push(Number(name));
		} catch {
			// gone between the listing and the read
		}
	}
	return children;
}

describe("impact pack as PDF", () => {
	it("prints, renders to PNG, and verifies; a tampered copy is refused", async () => {
		const targets = standardSlaPolicy().targets.map((t) => (t.priority === "normal" ? { ...t, respondMinutes: 24 * 60, resolveMinutes: 48 * 60 } : t));
		const made = await service.request("POST", "/v1/impact/previews", {
			body: {
				name: "Faster normal SLA, photo required, new fuse price",
				effectiveAt: "2026-01-01T00:00:00Z",
				samples: 2000,
				seed: 42,
				requireApprovals: ["customer", "compliance"],
				changes: [
					{ kind: "sla-policy", id: "sla-standard", targets },
					{ kind: "checklist-template", id: template.id, items: [items.safety(), items.insulation(), items.photo()] },
					{ kind: "price-list", id: "prices-RC1", rateCardId: "RC1", ratesPerHourMinor: { work: 5000 }, itemPricesMinor: { "FUSE-10": 1000 } },
				],
			},
		});
		expect(made.status).toBe(201);
		await service.request("POST", `/v1/impact/previews/${made.body.id}/approvals`, {
			token: service.tokens.approver,
			body: { role: "customer", decision: "approved", note: "ok for Acme" },
		});
		const response = await fetch(`${service.url}/v1/impact/previews/${made.body.id}/pack?format=pdf`, {
			headers: { authorization: `Bearer ${service.tokens.reader}` },
		});
		expect(response.status).toBe(200);
		expect(response.headers.get("content-type")).toBe("application/pdf");
		const pdf = Buffer.from(await response.arrayBuffer());
		expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
		mkdirSync(out, { recursive: true });
		const file = join(out, "impact-pack.pdf");
		writeFileSync(file, pdf);
		execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "2", file, join(out, "impact-pack")]);
		expect(statSync(join(out, "impact-pack-1.png")).size).toBeGreaterThan(10_000);
		const info = execFileSync("pdfinfo", [file]).toString();
		expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(1);
		const text = execFileSync("pdftotext", [file, "-"]).toString();
		expect(text).toContain("Rollout readiness pack");
		expect(text).toContain(made.body.plan.readHash);

		const signature = /ed25519=([^;]+)/.exec(response.headers.get("fieldchain-pack-signature") as string)?.[1] as string;
		const key = (await service.request("GET", "/v1/impact/pack-key", { token: service.tokens.reader })).body;
		expect(verifyPack(readFileSync(file), { signature }, key.publicKeyPem)).toBe(true);
		const tampered = Buffer.from(pdf);
		tampered[Math.floor(tampered.length / 2)] ^= 1;
		expect(verifyPack(tampered, { signature }, key.publicKeyPem)).toBe(false);
	}, 60_000);

	it("closing the service closes the Chromium that printed its packs", async () => {
		expect(chromiumChildren().length).toBeGreaterThan(0);
		closed = true;
		await service.close();
		expect(chromiumChildren()).toEqual([]);
	});
});
