import "server-only";
import { db } from "./db";

export type Health = { status: "ok" | "degraded"; database: "ok" | "unreachable"; checkedAt: string };

/** Liveness of the app and its database, for load balancers and monitoring. No data exposed. */
export async function checkHealth(): Promise<Health> {
  const checkedAt = new Date().toISOString();
  try {
    await db.$queryRaw`SELECT 1`;
    return { status: "ok", database: "ok", checkedAt };
  } catch {
    return { status: "degraded", database: "unreachable", checkedAt };
  }
}
