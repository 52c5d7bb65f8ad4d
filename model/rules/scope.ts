/**
 * Splits a snapshot into one snapshot per work-order chain. Rules only ever look inside one chain
 * (plus the shared parties, technicians and rate cards), so evaluating per chain keeps the array
 * scans of the rules small on large data sets.
 */
import type { ModelSnapshot } from "../entities/kinds.js";

export function partitionByChain(snapshot: ModelSnapshot): Map<string, ModelSnapshot> {
	const rootOf = new Map(snapshot.workOrders.map((o) => [o.id, o.rootId]));
	const chains = new Map<string, ModelSnapshot>();
	const chain = (workOrderId: string): ModelSnapshot | undefined => {
		const root = rootOf.get(workOrderId);
		if (root === undefined) return undefined;
		let scoped = chains.get(root);
		if (!scoped) {
			scoped = {
				customers: snapshot.customers,
				sites: snapshot.sites,
				assets: snapshot.assets,
				rateCards: snapshot.rateCards,
				technicians: snapshot.technicians,
				workOrders: [],
				tasks: [],
				appointments: [],
				timeEntries: [],
				lineItems: [],
				evidence: [],
				deliverables: [],
				milestones: [],
				approvals: [],
				invoices: [],
				creditNotes: [],
			};
			chains.set(root, scoped);
		}
		return scoped;
	};
	for (const o of snapshot.workOrders) chain(o.id)?.workOrders.push(o);
	for (const x of snapshot.tasks) chain(x.workOrderId)?.tasks.push(x);
	for (const x of snapshot.appointments) chain(x.workOrderId)?.appointments.push(x);
	for (const x of snapshot.timeEntries) chain(x.workOrderId)?.timeEntries.push(x);
	for (const x of snapshot.lineItems) chain(x.workOrderId)?.lineItems.push(x);
	for (const x of snapshot.evidence) chain(x.workOrderId)?.evidence.push(x);
	for (const x of snapshot.deliverables) chain(x.workOrderId)?.deliverables.push(x);
	for (const x of snapshot.milestones) chain(x.workOrderId)?.milestones.push(x);
	for (const x of snapshot.approvals) chain(x.workOrderId)?.approvals.push(x);
	for (const x of snapshot.invoices) chain(x.workOrderId)?.invoices.push(x);
	for (const x of snapshot.creditNotes) chain(x.workOrderId)?.creditNotes.push(x);
	return chains;
}
