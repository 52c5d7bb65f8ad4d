/**
 * How much the gateway's data takes and how much the disk has left. Used bytes are the
 * database's live pages plus its WAL (freed pages are reused, so an aged-out reading counts as
 * freed at once); free bytes are what statfs says an unprivileged writer may still use. Tests
 * pass their own probe to simulate a full disk.
 */
import { statfsSync, statSync } from "node:fs";
import type Database from "better-sqlite3";

export interface DiskProbe {
	usedBytes(): number;
	freeBytes(): number;
}

export function sqliteDiskProbe(db: Database.Database, databasePath: string, dataDir: string): DiskProbe {
	const pageCount = db.prepare("PRAGMA page_count").pluck();
	const freelist = db.prepare("PRAGMA freelist_count").pluck();
	const pageSize = db.pragma("page_size", { simple: true }) as number;
	return {
		usedBytes() {
			const live = ((pageCount.get() as number) - (freelist.get() as number)) * pageSize;
			return live + fileSize(`${databasePath}-wal`);
		},
		freeBytes() {
			const stats = statfsSync(dataDir);
			return stats.bavail * stats.bsize;
		},
	};
}

function fileSize(path: string): number {
	try {
		return statSync(path).size;
	} catch {
		return 0;
	}
}
