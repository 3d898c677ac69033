import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrlOrUndefined } from "@/lib/env";
import { log } from "./log";

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
      },
    ),
  });
}

export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
globalForPrisma.prisma = db;
