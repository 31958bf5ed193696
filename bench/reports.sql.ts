/**
 * The reports bench/reports.bench.ts times, each as the service answers it over GraphQL and as two
 * hand-written statements sent through `pg`: the floor (one statement over the reporting
 * projection) and the raw one (over audit_event, the corrections applied, as if there were no
 * projection). Both statements give the figures in the shape `fromHttp` gives the service's
 * answer, so that the bench can check that all three agree. Whole cohort, report date $1.
 */
import { PATHWAY_STAGES } from '../src/contract/vocabulary.js';

export interface ReportBench {
  name: string;
  /** The GraphQL query, as an auditor sends it. */
  query: string;
  fromHttp(data: unknown): unknown;
  floor: string;
  raw: string;
  parameters(reportDate: string): unknown[];
  /** The figures from the rows either statement returns. */
  fromSql(rows: Record<string, unknown>[]): unknown;
}

const PAGE = 100;
/** The suggestions report's comment page: 100 exceeds graphql-armor's cost limit, which multiplies by `first`. */
const COMMENT_PAGE = 20;
const WAITING_DAYS = 365;
const BRUSSELS_DAY = (column: string) => `(${column} AT TIME ZONE 'Europe/Brussels')::date`;
const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/** A recording counts unless a RECORDING_ENTERED_IN_ERROR names it, whenever that was recorded. */
const counted = (alias: string) =>
  `NOT EXISTS (SELECT 1 FROM audit_event x WHERE x.stream_id = ${alias}.stream_id AND x.type = 'RECORDING_ENTERED_IN_ERROR' AND (x.payload->>'targetSequence')::int = ${alias}.sequence)`;
/** The counted recordings of pathway `s` of these types, as `r`. */
const recordings = (types: readonly string[], where = 'TRUE') =>
  `FROM audit_event r WHERE r.stream_id = s.id AND r.type IN (${list(types)}) AND ${counted('r')} AND ${where}`;
const treatmentIn = (treatments: readonly string[]) => `r.payload->>'treatment' IN (${list(treatments)})`;
const started = (treatments: readonly string[], where = 'TRUE') =>
  `EXISTS (SELECT 1 ${recordings(['TREATMENT_STARTED'], `${treatmentIn(treatments)} AND ${where}`)})`;
const CHANGES = ['TREATMENT_STARTED', 'TREATMENT_STOPPED'];
const firstMoveTo = (stage: string, select: string) =>
  `(SELECT ${select} FROM audit_event e WHERE e.stream_id = s.id AND e.type = 'STAGE_CHANGED' AND e.payload->>'to' = '${stage}' ORDER BY e.sequence LIMIT 1)`;
const SCORES = ['PATIENT_REPORTED_OUTCOMES_RECORDED', 'POSTOPERATIVE_OUTCOME_RECORDED'];
/** In the referral facts: recorded before the first move to SURGICAL_REFERRAL, dated on or before its day. */
const BEFORE_REFERRAL = 'r.sequence < d.referral_sequence AND r.clinical_date <= d.referral_on';

/** The latest of `value` among the rows that match `where`, by clinical date then recording order (as fact derivation reads). */
const latestOf = (value: string, where: string) => `(array_agg(${value} ORDER BY r.clinical_date DESC, r.sequence DESC) FILTER (WHERE ${where}))[1]`;
const examFact = (key: string, cast: string) =>
  latestOf(`(r.payload->>'${key}')::${cast}`, `r.type = 'CLINICAL_EXAM_RECORDED' AND r.payload ? '${key}' AND r.clinical_date <= d.exam_on`);
const isStart = (treatments: readonly string[]) => `r.type = 'TREATMENT_STARTED' AND ${treatmentIn(treatments)}`;
const BEFORE_SURGERY = '(d.surgery_on IS NULL OR r.clinical_date < d.surgery_on)';
const SCORE = `r.type IN (${list(SCORES)}) AND r.payload ? 'oxfordHipScore'`;

/**
 * Per pathway, from the raw events: where it stands in each indicator (null outside the
 * denominator), as pathway_report has it. Set-based (a few passes over the events, hash joins):
 * the recordings that count, the milestone dates, then the facts each indicator reads.
 */
