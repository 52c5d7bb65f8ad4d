/**
 * The technician app's part of the local API, assembled from the gateway's parts: sign-in and
 * sessions (when config.webApp is set), the app routes, the live event stream and the static app.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { steadyClock } from "../../platform/clock.js";
import type { WebAppConfig } from "../config.js";
import type { GatewayParts } from "../parts.js";
import { SyncStateTracker } from "../work/sync-state.js";
import { appRoutes } from "./app-routes.js";
import { attachmentRoutes } from "./attachment-routes.js";
import { liveRoutes } from "./live-routes.js";
import { PinLimiter } from "./pin-limiter.js";
import { roundtripRoutes } from "./roundtrip-routes.js";
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
	| "db"
	| "workOrders"
	| "batches"
	| "activeTasks"
	| "evidence"
	| "timeEntries"
	| "taskStates"
	| "store"
	| "events"
	| "clock"
	| "logger"
	| "timeSubmissions"
	| "visits"
	| "signOffs"
	| "attachments"
>;

export function technicianApp(parts: AppParts, config: WebAppConfig | false): TechnicianApp {
	const { db, clock } = parts;
	const sync = new SyncStateTracker(parts.events);
	const routes = [
		appRoutes({ ...parts, submissions: parts.timeSubmissions, sync }),
		roundtripRoutes(parts),
		attachmentRoutes(parts),
		liveRoutes({ events: parts.events, sync }),
		staticAppRoutes(),
	];
	if (!config) return { routes, signedIn: undefined };
	const sessions = new WebSessions(db, config.sessionHours * 3_600_000, (config.sessionMaxHours ?? Math.max(24, config.sessionHours)) * 3_600_000);
	// Session deadlines are stored as wall times (they survive a restart) but move only with
	// monotonic time while the gateway runs: a wall-clock jump neither ends nor extends a session.
	const sessionClock = steadyClock(clock);
	routes.push(sessionRoutes({ config, sessions, limiter: new PinLimiter({ clock, logger: parts.logger }), clock: sessionClock }));
	return { routes, signedIn: (request) => sessionOf(request, sessions, sessionClock.now())?.technicianId };
}
