/**
 * `fieldchain cloud schedule plan|apply`: a dispatcher's plan → apply against a running billing
 * service over its API (POST /v1/schedule/plans, POST /v1/schedule/plans/{id}/apply), with an
 * admin token from --token or FIELDCHAIN_TOKEN. Exit codes as everywhere: 0 done, 1 the service
 * refused (a stale plan is 1: make a new one), 2 bad options.
 */
import type { Command } from "commander";
import { invalidConfig } from "../../platform/config-errors.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface Connection {
	url: string;
	token?: string;
	json?: boolean;
}

/** Epoch ms, or an ISO 8601 date/time ("2026-03-02", "2026-03-02T08:00:00Z"). */
function parseTime(value: string, flag: string): number {
	const at = /^\d{1,15}$/.test(value) ? Number(value) : Date.parse(value);
	if (!Number.isFinite(at)) throw invalidConfig(`${flag} must be epoch milliseconds or an ISO date (got "${value}").`, { field: flag });
	return at;
}

function parseNumber(value: string, flag: string, max: number): number {
	const n = /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
	if (!(n >= 0 && n <= max)) throw invalidConfig(`${flag} must be a number from 0 to ${max} (got "${value}").`, { field: flag });
	return n;
}

async function call(connection: Connection, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
	const token = connection.token ?? process.env.FIELDCHAIN_TOKEN;
	if (!token) throw invalidConfig("No token: pass --token or set FIELDCHAIN_TOKEN (scope admin).", { field: "--token" });
	let base: URL;
	try {
		base = new URL(connection.url);
	} catch {
		throw invalidConfig(`--url must be the billing service's URL, e.g. http://127.0.0.1:8090 (got "${connection.url}").`, { field: "--url" });
	}
	const response = await fetch(new URL(path, base), {
		method,
		headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(120_000),
	}).catch((cause: unknown) => {
		throw new FieldchainError(ErrorCodes.FC_BILLING_UNAVAILABLE, `Cannot reach the billing service at ${base.origin}.`, {
			cause,
			hint: "Start it with `fieldchain cloud serve`, or pass --url.",
		});
	});
	const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
	if (!response.ok) {
		const error = (answer.error ?? {}) as { code?: string; message?: string; hint?: string | null };
		const hint = error.hint ? ` ${error.hint}` : "";
		throw new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, `${error.code ?? response.status}: ${error.message ?? response.statusText}${hint}`);
	}
	return answer;
}

const time = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");

function printPlan(plan: Record<string, unknown>): void {
	const changes = plan.changes as Array<{
		workOrderId: string;
		appointmentId: string | null;
		technicianId: string;
		window: { start: number };
		previous: { technicianId: string; window: { start: number } } | null;
		score: { total: number; reasons: string[] };
	}>;
	const kpis = plan.kpis as { before: Record<string, number>; after: Record<string, number> };
	const out = [`plan ${plan.id} (${plan.status}): ${changes.length} change(s)`];
	for (const c of changes) {
		const from = c.previous ? `${c.previous.technicianId} ${time(c.previous.window.start)} → ` : "new: ";
		out.push(`  ${c.workOrderId}  ${from}${c.technicianId} ${time(c.window.start)}  (${c.score.reasons.join("; ")})`);
	}
	for (const left of plan.unassigned as Array<{ workOrderId: string; message: string }>) out.push(`  left out ${left.workOrderId}: ${left.message}`);
	for (const key of ["assigned", "unassigned", "slaBreaches", "travelMinutes", "overtimeMinutes", "utilisation"])
		out.push(`  ${key.padEnd(16)} ${String(Math.round(kpis.before[key] * 100) / 100).padStart(8)} → ${Math.round(kpis.after[key] * 100) / 100}`);
	process.stdout.write(`${out.join("\n")}\n`);
}

export function registerScheduleCommands(cloud: Command): Command {
	const schedule = cloud.command("schedule").description("Dispatch against a running billing service: propose a plan, then apply it");
	const connection = (command: Command) =>
		command
			.option("--url <url>", "the billing service", "http://127.0.0.1:8090")
			.option("--token <token>", "an admin token; default: the FIELDCHAIN_TOKEN environment variable")
			.option("--json", "print the service's answer as one JSON object");
	connection(
		schedule
			.command("plan")
			.description("Propose a schedule (nothing changes until `apply`): the changes with why, KPIs before → after")
			.requiredOption("--from <time>", "start of the horizon: epoch ms or ISO date", (v) => parseTime(v, "--from"))
			.requiredOption("--to <time>", "end of the horizon (exclusive)", (v) => parseTime(v, "--to"))
			.option("--technician <id>", "plan for this technician; repeat (default every active one)", collect)
			.option("--work-order <id>", "plan this work order; repeat (default the backlog and the booked visits)", collect)
			.option("--movable <appointmentId>", "this booked visit may move; repeat (default every scheduled visit in scope)", collect)
			.option("--seconds <s>", "time budget of the search (default 2, at most 30)", (v) => parseNumber(v, "--seconds", 30))
			.option("--seed <n>", "seed of the search (same seed, same data: same plan)", (v) => parseNumber(v, "--seed", 2 ** 31)),
	).action(
		async (
			options: Connection & { from: number; to: number; technician?: string[]; workOrder?: string[]; movable?: string[]; seconds?: number; seed?: number },
		) => {
			const plan = await call(options, "POST", "/v1/schedule/plans", {
				from: options.from,
				to: options.to,
				...(options.technician ? { technicianIds: options.technician } : {}),
				...(options.workOrder ? { workOrderIds: options.workOrder } : {}),
				...(options.movable ? { movableAppointmentIds: options.movable } : {}),
				...(options.seconds === undefined ? {} : { seconds: options.seconds }),
				...(options.seed === undefined ? {} : { seed: Math.floor(options.seed) }),
			});
			if (options.json) process.stdout.write(`${JSON.stringify(plan)}\n`);
			else {
				printPlan(plan);
				process.stdout.write(`apply with: fieldchain cloud schedule apply ${plan.id}\n`);
			}
		},
	);
	connection(
		schedule.command("apply").description("Apply a plan; refused (exit 1) when anything it read changed since it was made").argument("<planId>"),
	).action(async (planId: string, options: Connection) => {
		const result = await call(options, "POST", `/v1/schedule/plans/${encodeURIComponent(planId)}/apply`);
		if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
		else {
			const moves = result.moves as Array<{ workOrderId: string; technicianId: string; window: { start: number }; reason: string }>;
			process.stdout.write(`applied ${planId}: ${moves.length} visit(s) booked or moved\n`);
			for (const m of moves) process.stdout.write(`  ${m.workOrderId}  ${m.technicianId} ${time(m.window.start)}  (${m.reason})\n`);
			for (const v of result.violations as Array<{ message: string; jobId: string | null }>) process.stdout.write(`  warning ${v.jobId ?? ""}: ${v.message}\n`);
		}
	});
	return schedule;
}