const RAW_INDICATOR_MEMBERSHIP = `
  WITH pathway_events AS (
    SELECT e.* FROM audit_event e JOIN audit_stream s ON s.id = e.stream_id AND s.type = 'PATHWAY'
  ),
  r AS MATERIALIZED (
    SELECT e.stream_id, e.sequence, e.type, e.payload, e.clinical_date FROM pathway_events e
    WHERE e.clinical_date IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM pathway_events x
      WHERE x.type = 'RECORDING_ENTERED_IN_ERROR' AND x.stream_id = e.stream_id AND (x.payload->>'targetSequence')::int = e.sequence)
  ),
  moves AS (
    SELECT e.stream_id,
      (array_agg(${BRUSSELS_DAY('e.recorded_at')} ORDER BY e.sequence) FILTER (WHERE e.payload->>'to' = 'CONSERVATIVE_TREATMENT'))[1] AS conservative_on,
      (array_agg(e.sequence ORDER BY e.sequence) FILTER (WHERE e.payload->>'to' = 'SURGICAL_REFERRAL'))[1] AS referral_sequence,
      (array_agg(${BRUSSELS_DAY('e.recorded_at')} ORDER BY e.sequence) FILTER (WHERE e.payload->>'to' = 'SURGICAL_REFERRAL'))[1] AS referral_on
    FROM pathway_events e WHERE e.type = 'STAGE_CHANGED' GROUP BY e.stream_id
  ),
  milestones AS (
    SELECT r.stream_id,
      min(r.clinical_date) FILTER (WHERE r.type = 'CLINICAL_EXAM_RECORDED') AS exam_on,
      ${latestOf('r.clinical_date', "r.type = 'SURGERY_PERFORMED'")} AS surgery_on,
      ${latestOf("(r.payload->>'bmi')::numeric", "r.type = 'RISK_FACTORS_RECORDED' AND r.payload ? 'bmi' AND r.clinical_date <= $1::date")} AS bmi
    FROM r GROUP BY r.stream_id
  ),
  d AS (
    SELECT s.id AS stream_id, pa.birth_date, m.conservative_on, m.referral_sequence, m.referral_on, x.exam_on, x.surgery_on, x.bmi
    FROM audit_stream s
    JOIN pathway pw ON pw.id = s.id
    JOIN patient pa ON pa.id = pw.patient_id
    LEFT JOIN moves m ON m.stream_id = s.id
    LEFT JOIN milestones x ON x.stream_id = s.id
    WHERE s.type = 'PATHWAY'
  ),
  facts AS (
    SELECT d.stream_id,
      extract(year FROM age(d.exam_on, d.birth_date)) AS age,
      ${examFact('activityRelatedPain', 'boolean')} AS activity,
      ${examFact('morningStiffnessMinutes', 'int')} AS stiffness,
      ${examFact('painOnInternalRotation', 'boolean')} AS pain_on_rotation,
      ${examFact('internalRotationDegrees', 'int')} AS rotation,
      ${latestOf("jsonb_array_length(r.payload->'redFlags') > 0", "r.type = 'RED_FLAGS_SCREENED' AND r.clinical_date <= d.exam_on")} AS red_flag,
      coalesce(bool_or(r.type IN ('XRAY_ORDERED', 'XRAY_RESULT_RECORDED') AND r.clinical_date <= d.conservative_on), false) AS xray_before_conservative,
      coalesce(bool_or(${isStart(['EXERCISE_THERAPY', 'PHYSIOTHERAPY'])}), false) AS exercise,
      coalesce(bool_or(${isStart(['WEIGHT_MANAGEMENT'])}), false) AS weight_management,
      coalesce(bool_or(${isStart(['ORAL_NSAID'])}), false) AS nsaid,
      coalesce(bool_or(${isStart(['STRONG_OPIOID', 'HYALURONIC_ACID_INJECTION', 'GLUCOSAMINE'])} AND ${BEFORE_SURGERY}), false) AS avoided,
      coalesce(bool_or(${isStart(['WEAK_OPIOID'])} AND ${BEFORE_SURGERY}), false) AS weak_opioid,
      ${latestOf("(r.payload->>'nonSurgicalTreatmentUnsuitable')::boolean", `r.type = 'SURGICAL_INDICATION_RECORDED' AND r.payload ? 'nonSurgicalTreatmentUnsuitable' AND ${BEFORE_REFERRAL}`)} AS unsuitable,
      ${latestOf("(r.payload->>'bmi')::numeric", `r.type = 'RISK_FACTORS_RECORDED' AND r.payload ? 'bmi' AND ${BEFORE_REFERRAL}`)} AS referral_bmi,
      ${latestOf("(r.payload->>'oxfordHipScore')::int", `${SCORE} AND r.clinical_date <= d.surgery_on`)} AS pre,
      ${latestOf("(r.payload->>'oxfordHipScore')::int", `${SCORE} AND r.clinical_date >= d.surgery_on + 182`)} AS post
    FROM d LEFT JOIN r ON r.stream_id = d.stream_id
    GROUP BY d.stream_id, d.exam_on, d.birth_date
  ),
  core_days AS (
    SELECT r.stream_id, r.payload->>'treatment' AS treatment, r.clinical_date AS day, (array_agg(r.type ORDER BY r.sequence DESC))[1] AS last_change
    FROM r JOIN d ON d.stream_id = r.stream_id
    WHERE r.type IN (${list(CHANGES)}) AND ${treatmentIn(['EDUCATION', 'EXERCISE_THERAPY', 'PHYSIOTHERAPY', 'WEIGHT_MANAGEMENT'])} AND ${BEFORE_REFERRAL}
    GROUP BY 1, 2, 3
  ),
  first_given AS (
    SELECT stream_id,
      min(day) FILTER (WHERE treatment = 'EDUCATION') AS education_on,
      min(day) FILTER (WHERE treatment IN ('EXERCISE_THERAPY', 'PHYSIOTHERAPY')) AS exercise_on,
      min(day) FILTER (WHERE treatment = 'WEIGHT_MANAGEMENT') AS weight_on
    FROM core_days WHERE last_change = 'TREATMENT_STARTED' GROUP BY stream_id
  ),
  nsaid_days AS (
    SELECT r.stream_id, r.payload->>'treatment' AS treatment, r.clinical_date AS day, (array_agg(r.type ORDER BY r.sequence DESC))[1] AS last_change
    FROM r WHERE r.type IN (${list(CHANGES)}) AND ${treatmentIn(['ORAL_NSAID', 'GASTROPROTECTION'])}
    GROUP BY 1, 2, 3
  ),
  given_on_change_days AS (
    SELECT DISTINCT ON (c.stream_id, c.day, s.treatment) c.stream_id, c.day, s.last_change = 'TREATMENT_STARTED' AS given
    FROM (SELECT DISTINCT stream_id, day FROM nsaid_days) c
    JOIN nsaid_days s ON s.stream_id = c.stream_id AND s.day <= c.day
    ORDER BY c.stream_id, c.day, s.treatment, s.day DESC
  ),
  overlap AS (
    SELECT stream_id, bool_or(both_given) AS common_day
    FROM (SELECT stream_id, day, count(*) FILTER (WHERE given) = 2 AS both_given FROM given_on_change_days GROUP BY stream_id, day) x
    GROUP BY stream_id
  )
  SELECT
    CASE WHEN d.conservative_on IS NOT NULL
      AND ((f.age >= 45) AND f.activity AND (f.stiffness <= 30) AND (f.pain_on_rotation OR f.rotation < 15)) IS TRUE
      AND ((f.age < 45) OR (NOT f.activity) OR (f.stiffness > 30) OR (f.rotation >= 15 AND NOT f.pain_on_rotation) OR f.red_flag) IS FALSE
    THEN NOT f.xray_before_conservative END AS clinical_diagnosis,
    CASE WHEN d.conservative_on IS NOT NULL THEN f.exercise END AS exercise,
    CASE WHEN d.conservative_on IS NOT NULL AND d.bmi >= 25 THEN f.weight_management END AS weight,
    CASE WHEN d.referral_sequence IS NOT NULL AND f.unsuitable IS NOT TRUE THEN coalesce(
      CASE WHEN g.education_on IS NULL OR g.exercise_on IS NULL OR (f.referral_bmi < 25 IS NOT TRUE AND g.weight_on IS NULL) THEN NULL
      ELSE (d.referral_on - GREATEST(g.education_on, g.exercise_on, CASE WHEN f.referral_bmi < 25 IS NOT TRUE THEN g.weight_on END)) / 7 END >= 12,
      false) END AS core_before_referral,
    f.unsuitable IS TRUE AS unsuitable,
    CASE WHEN f.nsaid THEN coalesce(o.common_day, false) END AS nsaid_gastroprotection,
    CASE WHEN d.conservative_on IS NOT NULL THEN f.avoided END AS avoided,
    d.conservative_on IS NOT NULL AND f.weak_opioid AS weak_opioid,
    CASE WHEN d.surgery_on IS NOT NULL AND f.pre IS NOT NULL AND f.post IS NOT NULL THEN f.post - f.pre >= 8 END AS prom_gain,
    d.surgery_on IS NOT NULL AND (f.pre IS NULL OR f.post IS NULL) AND d.surgery_on > $1::date - 182 AS not_yet_due,
    d.surgery_on IS NOT NULL AND (f.pre IS NULL OR f.post IS NULL) AND d.surgery_on <= $1::date - 182 AS score_missing
  FROM d
  JOIN facts f ON f.stream_id = d.stream_id
  LEFT JOIN first_given g ON g.stream_id = d.stream_id
  LEFT JOIN overlap o ON o.stream_id = d.stream_id`;

