/**
 * Conflict rules of the downlink (README, "Conflicts"), applied when the cloud's plan arrives:
 *
 * - Plan data — work orders, task definitions (title, order, checklist), appointments: the cloud
 *   wins. A local copy is replaced.
 * - Office data — time entries as billing holds them, approvals and rejections, milestones,
 *   deliverables, invoices: the office wins (the gateway merges its own time entries with them,
 *   gateway/work/time-submissions.ts; visits, work orders and sign-offs changed in the field are
 *   laid over, gateway/work/field-states.ts).
 * - Field data — task progress (status, start and completion times set on the gateway), evidence
 *   and time entries: the field wins. Local progress stays over the cloud's and travels up
 *   through the outbox; evidence and time are never changed by the downlink.
 * - A task the cloud no longer lists but that holds evidence on the gateway stays (evidence is
 *   never orphaned); one without evidence goes.
 *
 * Every difference resolved against one side is recorded with both versions (downlink_conflicts)
 * and reported at GET /api/v1/uplink/conflicts.
 */
import type { ModelSnapshot } from "../../model/entities/kinds.js";
import type { Task } from "../../model/entities/task.js";

export interface CloudPlan {
	workOrders: ModelSnapshot["workOrders"];
	tasks: ModelSnapshot["tasks"];
	appointments: ModelSnapshot["appointments"];
	/**
	 * The office's side (absent from plans cached by older gateways): time entries with their
	 * status, the approvals and rejections (with reasons), milestones, deliverables and invoices.
	 * The office wins for these; what the field changed since is laid over them (field-states.ts).
	 */
	timeEntries?: ModelSnapshot["timeEntries"];
	approvals?: ModelSnapshot["approvals"];
	milestones?: ModelSnapshot["milestones"];
	deliverables?: ModelSnapshot["deliverables"];
	invoices?: ModelSnapshot["invoices"];
}

const OFFICE_COLLECTIONS = ["timeEntries", "approvals", "milestones", "deliverables", "invoices"] as const;

export interface Conflict {
	entity: string;
	entityId: string;
	field: string;
	local: unknown;
	cloud: unknown;
	resolution: string;
}

export interface LocalProgress {
	status: Task["status"];
	startedAt: number | null;
	completedAt: number | null;
}

export interface MergeFacts {
	/** Task progress changed on this gateway (task_states), by task id. */
	localProgress: ReadonlyMap<string, LocalProgress>;
	/** Tasks holding evidence on this gateway. */
	withEvidence: ReadonlySet<string>;
}

const PROGRESS_FIELDS = ["status", "startedAt", "completedAt"] as const;

export function mergeCloudPlan(local: ModelSnapshot, cloud: CloudPlan, facts: MergeFacts): { snapshot: ModelSnapshot; conflicts: Conflict[] } {
	const conflicts: Conflict[] = [];
	const tasks: Task[] = cloud.tasks.map((cloudTask) => {
		const mine = facts.localProgress.get(cloudTask.id);
		if (!mine) return cloudTask;
		const merged = { ...cloudTask };
		for (const field of PROGRESS_FIELDS) {
			if (mine[field] === cloudTask[field]) continue;
			conflicts.push({
				entity: "task",
				entityId: cloudTask.id,
				field,
				local: mine[field],
				cloud: cloudTask[field],
				resolution: "field wins: the gateway's progress is kept and sent up",
			});
			Object.assign(merged, { [field]: mine[field] });
		}
		return merged;
	});
	const cloudTaskIds = new Set(cloud.tasks.map((task) => task.id));
	const cloudOrderIds = new Set(cloud.workOrders.map((order) => order.id));
	const workOrders = [...cloud.workOrders];
	for (const task of local.tasks) {
		if (cloudTaskIds.has(task.id) || !facts.withEvidence.has(task.id)) continue;
		conflicts.push({
			entity: "task",
			entityId: task.id,
			field: "(removed)",
			local: task,
			cloud: null,
			resolution: "kept: the task holds evidence on this gateway",
		});
		tasks.push(task);
		if (!cloudOrderIds.has(task.workOrderId)) {
			const order = local.workOrders.find((candidate) => candidate.id === task.workOrderId);
			if (order) {
				workOrders.push(order);
				cloudOrderIds.add(order.id);
			}
		}
	}
	const office: Partial<ModelSnapshot> = {};
	for (const key of OFFICE_COLLECTIONS) if (cloud[key] !== undefined) Object.assign(office, { [key]: cloud[key] });
	return { snapshot: { ...local, ...office, workOrders, tasks, appointments: cloud.appointments }, conflicts };
}
