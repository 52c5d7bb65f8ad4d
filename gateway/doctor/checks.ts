/**
 * `fieldchain doctor`'s checks: each looks at one thing a van hub gets wrong in the field (clock,
 * disk, serial permissions, TLS certificates, the uplink) and says what to do about it. A check
 * never changes anything; its outside world (file system, clock probe, network) is injected so tests
 * drive it. Invariant: every result that is not "ok" carries advice.
 */

import { X509Certificate } from "node:crypto";
import { accessSync, constants, readdirSync, readFileSync, statfsSync } from "node:fs";
import { join } from "node:path";
import type { KernelSyncProbe } from "../clock/kernel-sync.js";
import type { GatewayConfig } from "../config.js";

export type CheckStatus = "ok" | "warn" | "fail";

export interface CheckResult {
	check: "clock" | "disk" | "serial" | "tls" | "uplink";
	status: CheckStatus;
	/** What was found, one line. */
	detail: string;
	/** What to do; present whenever status is not "ok". */
	advice?: string;
}

export interface DoctorWorld {
	now: () => number;
	kernelSync: KernelSyncProbe;
	/** Free and total bytes of the file system holding `path`. */
	diskSpace: (path: string) => { free: number; total: number };
	/** Throws when this user cannot read and write `path`. */
	canReadWrite: (path: string) => void;
	/** Serial device nodes present on this machine (/dev/ttyUSB*, ttyACM*, ttyAMA*). */
	serialDevices: () => string[];
	readFile: (path: string) => Buffer;
	/** Resolves with the HTTP status of a GET, rejects on a network error or timeout. */
	fetchStatus: (url: string, timeoutMs: number) => Promise<number>;
}

export const systemWorld: DoctorWorld = {
	now: Date.now,
	kernelSync: async () => undefined,
	diskSpace(path) {
		const stats = statfsSync(path);
		return { free: stats.bavail * stats.bsize, total: stats.blocks * stats.bsize };
	},
	canReadWrite: (path) => accessSync(path, constants.R_OK | constants.W_OK),
	serialDevices: () =>
		readdirSync("/dev")
			.filter((name) => /^tty(USB|ACM|AMA)\d+$/.test(name))
			.map((name) => join("/dev", name)),
	readFile: (path) => readFileSync(path),
	async fetchStatus(url, timeoutMs) {
		const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "manual" });
		await response.body?.cancel();
		return response.status;
	},
};

const GIB = 1024 ** 3;
const DAY_MS = 86_400_000;

export async function checkClock(world: DoctorWorld): Promise<CheckResult> {
	const synced = await world.kernelSync();
	if (synced) return { check: "clock", status: "ok", detail: "the system clock is synchronised (NTP)" };
	return {
		check: "clock",
		status: "warn",
		detail:
			synced === false ? "the system clock is not synchronised" : "cannot tell whether the system clock is synchronised (no timedatectl/timesyncd answer)",
		advice:
			"Evidence is stamped with time quality 'unsynchronised' until it is. Enable NTP (`timedatectl set-ntp true`, or chrony) and give the hub network once; check with `timedatectl`.",
	};
}

export function checkDisk(world: DoctorWorld, dataDir: string): CheckResult {
	let space: { free: number; total: number };
	try {
		space = world.diskSpace(dataDir);
	} catch (error) {
		return {
			check: "disk",
			status: "fail",
			detail: `cannot read the data directory ${dataDir} (${(error as Error).message})`,
			advice: "Create it or pass the right --data-dir (the packaged service uses /var/lib/fieldchain).",
		};
	}
	const freeGiB = space.free / GIB;
	const share = space.total > 0 ? space.free / space.total : 0;
	const detail = `${freeGiB.toFixed(2)} GiB free (${(share * 100).toFixed(0)}%) for ${dataDir}`;
	if (space.free < 0.2 * GIB)
		return {
			check: "disk",
			status: "fail",
			detail,
			advice:
				"The gateway stops acknowledging readings when the disk fills. Free space now: upload pending evidence (check the uplink), remove old backups in /var/backups/fieldchain, vacuum the journal (`journalctl --vacuum-size=100M`).",
		};
	if (space.free < GIB || share < 0.1)
		return {
			check: "disk",
			status: "warn",
			detail,
			advice:
				"Less than 1 GiB or 10% free: make room before a long day offline (old backups in /var/backups/fieldchain, `journalctl --vacuum-size=100M`), or use a larger SD card.",
		};
	return { check: "disk", status: "ok", detail };
}