const FLOOR_INDICATOR_MEMBERSHIP = `
  SELECT qi_clinical_diagnosis AS clinical_diagnosis, qi_exercise AS exercise, qi_weight AS weight, qi_core_before_referral AS core_before_referral,
    referral_non_surgical_unsuitable AS unsuitable, qi_nsaid_gastroprotection AS nsaid_gastroprotection, qi_avoided_treatments AS avoided,
    qi_avoided_treatments IS NOT NULL AND weak_opioid_started AS weak_opioid,
    CASE WHEN surgery_on IS NOT NULL AND preoperative_oxford_hip_score IS NOT NULL AND postoperative_oxford_hip_score IS NOT NULL
      THEN postoperative_oxford_hip_score - preoperative_oxford_hip_score >= 8 END AS prom_gain,
    surgery_on IS NOT NULL AND (preoperative_oxford_hip_score IS NULL OR postoperative_oxford_hip_score IS NULL) AND surgery_on > $1::date - 182 AS not_yet_due,
    surgery_on IS NOT NULL AND (preoperative_oxford_hip_score IS NULL OR postoperative_oxford_hip_score IS NULL) AND surgery_on <= $1::date - 182 AS score_missing
  FROM pathway_report`;

/** The seven indicators from a per-pathway membership: one row, one JSON column. */
function indicatorFigures(membership: string): string {
  const indicator = (code: string, column: string, separate: Record<string, string> = {}) => {
    const numerator = `count(*) FILTER (WHERE m.${column})`;
    const counts = ['unsuitableNonSurgicalCare', 'weakOpioids', 'notYetDue', 'scoreMissing'].map(
      (name) => `'${name}', ${separate[name] ?? 'NULL::int'}`,
    );
    return `json_build_object('code', '${code}', 'numerator', ${numerator}, 'denominator', count(m.${column}),
      'percentage', round(100.0 * ${numerator} / nullif(count(m.${column}), 0), 1)::float8, ${counts.join(', ')})`;
  };
  return `WITH m AS (${membership}) SELECT json_build_array(
    ${indicator('QI_CLINICAL_DIAGNOSIS', 'clinical_diagnosis')},
    ${indicator('QI_EXERCISE', 'exercise')},
    ${indicator('QI_WEIGHT', 'weight')},
    ${indicator('QI_CORE_BEFORE_REFERRAL', 'core_before_referral', { unsuitableNonSurgicalCare: 'count(*) FILTER (WHERE m.unsuitable)' })},
    ${indicator('QI_NSAID_GASTROPROTECTION', 'nsaid_gastroprotection')},
    ${indicator('QI_AVOIDED_TREATMENTS', 'avoided', { weakOpioids: 'count(*) FILTER (WHERE m.weak_opioid)' })},
    ${indicator('QI_PROM_GAIN', 'prom_gain', { notYetDue: 'count(*) FILTER (WHERE m.not_yet_due)', scoreMissing: 'count(*) FILTER (WHERE m.score_missing)' })}
  ) AS figures FROM m`;
}

