/**
 * The layer rules in .dependency-cruiser.mjs catch what they are meant to catch. Each case cruises
 * a small throw-away tree with the project's own configuration: the clean tree passes, and one
 * added back-import is reported exactly once, under the rule that forbids it. (`npm run lint:deps`
 * checks the real tree with the same configuration.)
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { cruise, type ICruiseResult, type IViolation } from "dependency-cruiser";
import extractDepcruiseConfig from "dependency-cruiser/config-utl/extract-depcruise-config";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { afterEach, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

/** A tree that keeps every rule: each layer used the way it may be, including a cycle inside one folder. */
const cleanTree: Record<string, string> = {
	"platform/clock.ts": `import { setTimeout } from "node:timers/promises";\nexport const now = () => setTimeout(0);\n`,
	"protocol/frame.ts": `import { now } from "../platform/clock.js";\nexport const frame = now;\n`,
	"model/order.ts": `import { now } from "../platform/clock.js";\nexport const order = now;\n`,
	"model/testing/build.ts": `import { order } from "../order.js";\nexport const build = order;\n`,
	"scheduling/plan.ts": `import { order } from "../model/order.js";\nimport { now } from "../platform/clock.js";\nexport const plan = [order, now];\n`,
	"gateway/ingest.ts": `import { frame } from "../protocol/frame.js";\nimport { store } from "./store.js";\nexport const ingest = () => [frame, store];\n`,
	"gateway/store.ts": `import { order } from "../model/order.js";\nimport { ingest } from "./ingest.js";\nexport const store = () => [order, ingest];\n`,
	"gateway/node-red/flows-api.ts": `export type { Frame } from "./frame-type.js";\n`,
	"gateway/node-red/frame-type.ts": `export type Frame = { seq: number };\n`,
	"gateway/ingest.test.ts": `import { ingest } from "./ingest.js";\nimport { build } from "../model/testing/build.js";\nimport { helper } from "../test/support/helper.js";\nexport const cases = [ingest, build, helper];\n`,
	"cloud-bridge/billing.ts": `import { frame } from "../protocol/frame.js";\nimport { order } from "../model/order.js";\nimport { plan } from "../scheduling/plan.js";\nexport const bill = [frame, order, plan];\n`,
	"firmware-host/device.ts": `import { frame } from "../protocol/frame.js";\nexport const device = frame;\n`,
	"flows/node.ts": `import type { Frame } from "../gateway/node-red/flows-api.js";\nimport { now } from "../platform/clock.js";\nexport const node = (frame: Frame) => [frame, now];\n`,
	"protocol/vectors.test.ts": `import { generate } from "../scripts/generate.js";\nexport const vectors = generate;\n`,
	"scripts/generate.ts": `import { frame } from "../protocol/frame.js";\nexport const generate = frame;\n`,
	"demo/day.ts": `import { ingest } from "../gateway/ingest.js";\nimport { bill } from "../cloud-bridge/billing.js";\nexport const day = [ingest, bill];\n`,
	"bin/cli.ts": `import { day } from "../demo/day.js";\nimport { device } from "../firmware-host/device.js";\nexport const cli = [day, device];\n`,
	"bench/run.ts": `import { store } from "../gateway/store.js";\nexport const run = store;\n`,
	"test/support/helper.ts": `import { ingest } from "../../gateway/ingest.js";\nexport const helper = ingest;\n`,
	"test/day.test.ts": `import { day } from "../demo/day.js";\nimport { helper } from "./support/helper.js";\nexport const checks = [day, helper];\n`,
	"test/support/pty-pair.ts": `import { spawn } from "node:child_process";\nexport const ptyPair = () => spawn("socat");\n`,
	"test/serial.real.test.ts": `import { ptyPair } from "./support/pty-pair.js";\nimport { ingest } from "../gateway/ingest.js";\nexport const checks = [ptyPair, ingest];\n`,
};

let trees: string[] = [];

afterEach(async () => {
	await Promise.all(trees.map((tree) => rm(tree, { recursive: true, force: true })));
	trees = [];
});

/** Writes the clean tree plus `extra` (which may replace a file) and cruises it with the project's rules. */
async function violationsIn(extra: Record<string, string> = {}): Promise<{ rule: string; from: string; to: string; cycle?: string[] }[]> {
	const tree = await mkdtemp(join(tmpdir(), "fieldchain-layers-"));
	trees.push(tree);
	for (const [path, source] of Object.entries({ ...cleanTree, ...extra })) {
		await mkdir(dirname(join(tree, path)), { recursive: true });
		await writeFile(join(tree, path), source);
	}
	const config = await extractDepcruiseConfig(join(root, ".dependency-cruiser.mjs"));
	const { output } = await cruise(
		["."],
		{ ...config.options, baseDir: tree, validate: true, ruleSet: config, tsConfig: { fileName: join(root, "tsconfig.json") } },
		undefined,
		{ tsConfig: extractTSConfig(join(root, "tsconfig.json")) },
	);
	const result = output as ICruiseResult;
	expect(result.summary.totalCruised).toBeGreaterThanOrEqual(Object.keys(cleanTree).length);
	return result.summary.violations.map((violation: IViolation) => ({
		rule: violation.rule.name,
		from: violation.from,
		to: violation.to,
		...(violation.cycle && { cycle: violation.cycle.map((step) => step.name) }),
	}));
}

