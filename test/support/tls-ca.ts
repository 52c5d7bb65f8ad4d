/**
 * A throw-away certificate authority made with the real `openssl` in a temporary directory, for
 * tests of the gateway's TLS listeners. Invariant: every certificate it issues is for 127.0.0.1
 * and localhost, signed by its CA, with the serial the test chose (so a reload can be seen).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect, type PeerCertificate } from "node:tls";

export interface TestCa {
	dir: string;
	caFile: string;
	/** Issues a server key and certificate with this serial (hex) at the given paths (defaults: server.key, server.crt in dir). */
	issue(serialHex: string, paths?: { keyFile?: string; certFile?: string }): { keyFile: string; certFile: string };
	/** Issues a client certificate (clientAuth) named `name`, as name.key and name.crt in dir. */
	issueClient(name: string): { keyFile: string; certFile: string };
	dispose(): void;
}

function openssl(args: string[], cwd: string): void {
	execFileSync("openssl", args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
}

const EC_KEY = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];

export function createTestCa(): TestCa {
	const dir = mkdtempSync(join(tmpdir(), "fc-tls-"));
	openssl(["req", "-x509", ...EC_KEY, "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=fieldchain test CA"], dir);
	writeFileSync(join(dir, "server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
	writeFileSync(join(dir, "client.ext"), "extendedKeyUsage=clientAuth\n");
	return {
		dir,
		caFile: join(dir, "ca.crt"),
		issue(serialHex, paths = {}) {
			const keyFile = paths.keyFile ?? join(dir, "server.key");
			const certFile = paths.certFile ?? join(dir, "server.crt");
			const csr = join(dir, `server-${serialHex}.csr`);
			openssl(["req", ...EC_KEY, "-keyout", keyFile, "-out", csr, "-subj", "/CN=localhost"], dir);
			const args = ["x509", "-req", "-in", csr, "-CA", "ca.crt", "-CAkey", "ca.key", "-set_serial", `0x${serialHex}`, "-days", "2"];
			openssl([...args, "-extfile", "server.ext", "-out", certFile], dir);
			return { keyFile, certFile };
		},
		issueClient(name) {
			const keyFile = join(dir, `${name}.key`);
			const certFile = join(dir, `${name}.crt`);
			openssl(["req", ...EC_KEY, "-keyout", keyFile, "-out", `${name}.csr`, "-subj", `/CN=${name}`], dir);
			openssl(
				[
					"x509",
					"-req",
					"-in",
					`${name}.csr`,
					"-CA",
					"ca.crt",
					"-CAkey",
					"ca.key",
					"-set_serial",
					"0x77",
					"-days",
					"2",
					"-extfile",
					"client.ext",
					"-out",
					certFile,
				],
				dir,
			);
			return { keyFile, certFile };
		},
		dispose() {
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** The serial (upper-case hex, as Node reports it) of the certificate a TLS server on 127.0.0.1:port presents, verified against the CA. */
export function peerSerial(port: number, caPem: Buffer): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = connect({ host: "127.0.0.1", port, ca: caPem, servername: "localhost" }, () => {
			const certificate: PeerCertificate = socket.getPeerCertificate();
			socket.end();
			resolve(certificate.serialNumber.toUpperCase());
		});
		socket.once("error", reject);
	});
}
