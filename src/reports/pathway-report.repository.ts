import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client.js';
import type { WriteBatch } from '../database/write-batch.js';
import type { PathwayReportValues, StageMoveValues, SuggestionFeedbackValues } from './domain/pathway-report.js';

/** What the reporting projection holds for one pathway, as its tables store it. */
export interface PathwayReportRows {
  pathwayId: string;
  patientId: string;
  /** When the pathway's last event was recorded. */
  updatedAt: Date;
  report: PathwayReportValues;
  stageMoves: readonly StageMoveValues[];
  suggestionFeedback: readonly SuggestionFeedbackValues[];
}

export type ReportRow = Pick<PathwayReportRows, 'pathwayId' | 'patientId' | 'updatedAt'> & PathwayReportValues;

/** Each field's pathway_report column and SQL type (every field has one, or this does not compile); the data generator inserts with it too. */
export const REPORT_COLUMNS: { readonly [Field in keyof ReportRow]: readonly [column: string, type: string] } = {
  pathwayId: ['pathway_id', 'uuid'],
  patientId: ['patient_id', 'uuid'],
  side: ['side', 'text'],
  site: ['site', 'text'],
  stage: ['stage', 'text'],
  openedOn: ['opened_on', 'date'],
  cohortDate: ['cohort_date', 'date'],
  firstExamOn: ['first_exam_on', 'date'],
  firstExamClinician: ['first_exam_clinician', 'text'],
  enteredConservativeOn: ['entered_conservative_on', 'date'],
  enteredReferralOn: ['entered_referral_on', 'date'],
  surgeryOn: ['surgery_on', 'date'],
  qiClinicalDiagnosis: ['qi_clinical_diagnosis', 'boolean'],
  qiExercise: ['qi_exercise', 'boolean'],
  qiWeight: ['qi_weight', 'boolean'],
  qiCoreBeforeReferral: ['qi_core_before_referral', 'boolean'],
  referralNonSurgicalUnsuitable: ['referral_non_surgical_unsuitable', 'boolean'],
  qiNsaidGastroprotection: ['qi_nsaid_gastroprotection', 'boolean'],
  qiAvoidedTreatments: ['qi_avoided_treatments', 'boolean'],
  weakOpioidStarted: ['weak_opioid_started', 'boolean'],
  preoperativeOxfordHipScore: ['preoperative_oxford_hip_score', 'int'],
  postoperativeOxfordHipScore: ['postoperative_oxford_hip_score', 'int'],
  updatedAt: ['updated_at', 'timestamptz'],
};
const REPORT_FIELDS = Object.keys(REPORT_COLUMNS) as (keyof ReportRow)[];
const COLUMN_LIST = Prisma.raw(REPORT_FIELDS.map((field) => REPORT_COLUMNS[field][0]).join(', '));
const UPDATE_LIST = Prisma.raw(
  REPORT_FIELDS.filter((field) => field !== 'pathwayId')
    .map((field) => `${REPORT_COLUMNS[field][0]} = EXCLUDED.${REPORT_COLUMNS[field][0]}`)
    .join(', '),
);
/** A row's values in column order, each cast to its column's type (dates are sent as 'YYYY-MM-DD'). */
const valuesOf = (row: ReportRow) =>
  Prisma.sql`(${Prisma.join(REPORT_FIELDS.map((field) => Prisma.sql`${row[field]}::${Prisma.raw(REPORT_COLUMNS[field][1])}`))})`;

const stageMoveValues = (pathwayId: string, move: StageMoveValues) =>
  Prisma.sql`(${pathwayId}::uuid, ${move.sequence}, ${move.fromStage}, ${move.toStage}, ${move.movedOn}::date, ${move.recordedAt}::timestamptz,
    ${move.actor}, ${move.actingFor}, ${move.deviation}, ${move.deviationReason}, ${move.closeReason})`;

const feedbackValues = (pathwayId: string, given: SuggestionFeedbackValues) =>
  Prisma.sql`(${pathwayId}::uuid, ${given.sequence}, ${given.code}, ${given.outcome}, ${given.reasonCode}, ${given.comment},
    ${given.givenOn}::date, ${given.recordedAt}::timestamptz, ${given.actor}, ${given.actingFor}, ${given.ruleSetVersion},
    ${given.channel}, ${given.cardUuid}::uuid, ${given.cardPathwayVersion}::int)`;

/**
 * The one writer of the reporting projection (pathway_report, stage_move, suggestion_feedback),
 * inside the caller's transaction. Unlike the audit log these tables can be rebuilt, so writing
 * is idempotent: a report row is inserted or replaced, a move or feedback already there is kept.
 */
@Injectable()
export class PathwayReportRepository {
  /** Adds these pathways' projection rows to the write's batch: one write per table, whatever the number of pathways. */
  save(batch: WriteBatch, pathways: readonly PathwayReportRows[]): void {
    if (pathways.length === 0) return;
    const reports = pathways.map(({ pathwayId, patientId, updatedAt, report }): ReportRow => ({ pathwayId, patientId, updatedAt, ...report }));
    batch.add(Prisma.sql`INSERT INTO pathway_report (${COLUMN_LIST}) VALUES ${Prisma.join(reports.map(valuesOf))}
      ON CONFLICT (pathway_id) DO UPDATE SET ${UPDATE_LIST}`);

    const stageMoves = pathways.flatMap(({ pathwayId, stageMoves }) => stageMoves.map((move) => stageMoveValues(pathwayId, move)));
    if (stageMoves.length > 0) {
      batch.add(Prisma.sql`INSERT INTO stage_move (pathway_id, sequence, from_stage, to_stage, moved_on, recorded_at, actor, acting_for,
        deviation, deviation_reason, close_reason) VALUES ${Prisma.join(stageMoves)} ON CONFLICT DO NOTHING`);
    }
    const feedback = pathways.flatMap(({ pathwayId, suggestionFeedback }) => suggestionFeedback.map((given) => feedbackValues(pathwayId, given)));
    if (feedback.length > 0) {
      batch.add(Prisma.sql`INSERT INTO suggestion_feedback (pathway_id, sequence, code, outcome, reason_code, comment, given_on, recorded_at,
        actor, acting_for, rule_set_version, channel, card_uuid, card_pathway_version) VALUES ${Prisma.join(feedback)} ON CONFLICT DO NOTHING`);
    }
  }
}
