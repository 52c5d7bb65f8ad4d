import type { EpochMs, TimeWindow, Versioned } from "./common.js";

export type AppointmentStatus = "scheduled" | "dispatched" | "en-route" | "on-site" | "completed" | "cancelled";

/** One technician visit for a work order. */
export interface ServiceAppointment extends Versioned {
	workOrderId: string;
	technicianId: string;
	window: TimeWindow;
	status: AppointmentStatus;
	dispatchedAt: EpochMs | null;
	arrivedAt: EpochMs | null;
	finishedAt: EpochMs | null;
	/** The last time dispatch moved the visit (a plan applied, a manual move, a predecessor late): from where and why, for the technician's app. */
	lastMove?: AppointmentMove;
}

export interface AppointmentMove {
	at: EpochMs;
	previousWindow: TimeWindow;
	previousTechnicianId: string;
	/** "plan", "manual", "predecessor-late" or "dependency" (a predecessor moved). */
	cause: string;
	/** In words, as the technician reads it: "predecessor WO-1 finished late". */
	reason: string;
}
