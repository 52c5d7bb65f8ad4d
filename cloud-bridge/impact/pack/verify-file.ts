/**
 * `fieldchain cloud impact verify`: a readiness pack checked against its detached signature and a
 * public key the recipient pinned (`--key`, the service's key from GET /v1/impact/pack-key taken
 * over a channel they trust). Never against a key the signature file brings along: whoever edits a
 * pack can sign it with a key of their own and ship that key beside it.
 * Outcome codes: 0 the signature holds; 2 bad options (no pinned key, an unreadable file);
 * 3 the signature does not hold under the pinned key.
 */
import { readFileSync } from "node:fs";
import { invalidConfig } from "../../../platform/config-errors.js";
import { verifyPack } from "./sign.js";

export interface PackVerification {
	exitCode: 0 | 3;
	message: string;
}

function read(file: string, what: string): Buffer {
	try {
		return readFileSync(file);
	} catch (error) {
		throw invalidConfig(`Cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, { field: what });
	}
}

export function verifyPackFile(file: string, signatureFile: string, keyFile: string | undefined): PackVerification {
	if (!keyFile)
		throw invalidConfig(
			"No trusted key: pass --key with the billing service's pack key (SPKI PEM from GET /v1/impact/pack-key). A key inside the signature file is never trusted.",
			{ field: "--key" },
		);
	let sig: { signature?: unknown; keyId?: unknown };
	try {
		sig = JSON.parse(read(signatureFile, "--signature").toString("utf8"));
	} catch (error) {
		if ((error as { code?: string }).code) throw error;
		throw invalidConfig(`--signature ${signatureFile} is not JSON: ${(error as Error).message}.`, { field: "--signature" });
	}
	if (typeof sig.signature !== "string" || sig.signature === "")
		throw invalidConfig(`--signature ${signatureFile} holds no signature.`, { field: "--signature" });
	const pem = read(keyFile, "--key").toString("utf8");
	if (verifyPack(read(file, "pack"), { signature: sig.signature }, pem)) return { exitCode: 0, message: `${file}: signature holds under the pinned key.` };
	return { exitCode: 3, message: `${file}: the signature does NOT hold under the pinned key: the file was changed or signed by another key.` };
}
