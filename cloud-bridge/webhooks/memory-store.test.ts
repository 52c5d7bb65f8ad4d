import { MemoryWebhookStore } from "./memory-store.js";
import { webhookStoreContract } from "./store-contract.js";

webhookStoreContract("memory", () => new MemoryWebhookStore());
