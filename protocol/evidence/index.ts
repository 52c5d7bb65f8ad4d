/** Evidence integrity core: canonical records, the hash chain, gateway keys, checkpoints and bundles. */
export * from "./bundle.js";
export * from "./chain.js";
export * from "./checkpoint.js";
export * from "./keys.js";
export * from "./record.js";
