/** The in-memory ChainGapStore, over the memory store's chains (memory.ts hands it its maps). */
import type { AcknowledgeGapInput, AcknowledgeGapOutcome, ChainGapRecord, ChainGapStore, ChainPosition } from "./chain-gaps.js";
import type { StoredChainRecord, StoredCheckpoint } from "./types.js";

export class MemoryChainGaps implements ChainGapStore {
	private readonly gaps = new Map<string, ChainGapRecord>();

	constructor(
		private readonly records: ReadonlyMap<string, readonly StoredChainRecord[]>,
		private readonly checkpoints: ReadonlyMap<string, readonly StoredCheckpoint[]>,
	) {}

	async noteChainGap(gatewayId: string, fromSeq: number, toSeq: number, at: number): Promise<void> {
		const key = `${gatewayId}\u0000${fromSeq}`;
		const known = this.gaps.get(key);
		if (known?.acknowledgement) return;
		this.gaps.set(key, { gatewayId, fromSeq, toSeq, observedAt: at, acknowledgement: null });
	}

	async listChainGaps(gatewayId: string): Promise<ChainGapRecord[]> {
		return [...this.gaps.values()]
			.filter((g) => g.gatewayId === gatewayId)
			.sort((a, b) => a.fromSeq - b.fromSeq)
			.map((g) => structuredClone(g));
	}

	async acknowledgeChainGap(input: AcknowledgeGapInput): Promise<AcknowledgeGapOutcome> {
		const gap = this.gaps.get(`${input.gatewayId}\u0000${input.fromSeq}`);
		if (!gap || gap.toSeq !== input.toSeq) return { outcome: "unknown" };
		if (gap.acknowledgement) return { outcome: "already", gap: structuredClone(gap) };
		gap.acknowledgement = { reason: input.reason, acknowledgedBy: input.acknowledgedBy, acknowledgedAt: input.acknowledgedAt };
		return { outcome: "acknowledged", gap: structuredClone(gap) };
	}

	async getCheckpoints(gatewayId: string, fromSeq: number, toSeq: number): Promise<StoredCheckpoint[]> {
		return (this.checkpoints.get(gatewayId) ?? [])
			.filter((c) => c.chainSeq >= fromSeq && c.chainSeq <= toSeq)
			.sort((a, b) => a.chainSeq - b.chainSeq)
			.map((c) => structuredClone(c));
	}

	async workOrderChainPositions(workOrderId: string): Promise<ChainPosition[]> {
		const positions: ChainPosition[] = [];
		for (const gatewayId of [...this.records.keys()].sort()) {
			for (const r of this.records.get(gatewayId) ?? [])
				if (r.workOrderId === workOrderId) positions.push({ gatewayId, chainSeq: r.chainSeq, recordId: r.recordId });
		}
		return positions;
	}
}
