/**
 * The search's only source of randomness: a seeded mulberry32 generator, so a seed and an
 * iteration count fix the result on every machine (Math.random is never used).
 */
export class Random {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** Uniform in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [0, n). */
	below(n: number): number {
		return Math.floor(this.next() * n);
	}

	/** Shuffles the first `count` entries of list in place (Fisher–Yates). */
	shuffle(list: Int32Array, count: number): void {
		for (let i = count - 1; i > 0; i--) {
			const k = this.below(i + 1);
			const swap = list[i];
			list[i] = list[k];
			list[k] = swap;
		}
	}
}
