-- AlterTable
ALTER TABLE "suggestion_feedback" ADD COLUMN     "card_pathway_version" INTEGER,
ADD COLUMN     "card_uuid" UUID;

-- CreateTable
CREATE TABLE "cds_card" (
    "uuid" UUID NOT NULL,
    "pathway_id" UUID NOT NULL,
    "pathway_version" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "rule_set_version" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cds_card_pkey" PRIMARY KEY ("uuid")
);

-- CreateTable
-- Unlogged: no write-ahead log, so claiming a token id on every call waits for no disk flush. A
-- crash of the database empties the table; tokens live at most 5 minutes, so only a token sent in
-- the 5 minutes before such a crash could be replayed, once, after it.
CREATE UNLOGGED TABLE "cds_token_id" (
    "issuer" TEXT NOT NULL,
    "jti" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cds_token_id_pkey" PRIMARY KEY ("issuer","jti")
);

-- CreateIndex
CREATE INDEX "cds_token_id_expires_at_idx" ON "cds_token_id"("expires_at");
