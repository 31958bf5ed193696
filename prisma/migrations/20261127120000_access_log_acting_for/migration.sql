-- CreateIndex
CREATE INDEX "access_log_acting_for_accessed_at_idx" ON "access_log"("acting_for", "accessed_at");
