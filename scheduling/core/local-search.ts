/**
 * Local search to a local optimum over four neighbourhoods, first improvement:
 *  - relocate / or-opt: move a string of 1–3 consecutive jobs elsewhere (another route or the same),
 *  - swap: exchange two jobs of different routes,
 *  - 2-opt*: exchange the tails of two routes.
 * A move is a candidate only when it shortens travel. On plain VRPTW (Routes.plain) the O(1)
 * slack checks decide feasibility exactly and the travel delta is the cost delta, so a candidate is
 * applied at once; otherwise (field service: time-dependent costs, skills, pins, relations) it is
 * applied tentatively, and kept only when every changed route stays feasible and the exact cost drops.
 *
 * Invariant: the solution never gets worse and never becomes infeasible.
 */
import type { Routes } from "./routes.js";

const EPSILON = 1e-9;
const MAX_PASSES = 100;

/** Improves until no move helps, `maxPasses` passes are done, or `deadline()` says time is up (checked between passes). */
export function localSearch(routes: Routes, maxPasses = MAX_PASSES, deadline: () => boolean = () => false): void {
	const scratch = new Int32Array(routes.p.jobCount + 2);
	for (let pass = 0; pass < maxPasses && !deadline(); pass++) {
		let improved = false;
		improved = relocate(routes) || improved;
		improved = swap(routes) || improved;
		improved = twoOptStar(routes, scratch) || improved;
		if (!improved) break;
	}
}

/** Keeps a tentatively applied move when it is feasible and cheaper; otherwise undoes it. */
function settle(routes: Routes): boolean {
	if (routes.touchedFeasible() && routes.touchedDelta() < -EPSILON) {
		routes.commit();
		return true;
	}
	routes.rollback();
	return false;
}

function relocate(routes: Routes): boolean {
	const p = routes.p;
	const S = p.stopCount;
	const V = p.vehicleCount;
	const cost = p.cost;
	const travel = p.travel;
	const service = p.service;
	const ready = routes.readyEff;
	const due = p.due;
	let improved = false;
	for (let r1 = 0; r1 < V; r1++) {
		for (let k = 1; k <= 3; k++) {
			for (let i = 1; i + k < routes.len[r1]; i++) {
				const seq1 = routes.seq[r1];
				const first = seq1[i];
				const last = seq1[i + k - 1];
				if (!movable(routes, seq1, i, k)) continue;
				const a = seq1[i - 1];
				const b = seq1[i + k];
				const gain = cost[a * S + first] + cost[last * S + b] - cost[a * S + b];
				let segmentLoad = 0;
				for (let m = 0; m < k; m++) segmentLoad += p.demand[seq1[i + m]];
				let done = false;
				for (let r2 = 0; r2 < V && !done; r2++) {
					const len2 = routes.len[r2];
					if (r2 !== r1 && routes.loadPre[r2][len2 - 1] + segmentLoad > p.capacity[r2]) continue;
					if (r2 !== r1 && len2 === 2 && p.homogeneous && routes.len[r1] === k + 2) continue; // moving a whole route to an empty one
					const seq2 = routes.seq[r2];
					const est2 = routes.est[r2];
					const lst2 = routes.lst[r2];
					for (let q = 1; q < len2; q++) {
						if (r2 === r1 && q >= i && q <= i + k) continue; // no-op positions
						const x = seq2[q - 1];
						const y = seq2[q];
						const delta = cost[x * S + first] + cost[last * S + y] - cost[x * S + y] - gain;
						if (delta >= -EPSILON) continue;
						if (routes.plain) {
							if (r2 === r1) {
								if (!tryIntra(routes, r1, i, k, q)) continue;
							} else {
								// Chain the segment's times from x; it must reach y by y's latest start.
								let t = est2[q - 1];
								let prev = x;
								let ok = true;
								for (let m = 0; m < k; m++) {
									const job = seq1[i + m];
									const arrival = t + service[prev] + travel[prev * S + job];
									t = Math.max(arrival, ready[job]);
									if (t > due[job]) {
										ok = false;
										break;
									}
									prev = job;
								}
								if (!ok || t + service[prev] + travel[prev * S + y] > lst2[q]) continue;
								moveSegment(routes, r1, i, k, r2, q);
								routes.commit();
							}
						} else {
							if (r2 === r1) {
								if (!tryIntra(routes, r1, i, k, q)) continue;
							} else {
								moveSegment(routes, r1, i, k, r2, q);
								if (!settle(routes)) continue;
							}
						}
						improved = true;
						done = true;
						break;
					}
				}
			}
		}
	}
	return improved;
}

