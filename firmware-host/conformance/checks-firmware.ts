/**
 * Firmware update with resume and rollback (protocol/README.md, "Firmware update"): upload part
 * of the image, drop the link, resume at the offset the device reports, test-boot the image, and
 * reset again without confirming: the device must roll back to the image it ran before.
 */
import { CommandStatus, type Envelope, type Hello } from "../../protocol/codec.js";
import { chunkSizeFor, ImageUploader } from "../../protocol/firmware/image-uploader.js";
import { parseImage } from "../../protocol/firmware/image-verify.js";
import { ImageAction, type ImageState, ImageStatus, SelfTest, statusName } from "../../protocol/firmware/messages.js";
import type { DeviceConnection } from "../host/device-connection.js";
import { type Check, type ConformanceContext, expectThat, SkipCheck } from "./check.js";

async function state(connection: DeviceConnection, context: ConformanceContext, action = ImageAction.ACTION_READ, hash?: Uint8Array): Promise<ImageState> {
	return (await connection.request({ imageStateRequest: { action, hash } }, "imageState", context.answerTimeoutMs)).imageState!;
}

/** Uploads until `stopAt` bytes are confirmed (or the end); resolves with the confirmed offset. */
async function upload(
	connection: DeviceConnection,
	hello: Hello,
	image: Buffer,
	context: ConformanceContext,
	stopAt: number,
	restart: boolean,
): Promise<{ confirmed: number; resumedAt: number; complete: boolean }> {
	let stop: () => void = () => {};
	const stopped = new Promise<void>((resolve) => {
		stop = resolve;
	});
	const uploader = new ImageUploader({
		image,
		chunkSize: chunkSizeFor(hello.maxPayload || 1024, image.length),
		window: hello.window || 1,
		restart,
		clock: context.clock,
		send: (chunk) => connection.send({ imageUpload: chunk }),
		onProgress: (confirmed) => {
			if (confirmed >= stopAt) stop();
		},
	});
	const onEnvelope = (e: Envelope) => {
		if (e.body === "imageUploadResult") uploader.onResult(e.imageUploadResult!);
	};
	connection.on("envelope", onEnvelope);
	try {
		uploader.start();
		const outcome = await Promise.race([uploader.done, stopped.then(() => undefined)]);
		return { confirmed: uploader.confirmedOffset, resumedAt: outcome?.resumedAt ?? 0, complete: outcome !== undefined };
	} finally {
		uploader.pause();
		connection.off("envelope", onEnvelope);
	}
}

/**
 * A device refuses Reboot while it holds unacked readings (it would lose them). A device that
 * started streaming again on its new boot's greeting may hold a few: the suite is their host, so it
 * acks them (it keeps no readings at a bench) and says so, then asks for the reset.
 */
async function ackHeldReadings(connection: DeviceConnection, context: ConformanceContext): Promise<void> {
	const ask = async () => (await connection.request({ command: { getStatus: {} } }, "commandResult", context.answerTimeoutMs)).commandResult?.deviceStatus;
	let status = await ask();
	if (!status?.unackedReadings) return;
	// Stop new readings first, so the ack below covers all it holds (a reset restarts streaming anyway).
	if (status.streaming) {
		await connection.request({ command: { stopStreaming: {} } }, "commandResult", context.answerTimeoutMs);
		status = await ask();
	}
	const held = status?.unackedReadings ?? 0;
	const next = status?.nextReadingSeq ?? 0;
	if (held === 0 || next <= 1) return;
	connection.send({ ack: { upToSeq: next - 1, bootId: connection.hello?.bootId } });
	context.log(`acked ${held} readings the device held before asking it to reset`);
}

export async function rebootAndGreet(connection: DeviceConnection, context: ConformanceContext): Promise<Hello> {
	await ackHeldReadings(connection, context);
	const oldBoot = Buffer.from(connection.hello?.bootId ?? []);
	const booted = connection.waitFor((e) => e.body === "hello" && !Buffer.from(e.hello!.bootId ?? []).equals(oldBoot), 10_000, "the Hello of the next boot");
	const result = (await connection.request({ command: { reboot: {} } }, "commandResult", context.answerTimeoutMs)).commandResult!;
	expectThat(result.status === CommandStatus.STATUS_OK, `Reboot answered status ${result.status}: ${result.message}`);
	await booted;
	return connection.greet();
}

