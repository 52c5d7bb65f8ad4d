import { MemoryBillingStore } from "./memory.js";
import { billingStoreContract } from "./store-contract.js";

billingStoreContract("memory", () => new MemoryBillingStore());
