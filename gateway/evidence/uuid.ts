/**
 * UUIDv7 (RFC 9562 section 5.7) for evidence record ids: 48-bit Unix ms timestamp, version 7,
 * then random bits, so ids sort by time. Built from a v4 UUID, whose variant bits and 74 random
 * bits it keeps: this runs once per evidence record, at reading rate.
 */
import { randomUUID } from "node:crypto";

// Readings of one commit share their arrival millisecond: its prefix is formatted once.
let uuidPrefixMs = -1;
let uuidPrefix = "";

export function uuidV7(nowMs: number): string {
	if (nowMs !== uuidPrefixMs) {
		const time = nowMs.toString(16).padStart(12, "0");
		uuidPrefix = `${time.slice(0, 8)}-${time.slice(8, 12)}-7`;
		uuidPrefixMs = nowMs;
	}
	return uuidPrefix + randomUUID().slice(15);
}
