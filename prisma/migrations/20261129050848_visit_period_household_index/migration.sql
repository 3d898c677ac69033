-- DropIndex
DROP INDEX "visit_period_key_idx";

-- CreateIndex
CREATE INDEX "visit_period_key_household_id_idx" ON "visit"("period_key", "household_id");

