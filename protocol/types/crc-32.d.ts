// The crc-32 package ships types for its CRC-32 entry only; its CRC-32C entry has the same shape.
// It is a UMD file whose exports Node's ESM loader cannot detect, so only its default export (the
// CommonJS module.exports object) exists under plain Node; named imports work only under bundlers.
declare module "crc-32/crc32c.js" {
	const CRC32C: {
		/** CRC-32C of the bytes, as a signed 32-bit integer (use `>>> 0` for the unsigned value). */
		buf(data: Uint8Array, seed?: number): number;
	};
	export default CRC32C;
}
