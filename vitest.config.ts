import { defineConfig } from "vitest/config";

/**
 * Two projects, told apart by file name: a test that starts an outside program (socat, Mosquitto,
 * PostgreSQL, protoc, Chromium, the built CLI) is named `*.real.test.ts` and belongs to "real";
 * every other test is "unit" and needs nothing but Node (`npm run test:unit`). `npm test` runs both.
 * The dependency rules keep unit tests away from the test/support helpers that start real parts.
 */
const notSources = ["**/node_modules/**", "dist/**"];

export default defineConfig({
	test: {
		testTimeout: 60_000,
		hookTimeout: 60_000,
		// Real ptys, brokers and child processes: run files in parallel, but keep it to the two cores.
		maxWorkers: 2,
		projects: [
			{
				extends: true,
				// Unit test files share each worker's module cache (isolate: false): importing the code
				// under test once per worker instead of once per file halves the run. A unit test file
				// therefore restores what it changes globally (timers, env) in afterEach.
				test: { name: "unit", include: ["**/*.test.ts"], exclude: [...notSources, "**/*.real.test.ts"], isolate: false },
			},
			// Real processes, ptys and brokers on two cores: a real test gets one more try, so one slow
			// scheduling moment does not fail a whole run; one that fails twice fails, and vitest reports
			// every test that needed its second try (read them: they are races to make robust).
			{ extends: true, test: { name: "real", include: ["**/*.real.test.ts"], exclude: notSources, retry: 1 } },
		],
	},
});
