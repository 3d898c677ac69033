import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-db.mjs";
import { migrate } from "../../scripts/migrate.mjs";

// One PostgreSQL for the integration run: an ephemeral embedded server unless TEST_DATABASE_URL
// points at an external one (which must be a throw-away database: tests truncate tables).
export default async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!url) {
    const server = await startEmbeddedPostgres({ persistent: false });
    url = server.url;
    stop = server.stop;
  }
  await migrate(url, { log: () => {} });
  const { loadReferenceData } = await import("../../scripts/reference-data.mts");
  const { createPrismaClient } = await import("../../scripts/lib/prisma-client.mts");
  const prisma = createPrismaClient(url);
  try {
    await loadReferenceData(prisma);
  } finally {
    await prisma.$disconnect();
  }
  project.provide("databaseUrl", url);
  return async () => {
    await stop?.();
  };
}
