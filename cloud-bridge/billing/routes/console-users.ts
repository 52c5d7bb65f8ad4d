/**
 * Console users for admins: list, create (with a password, hashed with scrypt), disable and
 * enable. The same operations as `fieldchain cloud user`; no answer ever carries a password hash.
 */
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import { createUser, publicUser } from "../../console/accounts.js";
import type { ConsoleDeps } from "../../console/deps.js";
import { ROLES } from "../../console/users/types.js";
import type { BillingContext } from "../context.js";
import { id, nullable, obj, oneOfValues, str } from "../openapi/schema-helpers.js";
import { ADMIN, idParams, listOf } from "./common.js";
import { ConsoleUser } from "./console-sessions.js";
import { created, ok, type RouteSpec } from "./route-spec.js";

export function consoleUserRoutes(ctx: BillingContext, deps: ConsoleDeps): RouteSpec[] {
	const toggle = (verb: "disable" | "enable"): RouteSpec => ({
		method: "POST",
		url: `/v1/users/:id/${verb}`,
		operationId: `${verb}User`,
		summary: verb === "disable" ? "Disable a console user: their sessions end and sign-in is refused" : "Enable a disabled console user again",
		tag: "console",
		scopes: ADMIN,
		params: idParams,
		responses: { 200: { description: "The user", schema: ConsoleUser } },
		async handler({ params, request }) {
			if (verb === "disable" && request.consoleUser?.id === params.id) {
				throw new FieldchainError(ErrorCodes.FC_BILLING_CONFLICT, "You cannot disable your own account.", { hint: "Ask another admin." });
			}
			const user = await deps.store.setUserDisabled(params.id, verb === "disable" ? ctx.clock.now() : null);
			if (!user) throw new FieldchainError(ErrorCodes.FC_BILLING_NOT_FOUND, `No user ${params.id}.`, { hint: "GET /v1/users lists them." });
			ctx.logger.info({ username: user.username }, `console user ${verb}d`);
			return ok(publicUser(user));
		},
	});
	return [
		{
			method: "GET",
			url: "/v1/users",
			operationId: "listUsers",
			summary: "Console users, by username",
			tag: "console",
			scopes: ADMIN,
			responses: { 200: { description: "Users", schema: listOf("users", ConsoleUser, ["username", "id"]) } },
			async handler() {
				return ok({ users: (await deps.store.listUsers()).map(publicUser) });
			},
		},
		{
			method: "POST",
			url: "/v1/users",
			operationId: "createUser",
			summary: "Create a console user with a role (dispatcher, approver, billing, admin)",
			tag: "console",
			scopes: ADMIN,
			body: obj(
				{
					username: str({ minLength: 1, maxLength: 64 }),
					displayName: str({ maxLength: 200 }),
					role: oneOfValues(ROLES),
					password: str({ minLength: 1, maxLength: 1024 }),
					technicianId: nullable(id()),
				},
				["displayName", "technicianId"],
			),
			responses: { 201: { description: "The user", schema: ConsoleUser } },
			async handler({ body }) {
				const user = await createUser(deps.store, body as Parameters<typeof createUser>[1], ctx.clock.now(), deps.kdf);
				ctx.logger.info({ username: user.username, role: user.role }, "console user created");
				return created(publicUser(user));
			},
		},
		toggle("disable"),
		toggle("enable"),
	];
}
