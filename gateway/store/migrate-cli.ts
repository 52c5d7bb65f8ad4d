/**
 * `fieldchain gateway migrate --data-dir DIR [--json]`: brings the gateway's database to the schema
 * this build knows, without starting the gateway. An update runs it with the new release before it
 * switches to it (scripts/package/fieldchain-update.sh), so a migration that fails stops the update
 * instead of the service. Forward only, one transaction per step (gateway/store/migrations.ts); a
 * database from a newer build is refused untouched. It never creates a data directory or a database:
 * a directory without one has nothing to migrate (the gateway creates it at its first start).
 */
import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import type { Command } from "commander";
import { ErrorCodes, FieldchainError, isFieldchainError } from "../../platform/errors.js";
import { checkPrivate, restrictUmask } from "../../platform/private-data.js";
import { currentSchemaVersion, MIGRATIONS, migrate } from "./migrations.js";

/** The file Gateway.start opens in its data directory. */
const DATABASE_FILE = "gateway.db";

export interface MigrationReport {
	/** The database file, or null when the directory has none yet. */
	database: string | null;
	from: number;
	to: number;
	applied: { version: number; description: string }[];
}

export function registerMigrateCommand(gateway: Command): Command {
	return gateway
		.command("migrate")
		.description("Bring the gateway's database in --data-dir to this build's schema without starting the gateway (an update runs it before switching).")
		.requiredOption("--data-dir <dir>", "the gateway's data directory (the packaged service's: /var/lib/fieldchain)")
		.option("--json", "print {database, from, to, applied} as JSON")
		.action((options: { dataDir: string; json?: boolean }) => {
			restrictUmask();
			const report = migrateDataDir(resolve(options.dataDir));
			process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : `${describe(report)}\n`);
		});
}

/** Runs the pending migrations of DIR's database; throws FC_CONFIG_INVALID (exit 2) when DIR is not a directory. */
export function migrateDataDir(dataDir: string): MigrationReport {
	if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
		throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `The data directory ${dataDir} does not exist.`, {
			hint: "Pass the directory the gateway runs with (--data-dir; the packaged service uses /var/lib/fieldchain).",
		});
	}
	const path = join(dataDir, DATABASE_FILE);
	if (!existsSync(path)) return { database: null, from: 0, to: 0, applied: [] };
	checkPrivate(dataDir);
	for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) checkPrivate(file);
	let db: Database.Database;
	try {
		db = new Database(path, { fileMustExist: true });
	} catch (cause) {
		throw new FieldchainError(ErrorCodes.FC_STORE_OPEN, `Cannot open the database ${path}: ${(cause as Error).message}.`, { cause });
	}
	try {
		const from = readVersion(db, path);
		const to = migrateReporting(db);
		const applied = MIGRATIONS.filter((step) => step.version > from && step.version <= to).map(({ version, description }) => ({ version, description }));
		return { database: path, from, to, applied };
	} finally {
		db.close();
	}
}

/** A failed step's own error (a clashing table, a full disk) is what the operator needs to see. */
function migrateReporting(db: Database.Database): number {
	try {
		return migrate(db);
	} catch (error) {
		if (!isFieldchainError(error) || !(error.cause instanceof Error)) throw error;
		throw new FieldchainError(error.code, `${error.message.replace(/\.$/, "")}: ${error.cause.message}.`, {
			hint: "The steps before it stay applied; to go back, restore the data directory from the backup taken before the update.",
			cause: error.cause,
		});
	}
}

function readVersion(db: Database.Database, path: string): number {
	try {
		return currentSchemaVersion(db);
	} catch (cause) {
		throw new FieldchainError(ErrorCodes.FC_STORE_OPEN, `Cannot read the schema version of ${path}: ${(cause as Error).message}.`, {
			hint: "Is it a fieldchain gateway database? Restore it from the backup taken before the update.",
			cause,
		});
	}
}

function describe(report: MigrationReport): string {
	if (report.database === null) return "No gateway database yet: nothing to migrate (the gateway creates it at its first start).";
	if (report.applied.length === 0) return `${report.database} is at schema version ${report.to}, the newest this build knows: nothing to migrate.`;
	const steps = report.applied.map((step) => `  ${step.version}: ${step.description}`).join("\n");
	return `${report.database}: schema version ${report.from} -> ${report.to}\n${steps}`;
}
