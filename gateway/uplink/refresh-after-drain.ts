/**
 * When to pull the office's view again after sending: when the drain settles (draining → idle)
 * having delivered outbox entries (a time submission, a task state, a visit's step), which the
 * office may answer. Evidence alone changes nothing the office decides, so a tool streaming
 * readings (the drain settling every few seconds) does not keep the downlink pulling non-stop.
 */
export type DrainSettled = (state: string, outboxDelivered: number) => void;

export function refreshAfterDrain(refresh: () => void): DrainSettled {
	let last: string | undefined;
	let deliveredAtLastRefresh = 0;
	return (state, outboxDelivered) => {
		if (state === "idle" && last === "draining" && outboxDelivered > deliveredAtLastRefresh) {
			deliveredAtLastRefresh = outboxDelivered;
			refresh();
		}
		last = state;
	};
}
