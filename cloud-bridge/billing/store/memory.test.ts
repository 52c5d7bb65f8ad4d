import { billingStoreContract } from "./billing-store.contract.js";
import { MemoryBillingStore } from "./memory.js";

billingStoreContract("memory", () => new MemoryBillingStore());
