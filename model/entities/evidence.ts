import type { EpochMs, Versioned } from "./common.js";

/** The device's calibration certificate as it was when the reading was taken (Hello.calibration). */
export interface CalibrationRecord {
	certificateId: string;
	calibratedAt: EpochMs;
	/** A reading captured at or after this instant is out of calibration. */
	dueAt: EpochMs;
	laboratory: string;
}

export type EvidencePayload =
	| {
			kind: "reading";
			quantity: string;
			value: number;
			/** UCUM code. */
			unit: string;
			deviceId: string;
			/** Null when the device reported none. */
			calibration: CalibrationRecord | null;
	  }
	| { kind: "photo"; mediaType: string; byteLength: number }
	| { kind: "note"; text: string }
	| { kind: "acknowledgement"; statement: string }
	| { kind: "signature"; signerName: string; signerRole: "customer" | "technician" };

export type EvidenceKind = EvidencePayload["kind"];
export type EvidenceStatus = "captured" | "accepted" | "rejected";

export interface EvidenceCapturer {
	kind: "technician" | "device" | "customer";
	id: string;
}

/**
 * What satisfies a checklist item (taskId + checklistItemId) or a deliverable (deliverableId).
 * signature and previousHash are placeholders for the evidence chain; null until it exists.
 */
export interface Evidence extends Versioned {
	workOrderId: string;
	taskId: string | null;
	checklistItemId: string | null;
	deliverableId: string | null;
	payload: EvidencePayload;
	capturedBy: EvidenceCapturer;
	capturedAt: EpochMs;
	/** Lower-case hex SHA-256 of the captured content. */
	contentHash: string;
	status: EvidenceStatus;
	signature: string | null;
	previousHash: string | null;
}
