/** Checks every webhook store backend makes the same way, so they cannot disagree. */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { DEFAULT_DELIVERY_PAGE, type DeliveryAttempt, type DeliveryFilter, MAX_DELIVERY_PAGE, type WebhookDelivery } from "./types.js";

export function duplicateSubscription(id: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_WEBHOOK_INVALID, `A webhook subscription with id ${id} already exists.`);
}

export function pageSize(filter: DeliveryFilter): number {
	const limit = filter.limit ?? DEFAULT_DELIVERY_PAGE;
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_DELIVERY_PAGE) {
		throw new FieldchainError(ErrorCodes.FC_WEBHOOK_INVALID, `limit is ${limit}; it must be an integer from 1 to ${MAX_DELIVERY_PAGE}.`);
	}
	return limit;
}

/** The delivery as it is after an attempt with this outcome. */
export function afterAttempt(delivery: WebhookDelivery, attempt: DeliveryAttempt): WebhookDelivery {
	return {
		...delivery,
		attempts: attempt.attempt,
		status: attempt.outcome === "retrying" ? "pending" : attempt.outcome,
		nextAttemptAt: attempt.outcome === "retrying" ? attempt.nextAttemptAt : null,
		updatedAt: attempt.startedAt + attempt.durationMs,
		lastStatusCode: attempt.statusCode,
		lastError: attempt.error,
	};
}

export function assertAttempt(attempt: DeliveryAttempt): void {
	if (attempt.outcome === "retrying" && (attempt.nextAttemptAt === null || !Number.isFinite(attempt.nextAttemptAt))) {
		throw new FieldchainError(
			ErrorCodes.FC_WEBHOOK_INVALID,
			`Attempt ${attempt.attempt} of delivery ${attempt.deliveryId} is retrying without a next attempt time.`,
		);
	}
}

export const SUBSCRIPTION_DELETED = "subscription deleted";
