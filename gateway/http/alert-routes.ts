/**
 * Alerts for the technician: POST /api/v1/alerts raises one (a flow, a script, a PLC bridge),
 * GET /api/v1/alerts lists them for the technician app (?afterId= to page, ?technicianId= to
 * filter, ?limit= up to 1000).
 */
import type { FastifyInstance } from "fastify";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { GatewayParts } from "../parts.js";
import type { AlertSeverity } from "../work/alerts.js";
import { access } from "./route-access.js";

export type AlertRouteDependencies = Pick<GatewayParts, "alerts" | "events" | "clock">;

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
	const value = body[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== "string" || value === "") throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, `Body field "${name}" must be a non-empty string.`);
	return value;
}

function queryInteger(value: string | undefined, name: string, fallback: number, max: number): number {
	if (value === undefined || value === "") return fallback;
	if (!/^\d+$/.test(value) || Number(value) > max)
		throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, `Query parameter ${name} must be an integer from 0 to ${max}.`);
	return Number(value);
}

export function alertRoutes(deps: AlertRouteDependencies) {
	return (app: FastifyInstance): void => {
		app.post<{ Body: Record<string, unknown> }>("/api/v1/alerts", access("session-or-token", { body: "technicianId" }), async (request, reply) => {
			const body = typeof request.body === "object" && request.body !== null ? request.body : {};
			const alert = deps.alerts.raise(
				{
					severity: (optionalString(body, "severity") ?? "warning") as AlertSeverity,
					title: optionalString(body, "title") ?? "",
					message: optionalString(body, "message"),
					source: "api",
					deviceId: optionalString(body, "deviceId"),
					workOrderId: optionalString(body, "workOrderId"),
					taskId: optionalString(body, "taskId"),
					technicianId: optionalString(body, "technicianId"),
					data: body.data,
				},
				deps.clock.now(),
			);
			deps.events.emit("alert", alert);
			return reply.code(201).send(alert);
		});

		app.get<{ Querystring: Record<string, string | undefined> }>("/api/v1/alerts", access("session-or-token"), async (request) => ({
			alerts: deps.alerts.list({
				afterId: queryInteger(request.query.afterId, "afterId", 0, Number.MAX_SAFE_INTEGER),
				limit: Math.max(1, queryInteger(request.query.limit, "limit", 100, 1000)),
				technicianId: request.query.technicianId || undefined,
			}),
		}));
	};
}
