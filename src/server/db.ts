import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@/generated/prisma/client";
import { databaseUrlOrUndefined } from "@/lib/env";
import { log } from "./log";

/**
 * Marks a hot-path raw statement (first thing in its SQL) to be prepared once per connection and
 * then executed by name: PostgreSQL skips parsing and, after five runs, planning (a generic plan).
 * Only for statements that run on nearly every request and whose plan does not depend on the
 * values (single-row lookups and inserts by key): docs/decisions/016-prepared-hot-statements.md.
 */
const PREPARED_MARK = "/* prepared */";
export const PREPARED: Prisma.Sql = Prisma.raw(PREPARED_MARK);

const preparedNames = new Map<string, string>();

/**
 * The adapter's statement name: empty (an unnamed statement, planned each time) unless the SQL
 * starts with PREPARED. The name is a digest of the text, so each variant of a statement (e.g. with
 * or without a photo) is its own prepared statement, and a changed text never reuses an old name.
 */
export function preparedStatementName({ sql }: { sql: string }): string {
  if (!sql.startsWith(PREPARED_MARK)) return "";
  let name = preparedNames.get(sql);
  if (!name) {
    name = `p_${createHash("sha256").update(sql).digest("hex").slice(0, 24)}`;
    preparedNames.set(sql, name);
  }
  return name;
}

// One client per process. Creating it opens no connection: the first query does, so
// `next build` can import this module without a database (stack-notes G5).
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
  // After a database restart the pool drops the dead connections by itself (their 'error' event)
  // and opens new ones on the next query: logged, not fatal. A connection attempt that hangs
  // (network partition) fails after 10 s instead of holding the request forever.
  return new PrismaClient({
    adapter: new PrismaPg(
      { connectionString: databaseUrlOrUndefined(), max, connectionTimeoutMillis: 10_000 },
      {
        onPoolError: (error) => log.warn("database: idle connection lost", { error }),
        onConnectionError: (error) => log.warn("database: connection lost in a transaction", { error }),
        statementNameGenerator: preparedStatementName,
      },
    ),
  });
}

export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
globalForPrisma.prisma = db;
