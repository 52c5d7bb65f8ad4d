import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crc32c } from "./crc32c.js";

/** The bitwise definition (reflected polynomial 0x82F63B78), as in protocol/README.md. */
function crc32cBitwise(bytes: Uint8Array): number {
	let crc = 0xffffffff;
	for (const byte of bytes) {
		crc ^= byte;
		for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
	}
	return (crc ^ 0xffffffff) >>> 0;
}

const ascending = (length: number) => Uint8Array.from({ length }, (_, i) => i);

describe("crc32c", () => {
	it('has the catalogue check value for "123456789"', () => {
		expect(crc32c(Buffer.from("123456789", "ascii"))).toBe(0xe3069283);
	});

	// RFC 3720 (iSCSI), appendix B.4.
	it.each([
		{ name: "32 bytes of 00", bytes: new Uint8Array(32), crc: 0x8a9136aa },
		{ name: "32 bytes of FF", bytes: new Uint8Array(32).fill(0xff), crc: 0x62a8ab43 },
		{ name: "32 bytes ascending 00..1F", bytes: ascending(32), crc: 0x46dd794e },
		{ name: "32 bytes descending 1F..00", bytes: ascending(32).reverse(), crc: 0x113fdb5c },
	])("matches RFC 3720 B.4: $name", ({ bytes, crc }) => {
		expect(crc32c(bytes)).toBe(crc);
	});

	it("is 0 for no bytes, and always an unsigned 32-bit number", () => {
		expect(crc32c(new Uint8Array(0))).toBe(0);
		// 0xE3069283 has the top bit set: the signed result of the crc-32 package must be made unsigned.
		expect(crc32c(Buffer.from("123456789", "ascii"))).toBeGreaterThan(0x7fffffff);
	});

	it("equals the bitwise definition for any input", () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
				expect(crc32c(bytes)).toBe(crc32cBitwise(bytes));
			}),
		);
	});

	it("reads only the view it is given, not the whole underlying buffer", () => {
		const whole = Buffer.from("xx123456789yy", "ascii");
		expect(crc32c(whole.subarray(2, 11))).toBe(0xe3069283);
	});
});
