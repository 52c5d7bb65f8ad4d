/**
 * The gateway's sealing policy: it signs a checkpoint over its chain head once `everyRecords`
 * records are unsealed (checked as a commit stamps them, so a checkpoint never covers more: the
 * uplink sends whole checkpoint spans and the cloud caps a batch's size) or `everyMs` after the
 * first unsealed one, and stores it in evidence_checkpoints.
 */
import type Database from "better-sqlite3";
import type { Clock } from "../../platform/clock.js";
import type { Logger } from "../../platform/logger.js";
import type { ChainState } from "../../protocol/evidence/chain.js";
import { type CheckpointPolicy, signCheckpoint } from "../../protocol/evidence/checkpoint.js";
import type { GatewayKey } from "../../protocol/evidence/keys.js";
import type { GatewayManifests } from "./manifests.js";

export interface SealingOptions {
	db: Database.Database;
	gatewayId: string;
	key: GatewayKey;
	clock: Clock;
	logger: Logger;
	policy: CheckpointPolicy;
	/** The chain head to seal. */
	head: () => ChainState;
	/** The head's chain seq alone, asked after every reading: cheaper than head() when given. */
	headSeq?: () => number;
	/** The work-order manifests each checkpoint issues and signs; none in tests of sealing alone. */
	manifests?: GatewayManifests;
	/** Counts the checkpoints signed. */
	stats: { checkpoints: number };
	/** Told after a checkpoint covers records afterSeq+1..upToSeq (inside its transaction: only note it). */
	onSealed?: (afterSeq: number, upToSeq: number) => void;
}

export class EvidenceSealer {
	/** Chain seqs at or below are covered by a stored checkpoint. */
	sealedUpTo = 0;
	private timer: ReturnType<Clock["setTimeout"]> | undefined;
	private readonly statements;

	constructor(private readonly options: SealingOptions) {
		this.statements = {
			lastCheckpoint: options.db.prepare("SELECT max(chain_seq) FROM evidence_checkpoints").pluck(),
			insertCheckpoint: options.db.prepare("INSERT INTO evidence_checkpoints (chain_seq, canonical, created_at) VALUES (?, ?, ?)"),
		};
	}

	/** Takes the last checkpoint back from the database (after a failed transaction). */
	reload(): void {
		this.sealedUpTo = (this.statements.lastCheckpoint.get() as number | null) ?? 0;
	}

	/** Seals when everyRecords records are unsealed; inside the caller's transaction. */
	sealIfFull(): void {
		if (this.headSeq() - this.sealedUpTo >= this.options.policy.everyRecords) this.seal();
	}

	/** Signs a checkpoint over the chain head, if anything is unsealed. */
	seal(): void {
		const head = this.options.head();
		const chainSeq = head.nextSeq - 1;
		if (chainSeq <= this.sealedUpTo) return;
		const { gatewayId, key, clock } = this.options;
		const now = clock.now();
		const manifestsRoot = this.options.manifests?.issue(chainSeq);
		const checkpoint = signCheckpoint(
			{ gatewayId, chainSeq, headHash: head.headHash, recordCount: chainSeq, createdAtMs: now, keyId: key.keyId, manifestsRoot },
			key.privateKey,
		);
		this.statements.insertCheckpoint.run(chainSeq, Buffer.from(checkpoint.bytes), now);
		const afterSeq = this.sealedUpTo;
		this.sealedUpTo = chainSeq;
		this.options.stats.checkpoints++;
		this.options.onSealed?.(afterSeq, chainSeq);
	}

	/** Seals everyMs from now, in a transaction of its own, when records are unsealed and no seal is due yet. */
	arm(): void {
		if (this.timer || this.headSeq() <= this.sealedUpTo) return;
		const { clock, policy } = this.options;
		this.timer = clock.setTimeout(() => {
			this.timer = undefined;
			this.sealNow();
		}, policy.everyMs);
	}

	/**
	 * Seals now, in a transaction of its own (at sign-off: the customer's signature gets its work
	 * order's manifest signed at once); on failure logs and retries everyMs later.
	 */
	sealNow(): void {
		try {
			this.options.db.transaction(() => this.seal())();
		} catch (error) {
			this.options.logger.error({ err: error }, "evidence checkpoint failed; will retry");
			// The manifests issued with the rolled-back checkpoint are issued again with the next.
			this.options.manifests?.reload();
			this.arm();
		}
	}

	/** Seals what is left and stops the timer. */
	close(): void {
		this.options.clock.clearTimeout(this.timer);
		this.timer = undefined;
		try {
			this.seal();
		} catch (error) {
			this.options.logger.error({ err: error }, "final evidence checkpoint failed");
		}
	}

	private headSeq(): number {
		return this.options.headSeq ? this.options.headSeq() : this.options.head().nextSeq - 1;
	}
}
