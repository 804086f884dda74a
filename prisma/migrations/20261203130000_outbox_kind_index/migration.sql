-- The textHash index was written on every outbound row and never read. Start-up reads the recent public
-- replies' hashes by kind and creation time instead.
-- DropIndex
DROP INDEX "OutboundMessage_textHash_createdAt_idx";

-- CreateIndex
CREATE INDEX "OutboundMessage_kind_createdAt_idx" ON "OutboundMessage"("kind", "createdAt");
