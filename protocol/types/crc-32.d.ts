// The crc-32 package ships types for its CRC-32 entry only; its CRC-32C entry has the same shape.
declare module "crc-32/crc32c.js" {
	/** CRC-32C of the bytes, as a signed 32-bit integer (use `>>> 0` for the unsigned value). */
	export function buf(data: Uint8Array, seed?: number): number;
}
