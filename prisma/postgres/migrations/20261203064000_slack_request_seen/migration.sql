-- CreateTable
CREATE TABLE "SlackRequestSeen" (
    "triggerId" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlackRequestSeen_pkey" PRIMARY KEY ("triggerId")
);

-- CreateIndex
CREATE INDEX "SlackRequestSeen_seenAt_idx" ON "SlackRequestSeen"("seenAt");
