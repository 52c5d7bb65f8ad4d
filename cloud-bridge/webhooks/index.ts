/** The webhook dispatcher of the billing service: what other parts import. */
export { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelayMs, retryPolicy } from "../../platform/backoff.js";
export { type CreatedSubscription, type DeliveryLogEntry, WebhookDispatcher, type WebhookDispatcherOptions } from "./dispatcher.js";
export { httpPoster, type WebhookPoster, type WebhookRequest, type WebhookResponse } from "./http-post.js";
export { webhookStoreBeside } from "./beside-storage.js";
export { MemoryWebhookStore } from "./memory-store.js";
export { type WebhookAuthHook, type WebhookRouteSpec, type WebhookRoutesOptions, webhookRouteSpecs, webhookRoutes } from "./routes.js";
export {
	ATTEMPT_HEADER,
	computeSignature,
	DEFAULT_TOLERANCE_SECONDS,
	DELIVERY_ID_HEADER,
	EVENT_ID_HEADER,
	EVENT_TYPE_HEADER,
	parseWebhookEvent,
	SIGNATURE_HEADER,
	signatureHeader,
	type VerifyWebhookOptions,
	verifyWebhookSignature,
} from "./signature.js";
export type { DeliveryAttempt, DeliveryFilter, DeliveryStatus, StoredSubscription, WebhookDelivery, WebhookStore, WebhookSubscription } from "./types.js";
