-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('ANALYSING', 'PREVIEW', 'COMMITTED', 'FAILED', 'CANCELLED');

-- AlterTable
ALTER TABLE "import_batch" ADD COLUMN     "committed_at" TIMESTAMPTZ(3),
ADD COLUMN     "failure_message" VARCHAR(500),
ADD COLUMN     "progress_percent" SMALLINT NOT NULL DEFAULT 0,
ADD COLUMN     "rejected_sample" JSONB,
ADD COLUMN     "rows_read" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "status" "ImportStatus" NOT NULL DEFAULT 'COMMITTED';