const figuresColumn = (rows: Record<string, unknown>[]) => rows[0].figures;

export const QUALITY_INDICATORS: ReportBench = {
  name: 'qualityIndicators (full)',
  query: `{ qualityIndicators { indicators { code numerator denominator percentage unsuitableNonSurgicalCare weakOpioids notYetDue scoreMissing } } }`,
  fromHttp: (data) => (data as { qualityIndicators: { indicators: unknown } }).qualityIndicators.indicators,
  floor: indicatorFigures(FLOOR_INDICATOR_MEMBERSHIP),
  raw: indicatorFigures(RAW_INDICATOR_MEMBERSHIP),
  parameters: (reportDate) => [reportDate],
  fromSql: figuresColumn,
};

interface Days {
  count: number;
  medianDays: number | null;
  p90Days: number | null;
}
interface FlowFigures {
  stages: { stage: string; pathways: number; closedStays: Days | null; openStays: Days | null }[];
  examToReferral: Days & { dataQualityFlags: number };
  referralToSurgery: Days & { dataQualityFlags: number };
}

/** Flow from a statement's `stays`, `counts` and `intervals` (stage or interval name, then figures). */
function flowFromSql(rows: Record<string, unknown>[]): FlowFigures {
  const { stays, counts, intervals } = rows[0].figures as {
    stays:
      | {
          stage: string;
          closed_count: number;
          closed_median: number | null;
          closed_p90: number | null;
          open_count: number;
          open_median: number | null;
          open_p90: number | null;
        }[]
      | null;
    counts: { stage: string; pathways: number }[];
    intervals: { name: string; count: number; median: number | null; p90: number | null; flags: number }[];
  };
  const interval = (name: string) => {
    const found = intervals.find((row) => row.name === name);
    return { count: found?.count ?? 0, medianDays: found?.median ?? null, p90Days: found?.p90 ?? null, dataQualityFlags: found?.flags ?? 0 };
  };
  return {
    stages: PATHWAY_STAGES.map((stage) => {
      const stay = stays?.find((row) => row.stage === stage);
      const days = (count?: number, median?: number | null, p90?: number | null): Days => ({
        count: count ?? 0,
        medianDays: median ?? null,
        p90Days: p90 ?? null,
      });
      return {
        stage,
        pathways: counts.find((row) => row.stage === stage)?.pathways ?? 0,
        closedStays: stage === 'CLOSED' ? null : days(stay?.closed_count, stay?.closed_median, stay?.closed_p90),
        openStays: stage === 'CLOSED' ? null : days(stay?.open_count, stay?.open_median, stay?.open_p90),
      };
    }),
    examToReferral: interval('EXAM_TO_REFERRAL'),
    referralToSurgery: interval('REFERRAL_TO_SURGERY'),
  };
}

