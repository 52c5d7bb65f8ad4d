/**
 * The billing service over HTTP(S) as an uplink destination: evidence batches to
 * POST /v1/evidence/batches (protocol/uplink/wire.ts), time entries to
 * POST /v1/time-entries, task status to POST /v1/tasks/{id}/status, with the gateway's own API
 * token from enrollment (scopes evidence:write and workorders:read).
 *
 * Time entries and status changes carry no idempotency key on the service's side, so a retry
 * first asks whether the first try arrived: a time entry carries its gateway id in its note
 * and is looked up on the work order; a status change is done when the task already has it.
 */

import { parseBatchReceipt } from "../../../protocol/uplink/wire.js";
import type { OutboxEntry } from "../outbox.js";
import { allPages } from "./all-pages.js";
import { errorText, expectStatus, type JsonResponse, requestJson } from "./http-json.js";
import { type EvidenceReceipt, type EvidenceUpload, type OutboxResult, type UplinkTransport, uplinkFailure } from "./transport.js";

export interface HttpTransportOptions {
	/** Base URL of the billing service, e.g. https://billing.example.com */
	url: string;
	token: string;
	requestTimeoutMs?: number;
}

/** What links a cloud time entry to the gateway's: its note. */
export const TIME_ENTRY_MARKER = "fieldchain-gateway-time-entry:";

export class HttpTransport implements UplinkTransport {
	readonly destination: string;
	private readonly aborter = new AbortController();
	private readonly timeoutMs: number;

	constructor(private readonly options: HttpTransportOptions) {
		this.destination = `billing:${new URL(options.url).host}`;
		this.timeoutMs = options.requestTimeoutMs ?? 30_000;
	}

	async sendEvidence(upload: EvidenceUpload): Promise<EvidenceReceipt> {
		const response = expectStatus(await this.request("POST", "/v1/evidence/batches", upload), `evidence batch ${upload.batchId}`, 200);
		const receipt = parseBatchReceipt(response.body);
		if (typeof receipt === "string") throw uplinkFailure("server", `evidence batch ${upload.batchId}: the answer is no receipt (${receipt}).`);
		// A refused checkpoint leaves its records unsealed: report it with the records' refusals.
		const rejected = [...receipt.rejected, ...receipt.checkpointsRejected.map((c) => ({ ...c, reason: `checkpoint-${c.reason}` }))];
		return { sealedUpTo: receipt.sealedUpTo, accepted: receipt.accepted, duplicates: receipt.duplicates, rejected, gap: receipt.gap };
	}

	async sendOutbox(entry: OutboxEntry): Promise<OutboxResult> {
		return entry.kind === "time-entry" ? this.sendTimeEntry(entry) : this.sendTaskStatus(entry);
	}

	async close(): Promise<void> {
		this.aborter.abort();
	}

	private async sendTimeEntry(entry: OutboxEntry): Promise<OutboxResult> {
		const note = `${TIME_ENTRY_MARKER}${entry.recordId}`;
		if (entry.attempts > 1) {
			// The list comes a page at a time: read it to its end (a 404: the work order is not there).
			const get = async (path: string) =>
				expectStatus(await this.request("GET", path), `time entries of ${entry.workOrderId}`, 200, 404).body as Record<string, unknown> | undefined;
			const listed = await allPages<{ note?: string }>(get, `/v1/work-orders/${encodeURIComponent(entry.workOrderId)}/time-entries`, "timeEntries");
			const found = listed.some((cloud) => cloud.note === note);
			if (found) return { outcome: "delivered" };
		}
		const p = entry.payload as { technicianId: string; kind: string; startedAt: number; endedAt: number };
		const body = { taskId: entry.taskId, technicianId: p.technicianId, kind: p.kind, billable: true, start: p.startedAt, end: p.endedAt, note, submit: true };
		const response = await this.request("POST", "/v1/time-entries", body);
		if (response.status === 201) return { outcome: "delivered" };
		return this.conflictOrThrow(response, `time entry ${entry.recordId}`, body);
	}

	private async sendTaskStatus(entry: OutboxEntry): Promise<OutboxResult> {
		const status = String(entry.payload.status);
		const path = `/v1/tasks/${encodeURIComponent(entry.taskId)}`;
		const response = await this.request("POST", `${path}/status`, { status });
		if (response.status === 200) return { outcome: "delivered" };
		if (response.status === 409 || response.status === 422) {
			// Already there (our earlier try arrived, its answer did not)? Then it is delivered.
			const current = expectStatus(await this.request("GET", path), `task ${entry.taskId}`, 200);
			if (current.body?.status === status) return { outcome: "delivered" };
			return {
				outcome: "conflict",
				cloud: current.body,
				message: `the cloud refused task ${entry.taskId} → ${status}${errorText(response.body)}; the cloud has it ${current.body?.status}`,
			};
		}
		return this.conflictOrThrow(response, `task ${entry.taskId} status`, { status });
	}

	/** Retry what may pass later; keep (both versions) what the cloud refuses by its rules. */
	private conflictOrThrow(response: JsonResponse, what: string, ours: unknown): OutboxResult {
		const s = response.status;
		if (s === 401 || s === 403 || s === 408 || s === 429 || s >= 500) expectStatus(response, what);
		return {
			outcome: "conflict",
			cloud: response.body ?? null,
			message: `the cloud refused ${what} (${s}${errorText(response.body)}); ours was ${JSON.stringify(ours)}`,
		};
	}

	private request(method: "GET" | "POST", path: string, body?: unknown): Promise<JsonResponse> {
		return requestJson({
			method,
			url: `${this.options.url.replace(/\/$/, "")}${path}`,
			token: this.options.token,
			body,
			timeoutMs: this.timeoutMs,
			signal: this.aborter.signal,
		});
	}
}
