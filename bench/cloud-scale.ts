/** Placeholder replaced below. */
import type { Row } from "./stats.js";
export async function benchCloudScale(_runs: number, _log: (line: string) => void): Promise<Row[]> {
	return [];
}
