/** Network facts shared by every listener: what counts as loopback (the only place a service may listen without TLS and auth). */

/** True for localhost, ::1 and 127.0.0.0/8. */
export function isLoopback(host: string): boolean {
	return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
