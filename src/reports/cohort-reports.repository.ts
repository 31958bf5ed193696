import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client.js';
import type { CalendarDate } from '../contract/calendar-date.js';
import type { HipSide, PathwayStage } from '../contract/vocabulary.js';
import { PrismaService } from '../database/prisma.service.js';
import type { OverrideReasonCode } from '../pathways/domain/pathway-events.js';
import type { CohortFilter } from './domain/cohort-filter.js';
import {
  PROM_DUE_AFTER_DAYS,
  PROM_MINIMAL_GAIN,
  QUALITY_INDICATOR_CODES,
  type IndicatorGroup,
  type QualityIndicatorCode,
  type SeparateCount,
} from './domain/quality-indicators.js';
import type { PathwayReportValues } from './domain/pathway-report.js';

/** A pathway of the cohort, as report lists show it. */
export interface CohortPathwayRow {
  pathwayId: string;
  patientId: string;
  side: HipSide;
  stage: PathwayStage;
  site: string | null;
  cohortDate: CalendarDate;
}

export interface IndicatorFiguresRow {
  code: QualityIndicatorCode;
  numerator: number;
  denominator: number;
  /** numerator / denominator x 100 rounded half up to one decimal; null when the denominator is 0. */
  percentage: number | null;
}

export interface QualityIndicatorFigures {
  indicators: IndicatorFiguresRow[];
  separateCounts: Record<SeparateCount, number>;
}

/** Days as percentile_disc reads them: nearest rank, whole days between Brussels dates; null when there are none. */
export interface DaysStatistics {
  count: number;
  medianDays: number | null;
  p90Days: number | null;
}

export interface StageStaysRow {
  stage: PathwayStage;
  closed: DaysStatistics;
  open: DaysStatistics;
}

export const FLOW_INTERVALS = ['EXAM_TO_REFERRAL', 'REFERRAL_TO_SURGERY'] as const;
export type FlowInterval = (typeof FLOW_INTERVALS)[number];

export interface IntervalRow extends DaysStatistics {
  interval: FlowInterval;
  /** Intervals below 0 (back-dated records), left out of the statistics. */
  dataQualityFlags: number;
}

export interface WaitingPathwayRow extends CohortPathwayRow {
  enteredStageOn: CalendarDate;
  daysInStage: number;
}

export interface DeviationRow {
  pathwayId: string;
  patientId: string;
  sequence: number;
  fromStage: PathwayStage | null;
  toStage: PathwayStage;
  reason: string | null;
  actor: string;
  actingFor: string | null;
  recordedAt: Date;
  movedOn: CalendarDate;
}

export interface DeviationCounts {
  total: number;
  byReason: { reason: string | null; count: number }[];
  byMove: { fromStage: PathwayStage | null; toStage: PathwayStage; count: number }[];
}

export interface SuggestionUsageRow {
  code: string;
  shown: number;
  accepted: number;
  overridden: number;
}

export interface OverrideReasonRow {
  code: string;
  reasonCode: OverrideReasonCode | null;
  count: number;
}

export interface OverrideCommentRow {
  code: string;
  reasonCode: OverrideReasonCode | null;
  comment: string;
  givenOn: CalendarDate;
  recordedAt: Date;
  pathwayId: string;
  sequence: number;
}

/** A row of the projection, as pathways.csv lists it: the stored values and QI_PROM_GAIN on the report date. */
export type PathwayReportRow = PathwayReportValues & {
  pathwayId: string;
  patientId: string;
  /** QI_PROM_GAIN for this pathway: null outside its denominator. */
  qiPromGain: boolean | null;
};

/** Keyset positions: the last row of the previous page. */
export interface DeviationPosition {
  recordedAt: Date;
  pathwayId: string;
  sequence: number;
}
export interface WaitingPosition {
  enteredStageOn: CalendarDate;
  pathwayId: string;
}
export interface CommentPosition {
  code: string;
  recordedAt: Date;
  pathwayId: string;
  sequence: number;
}

