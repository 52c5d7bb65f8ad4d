/**
 * What a gateway's token may reach: the work of the technicians the gateway is bound to
 * (GatewayRecord.technicianIds, set at enrollment and by PATCH /v1/gateways/{id}). A work order is
 * in the binding when it has an appointment of one of those technicians; its tasks, appointments,
 * time entries, line items, deliverables, milestones, evidence and invoices follow it.
 *
 * Invariant: every route a gateway token can call is either listed here with how to find the work
 * order it touches, or listed as checking the gateway itself; any other route refuses a gateway
 * token (deny by default), so a new route cannot silently open the whole tenant to a gateway.
 */
import type { EntityKind } from "../../../model/entities/kinds.js";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import type { BillingContext } from "../context.js";
import type { RouteSpec } from "../routes/route-spec.js";
import type { Principal } from "./authenticate.js";

export interface GatewayBinding {
	gatewayId: string;
	technicianIds: ReadonlySet<string>;
	workOrderIds: ReadonlySet<string>;
}

/** The binding as stored now; a revoked or unknown gateway is bound to nothing. */
export async function bindingOf(ctx: Pick<BillingContext, "repo" | "store">, gatewayId: string): Promise<GatewayBinding> {
	const gateway = await ctx.store.getGateway(gatewayId);
	const technicianIds = new Set(gateway && gateway.revokedAt === null ? gateway.technicianIds : []);
	const workOrderIds = new Set<string>();
	for (const technicianId of technicianIds) {
		for (const appointment of await ctx.repo.list("appointment", { technicianId })) workOrderIds.add(appointment.workOrderId);
	}
	return { gatewayId, technicianIds, workOrderIds };
}

const HINT = "An admin binds the gateway to the technicians it serves with PATCH /v1/gateways/{id} {technicianIds}.";

export function notBound(gatewayId: string, what: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_BILLING_NOT_BOUND, `Gateway ${gatewayId} is not bound to ${what}.`, { hint: HINT });
}

/** Entities under a work order, by the first path segment of the route. */
const BY_SEGMENT: Record<string, Exclude<EntityKind, "customer" | "site" | "asset" | "rateCard" | "technician">> = {
	"work-orders": "workOrder",
	tasks: "task",
	appointments: "appointment",
	"time-entries": "timeEntry",
	"line-items": "lineItem",
	deliverables: "deliverable",
	milestones: "milestone",
	evidence: "evidence",
	invoices: "invoice",
	"credit-notes": "creditNote",
};

/** Routes that check the calling gateway themselves: its own evidence batches and its own chain. */
const SELF_CHECKED = new Set(["POST /v1/evidence/batches", "GET /v1/gateways/:id/chain"]);
/** List routes that filter their answer to the binding (routes/work-orders.ts). */
const FILTERED = new Set(["GET /v1/work-orders"]);

/** Whether a route serves a gateway token, and how; the matrix test walks every route through this. */
export function gatewayAccessOf(spec: Pick<RouteSpec, "method" | "url">): "self-checked" | "filtered" | "bound" | "refused" {
	const key = `${spec.method} ${spec.url}`;
	if (SELF_CHECKED.has(key)) return "self-checked";
	if (FILTERED.has(key)) return "filtered";
	if (key === "POST /v1/time-entries") return "bound";
	const [, version, segment, param] = spec.url.split("/");
	return version === "v1" && segment in BY_SEGMENT && param === ":id" ? "bound" : "refused";
}

async function workOrderOf(
	ctx: BillingContext,
	kind: (typeof BY_SEGMENT)[string],
	id: string,
): Promise<{ workOrderId: string; technicianId?: string } | undefined> {
	const entity = await ctx.repo.get(kind, id);
	if (!entity) return undefined;
	if (kind === "workOrder") return { workOrderId: entity.id };
	return entity as unknown as { workOrderId: string; technicianId?: string };
}

/**
 * Runs after authentication and body validation, for gateway principals only. An entity the
 * service does not know passes through to the route, which answers 404 as it would anyone.
 */
export async function checkGatewayBinding(
	ctx: BillingContext,
	spec: RouteSpec,
	principal: Principal,
	params: Record<string, string>,
	body: unknown,
): Promise<void> {
	const gatewayId = principal.gatewayId;
	if (gatewayId === null) return;
	const access = gatewayAccessOf(spec);
	if (access === "self-checked" || access === "filtered") return;
	if (access === "refused") {
		throw new FieldchainError(ErrorCodes.FC_BILLING_FORBIDDEN, `A gateway's token may not call ${spec.method} ${spec.url}.`, {
			hint: "Use a person's token for this request.",
		});
	}
	const binding = await bindingOf(ctx, gatewayId);
	let target: { workOrderId: string; technicianId?: string } | undefined;
	if (spec.url === "/v1/time-entries") {
		const entry = body as { taskId: string; technicianId: string };
		if (!binding.technicianIds.has(entry.technicianId)) throw notBound(gatewayId, `technician ${entry.technicianId}`);
		target = await workOrderOf(ctx, "task", entry.taskId);
	} else {
		target = await workOrderOf(ctx, BY_SEGMENT[spec.url.split("/")[2]], params.id);
	}
	if (!target) return;
	if (!binding.workOrderIds.has(target.workOrderId)) throw notBound(gatewayId, `work order ${target.workOrderId}`);
	// An appointment or time entry is one technician's: the gateway reaches only its own technicians' ones.
	if (target.technicianId !== undefined && !binding.technicianIds.has(target.technicianId)) throw notBound(gatewayId, `technician ${target.technicianId}`);
}
