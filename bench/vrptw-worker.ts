/** Worker thread of the VRPTW bench: solves the instances it is sent, one at a time, and checks each answer. */
import { readFileSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { parseSolomon } from "../scheduling/vrptw/solomon.js";
import { solveVrptw } from "../scheduling/vrptw/solve.js";
import { checkVrptw } from "./vrptw-check.js";

export interface VrptwTask {
	file: string;
	seconds: number;
	seed: number;
	/** 0: construction and local search only (the baseline). */
	maxIterations?: number;
}

export interface VrptwOutcome {
	file: string;
	seconds: number;
	distance: number;
	vehicles: number;
	problems: string[];
	unserved: number;
	elapsed: number;
	iterations: number;
}

parentPort?.on("message", (task: VrptwTask) => {
	const instance = parseSolomon(readFileSync(task.file, "utf8"), task.file);
	const solution = solveVrptw(instance, { seconds: task.seconds, seed: task.seed, maxIterations: task.maxIterations });
	const checked = checkVrptw(instance, solution.routes);
	const outcome: VrptwOutcome = {
		file: task.file,
		seconds: task.seconds,
		distance: checked.distance,
		vehicles: solution.vehicles,
		problems: checked.problems,
		unserved: solution.unserved.length,
		elapsed: solution.seconds,
		iterations: solution.iterations,
	};
	parentPort?.postMessage(outcome);
});
