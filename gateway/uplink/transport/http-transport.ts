/**
 * The billing service over HTTP(S) as an uplink destination: evidence batches to
 * POST /v1/evidence/batches (protocol/uplink/wire.ts), a stopped timer to POST /v1/time-entries
 * as a draft under the gateway's id for it, the technician's Submit to
 * POST /v1/time-entries/{id}/submit, a corrected rejected entry to .../resubmit, task status to
 * POST /v1/tasks/{id}/status, a visit's progress to POST /v1/appointments/{id}/status, a work
 * order's to POST /v1/work-orders/{id}/status, a deliverable sign-off to .../deliver and
 * .../sign-off, with the gateway's own API token from enrollment (scopes evidence:write and
 * workorders:read).
 *
 * These calls carry no idempotency key on the service's side, so a retry (or a refusal) first
 * asks whether an earlier try arrived: the time entry exists under its id, the entry or visit or
 * order already has the status, the deliverable is signed off.
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

/** A cloud time entry has the gateway's id; its note names the gateway entry too (older entries are linked only by it). */
export const TIME_ENTRY_MARKER = "fieldchain-gateway-time-entry:";

const APPOINTMENT_ORDER = ["scheduled", "dispatched", "en-route", "on-site", "completed"];

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
		switch (entry.kind) {
			case "time-entry":
				return this.sendTimeEntry(entry);
			case "time-submit":
			case "time-resubmit":
				return this.sendTimeSubmission(entry);
			case "appointment-status":
				return this.sendAppointmentStatus(entry);
			case "work-order-status":
				return this.sendWorkOrderStatus(entry);
			case "deliverable-sign-off":
				return this.sendSignOff(entry);
			default:
				return this.sendTaskStatus(entry);
		}
	}

	async close(): Promise<void> {
		this.aborter.abort();
	}

	private async sendTimeEntry(entry: OutboxEntry): Promise<OutboxResult> {
		const note = `${TIME_ENTRY_MARKER}${entry.recordId}`;
		const path = `/v1/time-entries/${encodeURIComponent(entry.recordId)}`;
		if (entry.attempts > 1 && expectStatus(await this.request("GET", path), `time entry ${entry.recordId}`, 200, 404).status === 200)
			return { outcome: "delivered" };
		const p = entry.payload as { technicianId: string; kind: string; startedAt: number; endedAt: number };
		// A draft under the gateway's id: only the technician's Submit (a time-submit entry) submits it.
		const body = {
			id: entry.recordId,
			taskId: entry.taskId,
			technicianId: p.technicianId,
			kind: p.kind,
			billable: true,
			start: p.startedAt,
			end: p.endedAt,
			note,
			submit: false,
		};
		const response = await this.request("POST", "/v1/time-entries", body);
		if (response.status === 201) return { outcome: "delivered" };
		if (response.status === 409 && expectStatus(await this.request("GET", path), `time entry ${entry.recordId}`, 200, 404).status === 200)
			return { outcome: "delivered" };
		return this.conflictOrThrow(response, `time entry ${entry.recordId}`, body);
	}

	/** Submit, or correct and resubmit; done when the cloud's entry is past where ours left it. */
	private async sendTimeSubmission(entry: OutboxEntry): Promise<OutboxResult> {
		const p = entry.payload as { timeEntryId: string; start?: number; end?: number; kind?: string };
		const path = `/v1/time-entries/${encodeURIComponent(p.timeEntryId)}`;
		const body = entry.kind === "time-resubmit" ? { start: p.start, end: p.end, kind: p.kind } : {};
		const response = await this.request("POST", `${path}/${entry.kind === "time-resubmit" ? "resubmit" : "submit"}`, body);
		if (response.status === 200) return { outcome: "delivered" };
		if (response.status === 409 || response.status === 422) {
			const current = expectStatus(await this.request("GET", path), `time entry ${p.timeEntryId}`, 200);
			const status = String(current.body?.status);
			// Submitted already (our earlier try arrived), or decided since: nothing left to send.
			if (status === "submitted" || status === "approved" || status === "invoiced") return { outcome: "delivered" };
			return {
				outcome: "conflict",
				cloud: current.body,
				message: `the cloud refused ${entry.kind} of time entry ${p.timeEntryId}${errorText(response.body)}; the cloud has it ${status}`,
			};
		}
		return this.conflictOrThrow(response, `${entry.kind} of time entry ${p.timeEntryId}`, body);
	}

	private async sendAppointmentStatus(entry: OutboxEntry): Promise<OutboxResult> {
		const p = entry.payload as { appointmentId: string; status: string };
		const response = await this.request("POST", `/v1/appointments/${encodeURIComponent(p.appointmentId)}/status`, { status: p.status });
		if (response.status === 200) return { outcome: "delivered" };
		if (response.status === 409 || response.status === 422) {
			const get = async (path: string) =>
				expectStatus(await this.request("GET", path), `appointments of ${entry.workOrderId}`, 200).body as Record<string, unknown>;
			const listed = await allPages<{ id: string; status: string }>(
				get,
				`/v1/work-orders/${encodeURIComponent(entry.workOrderId)}/appointments`,
				"appointments",
			);
			const cloud = listed.find((appointment) => appointment.id === p.appointmentId);
			if (cloud && APPOINTMENT_ORDER.indexOf(cloud.status) >= APPOINTMENT_ORDER.indexOf(p.status)) return { outcome: "delivered" };
			return {
				outcome: "conflict",
				cloud: cloud ?? null,
				message: `the cloud refused appointment ${p.appointmentId} → ${p.status}${errorText(response.body)}; the cloud has it ${cloud?.status ?? "(missing)"}`,
			};
		}
		return this.conflictOrThrow(response, `appointment ${p.appointmentId} status`, { status: p.status });
	}

	private async sendWorkOrderStatus(entry: OutboxEntry): Promise<OutboxResult> {
		const p = entry.payload as { workOrderId: string; status: string };
		const path = `/v1/work-orders/${encodeURIComponent(p.workOrderId)}`;
		const response = await this.request("POST", `${path}/status`, { status: p.status });
		if (response.status === 200) return { outcome: "delivered" };
		if (response.status === 409 || response.status === 422) {
			const current = expectStatus(await this.request("GET", path), `work order ${p.workOrderId}`, 200);
			if (current.body?.status === p.status) return { outcome: "delivered" };
			return {
				outcome: "conflict",
				cloud: current.body,
				message: `the cloud refused work order ${p.workOrderId} → ${p.status}${errorText(response.body)}; the cloud has it ${current.body?.status}`,
			};
		}
		return this.conflictOrThrow(response, `work order ${p.workOrderId} status`, { status: p.status });
	}

	/** Deliver (when pending) then sign off with the signature's evidence record, which the cloud holds by now. */
	private async sendSignOff(entry: OutboxEntry): Promise<OutboxResult> {
		const p = entry.payload as { deliverableId: string; signatureEvidenceId: string };
		const path = `/v1/deliverables/${encodeURIComponent(p.deliverableId)}`;
		const get = async (listPath: string) =>
			expectStatus(await this.request("GET", listPath), `deliverables of ${entry.workOrderId}`, 200).body as Record<string, unknown>;
		const current = async () =>
			(await allPages<{ id: string; status: string }>(get, `/v1/work-orders/${encodeURIComponent(entry.workOrderId)}/deliverables`, "deliverables")).find(
				(deliverable) => deliverable.id === p.deliverableId,
			);
		let cloud = await current();
		if (!cloud) return { outcome: "conflict", cloud: null, message: `the cloud has no deliverable ${p.deliverableId} on ${entry.workOrderId}` };
		if (cloud.status === "signed-off") return { outcome: "delivered" };
		if (cloud.status === "pending") {
			const delivered = await this.request("POST", `${path}/deliver`, {});
			if (delivered.status !== 200) cloud = await current();
		}
		const body = { signatureEvidenceId: p.signatureEvidenceId };
		const response = await this.request("POST", `${path}/sign-off`, body);
		if (response.status === 200) return { outcome: "delivered" };
		if ((await current())?.status === "signed-off") return { outcome: "delivered" };
		return this.conflictOrThrow(response, `sign-off of deliverable ${p.deliverableId}`, body);
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
