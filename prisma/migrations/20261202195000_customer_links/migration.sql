-- AlterTable
ALTER TABLE "Customer" ADD COLUMN "forgottenAt" DATETIME;

-- CreateTable
CREATE TABLE "IdentityLink" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "identityId" INTEGER NOT NULL,
    "fromCustomerId" INTEGER NOT NULL,
    "toCustomerId" INTEGER NOT NULL,
    "caseId" INTEGER,
    "how" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '{}',
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "unlinkedAt" DATETIME,
    "unlinkedBy" TEXT
);

-- CreateTable
CREATE TABLE "LinkSuggestion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "caseId" INTEGER NOT NULL,
    "identityId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedBy" TEXT,
    "decidedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ContactClue" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "identityId" INTEGER NOT NULL,
    "mentionId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DataRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "customerId" INTEGER NOT NULL,
    "by" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "detail" TEXT NOT NULL DEFAULT '{}'
);

-- CreateIndex
CREATE INDEX "Identity_name_idx" ON "Identity"("name");

-- CreateIndex
CREATE INDEX "IdentityLink_identityId_idx" ON "IdentityLink"("identityId");

-- CreateIndex
CREATE INDEX "IdentityLink_toCustomerId_idx" ON "IdentityLink"("toCustomerId");

-- CreateIndex
CREATE INDEX "LinkSuggestion_identityId_idx" ON "LinkSuggestion"("identityId");

-- CreateIndex
CREATE UNIQUE INDEX "LinkSuggestion_caseId_identityId_key" ON "LinkSuggestion"("caseId", "identityId");

-- CreateIndex
CREATE INDEX "ContactClue_kind_value_idx" ON "ContactClue"("kind", "value");

-- CreateIndex
CREATE INDEX "ContactClue_identityId_idx" ON "ContactClue"("identityId");
