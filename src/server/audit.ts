import "server-only";
import type { Prisma } from "@/generated/prisma/client";
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
