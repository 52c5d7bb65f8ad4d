/**
 * `fieldchain schedule solve-vrptw FILE [--seconds S] [--seed N] [--json]`: solves a Solomon /
 * Gehring–Homberger VRPTW instance (total distance minimised) and prints the distance, the
 * vehicles used and the routes; --json prints exactly one object on stdout:
 * {"instance", "distance", "vehicles", "routes" (customer numbers as in the file, depot left out), "seconds"}.
 * Exit 0 solved with every customer served, 1 the file cannot be read or some customer cannot be
 * served, 2 bad options.
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { ErrorCodes, FieldchainError } from "../platform/errors.js";
import { parseSolomon } from "./vrptw/solomon.js";
import { solveVrptw } from "./vrptw/solve.js";

export function registerScheduleCommands(program: Command): Command {
	const schedule = program.command("schedule").description("Plan and optimise routes and schedules.");
	schedule
		.command("solve-vrptw <file>")
		.description(
			"Solve a VRPTW benchmark instance (Solomon's text format) for the least total distance. " +
				"Deterministic for a seed and an iteration count; the time budget decides how many iterations run. " +
				"Exit 0 solved, 1 unreadable file or a customer left unserved, 2 bad options.",
		)
		.option("--seconds <s>", "time budget in seconds", "10")
		.option("--seed <n>", "seed of the search's random generator", "1")
		.option("--json", "print one JSON object on stdout")
		.action((file: string, options: { seconds: string; seed: string; json?: boolean }) => {
			const seconds = Number(options.seconds);
			if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 86_400)
				throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `--seconds must be a number of seconds above 0 (at most 86400), not "${options.seconds}"`);
			const seed = Number(options.seed);
			if (!/^\d+$/.test(options.seed) || !Number.isSafeInteger(seed) || seed > 0xffffffff)
				throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `--seed must be a whole number from 0 to 4294967295, not "${options.seed}"`);
			let text: string;
			try {
				text = readFileSync(file, "utf8");
			} catch (error) {
				throw new FieldchainError(ErrorCodes.FC_SCHEDULE_INPUT, `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
					hint: "Give the path of a VRPTW instance file.",
				});
			}
			const solution = solveVrptw(parseSolomon(text, file), { seconds, seed });
			if (options.json) {
				const { instance, distance, vehicles, routes } = solution;
				process.stdout.write(
					`${JSON.stringify({ instance, distance: round2(distance), vehicles, routes, seconds: round2(solution.seconds), ...(solution.unserved.length ? { unserved: solution.unserved } : {}) })}\n`,
				);
			} else {
				process.stdout.write(
					`${solution.instance}: distance ${solution.distance.toFixed(2)}, ${solution.vehicles} vehicles, ${solution.seconds.toFixed(2)} s (${solution.iterations} iterations, seed ${seed})\n`,
				);
				solution.routes.forEach((route, index) => {
					process.stdout.write(`  route ${index + 1}: ${route.join(" ")}\n`);
				});
			}
			if (solution.unserved.length > 0) {
				process.stderr.write(`fieldchain: ${solution.unserved.length} customer(s) could not be served: ${solution.unserved.join(" ")}\n`);
				process.exitCode = 1;
			}
		});
	return schedule;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
