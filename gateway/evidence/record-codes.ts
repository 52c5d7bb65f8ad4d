/** The gateway's words for a record's kind and outcome, and the evidence format's enum values for them (both ways). */
import { EvidenceKind as Kind, EvidenceOutcome as Outcome } from "../../protocol/evidence/record.js";
import type { ReadingOutcome } from "./match-reading.js";

export type ManualEvidenceKind = "photo" | "note" | "acknowledgement" | "signature";
export type EvidenceOutcome = ReadingOutcome | "recorded";

export const OUTCOME_CODES: Record<EvidenceOutcome, number> = {
	pass: Outcome.OUTCOME_PASS,
	"fail-out-of-range": Outcome.OUTCOME_FAIL_OUT_OF_RANGE,
	"fail-out-of-calibration": Outcome.OUTCOME_FAIL_OUT_OF_CALIBRATION,
	recorded: Outcome.OUTCOME_NOT_EVALUATED,
};

export const KIND_CODES: Record<string, number> = {
	reading: Kind.KIND_READING,
	photo: Kind.KIND_PHOTO,
	note: Kind.KIND_NOTE,
	acknowledgement: Kind.KIND_ACKNOWLEDGEMENT,
	signature: Kind.KIND_SIGNATURE,
};

export const OUTCOME_NAMES = new Map<number, EvidenceOutcome>(Object.entries(OUTCOME_CODES).map(([name, code]) => [code, name as EvidenceOutcome]));
export const KIND_NAMES = new Map<number, string>(Object.entries(KIND_CODES).map(([name, code]) => [code, name]));
