/**
 * Golden vectors (protocol/vectors/v1.json) checked three ways: against our framing and codec,
 * against Google's protoc as an independent protobuf decoder, and against a fresh regeneration.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildVectors, type GoldenVector, renderVectors, VECTORS_PATH } from "../../scripts/make-vectors.js";
import { decodeEnvelope, encodeEnvelope, envelopeToJson, v1 } from "../codec.js";
import { encodeFrame } from "../framing/frame.js";
import { FrameDecoder } from "../framing/frame-decoder.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const vectors: GoldenVector[] = JSON.parse(readFileSync(VECTORS_PATH, "utf8"));

/** Envelope fields of type bytes (base64 in the JSON) and of enum types (names in the JSON). */
const BYTES_FIELDS = new Set(["bootId", "data", "sha256", "hash", "uploadSha256"]);
const ENUM_FIELDS = new Set(["status", "kind", "code", "action", "selfTest", "hostTimeQuality", "quality"]);

function decodeFrames(frame: Buffer): Buffer[] {
	const payloads: Buffer[] = [];
	const decoder = new FrameDecoder({ onFrame: (p) => payloads.push(Buffer.from(p)), onError: (e) => expect.fail(`frame error ${e.kind}`) });
	decoder.push(frame);
	return payloads;
}

