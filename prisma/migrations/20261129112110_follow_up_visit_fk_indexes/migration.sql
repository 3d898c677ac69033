-- CreateIndex
CREATE INDEX "follow_up_raised_by_visit_id_idx" ON "follow_up"("raised_by_visit_id");

-- CreateIndex
CREATE INDEX "follow_up_cleared_by_visit_id_idx" ON "follow_up"("cleared_by_visit_id");

