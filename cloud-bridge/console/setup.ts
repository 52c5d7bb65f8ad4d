/**
 * The office console inside the billing service: its user store (beside the billing storage),
 * sign-in and user routes, the session authenticator the service tries before bearer tokens,
 * the server-side guard that nobody decides on their own time, and the pages at /console/.
 */
import type { FastifyInstance } from "fastify";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { Principal } from "../billing/auth/authenticate.js";
import type { BillingContext } from "../billing/context.js";
import { isOwnEntry } from "../billing/routes/approval-queue.js";
import { consoleOidcRoutes } from "../billing/routes/console-oidc.js";
import { consoleSessionRoutes } from "../billing/routes/console-sessions.js";
import { consoleUserRoutes } from "../billing/routes/console-users.js";
import type { RouteSpec } from "../billing/routes/route-spec.js";
import type { BillingStorage } from "../billing/storage.js";
import { localPasswords } from "./accounts.js";
import type { ConsoleDeps } from "./deps.js";
import type { OidcConfig } from "./oidc/config.js";
import { oidcLinksBeside } from "./oidc/links-beside.js";
import { OidcSignIn } from "./oidc/sign-in.js";
import { sessionPrincipal } from "./sessions.js";
import { type LimiterOptions, SignInLimiter } from "./sign-in-limiter.js";
import { registerConsolePages } from "./static-console.js";
import { consoleStoreBeside } from "./users/open-store.js";
import type { KdfParams } from "./users/password.js";
import type { ConsoleStore } from "./users/types.js";

export interface ConsoleOptions {
	store?: ConsoleStore;
	kdf?: KdfParams;
	limits?: LimiterOptions;
	/** Where the built pages are (default: dist/console). */
	bundleDir?: string;
	/** Sign-in through this OIDC provider too (console/oidc/); people reach only users an admin linked. */
	oidc?: OidcConfig;
}

export interface ConsoleSetup {
	deps: ConsoleDeps;
	routes(ctx: BillingContext): RouteSpec[];
	/** The console session's principal; undefined to let the bearer token decide. */
	authenticate(request: import("fastify").FastifyRequest, now: number): Promise<Principal | undefined>;
	register(app: FastifyInstance, ctx: BillingContext): void;
}

const DECISIONS = new Set(["approveTimeEntry", "rejectTimeEntry"]);

export function consoleSetup(storage: BillingStorage, clock: { now(): number }, options: ConsoleOptions = {}): ConsoleSetup {
	const store = options.store ?? consoleStoreBeside(storage);
	const deps: ConsoleDeps = {
		store,
		identity: localPasswords(store, options.kdf),
		limiter: new SignInLimiter(() => clock.now(), options.limits),
		...(options.kdf ? { kdf: options.kdf } : {}),
	};
	const oidc = options.oidc && new OidcSignIn({ config: options.oidc, store, links: oidcLinksBeside(storage), now: () => clock.now() });
	return {
		deps,
		routes: (ctx) => [...consoleSessionRoutes(ctx, deps), ...(oidc ? consoleOidcRoutes(ctx, deps, oidc) : []), ...consoleUserRoutes(ctx, deps)],
		authenticate: (request, now) => sessionPrincipal(store, request, now),
		register(app, ctx) {
			// After authentication: a console user linked to a technician never decides that technician's time.
			app.addHook("preHandler", async (request) => {
				const spec = request.routeOptions.config.spec;
				if (!spec || !DECISIONS.has(spec.operationId) || !request.principal) return;
				const entry = await ctx.repo.get("timeEntry", (request.params as { id: string }).id);
				if (entry && isOwnEntry({ request, principal: request.principal }, entry)) {
					throw new FieldchainError(ErrorCodes.FC_CONSOLE_OWN_ENTRY, `Time entry ${entry.id} is your own; someone else has to decide on it.`, {
						hint: "Ask another approver.",
					});
				}
			});
			registerConsolePages(app, options.bundleDir);
		},
	};
}
