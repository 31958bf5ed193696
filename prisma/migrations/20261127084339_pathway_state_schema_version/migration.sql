-- AlterTable
-- Existing rows were written in schema version 1; from now on every write sets the version itself.
ALTER TABLE "pathway" ADD COLUMN     "state_schema_version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "pathway" ALTER COLUMN "state_schema_version" DROP DEFAULT;