/**
 * Which pathways each indicator counts, over pathway_report `r`: in the denominator, and (within
 * it) in the numerator. The projection's QI columns are null outside the denominator; QI_PROM_GAIN
 * is read from the surgery date and the scores around it.
 */
const PROM_IN_DENOMINATOR = Prisma.sql`(r.surgery_on IS NOT NULL AND r.preoperative_oxford_hip_score IS NOT NULL AND r.postoperative_oxford_hip_score IS NOT NULL)`;

const INDICATOR_CONDITIONS: Record<QualityIndicatorCode, { inDenominator: Prisma.Sql; inNumerator: Prisma.Sql }> = {
  QI_CLINICAL_DIAGNOSIS: projectedIndicator('qi_clinical_diagnosis'),
  QI_EXERCISE: projectedIndicator('qi_exercise'),
  QI_WEIGHT: projectedIndicator('qi_weight'),
  QI_CORE_BEFORE_REFERRAL: projectedIndicator('qi_core_before_referral'),
  QI_NSAID_GASTROPROTECTION: projectedIndicator('qi_nsaid_gastroprotection'),
  QI_AVOIDED_TREATMENTS: projectedIndicator('qi_avoided_treatments'),
  QI_PROM_GAIN: {
    inDenominator: PROM_IN_DENOMINATOR,
    inNumerator: Prisma.sql`r.postoperative_oxford_hip_score - r.preoperative_oxford_hip_score >= ${PROM_MINIMAL_GAIN}`,
  },
};

function projectedIndicator(column: string): { inDenominator: Prisma.Sql; inNumerator: Prisma.Sql } {
  const value = Prisma.raw(`r.${column}`);
  return { inDenominator: Prisma.sql`${value} IS NOT NULL`, inNumerator: Prisma.sql`${value}` };
}

/** The operated pathways outside QI_PROM_GAIN's denominator: not yet due or a score missing, by the report's date. */
function operatedOutsidePromDenominator(reportDate: CalendarDate, notYetDue: boolean): Prisma.Sql {
  const due = notYetDue ? Prisma.sql`>` : Prisma.sql`<=`;
  return Prisma.sql`r.surgery_on IS NOT NULL AND NOT ${PROM_IN_DENOMINATOR} AND r.surgery_on ${due} ${reportDate}::date - ${PROM_DUE_AFTER_DAYS}::int`;
}

const COHORT_PATHWAY_COLUMNS = Prisma.sql`r.pathway_id::text AS "pathwayId", r.patient_id::text AS "patientId", r.side, r.stage, r.site,
  r.cohort_date::text AS "cohortDate"`;

