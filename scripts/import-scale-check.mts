// Times preview (analysis) and commit of an import file against DATABASE_URL, then a re-import.
// Run through with-db.mjs, with "server-only" stubbed:
//   NODE_OPTIONS="--import ./scripts/stub-server-only.mjs" node scripts/with-db.mjs \
//     /usr/bin/time -v npx tsx scripts/import-scale-check.mts /tmp/dtsen-200000.csv
import { copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyseImport, commitImport, getImportBatch, prepareImport } from "@/server/imports/batches";
import { db } from "@/server/db";

const file = process.argv[2];
if (!file) throw new Error("usage: import-scale-check.mts <file.csv|xlsx>");

const user = await db.user.create({
  data: { role: "ADMIN", username: `skala-${Date.now()}`, name: "Uji Skala", passwordHash: "x" },
});
const actor = {
  id: user.id,
  role: "ADMIN" as const,
  name: user.name,
  opdId: null,
  supervisedRegionCode: null,
};

async function run(label: string) {
  const copy = join(tmpdir(), `scale-${Date.now()}.upload`);
  await copyFile(file!, copy);
  const t0 = performance.now();
  const { batchId } = await prepareImport(actor, {
    kind: "HOUSEHOLDS",
    fileName: "skala.csv",
    uploadPath: copy,
  });
  await analyseImport(actor, batchId);
  const t1 = performance.now();
  const batch = await getImportBatch(actor, batchId);
  console.log(
    `${label} preview: ${((t1 - t0) / 1000).toFixed(1)} s`,
    batch.status,
    batch.counts,
    batch.failureMessage ?? "",
  );
  console.log(`  rss after preview: ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  if (batch.status !== "PREVIEW") return;
  await commitImport(actor, batchId);
  const t2 = performance.now();
  console.log(
    `${label} commit: ${((t2 - t1) / 1000).toFixed(1)} s; total ${((t2 - t0) / 1000).toFixed(1)} s`,
  );
}

await run("first import");
const [h, m] = await Promise.all([db.household.count(), db.householdMember.count()]);
console.log(`stored: ${h} households, ${m} members`);
await run("re-import");
const [h2, m2] = await Promise.all([db.household.count(), db.householdMember.count()]);
console.log(`stored after re-import: ${h2} households, ${m2} members`);
await db.$disconnect();
