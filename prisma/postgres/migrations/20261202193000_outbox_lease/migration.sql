-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN     "claimedBy" TEXT,
ADD COLUMN     "claimedUntil" TIMESTAMP(3);
