/**
 * Composing a change set in the console: pick a policy, then edit one thing of it (an SLA target of
 * one priority, a rate or a part price, a checklist item added or relabelled), the effective date,
 * the open work it applies to and the pack approvals it needs. The form holds a draft; `changeSetOf`
 * turns the draft into the change set the service plans, always from the policy's latest version.
 */
import type { ApprovalRole, ChangeSet, Policy, PolicyChecklistItem } from "./impact-types.js";

export interface Draft {
	name: string;
	policyId: string;
	effectiveDate: string;
	customers: string;
	workOrders: string;
	samples: string;
	seed: string;
	requireApprovals: ApprovalRole[];
	/** SLA policy: one priority's targets, in hours. */
	priority: string;
	respondHours: string;
	resolveHours: string;
	/** Price list: "work" or "travel" rate per hour, or a part's ("sku") unit price, in major units. */
	priceOf: string;
	sku: string;
	price: string;
	/** Checklist template: add an item, or relabel an existing one ("item:<id>"). */
	itemTarget: string;
	itemId: string;
	itemLabel: string;
	itemKind: string;
	itemRequired: boolean;
	itemForMilestone: boolean;
}

const today = () => new Date().toISOString().slice(0, 10);

/** A fresh draft for a policy, prefilled with what the policy holds now. */
export function draftFor(policy: Policy | undefined, keep: Partial<Draft> = {}): Draft {
	const base: Draft = {
		name: policy ? `Change of ${policy.name}` : "",
		policyId: policy?.id ?? "",
		effectiveDate: today(),
		customers: "",
		workOrders: "",
		samples: "2000",
		seed: "1",
		requireApprovals: [],
		priority: "normal",
		respondHours: "",
		resolveHours: "",
		priceOf: "work",
		sku: "",
		price: "",
		itemTarget: "new",
		itemId: "",
		itemLabel: "",
		itemKind: "photo",
		itemRequired: true,
		itemForMilestone: false,
		...keep,
	};
	if (policy?.kind === "sla-policy") {
		const target = policy.targets.find((t) => t.priority === base.priority) ?? policy.targets[0];
		if (target)
			Object.assign(base, { priority: target.priority, respondHours: String(target.respondMinutes / 60), resolveHours: String(target.resolveMinutes / 60) });
	}
	if (policy?.kind === "price-list") {
		const rate = policy.ratesPerHourMinor[base.priceOf as "work" | "travel"];
		base.price = rate === undefined ? "" : (rate / 100).toFixed(2);
	}
	return base;
}

const list = (text: string) =>
	text
		.split(/[\s,]+/)
		.map((s) => s.trim())
		.filter(Boolean);