async function selfTestDone(connection: DeviceConnection, context: ConformanceContext): Promise<ImageState> {
	for (let i = 0; i < 100; i++) {
		const s = await state(connection, context);
		if (s.selfTest !== SelfTest.SELF_TEST_RUNNING) return s;
		await context.sleep(100);
	}
	throw new Error("the self-test did not finish within 10 s");
}

export const firmwareChecks: Check[] = [
	{
		id: "firmware-resume",
		group: "firmware",
		title: "image upload resumes at the offset the device reports after the link drops",
		spec: "Firmware update: Image upload",
		async run(context) {
			const image = context.image;
			if (!image) throw new SkipCheck("no --image given: pass a signed image the device accepts");
			const first = await context.connect({ maintenance: true });
			const before = await state(first.connection, context);
			expectThat(before.status === ImageStatus.IMAGE_STATUS_OK, `reading the image state answered ${statusName(before.status)}`);
			expectThat(before.slots?.[0]?.active, "slot 0 is not reported as the active image");
			const half = Math.floor(image.length / 2);
			const part = await upload(first.connection, first.hello, image, context, half, true);
			expectThat(part.confirmed >= half && !part.complete, `the device confirmed only ${part.confirmed} of ${half} bytes`);
			await first.connection.close();
			const second = await context.connect({ maintenance: true });
			try {
				const rest = await upload(second.connection, second.hello, image, context, Number.POSITIVE_INFINITY, false);
				expectThat(rest.complete, "the upload did not complete");
				expectThat(rest.resumedAt > 0 && rest.resumedAt <= part.confirmed + 64 * 1024, `the device resumed at ${rest.resumedAt}, not near ${part.confirmed}`);
				context.log(`resumed at offset ${rest.resumedAt} of ${image.length}`);
				const after = await state(second.connection, context);
				const hash = parseImage(image).hash;
				expectThat(
					after.slots?.some((s) => s.slot === 1 && Buffer.from(s.hash ?? []).equals(hash)),
					"slot 1 does not hold the uploaded image",
				);
			} finally {
				await second.connection.close();
			}
		},
	},
	{
		id: "firmware-rollback",
		group: "firmware",
		title: "test-boots the image once and rolls back at the next reset when not confirmed",
		spec: "Firmware update: Test, confirm and rollback",
		async run(context) {
			const image = context.image;
			if (!image) throw new SkipCheck("no --image given: pass a signed image the device accepts");
			const hash = parseImage(image).hash;
			const { connection } = await context.connect({ maintenance: true });
			try {
				const before = await state(connection, context);
				const original = before.slots?.[0];
				expectThat(original?.confirmed, "the running image is not confirmed; reset the device first");
				if (!before.slots?.some((s) => s.slot === 1 && Buffer.from(s.hash ?? []).equals(hash))) {
					const all = await upload(connection, connection.hello!, image, context, Number.POSITIVE_INFINITY, true);
					expectThat(all.complete, "the upload did not complete");
				}
				const tested = await state(connection, context, ImageAction.ACTION_TEST, hash);
				expectThat(tested.status === ImageStatus.IMAGE_STATUS_OK, `test answered ${statusName(tested.status)}: ${tested.message}`);
				expectThat(tested.slots?.find((s) => s.slot === 1)?.pending, "slot 1 is not pending after test");
				await rebootAndGreet(connection, context);
				const onTest = await selfTestDone(connection, context);
				expectThat(Buffer.from(onTest.slots?.[0]?.hash ?? []).equals(hash), "after the reset the device does not run the tested image");
				expectThat(!onTest.slots?.[0]?.confirmed, "the tested image reports confirmed before anyone confirmed it");
				await rebootAndGreet(connection, context);
				const back = await state(connection, context);
				expectThat(
					Buffer.from(back.slots?.[0]?.hash ?? []).equals(Buffer.from(original.hash ?? [])),
					`after the second reset the device runs ${back.slots?.[0]?.version}, not ${original.version}: no rollback`,
				);
				expectThat(back.rolledBack, "the device does not report the rollback (rolled_back)");
				context.log(`ran ${onTest.slots?.[0]?.version} once, rolled back to ${original.version}`);
			} finally {
				await connection.close();
			}
		},
	},
];
