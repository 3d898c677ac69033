// The app's local database: an embedded PostgreSQL with its data in .data/postgres, migrated on start.
// Runs until Ctrl-C / SIGTERM.
//
// Usage: npm run db:up        (port: EMBEDDED_PG_PORT, default 54329)
import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres } from "./lib/embedded-db.mjs";
import { migrate } from "./migrate.mjs";

const db = await startEmbeddedPostgres({
  dataDir: fileURLToPath(new URL("../.data/postgres", import.meta.url)),
  port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
  persistent: true,
}).catch((error) => {
  console.error(error.message);
  process.exit(1);
});

async function shutdown() {
  await db.stop();
  console.log("Embedded PostgreSQL stopped.");
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);

try {
  await migrate(db.url);
} catch (error) {
  console.error(error.message);
  await db.stop();
  process.exit(1);
}
console.log(`DATABASE_URL=${db.url}`);
console.log("Embedded PostgreSQL is running; press Ctrl-C to stop it.");
// The server process keeps Node's event loop alive until a signal arrives.
