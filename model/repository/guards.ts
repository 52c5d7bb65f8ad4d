/**
 * The write checks both backends share, so they cannot disagree: optimistic versions, and the
 * records that must never change once written (approved time, invoices, approvals, evidence content).
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { canonicalJson } from "../canonical-json.js";
import type { AnyEntity, EntityKind } from "../entities/kinds.js";
import { INDEXED_FIELDS, type ListFilter } from "./types.js";

function immutable(kind: EntityKind, id: string, why: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_MODEL_IMMUTABLE, `${kind} ${id}: ${why}.`, { details: { kind, id } });
}

/** Content with the fields a status change may touch removed. */
function content(entity: AnyEntity, omit: string[]): string {
	const copy: Record<string, unknown> = { ...entity };
	for (const key of ["version", "updatedAt", ...omit]) delete copy[key];
	return canonicalJson(copy);
}

export function assertShape(kind: EntityKind, entity: AnyEntity): void {
	if (entity === null || typeof entity !== "object" || typeof entity.id !== "string" || entity.id === "") {
		throw new FieldchainError(ErrorCodes.FC_MODEL_INVALID, `A ${kind} needs a non-empty string id.`);
	}
	if (!Number.isInteger(entity.version) || entity.version < 0) {
		throw new FieldchainError(ErrorCodes.FC_MODEL_INVALID, `${kind} ${entity.id} has version ${entity.version}; versions are integers from 0.`);
	}
}

/** Restored entities were stored before, so they carry a version of 1 or more. */
export function assertRestorable(kind: EntityKind, entity: AnyEntity): void {
	assertShape(kind, entity);
	if (entity.version < 1) throw new FieldchainError(ErrorCodes.FC_MODEL_INVALID, `${kind} ${entity.id}: restored entities have version 1 or more.`);
}

/** Checks a write against what is stored and returns the entity to store (version + 1). */
export function checkWrite<E extends AnyEntity>(kind: EntityKind, stored: AnyEntity | undefined, next: E): E {
	assertShape(kind, next);
	const storedVersion = stored?.version ?? 0;
	if (next.version !== storedVersion) {
		throw new FieldchainError(
			ErrorCodes.FC_MODEL_VERSION_CONFLICT,
			`${kind} ${next.id}: written from version ${next.version}, but version ${storedVersion} is stored${stored ? "" : " (it does not exist)"}.`,
			{ hint: "Reload it, re-apply the change and write again.", details: { kind, id: next.id, expected: next.version, stored: storedVersion } },
		);
	}
	if (stored) {
		if (kind === "invoice") throw immutable(kind, next.id, "an issued invoice never changes");
		if (kind === "creditNote") throw immutable(kind, next.id, "an issued credit note never changes; issue another to correct it");
		if (kind === "approval") throw immutable(kind, next.id, "an approval is a permanent record");
		if (kind === "timeEntry" && "status" in stored && (stored.status === "approved" || stored.status === "invoiced")) {
			const onlyInvoicing = stored.status === "approved" && "status" in next && (next.status === "invoiced" || next.status === "approved");
			if (!onlyInvoicing || content(stored, ["status"]) !== content(next, ["status"])) {
				throw immutable(kind, next.id, `${stored.status} time never changes (only approved -> invoiced)`);
			}
		}
		if (kind === "evidence" && content(stored, ["status"]) !== content(next, ["status"])) {
			throw immutable(kind, next.id, "captured evidence keeps its content; capture new evidence instead");
		}
	}
	// Object.assign, not `{ ...next, version }`: V8 gives each spread-then-add object a hidden class
	// of its own, which made every stored entity slow to serialise (see evidence/chain.ts).
	return Object.assign({}, next, { version: storedVersion + 1 });
}

export function assertFilter(filter: ListFilter): void {
	for (const key of Object.keys(filter)) {
		if (!(INDEXED_FIELDS as readonly string[]).includes(key)) {
			throw new FieldchainError(ErrorCodes.FC_MODEL_INVALID, `Cannot filter on "${key}"; indexed fields are ${INDEXED_FIELDS.join(", ")}.`);
		}
	}
}

export function matchesFilter(entity: AnyEntity, filter: ListFilter): boolean {
	const record = entity as unknown as Record<string, unknown>;
	return Object.entries(filter).every(([key, value]) => value === undefined || record[key] === value);
}
