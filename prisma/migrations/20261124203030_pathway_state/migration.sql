-- AlterTable
ALTER TABLE "pathway" ADD COLUMN     "deviation_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "state" JSONB NOT NULL;
