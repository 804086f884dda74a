-- CreateTable
CREATE TABLE "SourceLease" (
    "source" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SourceLease_pkey" PRIMARY KEY ("source")
);
