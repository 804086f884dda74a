-- CreateTable
CREATE TABLE "PacingSlot" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "nextAtMs" BIGINT NOT NULL
);
