/**
 * The MCUmgr side of the simulated stock device: takes one SMP request packet, answers one packet.
 * Groups and commands as Zephyr's group specifications define them: OS (0: echo, reset,
 * mcumgr_params, info), image (1: state read/write, upload, erase), stat (2: group data, list),
 * shell (9: exec). Errors as "SMP Protocol Specification", "Minimal response": group errors as
 * `err: {group, rc}` to a version 2 request (Ver 0b01), as `rc` (mcumgr_err_t) to an original
 * one; SMP-level errors (unknown command, bad CBOR, version) always as `rc`.
 * Invariant: a request is answered once or not at all (a packet over buf_size is dropped, as a
 * device whose buffer it does not fit drops it), and a repeated request gets the same answer.
 */
import { createHash } from "node:crypto";
import { decode, encode } from "cbor2";
import type { McubootSlots } from "./mcuboot-slots.js";
import { type PacketHeader, readHeader, writeHeader } from "./smp-wire.js";

const EUNKNOWN = 1;
const EINVAL = 3;
const ENOENT = 5;
const EBADSTATE = 6;
const ENOTSUP = 8;
const UNSUPPORTED_TOO_NEW = 13;

/** img_mgmt_ret_code_t values this device answers with, and their version 1 translation. */
const IMG = {
	NO_IMAGE: { rc: 3, v1: ENOENT },
	NO_FREE_SLOT: { rc: 9, v1: EBADSTATE },
	INVALID_SLOT: { rc: 14, v1: EINVAL },
	INVALID_OFFSET: { rc: 20, v1: EINVAL },
	INVALID_LENGTH: { rc: 21, v1: EINVAL },
	INVALID_IMAGE_HEADER_MAGIC: { rc: 23, v1: EINVAL },
	IMAGE_ALREADY_PENDING: { rc: 28, v1: EBADSTATE },
} as const;

export interface SmpServerOptions {
	slots: McubootSlots;
	deviceId: string;
	model: string;
	/** mcumgr_params; a request whose packet, length and CRC do not fit bufSize is dropped. */
	bufSize?: number;
	bufCount?: number;
	/** Highest Ver this device speaks: 1 (SMP version 2, default) or 0 (the original protocol only). */
	maxVersion?: number;
	/** Shell management enabled (CONFIG_MCUMGR_GRP_SHELL). */
	shell?: boolean;
	/** Called after the answer to a reset request is written. */
	onReset?: () => void;
	onEvent?: (event: string, detail: Record<string, unknown>) => void;
}

type Body = Record<string, unknown>;
type Answer = Body | { smpRc: number } | { imgErr: { rc: number; v1: number } };

export class SmpServer {
	private upload: { sha: Buffer | undefined; len: number; off: number; bytes: Buffer } | undefined;
	readonly stats = { rx: 0, tx: 0, oversized: 0, resets: 0 };
	readonly bufSize: number;
	readonly bufCount: number;
	private readonly started = Date.now();
	/** Fault injection: from this upload offset on, chunk requests go unanswered, as a hung flash write. */
	private stallFrom: number | undefined;

	constructor(private readonly options: SmpServerOptions) {
		this.bufSize = options.bufSize ?? 384;
		this.bufCount = options.bufCount ?? 4;
	}

	/** Bytes of the current upload received so far (undefined: none). */
	get uploadOffset(): number | undefined {
		return this.upload?.off;
	}

	/**
	 * Stop answering upload chunks once the upload has reached `offset` bytes (undefined: answer
	 * again). Tests use it to cut an upload at a byte count rather than at a moment, which a faster
	 * runtime or a quieter machine would miss.
	 */
	stallUploadAt(offset: number | undefined): void {
		this.stallFrom = offset;
	}

	/** RAM state a reset clears: an unfinished upload is lost. */
	rebooted(): void {
		this.upload = undefined;
		this.stats.resets++;
	}

	handle(packet: Uint8Array): Uint8Array | undefined {
		const header = readHeader(packet);
		if (!header || (header.op !== 0 && header.op !== 2)) return undefined;
		// The console transport decodes length (2), packet and CRC16 (2) into one buf_size buffer.
		if (packet.length + 4 > this.bufSize) {
			this.stats.oversized++;
			return undefined;
		}
		if (this.stalled(header)) return undefined;
		this.stats.rx++;
		const maxVersion = this.options.maxVersion ?? 1;
		let answer: Answer;
		let version = header.ver;
		if (header.ver > maxVersion) {
			version = maxVersion;
			answer = { smpRc: UNSUPPORTED_TOO_NEW };
		} else if (packet.length !== 8 + header.len) answer = { smpRc: EINVAL };
		else {
			let body: unknown;
			try {
				body = header.len === 0 ? {} : decode(packet.subarray(8));
			} catch {
				body = undefined;
			}
			answer = body && typeof body === "object" && !Array.isArray(body) ? this.dispatch(header.group, header.id, header.op, body as Body) : { smpRc: EINVAL };
		}
		const out = encodeBody(answer, version, header.group);
		this.stats.tx++;
		const response = new Uint8Array(8 + out.length);
		response.set(writeHeader({ ver: version, op: header.op + 1, flags: 0, len: out.length, group: header.group, seq: header.seq, id: header.id }));
		response.set(out, 8);
		if (header.group === 0 && header.id === 5 && header.op === 2 && !("smpRc" in answer)) queueMicrotask(() => this.options.onReset?.());
		return response;
	}

