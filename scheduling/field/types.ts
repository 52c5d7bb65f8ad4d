/**
 * The field-service scheduling interface: a problem (technicians with shifts, jobs with skills,
 * windows, SLA, pins and dependencies) in, a plan (who does what when, with a score breakdown per
 * assignment and the reason for every job left out) out. Everything is plain JSON-safe data, times
 * in epoch milliseconds as in model/, so a service can store and diff plans and an external engine
 * (scheduling/vroom/) can sit behind the same `Scheduler` interface (scheduling/scheduler.ts).
 */
import type { EpochMs, GeoPoint, SkillLevel, WorkOrderPriority } from "../model-types.js";

export type DependencyKind = "finish-to-start" | "start-to-start" | "same-day" | "same-technician";

export interface FieldDependency {
	/** Another job of the same problem. */
	predecessorId: string;
	kind: DependencyKind;
	/** Added to the predecessor's finish (finish-to-start) or start (start-to-start). */
	lagMs?: number;
}

export interface FieldJob {
	id: string;
	location: GeoPoint;
	durationMinutes: number;
	requiredSkills: SkillLevel[];
	priority: WorkOrderPriority;
	/** Respond by: start no later; resolve by: finish no later. Missing them costs by priority (soft). */
	sla?: { respondBy: EpochMs; resolveBy: EpochMs };
	/** Hard window for the start of the visit (customer appointment window, site access, an outside predecessor). */
	window?: { start: EpochMs; end: EpochMs };
	preferredTechnicianIds?: string[];
	/** A locked appointment: this technician, this start, never moved. */
	pinned?: { technicianId: string; start: EpochMs };
	dependencies?: FieldDependency[];
}

export interface FieldShift {
	/** The working period; the technician leaves home at the start and must be home by the end (plus allowed overtime). */
	start: EpochMs;
	end: EpochMs;
}

export interface FieldTechnician {
	id: string;
	skills: SkillLevel[];
	home: GeoPoint;
	shifts: FieldShift[];
	/** Minutes of work (visits, not travel) per shift. */
	dailyCapacityMinutes: number;
	/** Overtime allowed after a shift's end (hard limit), default 0. */
	maxOvertimeMinutes?: number;
}

/** Weights of the soft objectives, in cost points. */
export interface Weights {
	/** Per minute of driving. */
	travelPerMinute: number;
	/** Per minute of overtime. */
	overtimePerMinute: number;
	/** Per minute past the SLA, by priority (an emergency's dwarfs everything else). */
	slaPerMinute: Record<WorkOrderPriority, number>;
	/** Per minute from the horizon start to the visit, by priority ("as soon as possible"). */
	asapPerMinute: Record<WorkOrderPriority, number>;
	/** When the job names preferred technicians and gets another. */
	notPreferred: number;
	/** Per skill level above what the job needs (do not burn scarce skills on simple jobs). */
	perSurplusSkillLevel: number;
	/** Leaving a job unplanned, by priority. */
	unassigned: Record<WorkOrderPriority, number>;
	/** Insert mode: moving an already planned job to another technician or day. */
	disruption: number;
}

export const DEFAULT_WEIGHTS: Weights = {
	travelPerMinute: 1,
	overtimePerMinute: 3,
	slaPerMinute: { emergency: 10_000, high: 40, normal: 10, low: 2 },
	asapPerMinute: { emergency: 50, high: 0.2, normal: 0.05, low: 0.01 },
	notPreferred: 30,
	perSurplusSkillLevel: 4,
	unassigned: { emergency: 1e12, high: 1e9, normal: 1e8, low: 1e7 },
	disruption: 120,
};

export interface TravelOptions {
	/** Average road speed, km/h (default 50). */
	speedKmh?: number;
	/** Road distance over great-circle distance (default 1.3). */
	roadFactor?: number;
}

export interface FieldProblem {
	technicians: FieldTechnician[];
	jobs: FieldJob[];
	/** The plan starts here ("as soon as possible" counts from it). */
	horizonStart: EpochMs;
	weights?: Partial<Weights>;
}

export interface SolveOptions {
	seed?: number;
	/** Time budget (default 5 s for a plan, 0.15 s for an urgent insert). */
	seconds?: number;
	maxIterations?: number;
}

/** What one assignment costs and why, in cost points (lower is better), with readable reasons. */
export interface ScoreBreakdown {
	travel: number;
	sla: number;
	asap: number;
	preferred: number;
	skillMatch: number;
	total: number;
	reasons: string[];
}

export interface Assignment {
	jobId: string;
	technicianId: string;
	start: EpochMs;
	end: EpochMs;
	/** Minutes driven to get there. */
	travelMinutes: number;
	/** Minutes past the SLA (0 when met). */
	slaBreachMinutes: number;
	score: ScoreBreakdown;
}

export interface TechnicianRoute {
	technicianId: string;
	shiftStart: EpochMs;
	jobIds: string[];
	/** Leaves home, back home. */
	departure: EpochMs;
	returnHome: EpochMs;
	travelMinutes: number;
	workMinutes: number;
	overtimeMinutes: number;
}

export type UnassignedReason = "no-skill" | "pinned-unavailable" | "dependency" | "no-time" | "no-capacity";

export interface Unassigned {
	jobId: string;
	reason: UnassignedReason;
	message: string;
}

export interface Kpis {
	assigned: number;
	unassigned: number;
	slaBreaches: number;
	travelMinutes: number;
	overtimeMinutes: number;
	/** Work minutes over shift minutes of the technicians who work. */
	utilisation: number;
	/** Cost points of the plan (travel, overtime, SLA, ASAP, preferences, skill match); jobs left out are counted in `unassigned`, not here. */
	cost: number;
}

export interface FieldPlan {
	assignments: Assignment[];
	routes: TechnicianRoute[];
	unassigned: Unassigned[];
	kpis: Kpis;
	seconds: number;
	iterations: number;
}

/** A route as a dispatcher fixed it: re-timed by `retime`, never reordered. */
export interface FixedRoute {
	technicianId: string;
	shiftStart: EpochMs;
	jobIds: string[];
}

export interface Violation {
	jobId: string | null;
	technicianId: string;
	kind: "window" | "sla" | "shift-end" | "capacity" | "skill" | "dependency" | "pinned";
	message: string;
}
