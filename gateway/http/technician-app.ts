/**
 * The technician app's part of the local API, assembled from the gateway's parts: sign-in and
 * sessions (when config.webApp is set), the app routes, the live event stream and the static app.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Clock } from "../../platform/clock.js";
import type { WebAppConfig } from "../config.js";
import { EvidenceBatches } from "../evidence/evidence-batches.js";
import type { Gateway } from "../gateway.js";
import { SyncStateTracker } from "../work/sync-state.js";
import { TimeSubmissions } from "../work/time-submissions.js";
import { appRoutes } from "./app-routes.js";
import { liveRoutes } from "./live-routes.js";
import { PinLimiter } from "./pin-limiter.js";
import { sessionOf, sessionRoutes } from "./session-routes.js";
import { isAppPath, staticAppRoutes } from "./static-app.js";
import { WebSessions } from "./web-sessions.js";

export interface TechnicianApp {
	routes: Array<(app: FastifyInstance) => void>;
	hasSession: ((request: FastifyRequest) => boolean) | undefined;
	isPublic: (path: string) => boolean;
}

export function technicianApp(gateway: Gateway, config: WebAppConfig | false, clock: Clock): TechnicianApp {
	const db = gateway.store.database;
	const sync = new SyncStateTracker(gateway.events);
	const routes = [
		appRoutes({
			workOrders: gateway.workOrders,
			batches: new EvidenceBatches(db),
			submissions: new TimeSubmissions(db),
			activeTasks: gateway.activeTasks,
			evidence: gateway.evidence,
			timeEntries: gateway.timeEntries,
			taskStates: gateway.taskStates,
			store: gateway.store,
			sync,
			events: gateway.events,
			clock,
		}),
		liveRoutes({ events: gateway.events, sync }),
		staticAppRoutes(),
	];
	if (!config) return { routes, hasSession: undefined, isPublic: isAppPath };
	const sessions = new WebSessions(db, config.sessionHours * 3_600_000);
	routes.push(sessionRoutes({ config, sessions, limiter: new PinLimiter({ clock }), clock }));
	return { routes, hasSession: (request) => sessionOf(request, sessions, clock.now()) !== undefined, isPublic: isAppPath };
}
