/**
 * The model's shapes scheduling speaks in (re-exported, so the engine's files name one place):
 * epoch-millisecond time, points, skills with levels, priorities.
 */
export type { EpochMs, GeoPoint, SkillLevel } from "../model/entities/common.js";
export type { WorkOrderPriority } from "../model/entities/work-order.js";
