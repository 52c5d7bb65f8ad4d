/**
 * What the field changed on the gateway beyond tasks: a visit's progress (dispatched, en route,
 * on site, completed), its work order's status, a deliverable's sign-off and a rejected time
 * entry's resubmission. One row per entity (the latest change), kept in the gateway's database
 * (migration 8) so it survives a restart and is laid over every plan the downlink brings.
 * Invariant: a row is written in the same transaction as the outbox entry that sends it up.
 */
import type Database from "better-sqlite3";

export type FieldEntity = "appointment" | "workOrder" | "deliverable" | "timeEntry";

export interface FieldState {
	entity: FieldEntity;
	entityId: string;
	status: string;
	data: Record<string, unknown>;
	changedBy: string;
	changedAt: number;
}

interface Row {
	entity: FieldEntity;
	entity_id: string;
	status: string;
	data: string;
	changed_by: string;
	changed_at: number;
}

function fromRow(row: Row): FieldState {
	return {
		entity: row.entity,
		entityId: row.entity_id,
		status: row.status,
		data: JSON.parse(row.data) as Record<string, unknown>,
		changedBy: row.changed_by,
		changedAt: row.changed_at,
	};
}

export class FieldStates {
	private readonly statements;

	constructor(db: Database.Database) {
		this.statements = {
			get: db.prepare("SELECT * FROM field_states WHERE entity = ? AND entity_id = ?"),
			all: db.prepare("SELECT * FROM field_states WHERE entity = ? ORDER BY changed_at"),
			put: db.prepare(
				`INSERT INTO field_states (entity, entity_id, status, data, changed_by, changed_at) VALUES (@entity, @entityId, @status, @data, @changedBy, @changedAt)
				ON CONFLICT (entity, entity_id) DO UPDATE SET status = excluded.status, data = excluded.data, changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
			),
		};
	}

	get(entity: FieldEntity, entityId: string): FieldState | undefined {
		const row = this.statements.get.get(entity, entityId) as Row | undefined;
		return row ? fromRow(row) : undefined;
	}

	all(entity: FieldEntity): FieldState[] {
		return (this.statements.all.all(entity) as Row[]).map(fromRow);
	}

	/** Call inside the transaction that writes the outbox entry. */
	put(state: FieldState): void {
		this.statements.put.run({ ...state, data: JSON.stringify(state.data) });
	}
}