/** Every report's SQL over the reporting projection: parameterised, computed in the database, lists keyset-paginated. */
@Injectable()
export class CohortReportsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The seven indicators and their separate counts, in one pass over the cohort. */
  async qualityIndicators(filter: CohortFilter, reportDate: CalendarDate): Promise<QualityIndicatorFigures> {
    const indicatorColumns = QUALITY_INDICATOR_CODES.map((code, index) => {
      const { inDenominator, inNumerator } = INDICATOR_CONDITIONS[code];
      const numerator = Prisma.sql`count(*) FILTER (WHERE ${inDenominator} AND ${inNumerator})`;
      const denominator = Prisma.sql`count(*) FILTER (WHERE ${inDenominator})`;
      return Prisma.sql`${numerator}::int AS ${Prisma.raw(`numerator_${index}`)}, ${denominator}::int AS ${Prisma.raw(`denominator_${index}`)},
        round(100.0 * ${numerator} / nullif(${denominator}, 0), 1)::float8 AS ${Prisma.raw(`percentage_${index}`)}`;
    });
    const [row] = await this.prisma.$queryRaw<Record<string, number | null>[]>`
      SELECT ${Prisma.join(indicatorColumns)},
        count(*) FILTER (WHERE r.referral_non_surgical_unsuitable)::int AS "unsuitableNonSurgicalCare",
        count(*) FILTER (WHERE ${INDICATOR_CONDITIONS.QI_AVOIDED_TREATMENTS.inDenominator} AND r.weak_opioid_started)::int AS "weakOpioids",
        count(*) FILTER (WHERE ${operatedOutsidePromDenominator(reportDate, true)})::int AS "notYetDue",
        count(*) FILTER (WHERE ${operatedOutsidePromDenominator(reportDate, false)})::int AS "scoreMissing"
      FROM pathway_report r
      WHERE ${inCohort(filter)}`;
    const count = (column: string) => row[column] ?? 0;
    return {
      indicators: QUALITY_INDICATOR_CODES.map((code, index) => ({
        code,
        numerator: count(`numerator_${index}`),
        denominator: count(`denominator_${index}`),
        percentage: row[`percentage_${index}`],
      })),
      separateCounts: {
        unsuitableNonSurgicalCare: count('unsuitableNonSurgicalCare'),
        weakOpioids: count('weakOpioids'),
        notYetDue: count('notYetDue'),
        scoreMissing: count('scoreMissing'),
      },
    };
  }

  /** The pathways of an indicator's numerator or complement, by pathway id after `afterPathwayId`. */
  indicatorPathways(
    code: QualityIndicatorCode,
    group: IndicatorGroup,
    filter: CohortFilter,
    limit: number,
    afterPathwayId?: string,
  ): Promise<CohortPathwayRow[]> {
    const { inDenominator, inNumerator } = INDICATOR_CONDITIONS[code];
    const inGroup = group === 'NUMERATOR' ? inNumerator : Prisma.sql`NOT (${inNumerator})`;
    return this.prisma.$queryRaw<CohortPathwayRow[]>`
      SELECT ${COHORT_PATHWAY_COLUMNS}
      FROM pathway_report r
      WHERE ${inCohort(filter)} AND ${inDenominator} AND ${inGroup} ${afterPathway(afterPathwayId)}
      ORDER BY r.pathway_id
      LIMIT ${limit}`;
  }

  /** Pathways per current stage (stages without any are left out). */
  stageCounts(filter: CohortFilter): Promise<{ stage: PathwayStage; pathways: number }[]> {
    return this.prisma.$queryRaw`
      SELECT r.stage, count(*)::int AS pathways
      FROM pathway_report r
      WHERE ${inCohort(filter)}
      GROUP BY r.stage`;
  }

  /**
   * Days spent in each stage: a stay runs from a move into the stage to the pathway's next move;
   * stays still open are counted to the report's date, apart. CLOSED has no stays.
   */
  async stays(filter: CohortFilter, reportDate: CalendarDate): Promise<StageStaysRow[]> {
    const statistics = (group: 'closed' | 'open', inGroup: Prisma.Sql, days: Prisma.Sql) => {
      const alias = (name: string) => Prisma.raw(`"${group}${name}"`);
      return Prisma.sql`count(*) FILTER (WHERE ${inGroup})::int AS ${alias('Count')},
        percentile_disc(0.5) WITHIN GROUP (ORDER BY ${days}) FILTER (WHERE ${inGroup}) AS ${alias('MedianDays')},
        percentile_disc(0.9) WITHIN GROUP (ORDER BY ${days}) FILTER (WHERE ${inGroup}) AS ${alias('P90Days')}`;
    };
    type StaysSqlRow = { stage: PathwayStage } & Record<`${'closed' | 'open'}${'Count' | 'MedianDays' | 'P90Days'}`, number | null>;
    const rows = await this.prisma.$queryRaw<StaysSqlRow[]>`
      SELECT s.stage,
        ${statistics('closed', Prisma.sql`s.left_on IS NOT NULL`, Prisma.sql`s.left_on - s.entered_on`)},
        ${statistics('open', Prisma.sql`s.left_on IS NULL`, Prisma.sql`${reportDate}::date - s.entered_on`)}
      FROM (
        SELECT m.to_stage AS stage, m.moved_on AS entered_on,
          lead(m.moved_on) OVER (PARTITION BY m.pathway_id ORDER BY m.sequence) AS left_on
        FROM stage_move m
        JOIN pathway_report r ON r.pathway_id = m.pathway_id
        WHERE ${inCohort(filter)}
      ) s
      WHERE s.stage <> 'CLOSED'
      GROUP BY s.stage`;
    return rows.map((row) => ({
      stage: row.stage,
      closed: { count: row.closedCount ?? 0, medianDays: row.closedMedianDays, p90Days: row.closedP90Days },
      open: { count: row.openCount ?? 0, medianDays: row.openMedianDays, p90Days: row.openP90Days },
    }));
  }

  /** Days from the first exam to the first move to SURGICAL_REFERRAL, and from that move to surgery; below 0 counted apart. */
  intervals(filter: CohortFilter): Promise<IntervalRow[]> {
    return this.prisma.$queryRaw`
      SELECT i.interval,
        count(*) FILTER (WHERE i.days >= 0)::int AS count,
        percentile_disc(0.5) WITHIN GROUP (ORDER BY i.days) FILTER (WHERE i.days >= 0) AS "medianDays",
        percentile_disc(0.9) WITHIN GROUP (ORDER BY i.days) FILTER (WHERE i.days >= 0) AS "p90Days",
        count(*) FILTER (WHERE i.days < 0)::int AS "dataQualityFlags"
      FROM pathway_report r
      CROSS JOIN LATERAL (VALUES
        ('EXAM_TO_REFERRAL', r.entered_referral_on - r.first_exam_on),
        ('REFERRAL_TO_SURGERY', r.surgery_on - r.entered_referral_on)
      ) AS i(interval, days)
      WHERE ${inCohort(filter)} AND i.days IS NOT NULL
      GROUP BY i.interval`;
  }

  /** Open pathways in their current stage for more than `thresholdDays` by the report's date, longest waiting first. */
  waitingPathways(
    filter: CohortFilter,
    reportDate: CalendarDate,
    thresholdDays: number,
    limit: number,
    after?: WaitingPosition,
  ): Promise<WaitingPathwayRow[]> {
    const afterPosition = after
      ? Prisma.sql`AND (current.moved_on, r.pathway_id) > (${after.enteredStageOn}::date, ${after.pathwayId}::uuid)`
      : Prisma.empty;
    return this.prisma.$queryRaw`
      SELECT ${COHORT_PATHWAY_COLUMNS}, current.moved_on::text AS "enteredStageOn", (${reportDate}::date - current.moved_on) AS "daysInStage"
      FROM pathway_report r
      CROSS JOIN LATERAL (
        SELECT m.moved_on FROM stage_move m WHERE m.pathway_id = r.pathway_id ORDER BY m.sequence DESC LIMIT 1
      ) current
      WHERE ${inCohort(filter)} AND r.stage <> 'CLOSED' AND ${reportDate}::date - current.moved_on > ${thresholdDays}::int ${afterPosition}
      ORDER BY current.moved_on, r.pathway_id
      LIMIT ${limit}`;
  }

  /** The cohort's moves made against the guideline, in the order they were recorded. */
  deviations(filter: CohortFilter, limit: number, after?: DeviationPosition): Promise<DeviationRow[]> {
    const afterPosition = after
      ? Prisma.sql`AND (m.recorded_at, m.pathway_id, m.sequence) > (${after.recordedAt}::timestamptz, ${after.pathwayId}::uuid, ${after.sequence}::int)`
      : Prisma.empty;
    return this.prisma.$queryRaw`
      SELECT m.pathway_id::text AS "pathwayId", r.patient_id::text AS "patientId", m.sequence, m.from_stage AS "fromStage", m.to_stage AS "toStage",
        m.deviation_reason AS reason, m.actor, m.acting_for AS "actingFor", m.recorded_at AS "recordedAt", m.moved_on::text AS "movedOn"
      FROM stage_move m
      JOIN pathway_report r ON r.pathway_id = m.pathway_id
      WHERE m.deviation AND ${inCohort(filter)} ${afterPosition}
      ORDER BY m.recorded_at, m.pathway_id, m.sequence
      LIMIT ${limit}`;
  }

  /** The cohort's deviations counted per reason and per move (from -> to), most frequent first. */
  async deviationCounts(filter: CohortFilter): Promise<DeviationCounts> {
    const rows = await this.prisma.$queryRaw<
      { perReason: boolean; reason: string | null; fromStage: PathwayStage | null; toStage: PathwayStage; count: number }[]
    >`
      SELECT GROUPING(m.deviation_reason) = 0 AS "perReason", m.deviation_reason AS reason, m.from_stage AS "fromStage", m.to_stage AS "toStage",
        count(*)::int AS count
      FROM stage_move m
      JOIN pathway_report r ON r.pathway_id = m.pathway_id
      WHERE m.deviation AND ${inCohort(filter)}
      GROUP BY GROUPING SETS ((m.deviation_reason), (m.from_stage, m.to_stage))
      ORDER BY count DESC, reason, "fromStage", "toStage"`;
    const perReason = rows.filter((row) => row.perReason);
    return {
      total: perReason.reduce((total, row) => total + row.count, 0),
      byReason: perReason.map(({ reason, count }) => ({ reason, count })),
      byMove: rows.filter((row) => !row.perReason).map(({ fromStage, toStage, count }) => ({ fromStage, toStage, count })),
    };
  }

  /**
   * Per suggestion code: shown (distinct pathway, code and Brussels day served), accepted and
   * overridden (feedback given), in the cohort.
   */
  suggestionUsage(filter: CohortFilter): Promise<SuggestionUsageRow[]> {
    return this.prisma.$queryRaw`
      WITH cohort AS (SELECT r.pathway_id FROM pathway_report r WHERE ${inCohort(filter)}),
      shown AS (
        SELECT i.code, count(*)::int AS shown
        FROM suggestion_impression i JOIN cohort c ON c.pathway_id = i.pathway_id
        GROUP BY i.code
      ),
      feedback AS (
        SELECT f.code, count(*) FILTER (WHERE f.outcome = 'ACCEPTED')::int AS accepted, count(*) FILTER (WHERE f.outcome = 'OVERRIDDEN')::int AS overridden
        FROM suggestion_feedback f JOIN cohort c ON c.pathway_id = f.pathway_id
        GROUP BY f.code
      )
      SELECT coalesce(s.code, f.code) AS code, coalesce(s.shown, 0) AS shown, coalesce(f.accepted, 0) AS accepted, coalesce(f.overridden, 0) AS overridden
      FROM shown s FULL JOIN feedback f ON f.code = s.code
      ORDER BY 1`;
  }

  /** Overrides counted per suggestion code and reason code. */
  overrideReasons(filter: CohortFilter): Promise<OverrideReasonRow[]> {
    return this.prisma.$queryRaw`
      SELECT f.code, f.reason_code AS "reasonCode", count(*)::int AS count
      FROM suggestion_feedback f
      JOIN pathway_report r ON r.pathway_id = f.pathway_id
      WHERE f.outcome = 'OVERRIDDEN' AND ${inCohort(filter)}
      GROUP BY f.code, f.reason_code
      ORDER BY f.code, count DESC, f.reason_code`;
  }

  /** The comments given with overrides, by suggestion code, then in the order they were recorded. */
  overrideComments(filter: CohortFilter, limit: number, after?: CommentPosition): Promise<OverrideCommentRow[]> {
    const afterPosition = after
      ? Prisma.sql`AND (f.code, f.recorded_at, f.pathway_id, f.sequence) > (${after.code}, ${after.recordedAt}::timestamptz, ${after.pathwayId}::uuid, ${after.sequence}::int)`
      : Prisma.empty;
    return this.prisma.$queryRaw`
      SELECT f.code, f.reason_code AS "reasonCode", f.comment, f.given_on::text AS "givenOn", f.recorded_at AS "recordedAt",
        f.pathway_id::text AS "pathwayId", f.sequence
      FROM suggestion_feedback f
      JOIN pathway_report r ON r.pathway_id = f.pathway_id
      WHERE f.outcome = 'OVERRIDDEN' AND f.comment IS NOT NULL AND ${inCohort(filter)} ${afterPosition}
      ORDER BY f.code, f.recorded_at, f.pathway_id, f.sequence
      LIMIT ${limit}`;
  }

  /** The projection's rows of the cohort, by pathway id after `afterPathwayId`. */
  pathwayReports(filter: CohortFilter, limit: number, afterPathwayId?: string): Promise<PathwayReportRow[]> {
    const { inDenominator, inNumerator } = INDICATOR_CONDITIONS.QI_PROM_GAIN;
    return this.prisma.$queryRaw`
      SELECT r.pathway_id::text AS "pathwayId", r.patient_id::text AS "patientId", r.side, r.site, r.stage, r.opened_on::text AS "openedOn",
        r.cohort_date::text AS "cohortDate", r.first_exam_on::text AS "firstExamOn", r.first_exam_clinician AS "firstExamClinician",
        r.entered_conservative_on::text AS "enteredConservativeOn", r.entered_referral_on::text AS "enteredReferralOn",
        r.surgery_on::text AS "surgeryOn", r.qi_clinical_diagnosis AS "qiClinicalDiagnosis", r.qi_exercise AS "qiExercise",
        r.qi_weight AS "qiWeight", r.qi_core_before_referral AS "qiCoreBeforeReferral",
        r.referral_non_surgical_unsuitable AS "referralNonSurgicalUnsuitable", r.qi_nsaid_gastroprotection AS "qiNsaidGastroprotection",
        r.qi_avoided_treatments AS "qiAvoidedTreatments", r.weak_opioid_started AS "weakOpioidStarted",
        r.preoperative_oxford_hip_score AS "preoperativeOxfordHipScore", r.postoperative_oxford_hip_score AS "postoperativeOxfordHipScore",
        CASE WHEN ${inDenominator} THEN ${inNumerator} END AS "qiPromGain"
      FROM pathway_report r
      WHERE ${inCohort(filter)} ${afterPathway(afterPathwayId)}
      ORDER BY r.pathway_id
      LIMIT ${limit}`;
  }
}

/** The cohort filter over pathway_report `r` (the contract's Audit section); an absent field does not filter. */
function inCohort(filter: CohortFilter): Prisma.Sql {
  const conditions = [
    filter.from && Prisma.sql`r.cohort_date >= ${filter.from}::date`,
    filter.to && Prisma.sql`r.cohort_date <= ${filter.to}::date`,
    filter.side && Prisma.sql`r.side = ${filter.side}`,
    filter.stage && Prisma.sql`r.stage = ${filter.stage}`,
    // A pathway without an exam has no first-exam clinician, so it matches no clinician.
    filter.clinician && Prisma.sql`r.first_exam_clinician = ${filter.clinician}`,
    filter.site && Prisma.sql`r.site = ${filter.site}`,
  ].filter((condition) => condition instanceof Prisma.Sql);
  return conditions.length ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`;
}

function afterPathway(pathwayId: string | undefined): Prisma.Sql {
  return pathwayId ? Prisma.sql`AND r.pathway_id > ${pathwayId}::uuid` : Prisma.empty;
}
