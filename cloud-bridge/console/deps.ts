/** What the console's routes and hooks are given: the user store, who may sign in, and the sign-in limiter. */
import type { IdentityProvider } from "./accounts.js";
import type { SignInLimiter } from "./sign-in-limiter.js";
import type { KdfParams } from "./users/password.js";
import type { ConsoleStore } from "./users/types.js";

export interface ConsoleDeps {
	store: ConsoleStore;
	identity: IdentityProvider;
	limiter: SignInLimiter;
	/** KDF parameters for new passwords (tests lower them; production keeps the default). */
	kdf?: KdfParams;
}
