import type { EpochMs, Versioned } from "./common.js";

export type DeliverableKind = "sign-off" | "report";
export type DeliverableStatus = "pending" | "delivered" | "signed-off" | "refused";

/** What the customer must receive or acknowledge before billing. */
export interface Deliverable extends Versioned {
	workOrderId: string;
	kind: DeliverableKind;
	title: string;
	status: DeliverableStatus;
	/** The customer's signature evidence; set on sign-off. */
	signatureEvidenceId: string | null;
	signedOffBy: string | null;
	signedOffAt: EpochMs | null;
}
