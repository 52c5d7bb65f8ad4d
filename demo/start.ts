/**
 * `fieldchain start`: the main job on embedded defaults, for a first look and for demos. One
 * process runs the gateway (embedded MQTT broker, SQLite store, local API, all on loopback) and
 * one simulated diagnostic tool, connected over a real pseudo-terminal when socat is installed,
 * otherwise over the embedded broker with a generated password.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import bcrypt from "bcryptjs";
import type { Command } from "commander";
import { runMqttSimulator, runSerialSimulator, type SimulatorHandle } from "../firmware-host/simulator/runners.js";
import { hashPassword } from "../gateway/auth/password-hash.js";
import { defaultGatewayConfig, parseHostPort } from "../gateway/config.js";
import { Gateway } from "../gateway/gateway.js";
import { readUplinkToken } from "../gateway/uplink/enrollment.js";
import { parseUplinkConfig } from "../gateway/uplink/uplink-config.js";
import type { ModelSnapshot } from "../model/entities/kinds.js";
import { onFatalStop } from "../platform/fatal.js";
import { acquireInstanceLock, LOCK_FILE } from "../platform/instance-lock.js";
import { createLogger, type Logger } from "../platform/logger.js";
import { ensurePrivateDir } from "../platform/private-data.js";
import { type DemoBilling, startDemoBilling } from "./demo-billing.js";
import { DEMO_TECHNICIAN_ID, demoDay } from "./demo-day.js";

interface StartOptions {
	dataDir: string;
	http: string;
	mqtt: string;
	rate: string;
	logLevel: string;
	/** false with --no-billing. */
	billing: string | false;
	fresh?: boolean;
}

export function registerStartCommand(program: Command): void {
	program
		.command("start")
		.description("Run the gateway with a simulated tool on embedded defaults (loopback only). Ctrl-C stops everything.")
		.option("--data-dir <dir>", "where the demo keeps its database", ".fieldchain-data")
		.option("--http <host:port>", "local API address", "127.0.0.1:8080")
		.option("--mqtt <host:port>", "embedded MQTT broker address", "127.0.0.1:1883")
		.option("--rate <n>", "readings per second from the simulated tool", "5")
		.option("--log-level <level>", "gateway log level", "info")
		.option("--billing <host:port>", "reference billing service address", "127.0.0.1:8090")
		.option("--no-billing", "do not start the billing service (evidence stays on the gateway)")
		.option("--fresh", "start over: delete the demo's data directory first (a new day of work orders, a new billing database)")
		.action(async (options: StartOptions) => {
			await start(options);
		});
}

function hasSocat(): boolean {
	try {
		execFileSync("socat", ["-V"], { stdio: "ignore" });
		return true;
	} catch {
		return false;
	}
}

async function startPty(dir: string): Promise<{ deviceEnd: string; hostEnd: string; socat: ChildProcess }> {
	const deviceEnd = join(dir, "tool.pty");
	const hostEnd = join(dir, "gateway.pty");
	rmSync(deviceEnd, { force: true });
	rmSync(hostEnd, { force: true });
	const socat = spawn("socat", [`pty,raw,echo=0,link=${deviceEnd}`, `pty,raw,echo=0,link=${hostEnd}`], { stdio: "ignore" });
	const deadline = Date.now() + 5000;
	while (!(existsSync(deviceEnd) && existsSync(hostEnd))) {
		if (Date.now() > deadline || socat.exitCode !== null) throw new Error("socat did not create the pty pair within 5 s.");
		await new Promise((done) => setTimeout(done, 20));
	}
	return { deviceEnd, hostEnd, socat };
}

