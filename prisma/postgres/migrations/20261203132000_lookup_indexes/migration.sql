-- The pipeline's per-batch case lookups ask by customer and status: one index answers both exactly
-- (and, by its prefix, everything that asked by customer alone).
-- DropIndex
DROP INDEX "Case_customerId_idx";

-- CreateIndex
CREATE INDEX "Case_customerId_status_idx" ON "Case"("customerId", "status");

-- Linking or unlinking an identity moves its mentions.
-- CreateIndex
CREATE INDEX "Mention_identityId_idx" ON "Mention"("identityId");
