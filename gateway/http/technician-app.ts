/**
 * The technician app's part of the local API, assembled from the gateway's parts: sign-in and
 * sessions (when config.webApp is set), the app routes, the live event stream and the static app.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { WebAppConfig } from "../config.js";
import type { GatewayParts } from "../parts.js";
import { SyncStateTracker } from "../work/sync-state.js";
import { TimeSubmissions } from "../work/time-submissions.js";
import { appRoutes } from "./app-routes.js";
import { liveRoutes } from "./live-routes.js";
import { PinLimiter } from "./pin-limiter.js";
import { sessionOf, sessionRoutes } from "./session-routes.js";
import { staticAppRoutes } from "./static-app.js";
import { WebSessions } from "./web-sessions.js";

export interface TechnicianApp {
	routes: Array<(app: FastifyInstance) => void>;
	/** The technician signed in on a request (session cookie); undefined when the app's sign-in is off. */
	signedIn: ((request: FastifyRequest) => string | undefined) | undefined;
}

type AppParts = Pick<
	GatewayParts,
	"db" | "workOrders" | "batches" | "activeTasks" | "evidence" | "timeEntries" | "taskStates" | "store" | "events" | "clock" | "logger"
>;

export function technicianApp(parts: AppParts, config: WebAppConfig | false): TechnicianApp {
	const { db, clock } = parts;
	const sync = new SyncStateTracker(parts.events);
	const routes = [appRoutes({ ...parts, submissions: new TimeSubmissions(db), sync }), liveRoutes({ events: parts.events, sync }), staticAppRoutes()];
	if (!config) return { routes, signedIn: undefined };
	const sessions = new WebSessions(db, config.sessionHours * 3_600_000, (config.sessionMaxHours ?? Math.max(24, config.sessionHours)) * 3_600_000);
	routes.push(sessionRoutes({ config, sessions, limiter: new PinLimiter({ clock, logger: parts.logger }), clock }));
	return { routes, signedIn: (request) => sessionOf(request, sessions, clock.now())?.technicianId };
}