/** The change set of a draft, or the words saying what is still missing. */
export function changeSetOf(draft: Draft, policy: Policy | undefined): ChangeSet | string {
	if (!policy) return "Pick a policy to change.";
	if (!draft.effectiveDate) return "Give the date the change takes effect.";
	const scope: ChangeSet["scope"] = {};
	if (list(draft.customers).length) scope.customerIds = list(draft.customers);
	if (list(draft.workOrders).length) scope.workOrderIds = list(draft.workOrders);
	const common = {
		name: draft.name.trim() || `Change of ${policy.name}`,
		effectiveAt: `${draft.effectiveDate}T00:00:00Z`,
		scope,
		requireApprovals: draft.requireApprovals,
		samples: Number(draft.samples) || 2000,
		seed: Number(draft.seed) || 1,
	};
	if (policy.kind === "sla-policy") {
		const respond = Number(draft.respondHours);
		const resolve = Number(draft.resolveHours);
		if (!(respond > 0) || !(resolve > 0)) return "Respond and resolve targets must be hours above zero.";
		const targets = policy.targets.map((t) =>
			t.priority === draft.priority ? { ...t, respondMinutes: Math.round(respond * 60), resolveMinutes: Math.round(resolve * 60) } : t,
		);
		return { ...common, changes: [{ kind: "sla-policy", id: policy.id, targets }] };
	}
	if (policy.kind === "price-list") {
		const minor = Math.round(Number(draft.price) * 100);
		if (draft.price.trim() === "" || !Number.isFinite(minor) || minor < 0) return "The price must be an amount of zero or more.";
		if (draft.priceOf === "sku") {
			if (!draft.sku.trim()) return "Name the part (SKU) whose price changes.";
			return { ...common, changes: [{ kind: "price-list", id: policy.id, itemPricesMinor: { [draft.sku.trim()]: minor } }] };
		}
		return { ...common, changes: [{ kind: "price-list", id: policy.id, ratesPerHourMinor: { [draft.priceOf]: minor } }] };
	}
	if (!draft.itemLabel.trim()) return "Give the checklist item a label.";
	let items: PolicyChecklistItem[];
	let itemId: string;
	if (draft.itemTarget === "new") {
		itemId = draft.itemId.trim();
		if (!/^[A-Za-z0-9_-]+$/.test(itemId)) return "Give the new item an id of letters, digits, - or _.";
		if (policy.items.some((i) => i.id === itemId)) return `The template already has an item "${itemId}".`;
		const requirement = draft.itemKind === "acknowledgement" ? { kind: "acknowledgement", statement: draft.itemLabel.trim() } : { kind: draft.itemKind };
		items = [...policy.items, { id: itemId, label: draft.itemLabel.trim(), required: draft.itemRequired, beforeStart: false, requirement }];
	} else {
		itemId = draft.itemTarget.replace(/^item:/, "");
		items = policy.items.map((i) => (i.id === itemId ? { ...i, label: draft.itemLabel.trim(), required: draft.itemRequired } : i));
	}
	const evidence = new Set(policy.milestoneEvidence);
	if (draft.itemForMilestone) evidence.add(itemId);
	else evidence.delete(itemId);
	return { ...common, changes: [{ kind: "checklist-template", id: policy.id, items, milestoneEvidence: [...evidence] }] };
}

const KIND_LABEL: Record<Policy["kind"], string> = { "sla-policy": "SLA policy", "price-list": "Price list", "checklist-template": "Checklist template" };

interface Props {
	policies: Policy[];
	draft: Draft;
	onDraft(draft: Draft): void;
}

