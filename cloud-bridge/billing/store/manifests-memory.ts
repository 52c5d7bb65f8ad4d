/** The in-memory ManifestStore (manifests.ts), beside the memory billing store. */
import type { ManifestStore, StoredManifest } from "./manifests.js";

export class MemoryManifests implements ManifestStore {
	private readonly manifests = new Map<string, StoredManifest>();

	async putManifests(manifests: readonly StoredManifest[]): Promise<void> {
		for (const m of manifests) {
			const key = `${m.gatewayId}\u0000${m.checkpointSeq}\u0000${m.workOrderId}`;
			if (!this.manifests.has(key)) this.manifests.set(key, { ...m, bytes: new Uint8Array(m.bytes) });
		}
	}

	async getManifests(gatewayId: string, checkpointSeq: number): Promise<StoredManifest[]> {
		return [...this.manifests.values()]
			.filter((m) => m.gatewayId === gatewayId && m.checkpointSeq === checkpointSeq)
			.sort((a, b) => (a.workOrderId < b.workOrderId ? -1 : a.workOrderId > b.workOrderId ? 1 : 0))
			.map((m) => ({ ...m, bytes: new Uint8Array(m.bytes) }));
	}
}
