-- CreateTable
CREATE TABLE "PacingSlot" (
    "key" TEXT NOT NULL,
    "nextAtMs" BIGINT NOT NULL,

    CONSTRAINT "PacingSlot_pkey" PRIMARY KEY ("key")
);
