/**
 * The layer rules of the code base, checked by `npm run lint:deps` (part of `npm test`) and pinned
 * by test/architecture.test.ts. Invariant: every internal import points down the layers
 *
 *   bin/, demo/, test/, bench/, scripts/     composition roots and tools: may import anything
 *   gateway/  cloud-bridge/  firmware-host/  edge parts: never each other
 *   flows/                                   only what the gateway publishes for it
 *   scheduling/                              shared layer on model/: the routing and scheduling engine
 *   protocol/  model/                        shared layers
 *   platform/                                plumbing: nothing internal
 *
 * and no import cycle leaves its top-level folder.
 *
 * Test code (`*.test.ts`, `*.contract.ts` suites, `testing/` helper folders) lives beside the code
 * it tests and obeys that part's layer rules like production code does: a gateway test may use
 * model/testing (model is below the gateway) but never cloud-bridge/billing/testing. On top of
 * that, test code alone may import the cross-part helpers in test/support/ and the generators in
 * scripts/ (the golden-vector test re-runs its generator); production code imports neither, nor
 * any test code. A unit test (any `*.test.ts` not named `*.real.test.ts`) reaches none of the
 * test/support helpers that start real parts, so `npm run test:unit` stays free of them.
 *
 * Type-only imports count (tsPreCompilationDeps): a type import is a dependency on the layer too.
 */

const PARTS = "platform|protocol|model|scheduling|gateway|cloud-bridge|firmware-host|flows";
const TEST_CODE = "\\.(test|contract)\\.ts$|/testing/";

/** A rule that `folder` imports no part but the ones listed (itself included). */
function onlyOn(name, folder, allowed, comment) {
	return {
		name,
		comment,
		severity: "error",
		from: { path: `^${folder}/` },
		to: { path: `^(${PARTS})/`, pathNot: `^(${[folder, ...allowed].join("|")})/` },
	};
}

/** @type {import("dependency-cruiser").IConfiguration} */
export default {
	forbidden: [
		onlyOn("platform-imports-nothing-internal", "platform", [], "platform/ is the bottom layer: Node and npm packages only."),
		onlyOn("protocol-only-on-platform", "protocol", ["platform"], "The wire protocol knows nothing of the work-order model or of the parts that speak it."),
		onlyOn("model-only-on-platform", "model", ["platform"], "The work-order model knows nothing of the wire protocol or of the parts that run it."),
		onlyOn(
			"scheduling-only-on-model",
			"scheduling",
			["platform", "model"],
			"The scheduling engine plans on the work-order model alone: no wire protocol, no part that runs it (they call it).",
		),
		{
			name: "edge-part-only-on-shared-layers",
			comment:
				"gateway/, cloud-bridge/ and firmware-host/ are deployed apart and talk over the wire: each builds on platform/, protocol/, model/ and scheduling/ only, never on a sibling or on flows/.",
			severity: "error",
			from: { path: "^(gateway|cloud-bridge|firmware-host)/" },
			to: { path: `^(${PARTS})/`, pathNot: "^($1|platform|protocol|model|scheduling)/" },
		},
		{
			name: "flows-only-on-gateway-flows-api",
			comment:
				"The Node-RED nodes see the gateway through the one module it publishes for them (gateway/node-red/flows-api.ts), so gateway internals stay free to change.",
			severity: "error",
			from: { path: "^flows/" },
			to: { path: `^(${PARTS})/`, pathNot: "^(flows|platform)/|^gateway/node-red/flows-api\\.ts$" },
		},
		{
			name: "demo-only-from-roots",
			comment: "demo/ is a composition root: only the CLI (bin/) and the cross-part tests start it.",
			severity: "error",
			from: { pathNot: "^(demo|bin|test)/" },
			to: { path: "^demo/" },
		},
		{
			name: "entry-points-not-imported",
			comment: "bin/ and bench/ are entry points: nothing outside them imports them.",
			severity: "error",
			from: { path: "^([^/]+)/" },
			to: { path: "^(bin|bench)/", pathNot: "^$1/" },
		},
		{
			name: "scripts-only-from-tests",
			comment:
				"scripts/ are build tools; only test code may run one (to check its output is current), and the benchmarks may read where the Node 24 leg keeps its runtime.",
			severity: "error",
			from: { pathNot: `^(scripts|bench)/|${TEST_CODE}` },
			to: { path: "^scripts/" },
		},
		{
			name: "production-not-to-test-code",
			comment: "Shipped code never imports test helpers (test/support/, testing/ folders, contract suites) or tests.",
			severity: "error",
			from: { path: `^(${PARTS})/`, pathNot: TEST_CODE },
			to: { path: `^test/|${TEST_CODE}` },
		},
		{
			name: "unit-tests-start-no-real-parts",
			comment:
				"A test that starts socat, Mosquitto, PostgreSQL, Chromium or the built CLI is named *.real.test.ts, so `npm run test:unit` needs nothing but Node (see vitest.config.ts).",
			severity: "error",
			from: { path: "\\.test\\.ts$", pathNot: "\\.real\\.test\\.ts$" },
			to: { path: "^test/support/(postgres|mosquitto|pty-pair|gateway-process|tls-ca)\\.ts$|(^|/)node_modules/playwright-core/", reachable: true },
		},
		{
			name: "no-cycle-across-folders",
			comment: "An import cycle inside one top-level folder is that part's own business; one that leaves the folder ties two layers together.",
			severity: "error",
			from: { path: "^([^/]+)/" },
			to: { circular: true, viaSomeNot: "^$1/" },
		},
		{
			name: "not-to-unresolvable",
			comment: "An import that does not resolve would slip past every rule above: add the package, or fix the path.",
			severity: "error",
			from: {},
			to: { couldNotResolve: true },
		},
	],
	options: {
		// What `git` ignores, plus the docs; everything else in the repository is cruised.
		exclude: { path: "(^|/)(node_modules|dist|coverage|test-output|\\.fieldchain-data)/|^docs/" },
		doNotFollow: { path: "(^|/)node_modules/" },
		tsPreCompilationDeps: true,
		// Resolves `./x.js` specifiers to `./x.ts` the way TypeScript's nodenext resolution does.
		tsConfig: { fileName: "tsconfig.json" },
		enhancedResolveOptions: {
			// Packages such as aedes expose their entry point only through "exports".
			exportsFields: ["exports"],
			conditionNames: ["import", "require", "node", "default", "types"],
			mainFields: ["module", "main", "types", "typings"],
		},
		skipAnalysisNotInRules: true,
	},
};