/** The flow statement over moves (pathway_id, sequence, stage, moved_on), current stages and intervals (name, days). */
function flowStatement(moves: string, currentStages: string, intervals: string): string {
  const statistics = (group: string, where: string, days: string) => `count(*) FILTER (WHERE ${where}) AS ${group}_count,
    percentile_disc(0.5) WITHIN GROUP (ORDER BY ${days}) FILTER (WHERE ${where}) AS ${group}_median,
    percentile_disc(0.9) WITHIN GROUP (ORDER BY ${days}) FILTER (WHERE ${where}) AS ${group}_p90`;
  return `WITH moves AS (${moves}),
    stays AS (SELECT stage, moved_on AS entered_on, lead(moved_on) OVER (PARTITION BY pathway_id ORDER BY sequence) AS left_on FROM moves),
    stay_figures AS (SELECT stage, ${statistics('closed', 'left_on IS NOT NULL', 'left_on - entered_on')}, ${statistics('open', 'left_on IS NULL', '$1::date - entered_on')}
      FROM stays WHERE stage <> 'CLOSED' GROUP BY stage),
    intervals AS (${intervals}),
    interval_figures AS (SELECT name, count(*) FILTER (WHERE days >= 0) AS count,
      percentile_disc(0.5) WITHIN GROUP (ORDER BY days) FILTER (WHERE days >= 0) AS median,
      percentile_disc(0.9) WITHIN GROUP (ORDER BY days) FILTER (WHERE days >= 0) AS p90,
      count(*) FILTER (WHERE days < 0) AS flags
      FROM intervals WHERE days IS NOT NULL GROUP BY name)
    SELECT json_build_object(
      'stays', (SELECT json_agg(stay_figures) FROM stay_figures),
      'counts', (SELECT json_agg(c) FROM (SELECT stage, count(*) AS pathways FROM (${currentStages}) current GROUP BY stage) c),
      'intervals', (SELECT coalesce(json_agg(interval_figures), '[]') FROM interval_figures)) AS figures`;
}

