/**
 * A real Mosquitto broker for tests: its own config, password file and persistence in a temp
 * dir, listening on a loopback port; restartable over the same persistence (sessions and queued
 * QoS 1 messages survive, as on a production broker).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { userInfo } from "node:os";
import { join } from "node:path";
import { freePort } from "./gateway-process.js";

export const MOSQUITTO = "/usr/sbin/mosquitto";

export interface MosquittoBroker {
	port: number;
	url: string;
	username: string;
	password: string;
	/** With { tls: true }: the CA and a client certificate the broker accepts. */
	tls?: TestTls;
	restart(): Promise<void>;
	stop(): Promise<void>;
}

function requireMosquitto(): void {
	if (!existsSync(MOSQUITTO)) throw new Error(`${MOSQUITTO} is missing: apt-get install mosquitto`);
}

async function listening(port: number, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const ok = await new Promise<boolean>((resolve) => {
			const socket = createConnection({ host: "127.0.0.1", port }, () => {
				socket.destroy();
				resolve(true);
			});
			socket.on("error", () => resolve(false));
		});
		if (ok) return;
		if (Date.now() > deadline) throw new Error(`mosquitto did not listen on 127.0.0.1:${port} in ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

export interface TestTls {
	caFile: string;
	clientCertFile: string;
	clientKeyFile: string;
}

/** A throw-away CA, a server certificate for 127.0.0.1 and a client certificate (CN gateway), made with openssl. */
export function makeTestTls(dir: string): TestTls & { serverCertFile: string; serverKeyFile: string } {
	mkdirSync(dir, { recursive: true });
	const file = (name: string) => join(dir, name);
	const openssl = (args: string[]) => {
		const result = spawnSync("openssl", args, { cwd: dir });
		if (result.status !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr}`);
	};
	const key = (name: string) => openssl(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-out", file(name)]);
	key("ca.key");
	openssl(["req", "-x509", "-new", "-key", "ca.key", "-out", "ca.pem", "-days", "1", "-subj", "/CN=fieldchain-test-ca"]);
	for (const [name, subject, ext] of [
		["server", "/CN=127.0.0.1", "subjectAltName=IP:127.0.0.1\n"],
		["client", "/CN=gateway", "extendedKeyUsage=clientAuth\n"],
	]) {
		key(`${name}.key`);
		openssl(["req", "-new", "-key", `${name}.key`, "-out", `${name}.csr`, "-subj", subject]);
		writeFileSync(file(`${name}.ext`), ext);
		openssl([
			"x509",
			"-req",
			"-in",
			`${name}.csr`,
			"-CA",
			"ca.pem",
			"-CAkey",
			"ca.key",
			"-CAcreateserial",
			"-out",
			`${name}.pem`,
			"-days",
			"1",
			"-extfile",
			`${name}.ext`,
		]);
	}
	return {
		caFile: file("ca.pem"),
		serverCertFile: file("server.pem"),
		serverKeyFile: file("server.key"),
		clientCertFile: file("client.pem"),
		clientKeyFile: file("client.key"),
	};
}

export async function startMosquitto(dir: string, options: { tls?: boolean } = {}): Promise<MosquittoBroker> {
	requireMosquitto();
	mkdirSync(join(dir, "persistence"), { recursive: true });
	const tls = options.tls ? makeTestTls(join(dir, "tls")) : undefined;
	const port = await freePort();
	const username = "gateway";
	const password = "uplink-test-secret";
	const passwordFile = join(dir, "passwords");
	writeFileSync(passwordFile, "");
	const made = spawnSync("mosquitto_passwd", ["-b", passwordFile, username, password]);
	if (made.status !== 0) throw new Error(`mosquitto_passwd failed: ${made.stderr}`);
	spawnSync("mosquitto_passwd", ["-b", passwordFile, "cloud", password]);
	const configFile = join(dir, "mosquitto.conf");
	writeFileSync(
		configFile,
		[
			`listener ${port} 127.0.0.1`,
			// Run as root (as CI does), mosquitto would switch to its own user and lose access to the temp dir.
			`user ${userInfo().username}`,
			"allow_anonymous false",
			// With TLS the client certificate is the identity (its CN the username); otherwise a password.
			...(tls
				? [
						`cafile ${tls.caFile}`,
						`certfile ${tls.serverCertFile}`,
						`keyfile ${tls.serverKeyFile}`,
						"require_certificate true",
						"use_identity_as_username true",
					]
				: [`password_file ${passwordFile}`]),
			"persistence true",
			`persistence_location ${join(dir, "persistence")}/`,
			"max_queued_messages 100000",
			"log_dest stderr",
			"",
		].join("\n"),
	);
	let child: ChildProcess | undefined;
	const start = async () => {
		child = spawn(MOSQUITTO, ["-c", configFile], { stdio: "ignore" });
		await listening(port);
	};
	const stop = async () => {
		const running = child;
		child = undefined;
		if (!running || running.exitCode !== null) return;
		const exited = new Promise((resolve) => running.once("exit", resolve));
		running.kill("SIGTERM");
		await exited;
	};
	await start();
	return {
		port,
		url: `${tls ? "mqtts" : "mqtt"}://127.0.0.1:${port}`,
		tls,
		username,
		password,
		async restart() {
			await stop();
			await start();
		},
		stop,
	};
}