describe("the layer rules", () => {
	it("pass a tree that keeps them, cycles inside one folder included", async () => {
		expect(await violationsIn()).toEqual([]);
	});

	it.each([
		["platform-imports-nothing-internal", "platform/retry.ts", "../protocol/frame.js", "protocol/frame.ts"],
		["protocol-only-on-platform", "protocol/link.ts", "../gateway/store.js", "gateway/store.ts"],
		["protocol-only-on-platform", "protocol/units.ts", "../model/order.js", "model/order.ts"],
		["model-only-on-platform", "model/wire.ts", "../protocol/frame.js", "protocol/frame.ts"],
		["model-only-on-platform", "model/dispatch.ts", "../scheduling/plan.js", "scheduling/plan.ts"],
		["scheduling-only-on-model", "scheduling/wire.ts", "../protocol/frame.js", "protocol/frame.ts"],
		["scheduling-only-on-model", "scheduling/push.ts", "../gateway/store.js", "gateway/store.ts"],
		["edge-part-only-on-shared-layers", "gateway/uplink.ts", "../cloud-bridge/billing.js", "cloud-bridge/billing.ts"],
		["edge-part-only-on-shared-layers", "cloud-bridge/nodes.ts", "../flows/node.js", "flows/node.ts"],
		["edge-part-only-on-shared-layers", "firmware-host/host.ts", "../gateway/ingest.js", "gateway/ingest.ts"],
		["flows-only-on-gateway-flows-api", "flows/inside.ts", "../gateway/store.js", "gateway/store.ts"],
		["flows-only-on-gateway-flows-api", "flows/wire.ts", "../protocol/frame.js", "protocol/frame.ts"],
		["demo-only-from-roots", "gateway/day.test.ts", "../demo/day.js", "demo/day.ts"],
		["entry-points-not-imported", "test/support/bench.ts", "../../bench/run.js", "bench/run.ts"],
		["entry-points-not-imported", "demo/cli.ts", "../bin/cli.js", "bin/cli.ts"],
		["scripts-only-from-tests", "protocol/vectors.ts", "../scripts/generate.js", "scripts/generate.ts"],
		["production-not-to-test-code", "gateway/fixture.ts", "../test/support/helper.js", "test/support/helper.ts"],
		["production-not-to-test-code", "cloud-bridge/seed.ts", "../model/testing/build.js", "model/testing/build.ts"],
		["not-to-unresolvable", "gateway/typo.ts", "../protocol/frames.js", "../protocol/frames.js"],
		["not-to-unresolvable", "gateway/missing-package.ts", "no-such-package-installed", "no-such-package-installed"],
	])("report %s for %s importing %s", async (rule, from, specifier, to) => {
		expect(await violationsIn({ [from]: `import * as target from "${specifier}";\nexport const used = target;\n` })).toEqual([{ rule, from, to }]);
	});

	it("keep unit tests from starting real parts, directly or through another helper", async () => {
		const direct = { "gateway/serial.test.ts": `import { ptyPair } from "../test/support/pty-pair.js";\nexport const pair = ptyPair;\n` };
		expect(await violationsIn(direct)).toEqual([{ rule: "unit-tests-start-no-real-parts", from: "gateway/serial.test.ts", to: "test/support/pty-pair.ts" }]);
		const throughHelper = {
			"test/support/rig.ts": `import { ptyPair } from "./pty-pair.js";\nexport const rig = ptyPair;\n`,
			"test/rig.test.ts": `import { rig } from "./support/rig.js";\nexport const checks = rig;\n`,
		};
		expect(await violationsIn(throughHelper)).toEqual([{ rule: "unit-tests-start-no-real-parts", from: "test/rig.test.ts", to: "test/support/pty-pair.ts" }]);
	});

	it("count a type-only back-import", async () => {
		const from = "protocol/session.ts";
		expect(await violationsIn({ [from]: `import type { Frame } from "../gateway/node-red/flows-api.js";\nexport type Session = Frame;\n` })).toEqual([
			{ rule: "protocol-only-on-platform", from, to: "gateway/node-red/flows-api.ts" },
		]);
	});

	it("report a cycle that leaves its folder, once", async () => {
		const loop = {
			"demo/loop.ts": `import { back } from "../test/support/loop.js";\nexport const forth = () => back;\n`,
			"test/support/loop.ts": `import { forth } from "../../demo/loop.js";\nexport const back = () => forth;\n`,
		};
		expect(await violationsIn(loop)).toEqual([
			{ rule: "no-cycle-across-folders", from: "demo/loop.ts", to: "test/support/loop.ts", cycle: ["test/support/loop.ts", "demo/loop.ts"] },
		]);
	});
});
