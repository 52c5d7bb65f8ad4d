/**
 * verifyBundle on anything: random JSON, random bytes and randomly damaged genuine bundles never
 * make it throw (a verifier that throws on a hostile file reports nothing), and its work grows
 * linearly with the input, also on shapes built to hurt (reversed, duplicated, gapped entries).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serializeBundle } from "../bundle.js";
import { makeTestBundle } from "../testing/fixtures.js";
import { verifyBundle } from "./verify-bundle.js";

const genuine = makeTestBundle();
const genuineText = serializeBundle(genuine);

describe("verifyBundle on hostile input", () => {
	it("never throws on random JSON values, as objects or as text", () => {
		fc.assert(
			fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
				for (const input of [value, JSON.stringify(value) ?? "null"]) {
					const result = verifyBundle(input);
					expect(result.ok).toBe(false);
					expect(result.problems.length).toBeGreaterThan(0);
				}
			}),
			{ seed: 15, numRuns: 300 },
		);
	});

	it("never throws on random bytes", () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
				expect(verifyBundle(bytes).ok).toBe(false);
			}),
			{ seed: 15, numRuns: 300 },
		);
	});

	it("never throws when any field of a genuine bundle is replaced by random JSON", () => {
		const paths = fieldPaths(genuine);
		fc.assert(
			fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 }), (path, value) => {
				const bundle = structuredClone(genuine) as unknown as Record<string, unknown>;
				setAt(bundle, path, value);
				const changed = JSON.stringify(bundle) !== JSON.stringify(genuine);
				for (const input of [JSON.stringify(bundle), bundle]) if (changed) expect(verifyBundle(input).ok).toBe(false);
			}),
			{ seed: 15, numRuns: 300 },
		);
	});

	it("never throws when bytes of a genuine bundle are flipped, cut or inserted", () => {
		const bytes = Buffer.from(genuineText);
		fc.assert(
			fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 }), fc.constantFrom("flip", "cut", "insert"), (at, byte, how) => {
				const damaged =
					how === "flip"
						? Buffer.concat([bytes.subarray(0, at), Buffer.from([bytes[at] ^ (byte || 1)]), bytes.subarray(at + 1)])
						: how === "cut"
							? Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)])
							: Buffer.concat([bytes.subarray(0, at), Buffer.from([byte]), bytes.subarray(at)]);
				expect(verifyBundle(damaged).ok).toBe(false);
			}),
			{ seed: 15, numRuns: 300 },
		);
	});

	it("takes time linear in the input on shapes built to hurt (loosely: per-entry cost at 16x the size within 5x)", () => {
		const shapes = ["reversed", "duplicated", "gapped", "shuffled"] as const;
		fc.assert(
			fc.property(fc.constantFrom(...shapes), fc.integer({ min: 1, max: 1_000_000 }), (shape, salt) => {
				const small = perEntryMs(hostile(shape, 500, salt));
				const large = perEntryMs(hostile(shape, 8000, salt));
				// Quadratic work would make the per-entry cost of the large input about 16x the small one's.
				expect(large).toBeLessThan(small * 5 + 0.05);
			}),
			{ seed: 15, numRuns: 4 },
		);
	});
});

/** A bundle of `n` entries (copies of a genuine one's) in an order or numbering chosen to hurt. */
function hostile(shape: "reversed" | "duplicated" | "gapped" | "shuffled", n: number, salt: number): { text: string; n: number } {
	const bundle = structuredClone(genuine);
	const template = genuine.entries;
	const seqs = Array.from({ length: n }, (_, i) => {
		if (shape === "reversed") return n - i;
		if (shape === "duplicated") return 1 + (i % 3);
		if (shape === "gapped") return 1 + i * 1_000_003 + (salt % 1000);
		return 1 + ((i * 7919 + salt) % n);
	});
	bundle.entries = seqs.map((chainSeq, i) => ({ ...template[i % template.length], chainSeq }));
	bundle.checkpoints = Array.from({ length: Math.ceil(n / 50) }, (_, i) => ({ ...genuine.checkpoints[i % genuine.checkpoints.length] }));
	return { text: serializeBundle(bundle), n };
}

function perEntryMs(input: { text: string; n: number }): number {
	let best = Number.POSITIVE_INFINITY;
	for (let i = 0; i < 3; i++) {
		const started = performance.now();
		const result = verifyBundle(input.text);
		best = Math.min(best, performance.now() - started);
		expect(result.ok).toBe(false);
	}
	return best / input.n;
}

type Path = Array<string | number>;

function fieldPaths(value: unknown, prefix: Path = []): Path[] {
	if (typeof value !== "object" || value === null) return [prefix];
	const entries = Array.isArray(value) ? value.map((item, i) => [i, item] as const) : Object.entries(value);
	return [prefix, ...entries.flatMap(([key, item]) => fieldPaths(item, [...prefix, key]))].filter((path) => path.length > 0);
}

function setAt(root: Record<string, unknown>, path: Path, value: unknown): void {
	let node = root as Record<string | number, unknown>;
	for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
	node[path[path.length - 1]] = value;
}