/** Whether the k jobs from position i may be moved (none pinned, none tied to another job on plain runs). */
function movable(routes: Routes, seq: Int32Array, i: number, k: number): boolean {
	for (let m = 0; m < k; m++) if (routes.p.pinnedVehicle[seq[i + m]] >= 0) return false;
	return true;
}

/** Moves k jobs from position i of r1 to before position q of r2 (r1 ≠ r2), touching both. */
function moveSegment(routes: Routes, r1: number, i: number, k: number, r2: number, q: number): void {
	routes.touch(r1);
	routes.touch(r2);
	const seq1 = routes.seq[r1];
	for (let m = 0; m < k; m++) {
		const job = seq1[i];
		routes.remove(job);
		routes.insert(job, r2, q + m);
	}
	routes.update(r1);
	routes.update(r2);
}

/** Moves k jobs from position i to before position q of the same route, kept only when feasible and cheaper. */
function tryIntra(routes: Routes, r: number, i: number, k: number, q: number): boolean {
	routes.touch(r);
	const seq = routes.seq[r];
	const jobs = [seq[i], seq[i + 1], seq[i + 2]];
	for (let m = 0; m < k; m++) routes.remove(jobs[m]);
	const target = q > i ? q - k : q;
	for (let m = 0; m < k; m++) routes.insert(jobs[m], r, target + m);
	routes.update(r);
	return settle(routes);
}

function swap(routes: Routes): boolean {
	const p = routes.p;
	const S = p.stopCount;
	const V = p.vehicleCount;
	const cost = p.cost;
	let improved = false;
	for (let r1 = 0; r1 < V; r1++) {
		for (let i = 1; i < routes.len[r1] - 1; i++) {
			for (let r2 = r1 + 1; r2 < V; r2++) {
				const len2 = routes.len[r2];
				for (let j = 1; j < len2 - 1; j++) {
					const seq1 = routes.seq[r1];
					const seq2 = routes.seq[r2];
					const u = seq1[i];
					const v = seq2[j];
					if (p.pinnedVehicle[u] >= 0 || p.pinnedVehicle[v] >= 0) continue;
					const a = seq1[i - 1];
					const b = seq1[i + 1];
					const x = seq2[j - 1];
					const y = seq2[j + 1];
					const delta =
						cost[a * S + v] + cost[v * S + b] - cost[a * S + u] - cost[u * S + b] + cost[x * S + u] + cost[u * S + y] - cost[x * S + v] - cost[v * S + y];
					if (delta >= -EPSILON) continue;
					if (routes.plain) {
						if (!fitsInstead(routes, r1, i, v) || !fitsInstead(routes, r2, j, u)) continue;
						exchange(routes, r1, i, r2, j);
						routes.commit();
					} else {
						exchange(routes, r1, i, r2, j);
						if (!settle(routes)) continue;
					}
					improved = true;
				}
			}
		}
	}
	return improved;
}

/** O(1): whether job v can take the place of the job at position i of route r (time and load). */
function fitsInstead(routes: Routes, r: number, i: number, v: number): boolean {
	const p = routes.p;
	const S = p.stopCount;
	const seq = routes.seq[r];
	const u = seq[i];
	const len = routes.len[r];
	if (routes.loadPre[r][len - 1] - p.demand[u] + p.demand[v] > p.capacity[r]) return false;
	const a = seq[i - 1];
	const b = seq[i + 1];
	const arrival = routes.est[r][i - 1] + p.service[a] + p.travel[a * S + v];
	const start = Math.max(arrival, routes.readyEff[v]);
	if (start > p.due[v]) return false;
	return start + p.service[v] + p.travel[v * S + b] <= routes.lst[r][i + 1];
}

