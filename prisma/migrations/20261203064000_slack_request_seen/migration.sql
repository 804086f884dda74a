-- CreateTable
CREATE TABLE "SlackRequestSeen" (
    "triggerId" TEXT NOT NULL PRIMARY KEY,
    "seenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "SlackRequestSeen_seenAt_idx" ON "SlackRequestSeen"("seenAt");
