/** The text encodings evidence travels in (bundles, uplink batches), read only in their canonical spelling. */

export function base64(bytes: Uint8Array): string {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

export function hex(bytes: Uint8Array): string {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
}

/** Decodes base64 only in its one canonical spelling (padding, no stray characters or bits). */
export function strictBase64(text: string): Buffer | null {
	const bytes = Buffer.from(text, "base64");
	return bytes.toString("base64") === text ? bytes : null;
}

/** A lower-case hex SHA-256, or null. */
export function strictHex32(text: string): Buffer | null {
	return /^[0-9a-f]{64}$/.test(text) ? Buffer.from(text, "hex") : null;
}
