-- AlterTable
ALTER TABLE "Customer" ADD COLUMN "forgottenAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "IdentityLink" (
    "id" SERIAL NOT NULL,
    "identityId" INTEGER NOT NULL,
    "fromCustomerId" INTEGER NOT NULL,
    "toCustomerId" INTEGER NOT NULL,
    "caseId" INTEGER,
    "how" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '{}',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "unlinkedAt" TIMESTAMP(3),
    "unlinkedBy" TEXT,

    CONSTRAINT "IdentityLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LinkSuggestion" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "identityId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "LinkSuggestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactClue" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "identityId" INTEGER NOT NULL,
    "mentionId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactClue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataRequest" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "customerId" INTEGER NOT NULL,
    "by" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "detail" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "DataRequest_pkey" PRIMARY KEY ("id")
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
