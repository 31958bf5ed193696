-- AlterTable
ALTER TABLE "pathway" ADD COLUMN     "site" TEXT;

-- CreateTable
CREATE TABLE "pathway_report" (
    "pathway_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "side" TEXT NOT NULL,
    "site" TEXT,
    "stage" TEXT NOT NULL,
    "opened_on" DATE NOT NULL,
    "cohort_date" DATE NOT NULL,
    "first_exam_on" DATE,
    "first_exam_clinician" TEXT,
    "entered_conservative_on" DATE,
    "entered_referral_on" DATE,
    "surgery_on" DATE,
    "qi_clinical_diagnosis" BOOLEAN,
    "qi_exercise" BOOLEAN,
    "qi_weight" BOOLEAN,
    "qi_core_before_referral" BOOLEAN,
    "referral_non_surgical_unsuitable" BOOLEAN NOT NULL DEFAULT false,
    "qi_nsaid_gastroprotection" BOOLEAN,
    "qi_avoided_treatments" BOOLEAN,
    "weak_opioid_started" BOOLEAN,
    "preoperative_oxford_hip_score" INTEGER,
    "postoperative_oxford_hip_score" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pathway_report_pkey" PRIMARY KEY ("pathway_id")
);

-- CreateTable
CREATE TABLE "stage_move" (
    "pathway_id" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "from_stage" TEXT,
    "to_stage" TEXT NOT NULL,
    "moved_on" DATE NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "acting_for" TEXT,
    "deviation" BOOLEAN NOT NULL,
    "deviation_reason" TEXT,
    "close_reason" TEXT,

    CONSTRAINT "stage_move_pkey" PRIMARY KEY ("pathway_id","sequence")
);

-- CreateTable
CREATE TABLE "suggestion_feedback" (
    "pathway_id" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "reason_code" TEXT,
    "comment" TEXT,
    "given_on" DATE NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "acting_for" TEXT,
    "rule_set_version" TEXT NOT NULL,
    "channel" TEXT NOT NULL DEFAULT 'GRAPHQL',

    CONSTRAINT "suggestion_feedback_pkey" PRIMARY KEY ("pathway_id","sequence")
);

-- CreateTable
CREATE TABLE "suggestion_impression" (
    "pathway_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "shown_on" DATE NOT NULL,

    CONSTRAINT "suggestion_impression_pkey" PRIMARY KEY ("pathway_id","code","shown_on")
);

-- CreateTable
CREATE TABLE "access_log" (
    "id" BIGSERIAL NOT NULL,
    "accessed_at" TIMESTAMPTZ(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "acting_for" TEXT,
    "role" TEXT NOT NULL,
    "patient_id" UUID NOT NULL,
    "operation" TEXT NOT NULL,

    CONSTRAINT "access_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "pathway_report_cohort_date_idx" ON "pathway_report"("cohort_date");

-- CreateIndex
CREATE INDEX "pathway_report_stage_idx" ON "pathway_report"("stage");

-- CreateIndex
CREATE INDEX "pathway_report_site_idx" ON "pathway_report"("site");

-- CreateIndex
CREATE INDEX "pathway_report_first_exam_clinician_idx" ON "pathway_report"("first_exam_clinician");

-- CreateIndex
CREATE INDEX "stage_move_deviation_idx" ON "stage_move"("deviation");

-- CreateIndex
CREATE INDEX "suggestion_feedback_code_idx" ON "suggestion_feedback"("code");

-- CreateIndex
CREATE INDEX "suggestion_impression_code_shown_on_idx" ON "suggestion_impression"("code", "shown_on");

-- CreateIndex
CREATE INDEX "access_log_patient_id_accessed_at_idx" ON "access_log"("patient_id", "accessed_at");

-- CreateIndex
CREATE INDEX "access_log_actor_accessed_at_idx" ON "access_log"("actor", "accessed_at");
