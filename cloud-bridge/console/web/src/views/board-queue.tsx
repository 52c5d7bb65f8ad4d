/**
 * The unassigned queue beside the board: work orders with no open visit, soonest resolve-by first,
 * with their priority and SLA. "Optimise" books them; the queue only shows what is waiting.
 */
import { dateTime } from "../format.js";
import type { ScheduledWorkOrder } from "../types.js";

export function UnassignedQueue({ queue }: { queue: ScheduledWorkOrder[] }) {
	return (
		<aside class="card board-queue" aria-labelledby="queue-title">
			<h2 id="queue-title">Unassigned ({queue.length})</h2>
			{queue.length === 0 ? (
				<p class="muted">Every open work order has a visit.</p>
			) : (
				<ul class="queue-list">
					{queue.map((order) => (
						<li key={order.id}>
							<strong>{order.id}</strong> {order.title}
							{order.priority !== "normal" && <span class="badge warn">{order.priority}</span>}
							<br />
							<span class="muted">Resolve by {dateTime(order.sla.resolveBy)}</span>
							{order.dependencies.length > 0 && <span class="muted"> · after {order.dependencies.map((d) => d.predecessorId).join(", ")}</span>}
						</li>
					))}
				</ul>
			)}
			<p class="muted small">Optimise books these on the technicians ticked on the board.</p>
		</aside>
	);
}
