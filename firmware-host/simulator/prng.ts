/**
 * Random numbers for the simulator. The device takes its randomness as a `() => number` in
 * [0, 1) so tests can pass a seeded generator and get the same readings, faults and boot id on
 * every run.
 */
export type RandomSource = () => number;

/** mulberry32: tiny, fast and good enough for test data (not for anything secret). */
export function seededRandom(seed: number): RandomSource {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Integer in [min, max], both inclusive. */
export function randomInt(random: RandomSource, min: number, max: number): number {
	return min + Math.floor(random() * (max - min + 1));
}

export function randomBytes(random: RandomSource, length: number): Uint8Array {
	const bytes = new Uint8Array(length);
	for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
	return bytes;
}
