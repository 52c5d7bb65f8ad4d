import { MemoryRepository } from "./memory.js";
import { repositoryContract } from "./repository.contract.js";

repositoryContract("memory", () => new MemoryRepository());
