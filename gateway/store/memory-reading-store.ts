/** In-memory ReadingStore: for unit tests and as the executable reference of the contract. */
import type { BootState, CommitOutcome, DeviceIdentity, DeviceRecord, ReadingQuery, ReadingRow, ReadingStore, WatermarkUpdate } from "./reading-store.js";

interface BootData {
	ackedUpTo: number;
	readings: Map<number, ReadingRow>;
}

export class MemoryReadingStore implements ReadingStore {
	private readonly devices = new Map<string, DeviceRecord>();
	private readonly boots = new Map<string, BootData>();

	recordHello(identity: DeviceIdentity): void {
		const existing = this.devices.get(identity.deviceId);
		const { seenAt, ...rest } = identity;
		this.devices.set(identity.deviceId, {
			...rest,
			firstSeenAt: existing?.firstSeenAt ?? seenAt,
			lastSeenAt: seenAt,
			readingsStored: existing?.readingsStored ?? 0,
		});
		this.boot(identity.deviceId, identity.bootId);
	}

	loadBoot(deviceId: string, bootId: string): BootState {
		const boot = this.boots.get(bootKey(deviceId, bootId));
		if (!boot) return { ackedUpTo: 0, storedAbove: [] };
		const storedAbove = [...boot.readings.keys()].filter((seq) => seq > boot.ackedUpTo).sort((a, b) => a - b);
		return { ackedUpTo: boot.ackedUpTo, storedAbove };
	}

	commit(rows: readonly ReadingRow[], watermarks: readonly WatermarkUpdate[], alsoInTransaction?: () => void): CommitOutcome {
		let inserted = 0;
		for (const row of rows) {
			const boot = this.boot(row.deviceId, row.bootId);
			if (boot.readings.has(row.seq)) continue;
			boot.readings.set(row.seq, { ...row });
			const device = this.devices.get(row.deviceId);
			if (device) device.readingsStored++;
			inserted++;
		}
		for (const update of watermarks) {
			const boot = this.boot(update.deviceId, update.bootId);
			boot.ackedUpTo = Math.max(boot.ackedUpTo, update.ackedUpTo);
		}
		alsoInTransaction?.();
		return { inserted, duplicates: rows.length - inserted };
	}

	getDevice(deviceId: string): DeviceRecord | undefined {
		const device = this.devices.get(deviceId);
		return device ? { ...device } : undefined;
	}

	listDevices(): DeviceRecord[] {
		return [...this.devices.values()].map((device) => ({ ...device })).sort((a, b) => a.deviceId.localeCompare(b.deviceId));
	}

	listReadings(deviceId: string, query: ReadingQuery = {}): ReadingRow[] {
		const bootId = query.bootId ?? this.devices.get(deviceId)?.bootId;
		if (bootId === undefined) return [];
		const boot = this.boots.get(bootKey(deviceId, bootId));
		if (!boot) return [];
		const afterSeq = query.afterSeq ?? 0;
		return [...boot.readings.values()]
			.filter((row) => row.seq > afterSeq)
			.sort((a, b) => a.seq - b.seq)
			.slice(0, query.limit ?? 1000)
			.map((row) => ({ ...row }));
	}

	countReadings(): number {
		let count = 0;
		for (const boot of this.boots.values()) count += boot.readings.size;
		return count;
	}

	close(): void {}

	private boot(deviceId: string, bootId: string): BootData {
		const key = bootKey(deviceId, bootId);
		let boot = this.boots.get(key);
		if (!boot) {
			boot = { ackedUpTo: 0, readings: new Map() };
			this.boots.set(key, boot);
		}
		return boot;
	}
}

function bootKey(deviceId: string, bootId: string): string {
	return `${deviceId}\u0000${bootId}`;
}
