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
}