export function ComposeFields({ policies, draft, onDraft }: Props) {
	const policy = policies.find((p) => p.id === draft.policyId);
	const set = (patch: Partial<Draft>) => onDraft({ ...draft, ...patch });
	const text = (id: string, label: string, key: keyof Draft, extra: Record<string, unknown> = {}) => (
		<div class="field">
			<label for={id}>{label}</label>
			<input id={id} value={draft[key] as string} onInput={(e) => set({ [key]: e.currentTarget.value })} {...extra} />
		</div>
	);
	return (
		<>
			<div class="field">
				<label for="impact-policy">Policy to change</label>
				<select
					id="impact-policy"
					value={draft.policyId}
					onChange={(e) => {
						const next = policies.find((p) => p.id === e.currentTarget.value);
						onDraft(draftFor(next, { effectiveDate: draft.effectiveDate, customers: draft.customers, workOrders: draft.workOrders }));
					}}
				>
					<option value="">Choose a policy…</option>
					{policies.map((p) => (
						<option key={p.id} value={p.id}>
							{KIND_LABEL[p.kind]}: {p.name} ({p.id}, v{p.version})
						</option>
					))}
				</select>
			</div>
			{policy?.kind === "sla-policy" && (
				<fieldset>
					<legend>SLA target to change</legend>
					<div class="field">
						<label for="impact-priority">Priority</label>
						<select
							id="impact-priority"
							value={draft.priority}
							onChange={(e) => onDraft(draftFor(policy, { ...draft, priority: e.currentTarget.value, respondHours: "", resolveHours: "" }))}
						>
							{policy.targets.map((t) => (
								<option key={t.priority} value={t.priority}>
									{t.priority} (now respond {t.respondMinutes / 60} h, resolve {t.resolveMinutes / 60} h)
								</option>
							))}
						</select>
					</div>
					<div class="row-fields">
						{text("impact-respond", "Respond within (hours)", "respondHours", { type: "number", min: "0.25", step: "0.25", required: true })}
						{text("impact-resolve", "Resolve within (hours)", "resolveHours", { type: "number", min: "0.25", step: "0.25", required: true })}
					</div>
				</fieldset>
			)}
			{policy?.kind === "price-list" && (
				<fieldset>
					<legend>Price to change ({policy.currency})</legend>
					<div class="field">
						<label for="impact-price-of">What</label>
						<select
							id="impact-price-of"
							value={draft.priceOf}
							onChange={(e) => onDraft(draftFor(policy, { ...draft, priceOf: e.currentTarget.value, price: "" }))}
						>
							<option value="work">Hourly rate: work</option>
							<option value="travel">Hourly rate: travel</option>
							<option value="sku">A part or service (by SKU)</option>
						</select>
					</div>
					<div class="row-fields">
						{draft.priceOf === "sku" && text("impact-sku", "SKU", "sku", { required: true })}
						{text("impact-price", draft.priceOf === "sku" ? "Unit price" : "Rate per hour", "price", {
							type: "number",
							min: "0",
							step: "0.01",
							required: true,
						})}
					</div>
				</fieldset>
			)}
			{policy?.kind === "checklist-template" && (
				<fieldset>
					<legend>Checklist item</legend>
					<div class="field">
						<label for="impact-item-target">Add or change</label>
						<select
							id="impact-item-target"
							value={draft.itemTarget}
							onChange={(e) => {
								const target = e.currentTarget.value;
								const item = policy.items.find((i) => `item:${i.id}` === target);
								set({
									itemTarget: target,
									itemLabel: item?.label ?? "",
									itemRequired: item?.required ?? true,
									itemForMilestone: item ? policy.milestoneEvidence.includes(item.id) : false,
								});
							}}
						>
							<option value="new">Add a new item</option>
							{policy.items.map((i) => (
								<option key={i.id} value={`item:${i.id}`}>
									Change “{i.label}” ({i.id})
								</option>
							))}
						</select>
					</div>
					<div class="row-fields">
						{draft.itemTarget === "new" && text("impact-item-id", "Item id", "itemId", { required: true, pattern: "[A-Za-z0-9_-]+" })}
						{text("impact-item-label", "Label the technician sees", "itemLabel", { required: true })}
						{draft.itemTarget === "new" && (
							<div class="field">
								<label for="impact-item-kind">Evidence it asks for</label>
								<select id="impact-item-kind" value={draft.itemKind} onChange={(e) => set({ itemKind: e.currentTarget.value })}>
									<option value="photo">A photo</option>
									<option value="note">A note</option>
									<option value="acknowledgement">A safety acknowledgement (the label is the statement)</option>
								</select>
							</div>
						)}
					</div>
					<div class="checks">
						<label>
							<input type="checkbox" checked={draft.itemRequired} onChange={(e) => set({ itemRequired: e.currentTarget.checked })} /> Required
						</label>
						<label>
							<input type="checkbox" checked={draft.itemForMilestone} onChange={(e) => set({ itemForMilestone: e.currentTarget.checked })} /> Its evidence is
							needed before a billing milestone is released
						</label>
					</div>
				</fieldset>
			)}
			<fieldset>
				<legend>When and where</legend>
				<div class="row-fields">
					{text("impact-name", "Name of the change", "name", { maxLength: 200 })}
					{text("impact-effective", "Takes effect on (UTC)", "effectiveDate", { type: "date", required: true })}
				</div>
				<div class="row-fields">
					{text("impact-customers", "Only these customers (ids, comma-separated; empty: all)", "customers")}
					{text("impact-work-orders", "Only these work orders (ids, comma-separated; empty: all)", "workOrders")}
				</div>
				<div class="row-fields">
					{text("impact-samples", "Monte-Carlo draws", "samples", { type: "number", min: "1", max: "100000" })}
					{text("impact-seed", "Seed", "seed", { type: "number", min: "0" })}
				</div>
				<fieldset class="checks">
					<legend>Pack approvals required before apply</legend>
					{(["customer", "compliance"] as const).map((role) => (
						<label key={role}>
							<input
								type="checkbox"
								checked={draft.requireApprovals.includes(role)}
								onChange={(e) =>
									set({
										requireApprovals: e.currentTarget.checked ? [...draft.requireApprovals, role] : draft.requireApprovals.filter((r) => r !== role),
									})
								}
							/>{" "}
							{role}
						</label>
					))}
				</fieldset>
			</fieldset>
		</>
	);
}
