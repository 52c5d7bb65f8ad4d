/**
 * The routing core's input: flat typed arrays over "stops", built once per solve. Stops 0..J-1 are
 * jobs, J+v is vehicle v's start and J+V+v its end, so a route is a sequence of stop indices from
 * its start to its end and every lookup in the inner loops is one array read (no objects, no maps).
 *
 * Invariant: every array has the length named beside it; matrices are row-major over stops
 * (`travel[a * stopCount + b]`). Times and costs are plain numbers in one unit chosen by the
 * caller (minutes for field service, the Euclidean distance for VRPTW benchmarks).
 */

/** How one job must relate to another (field service; the VRPTW benchmarks have none). */
export const RELATION_FINISH_TO_START = 0;
export const RELATION_START_TO_START = 1;
export const RELATION_SAME_DAY = 2;
export const RELATION_SAME_VEHICLE_GROUP = 3;

export interface CoreRelation {
	kind: typeof RELATION_FINISH_TO_START | typeof RELATION_START_TO_START | typeof RELATION_SAME_DAY | typeof RELATION_SAME_VEHICLE_GROUP;
	predecessor: number;
	successor: number;
	/** Added to the predecessor's finish (finish-to-start) or start (start-to-start). */
	lag: number;
}

export interface CoreProblem {
	jobCount: number;
	vehicleCount: number;
	/** jobCount + 2 * vehicleCount. */
	stopCount: number;
	/** Travel time between stops, stopCount². */
	travel: Float64Array;
	/** Travel cost between stops, stopCount² (may be the same array as travel). */
	cost: Float64Array;
	/** Earliest and latest service start, per stop (a vehicle end's due is when it must be back). */
	ready: Float64Array;
	due: Float64Array;
	service: Float64Array;
	demand: Float64Array;
	/** Per vehicle. */
	capacity: Float64Array;
	/** vehicleCount × jobCount, 1 when the vehicle may serve the job; null: every vehicle may serve every job. */
	allowed: Uint8Array | null;
	/** vehicleCount × jobCount, a cost added when the vehicle serves the job; null: none. */
	assignCost: Float64Array | null;
	/** Cost of using a vehicle at all (0 for distance-only objectives). */
	vehicleFixedCost: number;
	/** Cost of leaving the job unserved, per job (must dwarf any routing cost). */
	unassignedPenalty: Float64Array;
	/** Time-dependent job costs (null: none): asap × start + late × max(0, start + service − lateAfter). */
	asapWeight: Float64Array | null;
	lateWeight: Float64Array | null;
	lateAfter: Float64Array | null;
	/** Per vehicle (null: none): overtime × max(0, back at end − overtimeAfter). */
	overtimeWeight: Float64Array | null;
	overtimeAfter: Float64Array | null;
	/** Vehicles are interchangeable (same start, end, shift and capacity): only one empty one is ever tried. */
	homogeneous: boolean;
	/** Per job: the vehicle it is pinned to (with a one-instant window), or −1. Pinned jobs are never removed by the search. */
	pinnedVehicle: Int32Array;
	relations: CoreRelation[];
	/** Per vehicle: the day it works (same-day relations) and the group it belongs to, e.g. the technician (same-vehicle-group). */
	vehicleDay: Int32Array;
	vehicleGroup: Int32Array;
}

/** Stop index of vehicle v's start / end. */
export const startStop = (problem: CoreProblem, vehicle: number) => problem.jobCount + vehicle;
export const endStop = (problem: CoreProblem, vehicle: number) => problem.jobCount + problem.vehicleCount + vehicle;

/** A problem with no field-service extras: distance only, any vehicle for any job. Arrays are filled by the caller. */
export function blankCoreProblem(jobCount: number, vehicleCount: number): CoreProblem {
	const stopCount = jobCount + 2 * vehicleCount;
	const travel = new Float64Array(stopCount * stopCount);
	return {
		jobCount,
		vehicleCount,
		stopCount,
		travel,
		cost: travel,
		ready: new Float64Array(stopCount),
		due: new Float64Array(stopCount),
		service: new Float64Array(stopCount),
		demand: new Float64Array(stopCount),
		capacity: new Float64Array(vehicleCount),
		allowed: null,
		assignCost: null,
		vehicleFixedCost: 0,
		unassignedPenalty: new Float64Array(jobCount).fill(1e7),
		asapWeight: null,
		lateWeight: null,
		lateAfter: null,
		overtimeWeight: null,
		overtimeAfter: null,
		homogeneous: false,
		pinnedVehicle: new Int32Array(jobCount).fill(-1),
		relations: [],
		vehicleDay: new Int32Array(vehicleCount),
		vehicleGroup: new Int32Array(vehicleCount).map((_, v) => v),
	};
}
