-- AlterTable
ALTER TABLE "Mention" ADD COLUMN "advocateId" INTEGER;
ALTER TABLE "Mention" ADD COLUMN "advocateFlags" TEXT;

-- AlterTable
ALTER TABLE "Case" ADD COLUMN "draftingSlackId" TEXT;
ALTER TABLE "Case" ADD COLUMN "draftingUntil" DATETIME;
ALTER TABLE "Case" ADD COLUMN "answeringSlackId" TEXT;
ALTER TABLE "Case" ADD COLUMN "answeringHow" TEXT;

-- CreateTable
CREATE TABLE "Advocate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slackUserId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "accountId" TEXT,
    "verificationCode" TEXT NOT NULL,
    "verifiedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "Advocate_channel_handle_key" ON "Advocate"("channel", "handle");

-- CreateIndex
CREATE INDEX "Advocate_channel_accountId_idx" ON "Advocate"("channel", "accountId");

-- CreateIndex
CREATE INDEX "Advocate_slackUserId_idx" ON "Advocate"("slackUserId");
