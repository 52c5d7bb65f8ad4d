/**
 * The work-order execution model: entities, lifecycles, rules, actions and storage shared by the
 * gateway (offline) and the billing service (authority). The SQLite backend is imported from
 * ./repository/sqlite.js directly so that importing the model does not load a native module.
 */
export * from "./actions/appointments.js";
export * from "./actions/context.js";
export * from "./actions/deliverables.js";
export * from "./actions/evidence.js";
export * from "./actions/line-items.js";
export * from "./actions/milestones.js";
export * from "./actions/release.js";
export * from "./actions/tasks.js";
export * from "./actions/time-entries.js";
export * from "./actions/work-orders.js";
export * from "./entities/index.js";
export * from "./repository/apply.js";
export * from "./repository/load.js";
export * from "./repository/memory.js";
export * from "./repository/types.js";
export * from "./rules/evidence-check.js";
export * from "./rules/invoice-lines.js";
export * from "./rules/lookup.js";
export * from "./rules/margin.js";
export * from "./rules/milestone-readiness.js";
export * from "./rules/money.js";
export * from "./rules/reasons.js";
export * from "./rules/schedule.js";
export * from "./rules/scope.js";
export * from "./rules/task-rules.js";
export * from "./rules/work-order-rules.js";
export * from "./state-machines/machine.js";
export * from "./state-machines/machines.js";
export * from "./units/ucum.js";
export * from "./validation/validate.js";
export * from "./workspace.js";
