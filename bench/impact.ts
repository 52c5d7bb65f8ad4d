/**
 * Impact previews at scale: a change set (SLA revision, price-list update, checklist-template change)
 * over at least 10,000 open work orders from the model's fixtures (one seeded set of chains, its
 * chains repeated under new ids until enough orders are open). Figures: the plan, 10,000
 * Monte-Carlo draws (on the service's worker threads), and the pack (HTML, then PDF printed by
 * the shared Chromium: the first run also starts it, later runs find it up, as a serving process
 * does). Baseline, in the same process: indexing the snapshot once (what any pass over the data
 * costs at least). Targets (issue 20): plan ≤ 1 s, 10,000 draws ≤ 2 s, pack ≤ 3 s.
 */

import { type ChangeSet, OPEN_WORK_ORDER_STATUSES } from "../cloud-bridge/impact/change-set.js";
import { costRanges } from "../cloud-bridge/impact/monte-carlo.js";
import { packHtml } from "../cloud-bridge/impact/pack/html.js";
import { closePackBrowser, htmlToPdf } from "../cloud-bridge/impact/pack/pdf.js";
import { indexSnapshot, planImpact } from "../cloud-bridge/impact/plan.js";
import { canonicalJson } from "../model/canonical-json.js";
import type { ModelSnapshot } from "../model/entities/kinds.js";
import { generateFixtures } from "../model/fixtures/generate.js";
import { checklistTemplateFor, fixturePolicies, standardSlaPolicy, withPolicyRefs } from "../model/policies/fixtures.js";
import { type Row, ratioOf, summarize } from "./stats.js";

const OPEN_TARGET = Number(process.env.FIELDCHAIN_BENCH_IMPACT_OPEN ?? 10_000);
/** Work orders generated before the chains are repeated (the generator is slow; repeating is not). */
const BASE_ORDERS = Number(process.env.FIELDCHAIN_BENCH_IMPACT_BASE ?? 3000);
const CHAIN_KEYS = [
	"workOrders",
	"tasks",
	"appointments",
	"timeEntries",
	"lineItems",
	"evidence",
	"deliverables",
	"milestones",
	"approvals",
	"invoices",
] as const;

function scaled(log: (line: string) => void): ModelSnapshot {
	const started = performance.now();
	const base = withPolicyRefs(generateFixtures({ seed: 1, workOrders: BASE_ORDERS }).snapshot);
	const open = base.workOrders.filter((o) => OPEN_WORK_ORDER_STATUSES.has(o.status)).length;
	const copies = Math.ceil(OPEN_TARGET / open);
	const out: ModelSnapshot = { ...base };
	const chains = JSON.stringify(Object.fromEntries(CHAIN_KEYS.map((k) => [k, base[k]])));
	for (let c = 1; c < copies; c++) {
		// Every chain id starts "s1-" (model/fixtures sequentialIds); parties keep theirs, so copies share customers and technicians.
		const copy = JSON.parse(chains.replaceAll('"s1-', `"c${c}-s1-`)) as Pick<ModelSnapshot, (typeof CHAIN_KEYS)[number]>;
		for (const k of CHAIN_KEYS) (out[k] as unknown[]) = [...(out[k] as unknown[]), ...(copy[k] as unknown[])];
	}
	log(`  impact: ${out.workOrders.length} work orders (${open * copies} open) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	return out;
}

export async function benchImpact(runs: number, log: (line: string) => void): Promise<Row[]> {
	const snapshot = scaled(log);
	const policies = fixturePolicies(snapshot);
	const targets = standardSlaPolicy().targets.map((t) => ({ ...t, resolveMinutes: Math.round(t.resolveMinutes / 2) }));
	const card = snapshot.rateCards[0];
	const changeSet: ChangeSet = {
		name: "Halve resolve targets, raise rates, require a photo",
		effectiveAt: Date.UTC(2026, 2, 2),
		changes: [
			{ kind: "sla-policy", id: "sla-standard", targets },
			{ kind: "price-list", id: `prices-${card.id}`, rateCardId: card.id, ratesPerHourMinor: { work: card.ratesPerHourMinor.work + 1000 } },
			{
				kind: "checklist-template",
				id: "checklist-electrical-lv",
				items: [
					...checklistTemplateFor("electrical-lv").items,
					{ id: "thermal", label: "thermal image of the terminals", required: true, beforeStart: false, requirement: { kind: "photo" } },
				],
			},
		],
	};
	const baseline: number[] = [];
	const plan: number[] = [];
	const draws: number[] = [];
	const pack: number[] = [];
	let last: Awaited<ReturnType<typeof planImpact>> | undefined;
	for (let r = 0; r < runs; r++) {
		let t = performance.now();
		indexSnapshot(snapshot);
		baseline.push((performance.now() - t) / 1000);
		t = performance.now();
		last = await planImpact({ snapshot, policies, changeSet, marginFloorBasisPoints: 1500, now: Date.UTC(2026, 2, 2), actorId: "bench" });
		plan.push((performance.now() - t) / 1000);
		log(`  impact: plan ${plan.at(-1)?.toFixed(2)} s`);
		const affected = new Set([
			...last.body.workOrders.map((w) => w.id),
			...last.body.margins.map((m) => m.workOrderId),
			...last.body.tasks.map((x) => x.workOrderId),
		]);
		t = performance.now();
		last.body.costRanges = await costRanges(snapshot, last.writes, affected, 1, 10_000);
		draws.push((performance.now() - t) / 1000);
		log(`  impact: draws ${draws.at(-1)?.toFixed(2)} s`);
		t = performance.now();
		const html = packHtml({ id: "bench", createdAt: 0, createdBy: "bench", changeSet, plan: last.body, applied: null }, [], "bench-key");
		await htmlToPdf(html);
		pack.push((performance.now() - t) / 1000);
		log(`  impact: pack ${pack.at(-1)?.toFixed(2)} s`);
	}
	await closePackBrowser();
	const s = last?.body.summary;
	log(
		`  impact: plan touched ${s?.workOrdersAffected} orders (${s?.deadlinesMoved} deadlines, ${s?.appointmentsLate} late, ${s?.tasksWithNewChecklist} tasks); plan JSON ${Math.round(canonicalJson(last?.body).length / 1024)} KiB`,
	);
	const b = summarize(baseline);
	const row = (metric: string, samples: number[], limit: number): Row => {
		const value = summarize(samples);
		return {
			benchmark: "impact",
			metric,
			unit: "s",
			value,
			baseline: b,
			baselineLabel: "index snapshot",
			ratio: ratioOf(value, b),
			target: `≤ ${limit} s`,
			met: value.median <= limit,
		};
	};
	return [row("plan, ≥10k open orders", plan, 1), row("10,000 Monte-Carlo draws", draws, 2), row("pack (HTML + Chromium PDF)", pack, 3)];
}