/** protoc --decode output of an Envelope payload. */
function protocDecode(payload: Buffer): string {
	const result = spawnSync("protoc", ["--decode=fieldchain.device.v1.Envelope", "--proto_path=protocol/device/v1", "device.proto"], {
		cwd: ROOT,
		input: payload,
		encoding: "buffer",
	});
	if ((result.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") {
		throw new Error("protoc is not installed; the golden vectors are checked against it. Install it: apt-get install protobuf-compiler");
	}
	if (result.error) throw result.error;
	if (result.status !== 0) throw new Error(`protoc failed (${result.status}): ${result.stderr.toString()}`);
	return result.stdout.toString("utf8");
}

/**
 * Flattens protoc's text format into path -> value, e.g. "hello[0].capabilities[1].unit[0]" ->
 * hex of the string's bytes. Names become camelCase, every field gets an occurrence index (so
 * repeated fields and single fields look alike), messages are "{}", quoted strings are hex of
 * their unescaped bytes, numbers are normalised through Number, enum names and bools stay as is.
 */
function flattenProtocText(text: string): Record<string, string> {
	const out: Record<string, string> = {};
	const stack: Array<{ path: string; seen: Map<string, number> }> = [{ path: "", seen: new Map() }];
	const pathOf = (name: string) => {
		const top = stack[stack.length - 1];
		const index = top.seen.get(name) ?? 0;
		top.seen.set(name, index + 1);
		return `${top.path}${camel(name)}[${index}]`;
	};
	for (const raw of text.split("\n")) {
		const line = raw.trim();
		if (line === "") continue;
		if (line === "}") {
			stack.pop();
			continue;
		}
		const open = /^(\w+) \{$/.exec(line);
		if (open) {
			const path = pathOf(open[1]);
			out[path] = "{}";
			stack.push({ path: `${path}.`, seen: new Map() });
			continue;
		}
		const field = /^(\w+): (.*)$/.exec(line);
		if (!field) throw new Error(`unexpected protoc line: ${line}`);
		const value = field[2];
		out[pathOf(field[1])] = value.startsWith('"') ? unescapeCString(value).toString("hex") : /^[-\d.]/.test(value) ? String(Number(value)) : value;
	}
	return out;
}

/** The same flattening of our JSON, for comparison. */
function flattenJson(value: Record<string, unknown>, prefix = ""): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, field] of Object.entries(value)) {
		const items = Array.isArray(field) ? field : [field];
		items.forEach((item, index) => {
			const path = `${prefix}${key}[${index}]`;
			if (typeof item === "object" && item !== null) {
				out[path] = "{}";
				Object.assign(out, flattenJson(item as Record<string, unknown>, `${path}.`));
			} else if (typeof item === "string" && BYTES_FIELDS.has(key)) {
				out[path] = Buffer.from(item, "base64").toString("hex");
			} else if (typeof item === "string" && ENUM_FIELDS.has(key)) {
				out[path] = item;
			} else {
				out[path] = typeof item === "string" ? Buffer.from(item, "utf8").toString("hex") : String(item);
			}
		});
	}
	return out;
}

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The bytes of a C-escaped string literal as protoc prints it: \n \t \" \\ \NNN (octal) \xHH. */
function unescapeCString(literal: string): Buffer {
	const body = literal.slice(1, -1);
	const simple: Record<string, number> = { n: 10, r: 13, t: 9, '"': 34, "'": 39, "\\": 92, a: 7, b: 8, f: 12, v: 11, "?": 63 };
	const out: number[] = [];
	let i = 0;
	while (i < body.length) {
		if (body[i] !== "\\") {
			const char = String.fromCodePoint(body.codePointAt(i)!);
			out.push(...Buffer.from(char, "utf8"));
			i += char.length;
			continue;
		}
		const match = /^\\([0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/.exec(body.slice(i))!;
		const code = match[1];
		if (/^[0-7]/.test(code)) out.push(Number.parseInt(code, 8));
		else if (code.startsWith("x") && code.length > 1) out.push(Number.parseInt(code.slice(1), 16));
		else out.push(simple[code] ?? code.charCodeAt(0));
		i += match[0].length;
	}
	return Buffer.from(out);
}

describe.each(vectors)("golden vector $name", (vector) => {
	const payload = Buffer.from(vector.payloadHex, "hex");
	const frame = Buffer.from(vector.frameHex, "hex");

	it("matches our framing and codec", () => {
		expect(encodeFrame(payload).toString("hex")).toBe(vector.frameHex);
		expect(decodeFrames(frame).map((p) => p.toString("hex"))).toEqual([vector.payloadHex]);
		expect(envelopeToJson(decodeEnvelope(payload))).toEqual(vector.json);
		// An implementation working from the JSON alone produces the same bytes.
		expect(Buffer.from(encodeEnvelope(v1.Envelope.fromObject(vector.json))).toString("hex")).toBe(vector.payloadHex);
	});

	it("decodes with protoc to the same fields and values", () => {
		const text = protocDecode(payload);
		expect(flattenProtocText(text)).toEqual(flattenJson(vector.json));
	});
});

describe("golden vector file", () => {
	it("is current (regenerate with npm run vectors)", () => {
		const current = renderVectors() === readFileSync(VECTORS_PATH, "utf8");
		expect(current, "protocol/vectors/v1.json is stale: run npm run vectors").toBe(true);
	});

	it("covers every body kind, every command action, a zero byte in a payload and a full COBS block", () => {
		const built = buildVectors();
		const bodies = new Set(built.map((v) => decodeEnvelope(Buffer.from(v.payloadHex, "hex")).body));
		expect([...bodies].sort()).toEqual([
			"ack",
			"command",
			"commandResult",
			"error",
			"event",
			"heartbeat",
			"hello",
			"hostHello",
			"imageState",
			"imageStateRequest",
			"imageUpload",
			"imageUploadResult",
			"reading",
			"timeRequest",
			"timeSync",
		]);
		const actions = new Set(built.map((v) => decodeEnvelope(Buffer.from(v.payloadHex, "hex")).command?.action).filter(Boolean));
		expect([...actions].sort()).toEqual(["getStatus", "identify", "reboot", "setRate", "startStreaming", "stopStreaming"]);
		expect(built.some((v) => Buffer.from(v.payloadHex, "hex").includes(0))).toBe(true);
		const long = built.find((v) => v.payloadHex.length / 2 > 254)!;
		expect(Buffer.from(long.frameHex, "hex").includes(0xff)).toBe(true);
		const hello = built.find((v) => v.name === "hello")!.json.hello as Record<string, unknown>;
		expect(hello).toHaveProperty("capabilities");
		expect(hello).toHaveProperty("calibration");
		expect(hello).toHaveProperty("bootId");
		expect(new Set(built.map((v) => v.name)).size).toBe(built.length);
	});

	it("agrees with protoc on a deliberately wrong value (the comparison is not vacuous)", () => {
		const vector = vectors.find((v) => v.name === "reading")!;
		const text = protocDecode(Buffer.from(vector.payloadHex, "hex"));
		const wrong = { ...vector.json, reading: { ...(vector.json.reading as object), value: 0.4736 } };
		expect(flattenProtocText(text)).not.toEqual(flattenJson(wrong));
	});
});
