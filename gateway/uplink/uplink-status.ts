/**
 * What the local API and /metrics say about the uplink: queue depth, oldest unsent age, bytes
 * waiting, uploads per second, failures by reason, and per task stored / uploaded / receipted.
 */
import type { Clock } from "../../platform/clock.js";
import type { EvidenceLog } from "../evidence/evidence-log.js";
import type { UplinkCursors } from "./cursors.js";
import type { Outbox } from "./outbox.js";
import type { SealedSpans } from "./sealed-spans.js";
import type { UplinkRunner } from "./uplink-runner.js";

export interface UplinkStatusSources {
	spans: SealedSpans;
	cursors: UplinkCursors;
	outbox: Outbox;
	runner: () => UplinkRunner | undefined;
	configured: boolean;
	clock: Clock;
}

export function uplinkStatus(sources: UplinkStatusSources) {
	const { spans, cursors, outbox, clock } = sources;
	const runner = sources.runner();
	const drain = runner?.drain;
	const cursor = cursors.current;
	const chainHead = spans.chainHead();
	const oldestSealed = spans.oldestSealedAfter(cursor.receiptedUpTo);
	const outboxStats = outbox.stats();
	const now = clock.now();
	const oldest = [oldestSealed, outboxStats.oldestCreatedAt].filter((v): v is number => v !== null);
	return {
		configured: sources.configured,
		destination: cursor.destination,
		state: !sources.configured ? "off" : (drain?.state ?? runner?.enrollment.state ?? "starting"),
		enrollment: runner?.enrollment ?? null,
		breaker: drain ? { state: drain.breaker.state, openings: drain.breaker.openings, retryInMs: drain.breaker.waitMs } : null,
		evidence: {
			chainHead,
			sealedUpTo: spans.sealedHead(),
			uploadedUpTo: cursor.uploadedUpTo,
			receiptedUpTo: cursor.receiptedUpTo,
			queueDepth: chainHead - cursor.receiptedUpTo,
			lastReceiptAt: cursor.receiptedAt,
		},
		outbox: { queueDepth: outboxStats.depth, bytes: outboxStats.bytes, conflicts: outbox.conflicts().length },
		queueDepth: chainHead - cursor.receiptedUpTo + outboxStats.depth,
		oldestUnsentAgeSeconds: oldest.length > 0 ? Math.max(0, (now - Math.min(...oldest)) / 1000) : 0,
		bytesQueued: spans.bytesAfter(cursor.receiptedUpTo) + outboxStats.bytes,
		uploadsPerSecond: drain?.uploads.perSecond() ?? 0,
		recordsReceipted: drain?.stats.recordsReceipted ?? 0,
		failuresByReason: drain?.stats.failuresByReason ?? {},
		lastError: drain?.stats.lastError ?? runner?.enrollment.error ?? null,
	};
}

/** Per task: how many of its evidence records are only stored, uploaded, receipted; the same for its outbox entries. */
export function taskUplinkStatus(evidence: EvidenceLog, outbox: Outbox, workOrderId: string, taskId: string) {
	const counts = { stored: 0, uploaded: 0, receipted: 0 };
	for (const view of evidence.forTask(workOrderId, taskId)) counts[view.status]++;
	return { workOrderId, taskId, evidence: counts, outbox: outbox.statusOfTask(workOrderId, taskId) };
}
