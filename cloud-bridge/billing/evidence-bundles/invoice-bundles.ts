/**
 * The evidence bundles behind an invoice, assembled from what the billing service stored: for each
 * gateway and work order the invoice's lines draw evidence from, one bundle in the protocol's
 * format (protocol/evidence/bundle.ts) covering every accepted record of that work order on that
 * gateway, up to the first checkpoint that seals its last one, with the gateway's enrolled public
 * key, the acknowledged gaps of its chain and the work-order manifests that checkpoint signs
 * (stored by ingest, store/manifests.ts), so the verifier can prove the work order complete. Each is verified here with the protocol's verifier
 * against the enrolled key, exactly as `fieldchain evidence verify --public-key` would.
 *
 * Invariant: a bundle is built only from stored, verified records and checkpoints; nothing is
 * re-signed, so a bundle that does not verify says the store changed, never that it was "fixed".
 */
import type { Invoice } from "../../../model/entities/invoice.js";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import { type AcknowledgedGap, buildBundle, type EvidenceBundle, serializeBundle } from "../../../protocol/evidence/bundle.js";
import { type VerifyResult, verifyBundle } from "../../../protocol/evidence/verify/verify-bundle.js";
import type { BillingContext } from "../context.js";
import { acknowledgedOnly, type ChainGapRecord } from "../store/chain-gaps.js";

/** Largest chain range one bundle spans; a larger one is refused rather than loaded. */
export const MAX_BUNDLE_ENTRIES = 100_000;

/** One (gateway, work order) pair the invoice draws evidence from. */
export interface BundleSource {
	gatewayId: string;
	workOrderId: string;
	/** The invoice's evidence ids found on this gateway's chain. */
	evidenceIds: string[];
	/** The work order's first and last accepted record on the gateway. */
	firstSeq: number;
	lastSeq: number;
}

export interface InvoiceEvidenceSources {
	sources: BundleSource[];
	/** Evidence the invoice cites that no accepted chain record carries (recorded without a gateway). */
	unlocated: string[];
}

