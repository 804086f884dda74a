-- AlterTable
ALTER TABLE "Mention" ADD COLUMN "advocateId" INTEGER,
ADD COLUMN "advocateFlags" TEXT;

-- AlterTable
ALTER TABLE "Case" ADD COLUMN "draftingSlackId" TEXT,
ADD COLUMN "draftingUntil" TIMESTAMP(3),
ADD COLUMN "answeringSlackId" TEXT,
ADD COLUMN "answeringHow" TEXT;

-- CreateTable
CREATE TABLE "Advocate" (
    "id" SERIAL NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "accountId" TEXT,
    "verificationCode" TEXT NOT NULL,
    "verifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Advocate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Advocate_channel_handle_key" ON "Advocate"("channel", "handle");

-- CreateIndex
CREATE INDEX "Advocate_channel_accountId_idx" ON "Advocate"("channel", "accountId");

-- CreateIndex
CREATE INDEX "Advocate_slackUserId_idx" ON "Advocate"("slackUserId");