export function checkSerial(world: DoctorWorld, config: GatewayConfig): CheckResult[] {
	const configured = config.serial.targets.map((target) => target.path).filter((path): path is string => Boolean(path));
	const paths = [...new Set([...configured, ...world.serialDevices()])];
	if (paths.length === 0)
		return [
			{
				check: "serial",
				status: configured.length ? "fail" : "ok",
				detail: "no serial device present (/dev/ttyUSB*, /dev/ttyACM*, /dev/ttyAMA*)",
				...(configured.length ? { advice: "Plug the tool in, or check its cable." } : {}),
			},
		];
	return paths.map((path): CheckResult => {
		try {
			world.canReadWrite(path);
			return { check: "serial", status: "ok", detail: `${path} can be opened for reading and writing` };
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			const missing = code === "ENOENT";
			return {
				check: "serial",
				status: configured.includes(path) ? "fail" : "warn",
				detail: missing ? `${path} does not exist` : `${path} cannot be opened for reading and writing (${code ?? (error as Error).message})`,
				advice: missing
					? "Plug the tool in or correct serial.ports in the configuration (a stable /dev/serial/by-id/ path survives re-plugging)."
					: "Serial ports belong to the dialout group: `sudo adduser $USER dialout` and log in again (the packaged service's user fieldchain is in it already).",
			};
		}
	});
}

export function checkTls(world: DoctorWorld, config: GatewayConfig): CheckResult[] {
	const files: Array<[string, string]> = [];
	// Each section is `false` when switched off.
	const http = config.http || undefined;
	const mqtt = config.mqtt || undefined;
	const uplinkMqtt = (config.uplink || undefined)?.mqtt;
	if (http?.tls) files.push(["http.tls", http.tls.certFile]);
	if (mqtt?.tls) files.push(["mqtt.tls", mqtt.tls.certFile]);
	if (uplinkMqtt?.certFile) files.push(["uplink.mqtt", uplinkMqtt.certFile]);
	if (files.length === 0) return [{ check: "tls", status: "ok", detail: "no TLS certificates configured (loopback only)" }];
	return files.map(([field, file]): CheckResult => {
		let certificate: X509Certificate;
		try {
			certificate = new X509Certificate(world.readFile(file));
		} catch (error) {
			return {
				check: "tls",
				status: "fail",
				detail: `${field}: cannot read the certificate ${file} (${(error as Error).message})`,
				advice: `Fix ${field}.certFile: a readable PEM certificate (the service user needs read access).`,
			};
		}
		const left = Date.parse(certificate.validTo) - world.now();
		const days = Math.floor(left / DAY_MS);
		const detail = `${field}: ${certificate.subject.replace(/\n/g, ", ")} valid until ${new Date(Date.parse(certificate.validTo)).toISOString()}`;
		const renew = "Renew it, replace the file and reload without a restart: `systemctl kill -s HUP fieldchain` (SIGHUP).";
		if (left <= 0) return { check: "tls", status: "fail", detail: `${detail}: expired`, advice: `Clients refuse it. ${renew}` };
		if (days < 30) return { check: "tls", status: "warn", detail: `${detail}: ${days} days left`, advice: renew };
		return { check: "tls", status: "ok", detail: `${detail} (${days} days)` };
	});
}

export async function checkUplink(world: DoctorWorld, config: GatewayConfig): Promise<CheckResult> {
	if (!config.uplink) return { check: "uplink", status: "ok", detail: "no uplink configured (evidence stays on the gateway)" };
	const url = config.uplink.transport === "mqtt" ? config.uplink.mqtt?.url : config.uplink.url;
	if (!url) return { check: "uplink", status: "warn", detail: "the uplink has no URL", advice: "Set uplink.url (HTTP) or uplink.mqtt.url." };
	if (!/^https?:/.test(url)) return { check: "uplink", status: "ok", detail: `${url}: not checked (only HTTP uplinks are probed)` };
	try {
		const status = await world.fetchStatus(url, 5000);
		if (status >= 500)
			return {
				check: "uplink",
				status: "warn",
				detail: `${url} answers ${status}`,
				advice: "The billing service is up but failing: evidence queues until it recovers; tell its operator.",
			};
		return { check: "uplink", status: "ok", detail: `${url} answers (HTTP ${status})` };
	} catch (error) {
		return {
			check: "uplink",
			status: "warn",
			detail: `${url} cannot be reached (${(error as Error).cause ? String((error as { cause: Error }).cause.message ?? (error as Error).cause) : (error as Error).message})`,
			advice:
				"Evidence queues on the gateway and is sent once the link is back. Check the network (mobile data, Wi-Fi), DNS (`getent hosts` the host) and a firewall on the way.",
		};
	}
}