async function start(options: StartOptions): Promise<void> {
	const dataDir = resolve(options.dataDir);
	ensurePrivateDir(dataDir);
	// Before anything in the data directory is touched (pty links, databases, --fresh): one instance per directory.
	const lock = acquireInstanceLock(dataDir, "fieldchain start");
	if (options.fresh) {
		for (const entry of readdirSync(dataDir)) if (entry !== LOCK_FILE) rmSync(join(dataDir, entry), { recursive: true, force: true });
	}
	const logger: Logger = createLogger({ level: options.logLevel });
	const config = defaultGatewayConfig();
	config.http = parseHostPort(options.http, "--http");
	config.mqtt = parseHostPort(options.mqtt, "--mqtt");
	const deviceId = "demo-tool-1";

	let pty: Awaited<ReturnType<typeof startPty>> | undefined;
	let devicePassword: string | undefined;
	if (hasSocat()) {
		pty = await startPty(dataDir);
		config.serial.targets.push({ path: pty.hostEnd });
		config.serial.pollIntervalMs = 250;
	} else {
		devicePassword = randomBytes(12).toString("base64url");
		config.devices.push({ id: deviceId, passwordHash: await hashPassword(devicePassword) });
	}

	// The Node-RED editor always asks for a login: a fresh demo password each start, printed below.
	const editorPassword = randomBytes(9).toString("base64url");
	config.nodeRed = {
		users: [{ username: "admin", passwordHash: bcrypt.hashSync(editorPassword, 10), permissions: "*" }],
		credentialSecret: demoCredentialSecret(dataDir),
	};
	// The technician app's sign-in: a fresh PIN each start, printed below; only its hash is configured.
	const pin = String(randomInt(0, 1_000_000)).padStart(6, "0");
	// Scripts (curl) reach the API with a bearer token, the browser with the app's session.
	const apiToken = randomBytes(32).toString("base64url"); // as `fieldchain gateway token create` makes them
	config.http = { ...parseHostPort(options.http, "--http"), token: apiToken };
	config.webApp = { technicians: [{ id: DEMO_TECHNICIAN_ID, pinHash: await hashPassword(pin) }], sessionHours: 12 };
	const workOrdersFile = writeDemoWorkOrders(dataDir);
	// A part that fails to start must not leave socat running: the process would hang instead of exiting.
	const billing =
		options.billing === false
			? undefined
			: await startBilling(dataDir, parseHostPort(options.billing, "--billing"), workOrdersFile).catch((error: unknown) => {
					pty?.socat.kill();
					throw error;
				});
	const enrolledAs = readUplinkToken(dataDir)?.gatewayId;
	if (billing && enrolledAs && !(await bindDemoGateway(billing, enrolledAs)))
		logger.warn({ gatewayId: enrolledAs }, "demo: could not bind the gateway to the demo technician; its uplink will report refusals");
	if (billing) {
		config.uplink = parseUplinkConfig({
			url: billing.url,
			...(billing.enrollmentToken ? { enrollmentToken: billing.enrollmentToken } : {}),
			idlePollMs: 1000,
			// The gateway enrolls bound to the demo technician: its token reaches her work orders only.
			// The office's decisions (approvals, rejections, invoices) reach the app within seconds.
			downlink: { technicianIds: [DEMO_TECHNICIAN_ID], intervalMs: 5000 },
		});
	}
	let gateway: Gateway;
	try {
		gateway = await Gateway.start({ dataDir, config, logger, workOrdersFile });
	} catch (error) {
		await billing?.stop();
		pty?.socat.kill();
		throw error;
	}
	const rate = Number(options.rate);
	let simulator: SimulatorHandle;
	if (pty) {
		simulator = await runSerialSimulator({ path: pty.deviceEnd, deviceId, quantity: "insulation_resistance", rate });
	} else {
		simulator = await runMqttSimulator({
			url: `mqtt://127.0.0.1:${gateway.mqttAddress!.port}`,
			deviceId,
			password: devicePassword,
			quantity: "insulation_resistance",
			rate,
		});
	}

	const api = `http://${config.http.host}:${gateway.httpAddress?.port}`;
	process.stdout.write(
		[
			"",
			"fieldchain is running on embedded defaults (loopback only):",
			`  technician app   ${api}/app/  (sign in with PIN ${pin}: ${DEMO_TECHNICIAN_ID}'s day of work orders)`,
			`  local API        ${api}/api/v1/devices  (signed in to the app, or with Authorization: Bearer ${apiToken})`,
			`  readings         ${api}/api/v1/devices/${deviceId}/readings`,
			`  metrics          ${api}/metrics  (bearer token)`,
			`  Node-RED editor  ${api}/red  (user admin, password ${editorPassword}; started in ${gateway.nodeRed?.startedInMs ?? "?"} ms)`,
			`  MQTT broker      mqtt://127.0.0.1:${gateway.mqttAddress?.port} (devices authenticate with a password)`,
			`  data directory   ${dataDir}`,
			pty
				? `  simulated tool   ${deviceId} on the pseudo-terminal ${pty.deviceEnd} (socat)`
				: `  simulated tool   ${deviceId} over MQTT (socat is not installed, so no serial pty: apt-get install socat)`,
			billing
				? [
						`  billing service  ${billing.url}  (SQLite in the data directory; admin token ${billing.adminToken})`,
						"                   evidence, time and task states reach it through the uplink; once the app says",
						'                   "Ready for approval", approve the time and the milestone, then release (README, Run it):',
						`                   curl -H 'authorization: Bearer ${billing.adminToken}' ${billing.url}/v1/milestones/M-1041-1/readiness`,
					].join("\n")
				: "  billing service  off (--no-billing): readings stay on the gateway",
			...[dayNote(workOrdersFile)].filter((line) => line !== ""),
			"Press Ctrl-C to stop.",
			"",
		].join("\n"),
	);

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		process.stdout.write("\nstopping...\n");
		await simulator.stop();
		await gateway.stop();
		await billing?.stop();
		pty?.socat.kill();
		logger.flush();
		lock.release();
		process.exit(0);
	};
	process.once("SIGINT", () => void stop());
	process.once("SIGTERM", () => void stop());
	// An unhandled rejection (platform/fatal.ts) still stops the parts in order.
	onFatalStop(async () => {
		await simulator.stop();
		await gateway.stop();
		await billing?.stop();
		pty?.socat.kill();
		logger.flush();
	});
}

