import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isFieldchainError } from "../../platform/errors.js";
import { contentHash, ENTRY_HASH_DOMAIN, EvidenceChain, entryHash, genesisHash, initialChainState } from "./chain.js";
import { decodeRecord, EvidenceKind } from "./record.js";
import { reading } from "./testing/fixtures.js";

describe("EvidenceChain", () => {
	it("starts at chain_seq 1 with the all-zero prev_hash and links every record to the one before", () => {
		const chain = new EvidenceChain();
		const first = chain.append(reading("WO-A", 1));
		const second = chain.append(reading("WO-A", 2));
		expect(first.chainSeq).toBe(1);
		expect(first.prevHash.equals(genesisHash())).toBe(true);
		expect(second.chainSeq).toBe(2);
		expect(second.prevHash.equals(first.entryHash)).toBe(true);
		expect(chain.state.nextSeq).toBe(3);
		expect(Buffer.from(chain.state.headHash).equals(second.entryHash)).toBe(true);
		const decoded = decodeRecord(second.bytes);
		expect(decoded.chainSeq).toBe(2);
		expect(Buffer.from(decoded.prevHash).equals(first.entryHash)).toBe(true);
		expect(contentHash(second.bytes).equals(second.contentHash)).toBe(true);
	});

	it("hashes exactly as documented, byte by byte", () => {
		const chain = new EvidenceChain();
		chain.append(reading("WO-A", 1));
		const entry = chain.append(reading("WO-A", 2));
		const expectedContent = createHash("sha256").update(entry.bytes).digest();
		const seq = Buffer.from([0, 0, 0, 0, 0, 0, 0, 2]);
		const expectedEntry = createHash("sha256")
			.update(Buffer.concat([Buffer.from("fieldchain/evidence/v1\0", "latin1"), seq, entry.prevHash, expectedContent]))
			.digest();
		expect(ENTRY_HASH_DOMAIN.length).toBe(23);
		expect(entry.contentHash.equals(expectedContent)).toBe(true);
		expect(entry.entryHash.equals(expectedEntry)).toBe(true);
		// chain_seq is 8 bytes big-endian: above 2^32 too.
		const big = 2 ** 40 + 5;
		const bigSeq = Buffer.alloc(8);
		bigSeq.writeBigUInt64BE(BigInt(big));
		const manual = createHash("sha256")
			.update(Buffer.concat([Buffer.from(ENTRY_HASH_DOMAIN, "latin1"), bigSeq, Buffer.alloc(32, 1), Buffer.alloc(32, 2)]))
			.digest();
		expect(entryHash(big, Buffer.alloc(32, 1), Buffer.alloc(32, 2)).equals(manual)).toBe(true);
	});

	it("matches the worked example of README.md (checked with protoc and Python's hashlib)", () => {
		const chain = new EvidenceChain();
		const entry = chain.append({
			id: "0190f5c2-7e00-7000-8000-000000000001",
			gatewayId: "gw-01",
			workOrderId: "WO-1",
			kind: EvidenceKind.KIND_NOTE,
			gatewayTimeMs: 1_764_000_000_000,
			text: "Panel door left open",
		});
		expect(Buffer.from(entry.bytes).toString("hex")).toBe(
			"0a2430313930663563322d376530302d373030302d383030302d30303030303030303030303110011a200000000000000000000000000000000000000000000000000000000000000000220567772d30312a04574f2d3150036880d0dfb4ab33ba011450616e656c20646f6f72206c656674206f70656e",
		);
		expect(entry.contentHash.toString("hex")).toBe("7137052bdfe7bb8f965701192810574fc2b10a346f4877a7c79377b6a93fe103");
		expect(entry.entryHash.toString("hex")).toBe("b12a829a12653f13a5a2997156b1f6beee2bffeb6d4144d540961d50487d0096");
	});

	it("continues identically from persisted state (a restart neither forks nor gaps the chain)", () => {
		const straight = new EvidenceChain();
		const resumed = new EvidenceChain();
		for (let n = 1; n <= 5; n++) {
			straight.append(reading("WO-A", n));
			resumed.append(reading("WO-A", n));
		}
		const restarted = new EvidenceChain(
			JSON.parse(JSON.stringify({ ...resumed.state, headHash: Buffer.from(resumed.state.headHash).toString("hex") }), (k, v) =>
				k === "headHash" ? Buffer.from(v, "hex") : v,
			),
		);
		const a = straight.append(reading("WO-A", 6));
		const b = restarted.append(reading("WO-A", 6));
		expect(b.chainSeq).toBe(6);
		expect(b.entryHash.equals(a.entryHash)).toBe(true);
		expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
	});

	it("leaves the state unchanged when a record is invalid, and returns a copy of the state", () => {
		const chain = new EvidenceChain();
		chain.append(reading("WO-A", 1));
		const before = chain.state;
		expect(() => chain.append({ ...reading("WO-A", 2), value: Number.NaN })).toThrow(/finite/);
		expect(chain.state).toEqual(before);
		before.headHash[0] ^= 1;
		expect(chain.state.headHash[0]).not.toBe(before.headHash[0]);
	});

	it("returns the record as { ...init, chainSeq, prevHash }, and refuses an own __proto__ key as an unknown field", () => {
		const chain = new EvidenceChain();
		const init = reading("WO-A", 1);
		const entry = chain.append(init);
		expect(entry.record).toEqual({ ...init, chainSeq: 1, prevHash: genesisHash() });
		expect(Object.keys(entry.record)).toEqual([...Object.keys(init), "chainSeq", "prevHash"]);
		expect(Object.getPrototypeOf(entry.record)).toBe(Object.prototype);
		const before = chain.state;
		const polluted = JSON.parse(`{ "workOrderId": "WO-A", "__proto__": { "text": "x" } }`);
		expect(() => chain.append(polluted)).toThrow(/unknown field/);
		expect(chain.state).toEqual(before);
	});

	it("refuses damaged state", () => {
		const refused = (state: { nextSeq: number; headHash: Uint8Array }) => {
			try {
				new EvidenceChain(state);
			} catch (error) {
				return isFieldchainError(error, "FC_EVIDENCE_CHAIN");
			}
			return false;
		};
		expect(refused({ nextSeq: 0, headHash: genesisHash() })).toBe(true);
		expect(refused({ nextSeq: 2, headHash: Buffer.alloc(31) })).toBe(true);
		expect(refused({ nextSeq: 1, headHash: Buffer.alloc(32, 1) })).toBe(true);
		expect(refused(initialChainState())).toBe(false);
	});

	it("chains 100,000 records (throughput is measured in bench/, not asserted here)", () => {
		const chain = new EvidenceChain();
		const template = reading("WO-A", 1);
		let last = chain.append(template);
		for (let n = 2; n <= 100_000; n++) last = chain.append({ ...template, kind: EvidenceKind.KIND_READING, value: n / 10 });
		expect(last.chainSeq).toBe(100_000);
		expect(chain.state.nextSeq).toBe(100_001);
	});
});
