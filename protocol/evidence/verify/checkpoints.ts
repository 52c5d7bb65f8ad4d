/**
 * The checkpoint steps: read each checkpoint (canonical base64 of a canonical Checkpoint), then
 * check that it names the gateway, is signed by its key, counts its records, and seals the head
 * of the chain in scope. Signed checkpoints whose head matches go to `sealing`.
 */
import { verifyCheckpoint, verifyCheckpointRaw } from "../checkpoint.js";
import { keyIdOf } from "../keys.js";
import { type Checkpoint, decodeCheckpoint, UnsupportedFormatError } from "../record.js";
import type { ChainContext } from "./chain-context.js";
import { hex, strictBase64 } from "./encodings.js";
import type { Step } from "./pipeline.js";
import type { Report } from "./problems.js";

export const readCheckpoints: Step<ChainContext> = {
	name: "read checkpoints",
	run(context) {
		context.checkpoints = context.checkpointItems.map(({ label, text }) => {
			const bytes = strictBase64(text);
			try {
				if (!bytes) throw new Error("not canonical base64");
				return { label, bytes, checkpoint: decodeCheckpoint(bytes) };
			} catch (error) {
				// A newer evidence format is read as far as this code can, and checked over its raw bytes.
				if (bytes && error instanceof UnsupportedFormatError) return { label, bytes, checkpoint: error.partial as Checkpoint, newerFormat: error.format };
				return { label, error: (error as Error).message };
			}
		});
	},
};

export const checkCheckpoints: Step<ChainContext> = {
	name: "check checkpoints",
	run(context) {
		const { key, scope, firstFindingRejects } = context;
		for (const read of context.checkpoints) {
			const { label } = read;
			if ("error" in read) {
				context.report(
					"checkpoint-encoding",
					label,
					label === undefined ? `A checkpoint cannot be read: ${read.error}` : `Checkpoint ${label} cannot be read: ${read.error}`,
				);
				continue;
			}
			const { checkpoint } = read;
			const seq = checkpoint.chainSeq;
			let findings = 0;
			const find: Report = (check, chainSeq, message) => {
				findings++;
				context.report(check, chainSeq, message);
			};
			if (label !== undefined && seq !== label) find("checkpoint-label", label, `The checkpoint listed as ${label} covers record ${seq}.`);
			if (checkpoint.gatewayId !== context.gatewayId) {
				find("checkpoint-gateway", seq, `Checkpoint ${seq} is from gateway ${checkpoint.gatewayId}, ${context.source} says ${context.gatewayId}.`);
			}
			if (read.newerFormat !== undefined) {
				// Said once; billing refuses such a checkpoint (it cannot store what it cannot read), a bundle verifier still seals with it.
				(firstFindingRejects ? find : context.report)(
					"checkpoint-format",
					seq,
					`Checkpoint ${seq}: evidence format ${read.newerFormat} is newer than this verifier reads. Upgrade fieldchain.`,
				);
			}
			if ((findings > 0 && firstFindingRejects) || !key) continue;
			const genuine = (publicKey: Uint8Array) =>
				read.newerFormat === undefined ? verifyCheckpoint(checkpoint, publicKey) : verifyCheckpointRaw(read.bytes, checkpoint, publicKey);
			if (!genuine(key)) {
				if (!(context.alsoGenuineFor && genuine(context.alsoGenuineFor))) {
					if (Buffer.from(checkpoint.keyId).equals(keyIdOf(key))) find("checkpoint-signature", seq, `Checkpoint ${seq} is forged: its signature is not valid.`);
					else find("checkpoint-key", seq, `Checkpoint ${seq} is forged: it names key ${hex(checkpoint.keyId)}, not the gateway's key.`);
				}
				continue;
			}
			if (checkpoint.recordCount !== seq) find("checkpoint-count", seq, `Checkpoint ${seq} counts ${checkpoint.recordCount} records.`);
			if (findings > 0 && firstFindingRejects) continue;
			const entryHash = scope.entryHash(seq);
			if (entryHash === undefined) {
				find("checkpoint-outside", seq, scope.outside(seq));
				continue;
			}
			if (entryHash === null) continue;
			if (!entryHash.equals(checkpoint.headHash)) {
				scope.headChanged(seq, checkpoint, entryHash);
				continue;
			}
			context.sealing.push(read);
		}
	},
};
