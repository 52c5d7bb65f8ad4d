import { MemoryBillingStore } from "./memory.js";
import { billingStoreContract } from "./billing-store.contract.js";

billingStoreContract("memory", () => new MemoryBillingStore());
