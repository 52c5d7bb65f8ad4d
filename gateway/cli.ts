/**
 * `fieldchain gateway`: runs the edge runtime until SIGINT/SIGTERM, and
 * `fieldchain gateway hash-password`: makes the scrypt hash a device entry in the config needs, and
 * `fieldchain gateway token create`: prints a fresh http.token.
 */
import { resolve } from "node:path";
import bcrypt from "bcryptjs";
import { type Command, Option } from "commander";
import { onFatalStop } from "../platform/fatal.js";
import { createLogger } from "../platform/logger.js";
import { createApiToken } from "./auth/api-token.js";
import { hashPassword } from "./auth/password-hash.js";
import { defaultGatewayConfig, type GatewayConfig, loadGatewayConfig, parseHostPort } from "./config.js";
import { Gateway } from "./gateway.js";
import { registerMigrateCommand } from "./store/migrate-cli.js";
import { systemdNotifier } from "./systemd-notify.js";

export interface GatewayCliOptions {
	dataDir?: string;
	config?: string;
	serial?: string[];
	http?: string | false;
	mqtt?: string | false;
	logLevel?: string;
	durability?: "full" | "normal";
	workOrders?: string;
	/** false with --no-node-red. */
	nodeRed?: boolean;
	/** --insecure-plaintext: listen off loopback without TLS (logged loudly). */
	insecurePlaintext?: boolean;
}

export function registerGatewayCommands(program: Command): Command {
	const gateway = program
		.command("gateway")
		.description("Run the edge gateway: device sessions over serial and MQTT, durable ingest, local API.")
		// Checked in the action, not by commander, so that `gateway hash-password` does not need it.
		.option("--data-dir <dir>", "where the database and the gateway's identity live (required)")
		.option("--config <file>", "JSON configuration file (devices, serial ports, addresses)")
		.option("--serial <path>", "serial port or pty with a tool on it; repeat for more", (value: string, previous: string[] = []) => [...previous, value])
		.option("--work-orders <file>", "JSON model snapshot with the work orders, tasks and checklists this gateway serves")
		.option("--http <host:port>", "local API address (default 127.0.0.1:8080)")
		.option("--no-http", "do not serve the local API")
		.option("--mqtt <host:port>", "embedded MQTT broker address (default 127.0.0.1:1883)")
		.option("--no-mqtt", "do not start the embedded MQTT broker")
		.option("--no-node-red", "do not run the embedded Node-RED editor and flows (on when the config has a nodeRed section)")
		.option("--insecure-plaintext", "allow --http/--mqtt off loopback without TLS (http.tls, mqtt.tls); passwords and tokens then cross the network in clear")
		.addOption(new Option("--durability <mode>", "fsync every commit (full) or survive only process crashes (normal)").choices(["full", "normal"]))
		.option("--log-level <level>", "trace, debug, info, warn, error", undefined)
		.action(async (options: GatewayCliOptions, command: Command) => {
			if (!options.dataDir) command.error("error: required option '--data-dir <dir>' not specified", { exitCode: 2 });
			await runGateway(options);
		});

	gateway
		.command("hash-password")
		.description("Read a device password from stdin (or --password) and print its scrypt hash for the config's devices[].passwordHash.")
		.option("--password <password>", "the password (visible in ps; prefer stdin)")
		.option("--bcrypt", "print a bcrypt hash instead, for the config's nodeRed.users[].passwordHash (Node-RED editor login)")
		.action(async (options: { password?: string; bcrypt?: boolean }) => {
			const password = options.password ?? (await readStdin()).replace(/\r?\n$/, "");
			if (!password) throw new Error("No password given: pipe it on stdin or pass --password.");
			process.stdout.write(`${options.bcrypt ? await bcrypt.hash(password, 10) : await hashPassword(password)}\n`);
		});
	gateway
		.command("token")
		.description("Local API bearer tokens (http.token).")
		.command("create")
		.description("Print a fresh token for the config's http.token: 32 random bytes, base64url.")
		.action(() => {
			process.stdout.write(`${createApiToken()}\n`);
		});
	registerMigrateCommand(gateway);
	return gateway;
}

/** Config file first, then flags on top of it. */
export function resolveGatewayConfig(options: GatewayCliOptions): GatewayConfig {
	const config = options.config ? loadGatewayConfig(options.config) : defaultGatewayConfig();
	if (options.http === false) config.http = false;
	else if (typeof options.http === "string") config.http = { ...(config.http || {}), ...parseHostPort(options.http, "--http") };
	if (options.mqtt === false) config.mqtt = false;
	else if (typeof options.mqtt === "string") config.mqtt = { ...(config.mqtt || {}), ...parseHostPort(options.mqtt, "--mqtt") };
	if (options.insecurePlaintext) config.insecurePlaintext = true;
	for (const path of options.serial ?? []) config.serial.targets.push({ path });
	if (options.durability) config.storage.durability = options.durability;
	if (options.logLevel) config.logLevel = options.logLevel;
	if (options.nodeRed === false) config.nodeRed = false;
	return config;
}

/** Start-up failures propagate to the CLI entry, which prints one clear line and sets the exit code. */
async function runGateway(options: GatewayCliOptions): Promise<void> {
	const config = resolveGatewayConfig(options);
	const logger = createLogger({ level: config.logLevel });
	const gateway = await Gateway.start({ dataDir: resolve(options.dataDir ?? "."), config, logger, workOrdersFile: options.workOrders });
	// Under systemd (packaging/fieldchain.service, Type=notify): ready now, watchdog pings from here on.
	const notifier = systemdNotifier();
	notifier.ready();
	const stop = async (signal: string) => {
		logger.info({ signal }, "stopping");
		notifier.stopping();
		notifier.close();
		await gateway.stop();
		logger.flush();
		process.exit(0);
	};
	process.once("SIGINT", () => void stop("SIGINT"));
	process.once("SIGTERM", () => void stop("SIGTERM"));
	// The usual "reload your certificates" signal (as nginx and mosquitto take it); without TLS it only logs.
	process.on("SIGHUP", () => gateway.reloadTls("SIGHUP"));
	// An unhandled rejection (platform/fatal.ts) still flushes the queue and closes the database.
	onFatalStop(async () => {
		await gateway.stop();
		logger.flush();
	});
}

async function readStdin(): Promise<string> {
	if (process.stdin.isTTY) process.stderr.write("Password: ");
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString("utf8");
}
