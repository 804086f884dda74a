-- CreateIndex
CREATE INDEX "Mention_channel_receivedAt_idx" ON "Mention"("channel", "receivedAt");
