import { MemoryWebhookStore } from "./memory-store.js";
import { webhookStoreContract } from "./webhook-store.contract.js";

webhookStoreContract("memory", () => new MemoryWebhookStore());
