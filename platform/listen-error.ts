/**
 * A server that cannot listen says which address, why, and which flag picks another, with
 * FC_HTTP_LISTEN, instead of a raw `listen EADDRINUSE` (the billing service, the demo).
 */
import { ErrorCodes, FieldchainError } from "./errors.js";

export function listenError(cause: unknown, options: { what: string; host: string; port: number; flag: string }): FieldchainError {
	const errno = (cause as NodeJS.ErrnoException | undefined)?.code;
	const address = `${options.host.includes(":") ? `[${options.host}]` : options.host}:${options.port}`;
	const reason =
		errno === "EADDRINUSE"
			? `${address} is already in use (another fieldchain, or another program, listens there)`
			: errno === "EACCES"
				? `${address} needs privileges this user does not have (ports below 1024)`
				: errno === "EADDRNOTAVAIL"
					? `${options.host} is not an address of this machine`
					: `${address}: ${(cause as Error | undefined)?.message ?? String(cause)}`;
	return new FieldchainError(ErrorCodes.FC_HTTP_LISTEN, `Cannot start the ${options.what}: ${reason}.`, {
		cause,
		hint:
			errno === "EADDRINUSE"
				? `Stop the other one (\`ss -ltnp 'sport = :${options.port}'\` shows it), or pick another address with ${options.flag}.`
				: `Pick another address with ${options.flag}.`,
		details: { errno, host: options.host, port: options.port },
	});
}
