/**
 * Time over the device protocol (protocol/README.md, "Time"): the gateway's time and quality in
 * HostHello, TimeSync in answer to a TimeRequest, a TimeSync offered by a device the gateway trusts
 * (a GNSS tool) as a trusted time, and the plausibility flag of each reading's device time.
 * A TimeSync from a device the gateway was not configured to trust changes nothing.
 */
import { type Envelope, ReadingFlag } from "../../../protocol/codec.js";
import type { TimeStamp } from "../../clock/gateway-time.js";
import { QUALITY_CODES } from "../../clock/gateway-time.js";
import type { ReadingRow } from "../../store/reading-store.js";
import type { DeviceSession, SessionContext } from "../device-session.js";

/** HostHello's time fields: the gateway's best time and how far to trust it. */
export function hostTime(context: SessionContext): { hostTimeUs: number; hostTimeQuality?: number } {
	const stamp = context.time?.stamp();
	if (!stamp) return { hostTimeUs: context.clock.now() * 1000 };
	return { hostTimeUs: stamp.timeMs * 1000, hostTimeQuality: QUALITY_CODES[stamp.quality] };
}

export function handleTimeRequest(session: DeviceSession, envelope: Envelope): void {
	const stamp = session.context.time?.stamp();
	const request = envelope.timeRequest!;
	session.post({
		timeSync: {
			timeUs: (stamp ? stamp.timeMs : session.context.clock.now()) * 1000,
			quality: stamp ? QUALITY_CODES[stamp.quality] : 0,
			requestSeq: envelope.seq ?? 0,
			requestDeviceTimeUs: request.deviceTimeUs ?? 0,
			source: stamp?.source ?? "",
		},
	});
}

/** Quality values a time source may claim for its own clock to be taken (not "unsynchronised"). */
const TRUSTWORTHY = new Set([QUALITY_CODES.synchronised, QUALITY_CODES["trusted-source"]]);

export function handleTimeSync(session: DeviceSession, envelope: Envelope): void {
	const time = session.context.time;
	const identity = session.identity;
	const sync = envelope.timeSync!;
	if (!time || session.state !== "ready" || !identity) return;
	const received = time.stamp().monotonicMs;
	const utcMs = Math.floor(Number(sync.timeUs ?? 0) / 1000);
	if (!TRUSTWORTHY.has(sync.quality ?? 0) || !time.noteTrustedTime(`gnss:${identity.deviceId}`, utcMs, received, sync.uncertaintyMs ?? 0)) {
		if (!time.isTrustedDevice(identity.deviceId))
			session.logger.debug({ deviceId: identity.deviceId }, "TimeSync from a device not configured as a time source; ignored");
		return;
	}
	session.logger.info({ deviceId: identity.deviceId, source: sync.source ?? "" }, "gateway time set from a trusted time source");
}

/** Flags the reading when its device time is implausible (gateway/clock/device-time.ts). */
export function noteDeviceTime(session: DeviceSession, row: ReadingRow, stamp: TimeStamp): void {
	const check = session.context.deviceTime;
	if (!check) return;
	const reason = check.check({
		deviceId: row.deviceId,
		bootId: row.bootId,
		seq: row.seq,
		deviceTimeUs: row.deviceTimeUs,
		sinceBoot: (row.flags & ReadingFlag.READING_FLAG_CLOCK_SINCE_BOOT) !== 0,
		gatewayTimeMs: stamp.timeMs,
		quality: stamp.quality,
		monotonicMs: stamp.monotonicMs,
	});
	if (reason) row.deviceTimeImplausible = true;
}