/** Where the invoice's evidence sits: by gateway and work order, in the order of the gateways' ids. */
export async function invoiceEvidenceSources(ctx: BillingContext, invoice: Invoice): Promise<InvoiceEvidenceSources> {
	const cited = new Set(invoice.lines.flatMap((line) => line.evidenceIds));
	const workOrders = new Set<string>();
	for (const id of cited) {
		const evidence = await ctx.repo.get("evidence", id);
		if (evidence) workOrders.add(evidence.workOrderId);
	}
	const sources = new Map<string, BundleSource>();
	const located = new Set<string>();
	for (const workOrderId of [...workOrders].sort()) {
		const positions = await ctx.store.workOrderChainPositions(workOrderId);
		const mine = positions.filter((p) => cited.has(p.recordId));
		for (const { gatewayId } of mine) {
			const all = positions.filter((p) => p.gatewayId === gatewayId);
			const key = `${gatewayId}\u0000${workOrderId}`;
			if (sources.has(key)) continue;
			const evidenceIds = mine.filter((p) => p.gatewayId === gatewayId).map((p) => p.recordId);
			for (const id of evidenceIds) located.add(id);
			sources.set(key, { gatewayId, workOrderId, evidenceIds, firstSeq: all[0].chainSeq, lastSeq: all[all.length - 1].chainSeq });
		}
	}
	return {
		sources: [...sources.values()].sort((a, b) => (a.gatewayId === b.gatewayId ? cmp(a.workOrderId, b.workOrderId) : cmp(a.gatewayId, b.gatewayId))),
		unlocated: [...cited].filter((id) => !located.has(id)).sort(),
	};
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const gapOfRecord = (gap: ChainGapRecord & { acknowledgement: NonNullable<ChainGapRecord["acknowledgement"]> }): AcknowledgedGap => ({
	fromSeq: gap.fromSeq,
	toSeq: gap.toSeq,
	reason: gap.acknowledgement.reason,
	acknowledgedBy: gap.acknowledgement.acknowledgedBy,
	acknowledgedAtMs: gap.acknowledgement.acknowledgedAt,
});

/** The acknowledged gaps of a gateway's chain, as bundles carry them. */
export async function acknowledgedGapsOf(ctx: BillingContext, gatewayId: string): Promise<AcknowledgedGap[]> {
	return acknowledgedOnly(await ctx.store.listChainGaps(gatewayId)).map(gapOfRecord);
}

export interface AssembledBundle {
	source: BundleSource;
	bundle: EvidenceBundle;
	/** The file, exactly as serializeBundle writes it. */
	text: string;
	verification: VerifyResult;
	gatewayRevokedAt: number | null;
}

/** Builds and verifies the bundle of one source from the store. */
export async function assembleBundle(ctx: BillingContext, source: BundleSource): Promise<AssembledBundle> {
	const gateway = await ctx.store.getGateway(source.gatewayId);
	if (!gateway) throw new FieldchainError(ErrorCodes.FC_BILLING_NOT_FOUND, `Gateway ${source.gatewayId} is not enrolled any more.`);
	const head = await ctx.store.getChainHead(source.gatewayId);
	// Only sealed records are accepted, so a checkpoint at or after the last one is stored.
	const sealing = (await ctx.store.getCheckpoints(source.gatewayId, source.lastSeq, head.headSeq))[0];
	const upTo = sealing ? sealing.chainSeq : source.lastSeq;
	if (upTo - source.firstSeq + 1 > MAX_BUNDLE_ENTRIES) {
		throw new FieldchainError(
			ErrorCodes.FC_BILLING_TOO_LARGE,
			`The evidence of work order ${source.workOrderId} spans ${upTo - source.firstSeq + 1} records of gateway ${source.gatewayId}'s chain; a bundle holds at most ${MAX_BUNDLE_ENTRIES}.`,
			{ hint: "Export it on the gateway with `fieldchain evidence export`." },
		);
	}
	const records = await ctx.store.getChainRecords(source.gatewayId, source.firstSeq, upTo);
	const checkpoints = await ctx.store.getCheckpoints(source.gatewayId, source.firstSeq, upTo);
	const publicKeyRaw = Buffer.from(gateway.publicKey, "base64");
	// The bundle carries the manifests of its last checkpoint only; none are stored for checkpoints before manifests.
	const lastCheckpointSeq = checkpoints.at(-1)?.chainSeq;
	const manifests = lastCheckpointSeq === undefined ? [] : (await ctx.store.getManifests(gateway.id, lastCheckpointSeq)).map((m) => m.bytes);
	const bundle = buildBundle({
		gatewayId: gateway.id,
		publicKeyRaw,
		workOrderId: source.workOrderId,
		entries: records.map((r) => ({ chainSeq: r.chainSeq, bytes: r.bytes, workOrderId: r.workOrderId, contentHash: Buffer.from(r.contentHash, "hex") })),
		checkpoints: checkpoints.map((c) => c.bytes),
		acknowledgedGaps: await acknowledgedGapsOf(ctx, gateway.id),
		manifestsAt: (checkpointSeq) => (checkpointSeq === lastCheckpointSeq ? manifests : []),
	});
	const text = serializeBundle(bundle);
	// Pinned to the key the gateway enrolled with, as `fieldchain evidence verify --keys-from` pins it.
	const verification = verifyBundle(text, { publicKey: publicKeyRaw });
	return { source, bundle, text, verification, gatewayRevokedAt: gateway.revokedAt };
}

/** The acknowledged gaps of every gateway the invoice draws evidence from (the invoice trace shows them). */
export async function invoiceAcknowledgedGaps(ctx: BillingContext, invoice: Invoice) {
	const { sources } = await invoiceEvidenceSources(ctx, invoice);
	const gaps = [];
	for (const gatewayId of [...new Set(sources.map((s) => s.gatewayId))]) {
		for (const gap of acknowledgedOnly(await ctx.store.listChainGaps(gatewayId)))
			gaps.push({ gatewayId, fromSeq: gap.fromSeq, toSeq: gap.toSeq, ...gap.acknowledgement });
	}
	return gaps;
}