function exchange(routes: Routes, r1: number, i: number, r2: number, j: number): void {
	routes.touch(r1);
	routes.touch(r2);
	const u = routes.seq[r1][i];
	const v = routes.seq[r2][j];
	routes.seq[r1][i] = v;
	routes.seq[r2][j] = u;
	routes.update(r1);
	routes.update(r2);
}

function twoOptStar(routes: Routes, scratch: Int32Array): boolean {
	const p = routes.p;
	const S = p.stopCount;
	const V = p.vehicleCount;
	const cost = p.cost;
	const travel = p.travel;
	const service = p.service;
	let improved = false;
	for (let r1 = 0; r1 < V; r1++) {
		for (let r2 = r1 + 1; r2 < V; r2++) {
			if (routes.len[r1] === 2 && routes.len[r2] === 2) continue;
			// Tails move between vehicles: only when both end at the same place by the same time.
			const end1 = routes.seq[r1][routes.len[r1] - 1];
			const end2 = routes.seq[r2][routes.len[r2] - 1];
			if (p.due[end1] !== p.due[end2] || travel[end1 * S + end2] !== 0) continue;
			for (let i = 0; i < routes.len[r1] - 1; i++) {
				for (let j = 0; j < routes.len[r2] - 1; j++) {
					const len1 = routes.len[r1];
					const len2 = routes.len[r2];
					if ((i === 0 && j === 0) || (i === len1 - 2 && j === len2 - 2)) continue; // swaps whole routes: no change
					const seq1 = routes.seq[r1];
					const seq2 = routes.seq[r2];
					const a = seq1[i];
					const a2 = seq1[i + 1];
					const b = seq2[j];
					const b2 = seq2[j + 1];
					const delta = cost[a * S + b2] + cost[b * S + a2] - cost[a * S + a2] - cost[b * S + b2];
					if (delta >= -EPSILON) continue;
					if (routes.plain) {
						const load1 = routes.loadPre[r1][len1 - 1];
						const load2 = routes.loadPre[r2][len2 - 1];
						if (routes.loadPre[r1][i] + load2 - routes.loadPre[r2][j] > p.capacity[r1]) continue;
						if (routes.loadPre[r2][j] + load1 - routes.loadPre[r1][i] > p.capacity[r2]) continue;
						if (routes.est[r1][i] + service[a] + travel[a * S + b2] > routes.lst[r2][j + 1]) continue;
						if (routes.est[r2][j] + service[b] + travel[b * S + a2] > routes.lst[r1][i + 1]) continue;
						exchangeTails(routes, r1, i, r2, j, scratch);
						routes.commit();
					} else {
						exchangeTails(routes, r1, i, r2, j, scratch);
						if (!settle(routes)) continue;
					}
					improved = true;
				}
			}
		}
	}
	return improved;
}

/** r1 keeps positions 0..i and takes r2's jobs after j; r2 keeps 0..j and takes r1's jobs after i. Ends stay. */
function exchangeTails(routes: Routes, r1: number, i: number, r2: number, j: number, scratch: Int32Array): void {
	routes.touch(r1);
	routes.touch(r2);
	const seq1 = routes.seq[r1];
	const seq2 = routes.seq[r2];
	const len1 = routes.len[r1];
	const len2 = routes.len[r2];
	const end1 = seq1[len1 - 1];
	const end2 = seq2[len2 - 1];
	const tail1 = len1 - 2 - i; // jobs after i in r1
	const tail2 = len2 - 2 - j;
	scratch.set(seq1.subarray(i + 1, i + 1 + tail1));
	seq1.set(seq2.subarray(j + 1, j + 1 + tail2), i + 1);
	seq1[i + 1 + tail2] = end1;
	routes.len[r1] = i + 2 + tail2;
	seq2.set(scratch.subarray(0, tail1), j + 1);
	seq2[j + 1 + tail1] = end2;
	routes.len[r2] = j + 2 + tail1;
	routes.update(r1);
	routes.update(r2);
}
