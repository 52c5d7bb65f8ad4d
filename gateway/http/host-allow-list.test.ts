/** Which Host header values the gateway answers for, by how it is bound. */
import { networkInterfaces } from "node:os";
import { describe, expect, it } from "vitest";
import { hostAllowed } from "./host-allow-list.js";

describe("hostAllowed", () => {
	it("takes loopback names on the request's port, the bound address, and configured names", () => {
		const loopback = { bindHost: "127.0.0.1" };
		expect(hostAllowed("localhost:8080", 8080, loopback)).toBe(true);
		expect(hostAllowed("[::1]:8080", 8080, loopback)).toBe(true);
		expect(hostAllowed("localhost:8081", 8080, loopback)).toBe(false);
		expect(hostAllowed("localhost", 80, loopback)).toBe(true);
		expect(hostAllowed("localhost", 443, { ...loopback, defaultPort: 443 })).toBe(true);
		expect(hostAllowed("rebound.example:8080", 8080, loopback)).toBe(false);
		expect(hostAllowed(undefined, 8080, loopback)).toBe(false);
		expect(hostAllowed("192.0.2.7:8080", 8080, { bindHost: "192.0.2.7" })).toBe(true);
		expect(hostAllowed("hub.local:8443", 8080, { ...loopback, allowedHosts: ["hub.local"] })).toBe(true);
		expect(hostAllowed("hub.local:8443", 8080, { ...loopback, allowedHosts: ["hub.local:9000"] })).toBe(false);
	});

	it("under a wildcard bind takes this machine's addresses and no other", () => {
		const own = Object.values(networkInterfaces())
			.flat()
			.find((entry) => entry?.family === "IPv4")?.address;
		expect(own).toBeDefined();
		expect(hostAllowed(`${own}:8080`, 8080, { bindHost: "0.0.0.0" })).toBe(true);
		expect(hostAllowed("192.0.2.250:8080", 8080, { bindHost: "0.0.0.0" })).toBe(false);
		expect(hostAllowed("192.0.2.250:8080", 8080, { bindHost: "127.0.0.1" })).toBe(false);
	});
});
