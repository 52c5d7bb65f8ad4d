/**
 * Runs the Node-RED runtime inside the gateway process, with the editor at /red on the gateway's
 * own HTTP port.
 *
 * Why a server factory rather than @fastify/express or a proxy: Node-RED needs the http.Server
 * itself (its editor talks over a WebSocket upgrade on /red/comms) and brings its own express
 * stack (body parsers, adminAuth, sessions). Handing /red requests straight to that express app
 * from the server's request handler, and everything else to fastify, keeps both untouched: the
 * local API's bearer-token hook never sees editor traffic, Node-RED's auth never sees API
 * traffic, one port, no proxy hop, no extra dependency.
 *
 * Node-RED is one runtime per process (node-red/lib/red.js: "Once [stopped], Node-RED should not
 * be restarted until the Node.JS process is restarted"), so a second start in a process fails.
 */
import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { NODE_RED_ADMIN_ROOT, NODE_RED_HTTP_ROOT, type NodeRedSettingsInput, nodeRedSettings } from "./settings.js";

const require = createRequire(import.meta.url);

type Handler = (request: IncomingMessage, response: ServerResponse) => void;
interface ExpressApp extends Handler {
	use(path: string, handler: unknown): void;
}
interface NodeRedModule {
	init(server: Server, settings: Record<string, unknown>): void;
	start(): Promise<void>;
	stop(): Promise<void>;
	httpAdmin: unknown;
	httpNode: unknown;
}

let runtimeUsed = false;

/** The flows/ node module, found from this file whether it runs from source or from the bundle. */
export function findFlowsDir(): string {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		if (existsSync(join(dir, "flows", "package.json"))) return join(dir, "flows");
		const parent = dirname(dir);
		if (parent === dir)
			throw new FieldchainError(ErrorCodes.FC_NODE_RED_START, "Cannot find the fieldchain Node-RED nodes (flows/package.json).", {
				hint: "Run from a fieldchain checkout or install.",
			});
		dir = parent;
	}
}

export class EmbeddedNodeRed {
	startedInMs: number | undefined;
	private app: ExpressApp | undefined;
	private red: NodeRedModule | undefined;

	constructor(private readonly input: Omit<NodeRedSettingsInput, "nodesDir">) {}

	static owns(url: string | undefined): boolean {
		return url === NODE_RED_ADMIN_ROOT || (url?.startsWith(`${NODE_RED_ADMIN_ROOT}/`) ?? false) || (url?.startsWith(`${NODE_RED_ADMIN_ROOT}?`) ?? false);
	}

	/** For fastify's serverFactory: /red to Node-RED, the rest to fastify. */
	readonly serverFactory = (fastifyHandler: Handler): Server =>
		createServer((request, response) => {
			if (!EmbeddedNodeRed.owns(request.url)) return fastifyHandler(request, response);
			if (!this.app) {
				response.writeHead(503, { "content-type": "application/json", "retry-after": "2" });
				response.end(JSON.stringify({ error: { code: ErrorCodes.FC_NODE_RED_START, message: "Node-RED is starting or off." } }));
				return;
			}
			this.app(request, response);
		});

	async start(server: Server): Promise<void> {
		if (runtimeUsed) {
			throw new FieldchainError(ErrorCodes.FC_NODE_RED_START, "Node-RED has already run in this process; it cannot run twice.", {
				hint: "Run one gateway with Node-RED per process, or pass --no-node-red.",
			});
		}
		runtimeUsed = true;
		const started = performance.now();
		const red = require("node-red") as NodeRedModule;
		const express = require("express") as () => ExpressApp;
		const settings = nodeRedSettings({ ...this.input, nodesDir: findFlowsDir() });
		try {
			red.init(server, settings);
			const app = express();
			app.use(NODE_RED_ADMIN_ROOT, red.httpAdmin);
			app.use(NODE_RED_HTTP_ROOT, red.httpNode);
			await red.start();
			this.red = red;
			this.app = app;
		} catch (cause) {
			throw new FieldchainError(ErrorCodes.FC_NODE_RED_START, `Node-RED did not start: ${(cause as Error).message}`, {
				cause,
				hint: "See the node-red log lines above; --no-node-red runs the gateway without it.",
			});
		}
		this.startedInMs = Math.round(performance.now() - started);
		this.input.logger.info({ startedInMs: this.startedInMs, editor: NODE_RED_ADMIN_ROOT }, "Node-RED started");
	}

	async stop(): Promise<void> {
		const red = this.red;
		this.red = undefined;
		this.app = undefined;
		await red?.stop();
	}
}