/** A pathway's moves from its raw events: the opening into CLINICAL_EXAM, then each STAGE_CHANGED. */
const RAW_MOVES = `SELECT stream_id AS pathway_id, sequence, CASE WHEN type = 'PATHWAY_OPENED' THEN 'CLINICAL_EXAM' ELSE payload->>'to' END AS stage,
  ${BRUSSELS_DAY('recorded_at')} AS moved_on FROM audit_event WHERE type IN ('PATHWAY_OPENED', 'STAGE_CHANGED')`;
const RAW_CURRENT = `SELECT DISTINCT ON (pathway_id) pathway_id, stage, moved_on FROM moves ORDER BY pathway_id, sequence DESC`;

export const FLOW: ReportBench = {
  name: 'flowReport',
  query: `{ flowReport {
    stages { stage pathways closedStays { count medianDays p90Days } openStays { count medianDays p90Days } }
    examToReferral { count medianDays p90Days dataQualityFlags } referralToSurgery { count medianDays p90Days dataQualityFlags } } }`,
  fromHttp: (data) => {
    const { stages, examToReferral, referralToSurgery } = (data as { flowReport: FlowFigures }).flowReport;
    return { stages, examToReferral, referralToSurgery };
  },
  floor: flowStatement(
    'SELECT pathway_id, sequence, to_stage AS stage, moved_on FROM stage_move',
    'SELECT stage FROM pathway_report',
    `SELECT i.name, i.days FROM pathway_report r CROSS JOIN LATERAL (VALUES
      ('EXAM_TO_REFERRAL', r.entered_referral_on - r.first_exam_on), ('REFERRAL_TO_SURGERY', r.surgery_on - r.entered_referral_on)) AS i(name, days)`,
  ),
  raw: flowStatement(
    RAW_MOVES,
    RAW_CURRENT,
    `SELECT i.name, i.days FROM audit_stream s
      CROSS JOIN LATERAL (SELECT
        (SELECT r.clinical_date ${recordings(['CLINICAL_EXAM_RECORDED'])} ORDER BY r.clinical_date, r.sequence LIMIT 1) AS exam_on,
        ${firstMoveTo('SURGICAL_REFERRAL', BRUSSELS_DAY('e.recorded_at'))} AS referral_on,
        (SELECT r.clinical_date ${recordings(['SURGERY_PERFORMED'])} ORDER BY r.clinical_date DESC, r.sequence DESC LIMIT 1) AS surgery_on) p
      CROSS JOIN LATERAL (VALUES ('EXAM_TO_REFERRAL', p.referral_on - p.exam_on), ('REFERRAL_TO_SURGERY', p.surgery_on - p.referral_on)) AS i(name, days)
      WHERE s.type = 'PATHWAY'`,
  ),
  parameters: (reportDate) => [reportDate],
  fromSql: flowFromSql,
};

/** Counts, most frequent first, ties by their key (the service orders ties its own way). */
const byCountThenKey = <Row extends { count: number }>(rows: Row[], key: (row: Row) => string) =>
  [...rows].sort((a, b) => b.count - a.count || key(a).localeCompare(key(b)));

interface DeviationFigures {
  total: number;
  byReason: { reason: string | null; count: number }[];
  byMove: { fromStage: string | null; toStage: string; count: number }[];
  firstPage: string[];
}
const normaliseDeviations = ({ total, byReason, byMove, firstPage }: DeviationFigures): DeviationFigures => ({
  total,
  byReason: byCountThenKey(byReason, (row) => row.reason ?? ''),
  byMove: byCountThenKey(byMove, (row) => `${row.fromStage}>${row.toStage}`),
  firstPage,
});
/** Deviations from moves (pathway_id, sequence, from_stage, to_stage, reason, recorded_at) that deviated. */
const deviationStatement = (deviations: string) => `WITH d AS (${deviations}) SELECT json_build_object(
    'total', (SELECT count(*) FROM d),
    'byReason', (SELECT json_agg(x) FROM (SELECT reason, count(*) AS count FROM d GROUP BY reason) x),
    'byMove', (SELECT json_agg(x) FROM (SELECT from_stage AS "fromStage", to_stage AS "toStage", count(*) AS count FROM d GROUP BY from_stage, to_stage) x),
    'firstPage', (SELECT json_agg(x.id) FROM (SELECT pathway_id || ':' || sequence AS id FROM d ORDER BY recorded_at, pathway_id, sequence LIMIT ${PAGE}) x)) AS figures`;