/** Kept in the data dir (0600) so the flows' encrypted credentials stay readable across demo restarts. */
function demoCredentialSecret(dataDir: string): string {
	const file = join(dataDir, "node-red-credential-secret");
	if (!existsSync(file)) writeFileSync(file, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600 });
	return readFileSync(file, "utf8").trim();
}

/**
 * One technician's day, dated the first start: the gateway and the billing service must hold
 * the same work orders, and the billing service imports them once. --fresh starts a new day.
 */
function writeDemoWorkOrders(dataDir: string): string {
	const file = join(dataDir, "work-orders.json");
	if (!existsSync(file)) writeFileSync(file, JSON.stringify(demoDay(Date.now())));
	return file;
}

/** Says so when the demo day is not today (the app's Today view shows today only). */
function dayNote(workOrdersFile: string): string {
	const snapshot = JSON.parse(readFileSync(workOrdersFile, "utf8")) as ModelSnapshot;
	const first = snapshot.appointments[0]?.window.start;
	if (first === undefined || new Date(first).toDateString() === new Date().toDateString()) return "";
	return `  note             the demo day is ${new Date(first).toDateString()}; run \`fieldchain start --fresh\` for a day dated today`;
}

/** A gateway enrolled by an older demo is bound to nobody: bind it to the demo technician, as a fresh one enrolls. */
async function bindDemoGateway(billing: DemoBilling, gatewayId: string): Promise<boolean> {
	const response = await fetch(`${billing.url}/v1/gateways/${encodeURIComponent(gatewayId)}`, {
		method: "PATCH",
		headers: { authorization: `Bearer ${billing.adminToken}`, "content-type": "application/json" },
		body: JSON.stringify({ technicianIds: [DEMO_TECHNICIAN_ID] }),
		signal: AbortSignal.timeout(10_000),
	});
	// 404: the billing database was reset while the gateway kept its token; its uplink alarms as before.
	return response.ok || response.status === 404;
}

async function startBilling(dataDir: string, address: { host: string; port: number }, workOrdersFile: string): Promise<DemoBilling> {
	const snapshot = JSON.parse(readFileSync(workOrdersFile, "utf8")) as ModelSnapshot;
	return startDemoBilling({ dataDir, host: address.host, port: address.port, snapshot, gatewayEnrolled: readUplinkToken(dataDir) !== undefined });
}
