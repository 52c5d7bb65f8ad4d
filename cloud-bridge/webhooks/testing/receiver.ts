/**
 * A real HTTP receiver on 127.0.0.1 for webhook tests: records every request and answers as the
 * test says (a status, headers, or no answer at all to provoke a timeout).
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
	method: string;
	path: string;
	headers: IncomingHttpHeaders;
	/** The raw body, exactly as received. */
	body: string;
	receivedAt: number;
}

export type ReceiverReply = { status: number; headers?: Record<string, string> } | "hang";

export interface TestReceiver {
	readonly url: string;
	readonly port: number;
	readonly requests: ReceivedRequest[];
	/** How to answer the next requests (index counts from 0 over the receiver's life). */
	reply: (request: ReceivedRequest, index: number) => ReceiverReply;
	close(): Promise<void>;
}

export async function startReceiver(reply: TestReceiver["reply"] = () => ({ status: 204 }), port = 0): Promise<TestReceiver> {
	const requests: ReceivedRequest[] = [];
	const receiver: TestReceiver = {
		url: "",
		port: 0,
		requests,
		reply,
		close: async () => {},
	};
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on("data", (chunk: Buffer) => chunks.push(chunk));
		req.on("end", () => {
			const request: ReceivedRequest = {
				method: req.method ?? "",
				path: req.url ?? "",
				headers: req.headers,
				body: Buffer.concat(chunks).toString("utf8"),
				receivedAt: Date.now(),
			};
			const index = requests.length;
			requests.push(request);
			const answer = receiver.reply(request, index);
			if (answer === "hang") return; // the dispatcher's timeout ends it
			res.writeHead(answer.status, answer.headers).end();
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once("error", reject);
		server.listen(port, "127.0.0.1", () => resolve());
	});
	const address = server.address() as AddressInfo;
	Object.assign(receiver, {
		url: `http://127.0.0.1:${address.port}/hooks`,
		port: address.port,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	});
	return receiver;
}
