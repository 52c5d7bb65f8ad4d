/**
 * `device flash` for a stock Zephyr/MCUboot device (one that answers SMP, not protocol v1): the
 * same steps as the protocol v1 flasher, in MCUmgr's commands.
 *   check the image on the host (signature; --public-key pins the key)
 *   → image list (nothing to do when it already runs, confirmed)
 *   → upload (resumable, windowed; skipped when the secondary slot already holds it)
 *   → image test HASH → os reset → wait until the device answers again
 *   → image list: the image runs (else MCUboot refused or reverted it: FC_FIRMWARE_ROLLBACK, exit 3)
 *   → image confirm (unless --test-only).
 * The hash test and confirm name is the image's SHA-256 TLV, not the file's hash.
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { type ParsedImage, verifyImage } from "../../protocol/firmware/image-verify.js";
import type { SerialBinding } from "../../protocol/transport/serial.js";
import { openRawSerialPort } from "../monitor/raw-serial-port.js";
import { type UploadOutcome, uploadImage } from "./image-upload.js";
import { SmpClient } from "./smp-client.js";
import { echo, type ImageSlotInfo, listImages, readParams, reset, setImageState } from "./smp-commands.js";

export type SmpFlashEvent =
	| { kind: "verified"; image: ParsedImage }
	| { kind: "connected"; running: ImageSlotInfo | undefined; smpVersion: number }
	| { kind: "progress"; confirmed: number; total: number }
	| { kind: "uploaded"; outcome: UploadOutcome | undefined }
	| { kind: "testBoot" }
	| { kind: "booted"; version: string }
	| { kind: "confirmed"; version: string };

export interface SmpFlashOptions {
	testOnly?: boolean;
	/** Only accept images signed with this raw Ed25519 key. */
	publicKey?: Buffer;
	/** How long to wait for the device to answer after its reset (default 60 s). */
	rebootTimeoutMs?: number;
	onEvent?: (event: SmpFlashEvent) => void;
}

export interface SmpFlashResult {
	outcome: "confirmed" | "test-only" | "already-running";
	version: string;
}

export async function flashOverSmp(client: SmpClient, file: Buffer, options: SmpFlashOptions = {}): Promise<SmpFlashResult> {
	const emit = options.onEvent ?? (() => {});
	const image = verifyImage(file, options.publicKey ? { trustedKeys: [options.publicKey] } : {});
	emit({ kind: "verified", image });
	const hash = image.hash.toString("hex");
	const before = await listImages(client);
	const running = before.find((slot) => slot.active);
	emit({ kind: "connected", running, smpVersion: client.protocolVersion === 1 ? 2 : 1 });
	if (running?.hash === hash && running.confirmed) return { outcome: "already-running", version: image.version };
	if (running?.hash === hash && options.testOnly) return { outcome: "test-only", version: image.version };
	if (running?.hash !== hash) {
		const staged = before.find((slot) => !slot.active && slot.hash === hash);
		let outcome: UploadOutcome | undefined;
		if (!staged) {
			const params = await readParams(client);
			outcome = await uploadImage(client, file, { params, onProgress: (confirmed, total) => emit({ kind: "progress", confirmed, total }) });
		}
		emit({ kind: "uploaded", outcome });
		await setImageState(client, image.hash, false);
		emit({ kind: "testBoot" });
		await reset(client);
		await waitForDevice(client, options.rebootTimeoutMs ?? 60_000);
		const after = await listImages(client);
		const active = after.find((slot) => slot.active);
		if (active?.hash !== hash) {
			const present = after.some((slot) => slot.hash === hash);
			throw new FieldchainError(
				ErrorCodes.FC_FIRMWARE_ROLLBACK,
				`The device did not boot ${image.version}: it runs ${active?.version ?? "?"}; ${present ? "the image is still in the secondary slot" : "MCUboot erased the image (it did not validate: signature or key)"}.`,
				{ hint: present ? "Check the device's console (--verbose) for MCUboot's messages." : "Sign the image with a key the device's MCUboot has built in." },
			);
		}
		emit({ kind: "booted", version: active.version });
		if (options.testOnly) return { outcome: "test-only", version: image.version };
	}
	await setImageState(client, undefined, true);
	emit({ kind: "confirmed", version: image.version });
	return { outcome: options.testOnly ? "test-only" : "confirmed", version: image.version };
}

/** Echo until the device answers: a reset takes the SMP server away for a while. */
async function waitForDevice(client: SmpClient, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last: unknown;
	while (Date.now() < deadline) {
		try {
			await echo(client, "fieldchain");
			return;
		} catch (error) {
			last = error;
			if (!(error instanceof FieldchainError) || error.code !== ErrorCodes.FC_PROTO_TIMEOUT) throw error;
		}
	}
	throw new FieldchainError(ErrorCodes.FC_PROTO_TIMEOUT, `The device did not answer within ${Math.round(timeoutMs / 1000)} s of its reset.`, {
		cause: last,
		hint: "Power-cycle it and run `device smp image list` to see what it runs.",
	});
}

/**
 * Whether the device on `path` answers SMP: one echo, sent twice at most, half a second each.
 * False when nothing answers (a protocol v1 device ignores the frames) or the port does not open.
 */
export async function answersSmp(path: string, options: { baudRate?: number; binding?: SerialBinding; attemptMs?: number } = {}): Promise<boolean> {
	let port: Awaited<ReturnType<typeof openRawSerialPort>>;
	try {
		port = await openRawSerialPort(path, options.baudRate ?? 115200, options.binding);
	} catch {
		return false;
	}
	port.on("error", () => {
		if (!port.destroyed) port.destroy();
	});
	const client = new SmpClient(port, { label: path, attemptMs: options.attemptMs ?? 500, attempts: 2 });
	let smp = false;
	try {
		await echo(client, "fieldchain");
		smp = true;
	} catch (error) {
		// A device error is still an SMP answer (echo disabled, say).
		smp = error instanceof FieldchainError && error.code === ErrorCodes.FC_SMP_DEVICE;
	} finally {
		client.dispose();
		if (!port.destroyed) {
			// Not SMP: a protocol v1 device holds our frames as an unfinished COBS frame; a 0x00 ends it,
			// so the flasher's first frame is not glued to them (an empty frame is idle line in v1).
			if (!smp) await new Promise<void>((resolve) => port.write(Buffer.from([0]), () => port.drain(() => resolve())));
			await new Promise<void>((resolve) => port.close(() => resolve()));
		}
	}
	return smp;
}
