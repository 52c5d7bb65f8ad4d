/**
 * Which addresses a webhook may be delivered to. Loopback, private, carrier-grade NAT, link-local
 * (cloud metadata at 169.254.169.254 and fd00:ec2::254), ULA, multicast and reserved ranges are
 * denied unless an operator allows a CIDR (`fieldchain cloud serve --webhook-allow CIDR`).
 *
 * Invariant: the check runs on the address actually connected to. The HTTP request's `lookup` is
 * `guardedLookup`, so a name that resolved to a public address at registration and to a private
 * one at delivery (DNS rebinding) is refused before any connection is opened; a literal address is
 * checked before the request, after the WHATWG URL parser has normalised odd IPv4 spellings
 * (2130706433, 0x7f.1, 0177.0.0.1 all become 127.0.0.1).
 */
import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";

export interface ResolvedAddress {
	address: string;
	family: 4 | 6;
}

/** Resolves a host name to its addresses (default: the system resolver, as node:http would). */
export type WebhookResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: WebhookResolver = async (hostname) =>
	(await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

const DENIED_V4 = [
	"0.0.0.0/8",
	"10.0.0.0/8",
	"100.64.0.0/10",
	"127.0.0.0/8",
	"169.254.0.0/16",
	"172.16.0.0/12",
	"192.0.0.0/24",
	"192.0.2.0/24",
	"192.168.0.0/16",
	"198.18.0.0/15",
	"198.51.100.0/24",
	"203.0.113.0/24",
	"224.0.0.0/4",
	"240.0.0.0/4",
];
const DENIED_V6 = ["::/128", "::1/128", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8"];

function addCidr(list: BlockList, cidr: string): void {
	const [address, bits] = cidr.split("/");
	const family = isIP(address);
	const prefix = Number(bits);
	const max = family === 4 ? 32 : 128;
	if (family === 0 || !/^\d{1,3}$/.test(bits ?? "") || prefix > max) {
		throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `--webhook-allow ${cidr} is not a CIDR such as 127.0.0.0/8 or fd00::/8.`, {
			details: { field: "--webhook-allow" },
		});
	}
	list.addSubnet(address, prefix, family === 4 ? "ipv4" : "ipv6");
}

/** ::ffff:a.b.c.d (and its hex form) is an IPv4 address for this purpose. */
function unmapped(address: string): { address: string; type: "ipv4" | "ipv6" } {
	if (isIP(address) === 4) return { address, type: "ipv4" };
	const lower = address.toLowerCase();
	const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
	if (dotted) return { address: dotted[1], type: "ipv4" };
	const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
	if (hex) {
		const hi = Number.parseInt(hex[1], 16);
		const lo = Number.parseInt(hex[2], 16);
		return { address: `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, type: "ipv4" };
	}
	return { address, type: "ipv6" };
}

/** The coarse reason logged for a refused address: never the address itself (no probing oracle). */
export const ADDRESS_NOT_ALLOWED = "address not allowed";

export class WebhookAddressPolicy {
	private readonly denied = new BlockList();
	private readonly allowed = new BlockList();

	/** `allow`: CIDRs delivered to although denied by default (the demo and tests use 127.0.0.0/8). */
	constructor(allow: readonly string[] = []) {
		for (const cidr of DENIED_V4) addCidr(this.denied, cidr);
		for (const cidr of DENIED_V6) addCidr(this.denied, cidr);
		for (const cidr of allow) addCidr(this.allowed, cidr);
	}

	/** True if a webhook may connect to this IP address. */
	permits(ip: string): boolean {
		const { address, type } = unmapped(ip);
		if (isIP(address) === 0) return false;
		if (this.allowed.check(address, type)) return true;
		return !this.denied.check(address, type);
	}

	/** Throws FC_WEBHOOK_INVALID ("address not allowed") unless every address may be connected to. */
	check(addresses: readonly string[]): void {
		if (addresses.length === 0 || addresses.some((a) => !this.permits(a))) throw addressDenied();
	}
}

export function addressDenied(): FieldchainError {
	return new FieldchainError(
		ErrorCodes.FC_WEBHOOK_INVALID,
		`url: the receiver's ${ADDRESS_NOT_ALLOWED} (loopback, private, link-local and metadata addresses are refused).`,
		{
			hint: "Use a public https:// receiver, or start the service with --webhook-allow CIDR for a trusted internal network.",
			details: { field: "url", reason: ADDRESS_NOT_ALLOWED },
		},
	);
}

/** The host of a parsed URL as an IP literal, or undefined for a name. */
export function literalAddress(url: URL): string | undefined {
	const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
	return isIP(host) === 0 ? undefined : host;
}

/**
 * A `lookup` for node:http(s) requests: resolves with `resolve`, refuses (before connecting) if any
 * address is not permitted, and answers in the shape net asks for (one address, or all).
 */
export function guardedLookup(policy: WebhookAddressPolicy, resolve: WebhookResolver): LookupFunction {
	return ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
		resolve(hostname).then(
			(addresses) => {
				try {
					policy.check(addresses.map((a) => a.address));
				} catch (error) {
					callback(error);
					return;
				}
				if (options?.all) callback(null, addresses);
				else callback(null, addresses[0].address, addresses[0].family);
			},
			(error: unknown) => callback(error),
		);
	}) as LookupFunction;
}
