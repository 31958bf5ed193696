-- CreateTable
CREATE TABLE "audit_stream" (
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "last_sequence" INTEGER NOT NULL DEFAULT 0,
    "last_hash" CHAR(64) NOT NULL,

    CONSTRAINT "audit_stream_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "stream_id" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "actor" TEXT NOT NULL,
    "acting_for" TEXT,
    "role" TEXT NOT NULL,
    "clinical_date" DATE,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT,
    "rule_set_version" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "previous_hash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_record" (
    "user_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "request_hash" CHAR(64) NOT NULL,
    "response" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "idempotency_record_pkey" PRIMARY KEY ("user_id","key")
);

-- CreateTable
CREATE TABLE "patient" (
    "id" UUID NOT NULL,
    "identifier_system" TEXT NOT NULL,
    "identifier_value" TEXT NOT NULL,
    "birth_date" DATE NOT NULL,
    "sex" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "patient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pathway" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "side" TEXT NOT NULL,
    "open_side" TEXT,
    "stage" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "close_reason" TEXT,

    CONSTRAINT "pathway_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_event_recorded_at_idx" ON "audit_event"("recorded_at");

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_stream_id_sequence_key" ON "audit_event"("stream_id", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "patient_identifier_system_identifier_value_key" ON "patient"("identifier_system", "identifier_value");

-- CreateIndex
CREATE INDEX "pathway_patient_id_idx" ON "pathway"("patient_id");

-- CreateIndex
CREATE INDEX "pathway_stage_idx" ON "pathway"("stage");

-- CreateIndex
CREATE UNIQUE INDEX "pathway_patient_id_open_side_key" ON "pathway"("patient_id", "open_side");

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_stream_id_fkey" FOREIGN KEY ("stream_id") REFERENCES "audit_stream"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pathway" ADD CONSTRAINT "pathway_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The audit log is append-only: the database itself refuses to change or remove what was recorded.
CREATE FUNCTION "audit_event_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_event_no_update_or_delete" BEFORE UPDATE OR DELETE ON "audit_event"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_refuse_change"();

CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_refuse_change"();
