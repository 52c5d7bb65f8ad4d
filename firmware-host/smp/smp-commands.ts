/**
 * The SMP commands `device smp` offers, one function each, with the request and answer shapes of
 * Zephyr's group specifications: "Default/OS Management Group" (group 0), "Application/software
 * image management group" (group 1), "Statistics management" (group 2), "Shell management"
 * (group 9). Answers are checked for the fields the command needs; a missing field is a
 * FC_SMP_DECODE error naming it.
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { SmpGroup, SmpOp } from "./header.js";
import type { RequestBudget, SmpClient } from "./smp-client.js";
import { MgmtErr } from "./smp-errors.js";

export interface McumgrParams {
	/** One SMP buffer: header and CBOR together must fit it. */
	bufSize: number;
	bufCount: number;
	/** False when the device does not know the command (older MCUmgr): the values are conservative defaults. */
	reported: boolean;
}

/** Used when a device does not answer mcumgr_params (before Zephyr 2.7): small packets, one at a time. */
export const DEFAULT_PARAMS: McumgrParams = { bufSize: 256, bufCount: 1, reported: false };

export interface ImageSlotInfo {
	image: number;
	slot: number;
	version: string;
	/** Hex of the image's SHA-256 TLV (MCUboot's image hash, not the file's hash). */
	hash: string;
	bootable: boolean;
	pending: boolean;
	confirmed: boolean;
	active: boolean;
	permanent: boolean;
}

/** Group 0, command 6 "MCUmgr Parameters" (read). */
export async function readParams(client: SmpClient): Promise<McumgrParams> {
	try {
		const body = await client.request({ op: SmpOp.READ, group: SmpGroup.OS, command: 6, name: "mcumgr_params" });
		const bufSize = uint(body, "buf_size", "mcumgr_params");
		const bufCount = uint(body, "buf_count", "mcumgr_params");
		return { bufSize, bufCount: Math.max(1, bufCount), reported: true };
	} catch (error) {
		if (error instanceof FieldchainError && error.details?.rc === MgmtErr.ENOTSUP) return DEFAULT_PARAMS;
		throw error;
	}
}

/** Group 0, command 0 "Echo" (write). */
export async function echo(client: SmpClient, text: string): Promise<string> {
	const body = await client.request({ op: SmpOp.WRITE, group: SmpGroup.OS, command: 0, body: { d: text }, name: "echo" });
	return str(body, "r", "echo");
}

/** Group 0, command 5 "System reset" (write). The device answers, then resets. */
export async function reset(client: SmpClient): Promise<void> {
	await client.request({ op: SmpOp.WRITE, group: SmpGroup.OS, command: 5, name: "reset" });
}

/** Group 0, command 7 "OS/Application Info" (read); format letters as uname's (s n r v b m p i o, a = all). */
export async function osInfo(client: SmpClient, format?: string): Promise<string> {
	const body = await client.request({ op: SmpOp.READ, group: SmpGroup.OS, command: 7, body: format ? { format } : {}, name: "os info" });
	return str(body, "output", "os info");
}

/** Group 1, command 0 "State of images" (read). */
export async function listImages(client: SmpClient): Promise<ImageSlotInfo[]> {
	const body = await client.request({ op: SmpOp.READ, group: SmpGroup.IMAGE, command: 0, name: "image list" });
	return imagesOf(body, "image list");
}

/**
 * Group 1, command 0 "Set state of image" (write). confirm false: test-boot the image with `hash`
 * once; confirm true without a hash: keep the running image.
 */
export async function setImageState(client: SmpClient, hash: Buffer | undefined, confirm: boolean): Promise<ImageSlotInfo[]> {
	const what = confirm ? "image confirm" : "image test";
	const body = await client.request({ op: SmpOp.WRITE, group: SmpGroup.IMAGE, command: 0, body: { hash, confirm }, name: what });
	return imagesOf(body, what);
}

/** Group 1, command 5 "Image erase" (write); synchronous on the device, so it gets a longer wait. */
export async function eraseImage(client: SmpClient, slot?: number): Promise<void> {
	await client.request({ op: SmpOp.WRITE, group: SmpGroup.IMAGE, command: 5, body: { slot }, name: "image erase" }, { attemptMs: 15_000, attempts: 2 });
}

/** Group 2, command 1 "List groups". */
export async function statList(client: SmpClient): Promise<string[]> {
	const body = await client.request({ op: SmpOp.READ, group: SmpGroup.STAT, command: 1, name: "stat list" });
	const list = body.stat_list;
	if (!Array.isArray(list) || !list.every((name) => typeof name === "string")) throw missing("stat_list", "stat list");
	return list;
}

/** Group 2, command 0 "Group data". */
export async function statRead(client: SmpClient, name: string): Promise<{ name: string; fields: Record<string, number> }> {
	const body = await client.request({ op: SmpOp.READ, group: SmpGroup.STAT, command: 0, body: { name }, name: `stat read ${name}` });
	const fields = body.fields;
	if (!fields || typeof fields !== "object") throw missing("fields", "stat read");
	const out: Record<string, number> = {};
	for (const [key, value] of Object.entries(fields)) out[key] = typeof value === "bigint" ? Number(value) : Number(value);
	return { name: typeof body.name === "string" ? body.name : name, fields: out };
}

/** Group 9, command 0 "Shell command line execute". `ret` is the shell command's own return code. */
export async function shellExec(client: SmpClient, argv: string[], budget?: RequestBudget): Promise<{ output: string; ret: number }> {
	const body = await client.request({ op: SmpOp.WRITE, group: SmpGroup.SHELL, command: 0, body: { argv }, name: `shell exec ${argv[0]}` }, budget);
	return { output: typeof body.o === "string" ? body.o : "", ret: typeof body.ret === "number" ? body.ret : 0 };
}

function imagesOf(body: Record<string, unknown>, what: string): ImageSlotInfo[] {
	const images = body.images;
	if (!Array.isArray(images)) throw missing("images", what);
	return images.map((entry: Record<string, unknown>) => ({
		image: typeof entry.image === "number" ? entry.image : 0,
		slot: uint(entry, "slot", what),
		version: typeof entry.version === "string" ? entry.version : "?",
		hash: entry.hash instanceof Uint8Array ? Buffer.from(entry.hash).toString("hex") : "",
		bootable: entry.bootable === true,
		pending: entry.pending === true,
		confirmed: entry.confirmed === true,
		active: entry.active === true,
		permanent: entry.permanent === true,
	}));
}

function uint(body: Record<string, unknown>, key: string, what: string): number {
	const value = body[key];
	if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
	if (typeof value === "bigint" && value >= 0n && value <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(value);
	throw missing(key, what);
}

function str(body: Record<string, unknown>, key: string, what: string): string {
	const value = body[key];
	if (typeof value !== "string") throw missing(key, what);
	return value;
}

function missing(key: string, what: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_SMP_DECODE, `The device's answer to ${what} has no valid "${key}" field.`, {
		hint: "The device's MCUmgr does not follow the SMP specification for this command; check its version.",
	});
}
