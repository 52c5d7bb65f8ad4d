/** The little of oidc-provider (panva; it ships no types) that the tests' local provider uses. */
declare module "oidc-provider" {
	import type { IncomingMessage, ServerResponse } from "node:http";
	export default class Provider {
		constructor(issuer: string, configuration?: Record<string, unknown>);
		callback(): (req: IncomingMessage, res: ServerResponse) => void;
		proxy: boolean;
	}
}
