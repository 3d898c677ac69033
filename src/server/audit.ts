import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "./db";

type AuditClient = Pick<Prisma.TransactionClient, "auditLog">;

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Old → new values or context. Never NIK/KK values (they are personal data). */
  changes?: Prisma.InputJsonValue;
};

/** Appends to the audit log; pass the transaction client so the entry commits with the change. */
export async function recordAudit(entry: AuditEntry, client: AuditClient = db): Promise<void> {
  await client.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      changes: entry.changes,
    },
  });
}

/**
 * recordAudit as the body of a data-modifying CTE, for writes done in one statement (the visit
 * submission): one audit row per row of `source` (a CTE with an `id` column), whose id becomes
 * the entry's entity id.
 */
export function auditInsertSql(entry: Omit<AuditEntry, "entityId">, source: Prisma.Sql): Prisma.Sql {
  const changes = entry.changes === undefined ? null : JSON.stringify(entry.changes);
  return Prisma.sql`
    INSERT INTO audit_log (actor_id, action, entity_type, entity_id, changes)
    SELECT ${entry.actorId}::uuid, ${entry.action}, ${entry.entityType}, source.id::text, ${changes}::jsonb
      FROM ${source} AS source`;
}
