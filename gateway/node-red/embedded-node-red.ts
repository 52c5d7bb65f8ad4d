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
 * Because /red bypasses fastify, this file guards it itself (editor-guard.ts): loopback only unless
 * nodeRed.exposeOffLoopback (with TLS), and the editor login rate-limited per address (login-limiter.ts).
 *
 * Node-RED is one runtime per process (node-red/lib/red.js: "Once [stopped], Node-RED should not
 * be restarted until the Node.JS process is restarted"), so a second start in a process fails.
 */
import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Duplex } from "node:stream";
import { fileURLToPath } from "node:url";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { type HostAllowListOptions, hostAllowed, misdirectedHostError } from "../http/host-allow-list.js";
import { answerError, arrivedOverLoopback, offLoopbackError } from "./editor-guard.js";
import { LoginLimiter } from "./login-limiter.js";
import { NODE_RED_ADMIN_ROOT, NODE_RED_HTTP_ROOT, type NodeRedSettingsInput, nodeRedSettings } from "./settings.js";

const require = createRequire(import.meta.url);
/** Node-RED's adminAuth login (the OAuth password grant of @node-red/editor-api). */
const LOGIN_PATH = `${NODE_RED_ADMIN_ROOT}/auth/token`;

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
	private readonly logins = new LoginLimiter();

	/**
	 * `hosts`: the local API's Host allow-list. /red is dispatched before fastify, so it applies the
	 * same DNS-rebinding guard itself (a page on an attacker's name must not reach the editor's login).
	 */
	constructor(
		private readonly input: Omit<NodeRedSettingsInput, "nodesDir">,
		private readonly hosts?: HostAllowListOptions,
	) {}

	private foreignHost(request: IncomingMessage): boolean {
		return this.hosts !== undefined && !hostAllowed(request.headers.host, request.socket.localPort, this.hosts);
	}

	static owns(url: string | undefined): boolean {
		return url === NODE_RED_ADMIN_ROOT || (url?.startsWith(`${NODE_RED_ADMIN_ROOT}/`) ?? false) || (url?.startsWith(`${NODE_RED_ADMIN_ROOT}?`) ?? false);
	}

	/** For fastify's serverFactory: /red to Node-RED, the rest to fastify. */
	readonly serverFactory = (fastifyHandler: Handler): Server => this.guardUpgrades(this.createServer(fastifyHandler));

	private createServer(fastifyHandler: Handler): Server {
		return createServer((request, response) => {
			if (!EmbeddedNodeRed.owns(request.url)) return fastifyHandler(request, response);
			// Loopback only unless opened on purpose (editor-guard.ts): an editor user is as powerful as root.
			if (!this.input.config.exposeOffLoopback && !arrivedOverLoopback(request)) return answerError(response, offLoopbackError());
			if (this.foreignHost(request)) return answerError(response, misdirectedHostError());
			if (!this.app) {
				response.writeHead(503, { "content-type": "application/json", "retry-after": "2" });
				response.end(JSON.stringify({ error: { code: ErrorCodes.FC_NODE_RED_START, message: "Node-RED is starting or off." } }));
				return;
			}
			if (request.method === "POST" && request.url?.split("?", 1)[0] === LOGIN_PATH && !this.limitLogin(request, response)) return;
			this.app(request, response);
		});
	}

	/** Counts the login's outcome when it finishes; false (answered 429) when the address is over its limit. */
	private limitLogin(request: IncomingMessage, response: ServerResponse): boolean {
		const address = request.socket.remoteAddress ?? "unknown";
		const end = this.logins.begin(address);
		if (!end) {
			const retryAfterS = Math.max(1, Math.ceil(this.logins.retryAfterMs(address) / 1000));
			this.input.logger.warn({ address, retryAfterS }, "Node-RED editor login refused: too many failed logins from this address");
			answerError(
				response,
				new FieldchainError(ErrorCodes.FC_NODE_RED_TOO_MANY_ATTEMPTS, "Too many failed Node-RED editor logins from this address.", {
					hint: `Wait ${retryAfterS} s before trying again.`,
				}),
				{ "retry-after": String(retryAfterS) },
			);
			return false;
		}
		response.once("close", () => {
			// Refused credentials (401/403), or a client that hung up on the password check, count as failures.
			const failed = !response.writableFinished || response.statusCode === 401 || response.statusCode === 403;
			if (failed) this.input.logger.warn({ address, status: response.statusCode }, "Node-RED editor login failed");
			end(!failed);
		});
		return true;
	}

	/**
	 * Node-RED's WebSockets (/red/comms, and websocket nodes a flow adds at any time) are upgraded by
	 * 'upgrade' listeners outside the request handler. The same loopback rule is applied before any
	 * of them sees the event, whenever they were registered.
	 */
	private guardUpgrades(server: Server): Server {
		const emit = server.emit.bind(server) as (event: string | symbol, ...args: unknown[]) => boolean;
		server.emit = ((event: string | symbol, ...args: unknown[]) => {
			const request = args[0] as IncomingMessage | undefined;
			if (event === "upgrade" && request && EmbeddedNodeRed.owns(request.url)) {
				const refusal =
					!this.input.config.exposeOffLoopback && !arrivedOverLoopback(request)
						? "403 Forbidden"
						: this.foreignHost(request)
							? "421 Misdirected Request"
							: undefined;
				if (refusal) {
					(args[1] as Duplex).end(`HTTP/1.1 ${refusal}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
					return true;
				}
			}
			return emit(event, ...args);
		}) as Server["emit"];
		return server;
	}

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