	private stalled(header: PacketHeader): boolean {
		const isChunk = header.group === 1 && header.id === 1 && header.op === 2;
		return isChunk && this.stallFrom !== undefined && this.upload !== undefined && this.upload.off >= this.stallFrom;
	}

	private dispatch(group: number, id: number, op: number, body: Body): Answer {
		const read = op === 0;
		switch (`${group}:${id}:${read ? "r" : "w"}`) {
			case "0:0:r":
			case "0:0:w":
				return typeof body.d === "string" ? { r: body.d } : { smpRc: EINVAL };
			case "0:5:w":
				return {};
			case "0:6:r":
				return { buf_size: this.bufSize, buf_count: this.bufCount };
			case "0:7:r":
				return { output: this.info(typeof body.format === "string" ? body.format : "s") };
			case "1:0:r":
				return { images: this.images() };
			case "1:0:w":
				return this.setState(body);
			case "1:1:w":
				return this.receive(body);
			case "1:5:w":
				return this.erase(body);
			case "2:1:r":
				return { stat_list: ["smp", "boot"] };
			case "2:0:r":
				return this.stat(body.name);
			case "9:0:w":
				return this.options.shell === false ? { smpRc: ENOTSUP } : this.shell(body.argv);
			default:
				return { smpRc: ENOTSUP };
		}
	}

