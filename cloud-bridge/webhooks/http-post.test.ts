/** The webhook sender against real loopback HTTP servers. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { systemClock } from "../../platform/clock.js";
import { httpPoster, parseRetryAfter } from "./http-post.js";

const servers: Server[] = [];
afterEach(async () => {
	for (const s of servers.splice(0)) {
		s.closeAllConnections();
		await new Promise((resolve) => s.close(resolve));
	}
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
	const server = createServer(handler);
	servers.push(server);
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

const post = httpPoster(systemClock);

describe("webhook HTTP sender", () => {
	it("POSTs the body with its headers and a Content-Length, and reports the status", async () => {
		let seen: { method?: string; length?: string; signature?: string; body: string } = { body: "" };
		const url = await serve((req, res) => {
			let body = "";
			req.on("data", (c) => {
				body += c;
			});
			req.on("end", () => {
				seen = { method: req.method, length: req.headers["content-length"], signature: req.headers["fieldchain-signature"] as string, body };
				res.writeHead(202).end("accepted");
			});
		});
		const body = JSON.stringify({ note: "Zähler ✓" });
		expect(await post({ url, headers: { "Fieldchain-Signature": "t=1,v1=ab", "Content-Type": "application/json" }, body, timeoutMs: 5000 })).toEqual({
			statusCode: 202,
			retryAfterMs: undefined,
		});
		expect(seen).toEqual({ method: "POST", length: String(Buffer.byteLength(body)), signature: "t=1,v1=ab", body });
	});

	it("does not follow redirects, and passes Retry-After on", async () => {
		const url = await serve((req, res) => {
			if (req.url === "/hook") res.writeHead(307, { location: "/elsewhere" }).end();
			else res.writeHead(200).end();
		});
		expect((await post({ url, headers: {}, body: "{}", timeoutMs: 5000 })).statusCode).toBe(307);
		const busy = await serve((_req, res) => res.writeHead(503, { "retry-after": "120" }).end());
		expect(await post({ url: busy, headers: {}, body: "{}", timeoutMs: 5000 })).toEqual({ statusCode: 503, retryAfterMs: 120_000 });
	});

	it("reads no more than 64 KiB of a response", async () => {
		const url = await serve((_req, res) => {
			res.writeHead(200);
			const chunk = Buffer.alloc(16 * 1024, 120);
			const timer = setInterval(() => res.write(chunk), 1);
			res.on("close", () => clearInterval(timer));
		});
		expect((await post({ url, headers: {}, body: "{}", timeoutMs: 5000 })).statusCode).toBe(200);
	});

	it("fails on a timeout and on a refused connection, saying which", async () => {
		const url = await serve(() => {});
		await expect(post({ url, headers: {}, body: "{}", timeoutMs: 100 })).rejects.toThrow(/within 100 ms/);
		const closed = await serve(() => {});
		const server = servers.pop()!;
		await new Promise((resolve) => server.close(resolve));
		await expect(post({ url: closed, headers: {}, body: "{}", timeoutMs: 1000 })).rejects.toThrow(/ECONNREFUSED/);
	});

	it("parses Retry-After as seconds or an HTTP date", () => {
		const now = Date.parse("2025-11-24T10:00:00Z");
		expect(parseRetryAfter("30", now)).toBe(30_000);
		expect(parseRetryAfter("Mon, 24 Nov 2025 10:01:00 GMT", now)).toBe(60_000);
		expect(parseRetryAfter("Mon, 24 Nov 2025 09:00:00 GMT", now)).toBe(0);
		expect(parseRetryAfter("soon", now)).toBeUndefined();
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
	});
});