const DEVIATIONS: ReportBench = {
  name: 'deviationsReport',
  query: `{ deviationsReport(first: ${PAGE}) { total byReason { reason count } byMove { fromStage toStage count } deviations { edges { node { pathwayId sequence } } } } }`,
  fromHttp: (data) => {
    const { deviations, ...counts } = (
      data as {
        deviationsReport: Omit<DeviationFigures, 'firstPage'> & { deviations: { edges: { node: { pathwayId: string; sequence: number } }[] } };
      }
    ).deviationsReport;
    return normaliseDeviations({ ...counts, firstPage: deviations.edges.map(({ node }) => `${node.pathwayId}:${node.sequence}`) });
  },
  floor: deviationStatement(
    'SELECT pathway_id, sequence, from_stage, to_stage, deviation_reason AS reason, recorded_at FROM stage_move WHERE deviation',
  ),
  raw: deviationStatement(
    `SELECT stream_id AS pathway_id, sequence, payload->>'from' AS from_stage, payload->>'to' AS to_stage, payload->>'deviationReason' AS reason, recorded_at
     FROM audit_event WHERE type = 'STAGE_CHANGED' AND (payload->>'deviation')::boolean`,
  ),
  parameters: () => [],
  fromSql: (rows) => normaliseDeviations(figuresColumn(rows) as DeviationFigures),
};

interface SuggestionFigures {
  suggestions: {
    code: string;
    shown: number;
    accepted: number;
    overridden: number;
    overrideReasons: { reasonCode: string | null; count: number }[];
  }[];
  firstComments: string[];
}
const normaliseSuggestions = ({ suggestions, firstComments }: SuggestionFigures): SuggestionFigures => ({
  suggestions: [...suggestions]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((usage) => ({ ...usage, overrideReasons: byCountThenKey(usage.overrideReasons, (row) => row.reasonCode ?? '') })),
  firstComments,
});
/** Usage per code from feedback (pathway_id, sequence, code, outcome, reason_code, comment, given_on, recorded_at) and the impressions. */
const suggestionStatement = (feedback: string) => `WITH f AS (${feedback}),
    shown AS (SELECT code, count(*) AS shown FROM suggestion_impression GROUP BY code),
    given AS (SELECT code, count(*) FILTER (WHERE outcome = 'ACCEPTED') AS accepted, count(*) FILTER (WHERE outcome = 'OVERRIDDEN') AS overridden FROM f GROUP BY code),
    reasons AS (SELECT code, json_agg(json_build_object('reasonCode', reason_code, 'count', count)) AS reasons
      FROM (SELECT code, reason_code, count(*) AS count FROM f WHERE outcome = 'OVERRIDDEN' GROUP BY code, reason_code) r GROUP BY code)
  SELECT json_build_object(
    'suggestions', (SELECT json_agg(json_build_object('code', coalesce(s.code, g.code), 'shown', coalesce(s.shown, 0), 'accepted', coalesce(g.accepted, 0),
      'overridden', coalesce(g.overridden, 0), 'overrideReasons', coalesce(r.reasons, '[]'))) FROM shown s FULL JOIN given g ON g.code = s.code
      LEFT JOIN reasons r ON r.code = coalesce(s.code, g.code)),
    'firstComments', (SELECT json_agg(x.line) FROM (SELECT code || '|' || comment || '|' || given_on AS line FROM f
      WHERE outcome = 'OVERRIDDEN' AND comment IS NOT NULL ORDER BY code, recorded_at, pathway_id, sequence LIMIT ${COMMENT_PAGE}) x)) AS figures`;