	private images(): Body[] {
		const s = this.options.slots.state;
		const list: Body[] = [
			{ image: 0, slot: 0, version: s.primary.version, hash: s.primary.hash, bootable: s.primary.bootable, confirmed: s.primaryConfirmed, active: true },
		];
		if (s.secondary) {
			// While the running image is on test, the secondary holds the image a reset brings back: img_mgmt flags it confirmed.
			list.push({
				image: 0,
				slot: 1,
				version: s.secondary.version,
				hash: s.secondary.hash,
				bootable: s.secondary.bootable,
				pending: s.pending !== undefined,
				confirmed: !s.primaryConfirmed,
				permanent: s.pending === "permanent",
			});
		}
		// Flags that are false are left out, as img_mgmt does.
		return list.map((entry) => Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== false)));
	}

	private setState(body: Body): Answer {
		const slots = this.options.slots;
		const s = slots.state;
		const confirm = body.confirm === true;
		const hash = body.hash instanceof Uint8Array ? Buffer.from(body.hash) : undefined;
		if (hash === undefined) {
			if (!confirm) return { smpRc: EINVAL };
			s.primaryConfirmed = true;
			this.event("confirmed", { version: s.primary.version });
			return { images: this.images() };
		}
		if (hash.equals(s.primary.hash)) {
			if (!confirm) return { smpRc: EBADSTATE };
			s.primaryConfirmed = true;
			this.event("confirmed", { version: s.primary.version });
			return { images: this.images() };
		}
		if (!s.secondary || !hash.equals(s.secondary.hash)) return { imgErr: IMG.NO_IMAGE };
		if (!s.primaryConfirmed) return { smpRc: EBADSTATE };
		s.pending = confirm ? "permanent" : "test";
		this.event(confirm ? "pendingPermanent" : "pendingTest", { version: s.secondary.version });
		return { images: this.images() };
	}

	private receive(body: Body): Answer {
		const slots = this.options.slots;
		const off = body.off;
		const data = body.data;
		if (typeof off !== "number" || !(data instanceof Uint8Array)) return { imgErr: IMG.INVALID_OFFSET };
		if (off === 0) {
			const len = body.len;
			if (typeof len !== "number" || len <= 0) return { imgErr: IMG.INVALID_LENGTH };
			if (body.image !== undefined && body.image !== 0) return { imgErr: IMG.INVALID_SLOT };
			const sha = body.sha instanceof Uint8Array ? Buffer.from(body.sha) : undefined;
			const current = this.upload;
			// Same sha and length: the client resumes; answer with the offset reached, write nothing.
			if (current?.sha && sha && current.sha.equals(sha) && current.len === len && current.off > 0) return { off: current.off };
			const busy = slots.secondaryBusy();
			if (busy) return { imgErr: busy === "pending" ? IMG.IMAGE_ALREADY_PENDING : IMG.NO_FREE_SLOT };
			if (len > slots.slotSize) return { imgErr: IMG.INVALID_LENGTH };
			if (data.length >= 4 && Buffer.from(data).readUInt32LE(0) !== 0x96f3b83d) return { imgErr: IMG.INVALID_IMAGE_HEADER_MAGIC };
			slots.eraseSecondary();
			this.upload = { sha, len, off: 0, bytes: Buffer.alloc(len) };
			this.event("uploadStarted", { bytes: len });
		}
		const upload = this.upload;
		// No session (the device reset): offset 0 tells the client to open it again.
		if (!upload) return { off: 0 };
		// A chunk that is not the one expected (lost or repeated): dropped, the expected offset answered.
		if (off !== upload.off) return { off: upload.off };
		if (off + data.length > upload.len) return { imgErr: IMG.INVALID_LENGTH };
		upload.bytes.set(data, off);
		upload.off += data.length;
		if (upload.off < upload.len) return { off: upload.off };
		this.upload = undefined;
		slots.storeSecondary(upload.bytes);
		const match = upload.sha ? createHash("sha256").update(upload.bytes).digest().equals(upload.sha) : undefined;
		this.event("uploaded", { bytes: upload.len, match, version: slots.state.secondary?.version });
		// A repeat of this last chunk must get the same answer: remember it as a finished session.
		this.upload = { ...upload, off: upload.len };
		return match === undefined ? { off: upload.len } : { off: upload.len, match };
	}

	private erase(body: Body): Answer {
		const slot = body.slot ?? 1;
		if (slot !== 1) return { imgErr: IMG.INVALID_SLOT };
		if (this.options.slots.secondaryBusy()) return { smpRc: EBADSTATE };
		this.options.slots.eraseSecondary();
		this.upload = undefined;
		this.event("erased", {});
		return {};
	}

	private stat(name: unknown): Answer {
		if (name === "smp") return { name, fields: { rx: this.stats.rx, tx: this.stats.tx, oversized: this.stats.oversized } };
		if (name === "boot") return { name, fields: { resets: this.stats.resets, uptime_s: Math.floor((Date.now() - this.started) / 1000) } };
		return { smpRc: ENOENT };
	}

	private shell(argv: unknown): Answer {
		if (!Array.isArray(argv) || argv.length === 0 || !argv.every((arg) => typeof arg === "string")) return { smpRc: EINVAL };
		const [command, ...args] = argv as string[];
		if (command === "echo") return { o: `${args.join(" ")}\n`, ret: 0 };
		if (command === "version") return { o: `${this.options.slots.state.primary.version}\n`, ret: 0 };
		if (command === "kernel" && args[0] === "uptime") return { o: `Uptime: ${Date.now() - this.started} ms\n`, ret: 0 };
		// Zephyr's shell: unknown command, return code -ENOEXEC.
		return { o: `${command}: command not found\n`, ret: -8 };
	}

	private info(format: string): string {
		const parts: Record<string, string> = {
			s: "Zephyr",
			n: this.options.deviceId,
			r: "3.7.0",
			v: this.options.slots.state.primary.version,
			b: new Date(this.started).toISOString(),
			m: "sim",
			p: "fieldchain-sim",
			i: this.options.model,
			o: "Zephyr",
		};
		const letters = format.includes("a") ? Object.keys(parts) : Object.keys(parts).filter((letter) => format.includes(letter));
		return letters.map((letter) => parts[letter]).join(" ");
	}

	private event(name: string, detail: Record<string, unknown>): void {
		this.options.onEvent?.(name, detail);
	}
}

function encodeBody(answer: Answer, version: number, group: number): Uint8Array {
	if ("smpRc" in answer) return encode({ rc: answer.smpRc as number });
	if ("imgErr" in answer) {
		const err = answer.imgErr as { rc: number; v1: number };
		return encode(version >= 1 ? { err: { group, rc: err.rc } } : { rc: err.v1 || EUNKNOWN });
	}
	// cbor2 encodes a Buffer through toJSON: hand it plain Uint8Arrays.
	return encode(plainBytes(answer));
}

function plainBytes(value: unknown): unknown {
	if (Buffer.isBuffer(value)) return new Uint8Array(value);
	if (Array.isArray(value)) return value.map(plainBytes);
	if (value && typeof value === "object" && !(value instanceof Uint8Array))
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainBytes(v)]));
	return value;
}
