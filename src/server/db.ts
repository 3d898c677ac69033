import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrlOrUndefined } from "@/lib/env";

// One client per process. Creating it opens no connection: the first query does, so
// `next build` can import this module without a database (stack-notes G5).
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrlOrUndefined(), max }),
  });
}

export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
globalForPrisma.prisma = db;
