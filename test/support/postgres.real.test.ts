import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { findPostgresBinaries, startPostgres } from "./postgres.js";

async function query(url: string, sql: string): Promise<pg.QueryResult> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return await client.query(sql);
	} finally {
		await client.end();
	}
}

async function refused(url: string): Promise<boolean> {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
	try {
		await client.connect();
		await client.end();
		return false;
	} catch {
		return true;
	}
}

describe("throw-away PostgreSQL", () => {
	it("starts on loopback, serves queries in fresh databases, then stops and leaves nothing behind", async () => {
		const server = await startPostgres();
		try {
			expect(server.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
			const { rows } = await query(server.url, "SHOW fsync");
			expect(rows[0].fsync).toBe("off");
			const version = await query(server.url, "SHOW server_version_num");
			expect(Math.floor(Number(version.rows[0].server_version_num) / 10000)).toBe(server.majorVersion);
			const a = await server.createDatabase();
			const b = await server.createDatabase();
			expect(a).not.toBe(b);
			await query(a, "CREATE TABLE t (x int)");
			await expect(query(b, "SELECT * FROM t")).rejects.toThrow(/does not exist/);
			const s1 = await server.createSchema();
			const s2 = await server.createSchema();
			await query(s1, "CREATE TABLE t (x int); INSERT INTO t VALUES (1)");
			await expect(query(s2, "SELECT * FROM t")).rejects.toThrow(/does not exist/);
			expect((await query(s1, "SELECT table_schema FROM information_schema.tables WHERE table_name = 't'")).rows).toEqual([{ table_schema: "test_schema_1" }]);
		} finally {
			await server.stop();
		}
		expect(await refused(server.url)).toBe(true);
		expect(existsSync(server.dir)).toBe(false);
		await server.stop(); // twice is fine
	});

	it("runs two servers side by side on different ports", async () => {
		const [one, two] = await Promise.all([startPostgres(), startPostgres()]);
		try {
			expect(one.port).not.toBe(two.port);
			expect((await query(two.url, "SELECT 2 AS n")).rows[0].n).toBe(2);
		} finally {
			await Promise.all([one.stop(), two.stop()]);
		}
	});

	it("stops by itself when its lifetime runs out", async () => {
		const server = await startPostgres({ maxLifetimeMs: 1000 });
		const deadline = Date.now() + 20_000;
		while (!(await refused(server.url)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
		expect(await refused(server.url)).toBe(true);
		await server.stop();
	});

	it("stops and cleans up by itself when the process that started it is killed with SIGKILL", async () => {
		const script = `import { startPostgres } from ${JSON.stringify(new URL("./postgres.ts", import.meta.url).pathname)};
const s = await startPostgres(); console.log(JSON.stringify({ url: s.url, dir: s.dir })); setInterval(() => {}, 1000);`;
		const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
		const line = await new Promise<string>((resolve, reject) => {
			let out = "";
			child.stdout.on("data", (chunk) => {
				out += chunk;
				if (out.includes("\n")) resolve(out.trim());
			});
			child.once("exit", () => reject(new Error(`the child exited before starting PostgreSQL: ${out}`)));
		});
		const { url, dir } = JSON.parse(line) as { url: string; dir: string };
		expect(await refused(url)).toBe(false);
		child.kill("SIGKILL");
		const deadline = Date.now() + 20_000;
		while ((existsSync(dir) || !(await refused(url))) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
		expect(await refused(url)).toBe(true);
		expect(existsSync(dir)).toBe(false);
	});

	it("says how to install PostgreSQL when the binaries are missing", () => {
		const empty = mkdtempSync(join(tmpdir(), "fc-nopg-"));
		try {
			expect(() => findPostgresBinaries(empty)).toThrow(/apt-get install -y postgresql/);
			expect(() => findPostgresBinaries(join(empty, "absent"))).toThrow(/apt-get install -y postgresql/);
		} finally {
			rmSync(empty, { recursive: true, force: true });
		}
		expect(existsSync(join(findPostgresBinaries().bin, "initdb"))).toBe(true);
	});
});