const SUGGESTIONS: ReportBench = {
  name: 'suggestionsReport',
  query: `{ suggestionsReport(first: ${COMMENT_PAGE}) {
    suggestions { code shown accepted overridden overrideReasons { reasonCode count } }
    overrideComments { edges { node { code comment givenOn } } } } }`,
  fromHttp: (data) => {
    const { suggestions, overrideComments } = (
      data as {
        suggestionsReport: {
          suggestions: SuggestionFigures['suggestions'];
          overrideComments: { edges: { node: { code: string; comment: string; givenOn: string } }[] };
        };
      }
    ).suggestionsReport;
    return normaliseSuggestions({
      suggestions,
      firstComments: overrideComments.edges.map(({ node }) => `${node.code}|${node.comment}|${node.givenOn}`),
    });
  },
  floor: suggestionStatement('SELECT pathway_id, sequence, code, outcome, reason_code, comment, given_on, recorded_at FROM suggestion_feedback'),
  raw: suggestionStatement(
    `SELECT stream_id AS pathway_id, sequence, payload->>'code' AS code, payload->>'outcome' AS outcome, payload->>'reasonCode' AS reason_code,
       payload->>'comment' AS comment, ${BRUSSELS_DAY('recorded_at')} AS given_on, recorded_at
     FROM audit_event WHERE type = 'SUGGESTION_FEEDBACK_GIVEN'`,
  ),
  parameters: () => [],
  fromSql: (rows) => normaliseSuggestions(figuresColumn(rows) as SuggestionFigures),
};

/** Open pathways in their current stage (entered on moved_on) for more than the threshold, longest first. */
const waitingStatement = (current: string) => `WITH moves AS (${RAW_MOVES}) SELECT json_agg(x.line) AS figures FROM (
    SELECT pathway_id || '|' || moved_on || '|' || ($1::date - moved_on) AS line FROM (${current}) c
    WHERE stage <> 'CLOSED' AND $1::date - moved_on > ${WAITING_DAYS} ORDER BY moved_on, pathway_id LIMIT ${PAGE}) x`;

const WAITING: ReportBench = {
  name: `waitingPathways (> ${WAITING_DAYS} days)`,
  query: `{ waitingPathways(thresholdDays: ${WAITING_DAYS}, first: ${PAGE}) { edges { node { pathwayId enteredStageOn daysInStage } } } }`,
  fromHttp: (data) =>
    (
      data as { waitingPathways: { edges: { node: { pathwayId: string; enteredStageOn: string; daysInStage: number } }[] } }
    ).waitingPathways.edges.map(({ node }) => `${node.pathwayId}|${node.enteredStageOn}|${node.daysInStage}`),
  floor: `SELECT json_agg(x.line) AS figures FROM (
    SELECT r.pathway_id || '|' || m.moved_on || '|' || ($1::date - m.moved_on) AS line FROM pathway_report r
    CROSS JOIN LATERAL (SELECT moved_on FROM stage_move WHERE pathway_id = r.pathway_id ORDER BY sequence DESC LIMIT 1) m
    WHERE r.stage <> 'CLOSED' AND $1::date - m.moved_on > ${WAITING_DAYS} ORDER BY m.moved_on, r.pathway_id LIMIT ${PAGE}) x`,
  raw: waitingStatement(RAW_CURRENT),
  parameters: (reportDate) => [reportDate],
  fromSql: figuresColumn,
};

const INDICATOR_COMPLEMENT: ReportBench = {
  name: 'qualityIndicatorPathways',
  query: `{ qualityIndicatorPathways(code: QI_EXERCISE, group: COMPLEMENT, first: ${PAGE}) { edges { node { pathwayId } } } }`,
  fromHttp: (data) =>
    (data as { qualityIndicatorPathways: { edges: { node: { pathwayId: string } }[] } }).qualityIndicatorPathways.edges.map(
      ({ node }) => node.pathwayId,
    ),
  floor: `SELECT json_agg(x.id) AS figures FROM (SELECT pathway_id::text AS id FROM pathway_report WHERE NOT qi_exercise ORDER BY pathway_id LIMIT ${PAGE}) x`,
  raw: `SELECT json_agg(x.id) AS figures FROM (SELECT s.id::text AS id FROM audit_stream s
    WHERE s.type = 'PATHWAY' AND ${firstMoveTo('CONSERVATIVE_TREATMENT', '1')} IS NOT NULL AND NOT ${started(['EXERCISE_THERAPY', 'PHYSIOTHERAPY'])}
    ORDER BY s.id LIMIT ${PAGE}) x`,
  parameters: () => [],
  fromSql: figuresColumn,
};

/** The reports timed after the quality indicators and the flow. */
export const REPORTS: readonly ReportBench[] = [INDICATOR_COMPLEMENT, WAITING, DEVIATIONS, SUGGESTIONS];
