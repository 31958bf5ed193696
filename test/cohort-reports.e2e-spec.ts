import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { AccessLogService } from '../src/audit/access-log/access-log.service.js';
import type { Role } from '../src/auth/role.js';
import { Clock } from '../src/common/clock.js';
import { fromDateOnly } from '../src/common/dates.js';
import { SuggestionImpressionsService } from '../src/pathways/suggestion-impressions.service.js';
import { FixedClock } from './support/fixed-clock.js';
import { codesOf, PathwayDriver } from './support/pathway-steps.js';
import { useTestApp } from './support/use-test-app.js';
import { TYPICAL_EXAM } from './support/clinical-fixtures.js';

const clock = new FixedClock();
/** Sets the service's clock to late morning of a Brussels date. */
const on = (date: string) => clock.set(`${date}T10:00:00Z`);

const REPORT_DATE = '2026-06-15';
const SITE = 'CAMPUS-A';
const COHORT = { site: SITE };
const AUDITOR = 'auditor.maes';

const QUALITY_INDICATORS = `query ($filter: CohortFilter) { qualityIndicators(filter: $filter) { reportDate indicators {
  code numerator denominator percentage unsuitableNonSurgicalCare weakOpioids notYetDue scoreMissing direction citations { id } } } }`;
const INDICATOR_PATHWAYS = `query ($code: QualityIndicatorCode!, $group: QualityIndicatorGroup!, $filter: CohortFilter, $first: Int, $after: String) {
  qualityIndicatorPathways(code: $code, group: $group, filter: $filter, first: $first, after: $after) {
    edges { node { pathwayId patientId side stage site cohortDate } } pageInfo { hasNextPage endCursor } } }`;
const DAYS = 'count medianDays p90Days';
const FLOW = `query ($filter: CohortFilter) { flowReport(filter: $filter) { reportDate
  stages { stage pathways closedStays { ${DAYS} } openStays { ${DAYS} } }
  examToReferral { ${DAYS} dataQualityFlags } referralToSurgery { ${DAYS} dataQualityFlags } } }`;
const WAITING = `query ($filter: CohortFilter, $after: String) { waitingPathways(filter: $filter, thresholdDays: 60, first: 1, after: $after) {
  edges { node { pathwayId stage enteredStageOn daysInStage } } pageInfo { hasNextPage endCursor } } }`;
const DEVIATIONS = `query ($filter: CohortFilter) { deviationsReport(filter: $filter, first: 10) { total byReason { reason count } byMove { fromStage toStage count }
  deviations { edges { node { pathwayId patientId sequence fromStage toStage reason actor actingFor recordedAt movedOn } } } } }`;
const SUGGESTIONS = `query ($filter: CohortFilter) { suggestionsReport(filter: $filter, first: 10) {
  suggestions { code shown accepted overridden overrideReasons { reasonCode count } }
  overrideComments { edges { node { code reasonCode comment givenOn } } } } }`;

interface Indicator {
  code: string;
  numerator: number;
  denominator: number;
  percentage: number | null;
  unsuitableNonSurgicalCare: number | null;
  weakOpioids: number | null;
  notYetDue: number | null;
  scoreMissing: number | null;
  direction: string;
  citations: { id: string }[];
}
interface Days {
  count: number;
  medianDays: number | null;
  p90Days: number | null;
}
interface Flow {
  reportDate: string;
  stages: { stage: string; pathways: number; closedStays: Days | null; openStays: Days | null }[];
  examToReferral: Days & { dataQualityFlags: number };
  referralToSurgery: Days & { dataQualityFlags: number };
}
interface Deviation {
  pathwayId: string;
  patientId: string;
  sequence: number;
  fromStage: string | null;
  toStage: string;
  reason: string | null;
  actor: string;
  actingFor: string | null;
  recordedAt: string;
  movedOn: string;
}
interface SuggestionUsage {
  code: string;
  shown: number;
  accepted: number;
  overridden: number;
  overrideReasons: { reasonCode: string; count: number }[];
}
type Connection<Node> = { edges: { node: Node }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/** A CSV cell as the export writes a value: empty for none, decimal commas in NL. */
const cell = (value: string | number | null | undefined, locale: 'EN' | 'NL' = 'EN') =>
  value === null || value === undefined ? '' : locale === 'NL' && typeof value === 'number' ? String(value).replace('.', ',') : String(value);

/**
 * A cohort of five pathways at one site, built through the API on dates set by a fixed clock, so
 * that every figure of the reports is known by construction (see each pathway's comment), and one
 * pathway at another site that no figure of the cohort may include.
 */
describe('the cohort reports over HTTP', () => {
  const app = useTestApp({ overrides: [{ provide: Clock, useValue: clock }] });
  let a: PathwayDriver;
  let b: PathwayDriver;
  let c: PathwayDriver;
  let d: PathwayDriver;
  let e: PathwayDriver;

  const asAuditor = async <Data>(query: string, variables: Record<string, unknown> = {}) => {
    const response = await app.graphql<Data>(query, variables, await app.token('AUDITOR', AUDITOR));
    if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
    return response.data as Data;
  };
  const csv = async (path: string, role: Role = 'AUDITOR') =>
    fetch(`${app.baseUrl}/reports/${path}`, { headers: { authorization: `Bearer ${await app.token(role, AUDITOR)}` } });
  const csvRows = async (path: string, delimiter = ',') => {
    const response = await csv(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    return parse<Record<string, string>>(await response.text(), { columns: true, delimiter });
  };
  const open = (opening: Record<string, unknown> = { site: SITE }) => PathwayDriver.open(app, 'LEFT', {}, opening);
  const examine = async (hip: PathwayDriver, date: string, bmi: number) => {
    await hip.do('recordClinicalExam', { clinicalDate: date, ...TYPICAL_EXAM });
    await hip.do('recordRedFlagScreening', { clinicalDate: date, redFlags: [] });
    await hip.do('recordRiskFactors', { clinicalDate: date, bmi });
  };
  const startTreatments = async (hip: PathwayDriver, date: string, treatments: string[]) => {
    for (const treatment of treatments) await hip.do('startTreatment', { clinicalDate: date, treatment });
  };
  const expectShown = async (hip: PathwayDriver, codes: string[]) =>
    expect(codesOf((await hip.read()).nextSteps)).toEqual(expect.arrayContaining(codes));
  const override = (hip: PathwayDriver, code: string, reasonCode: string, comment: string) =>
    hip.do('giveSuggestionFeedback', { code, outcome: 'OVERRIDDEN', reasonCode, comment });

  beforeAll(async () => {
    // A meets every indicator: typical exam without imaging, core treatment for 13 weeks before referral, an NSAID with
    // gastroprotection, nothing to avoid, and a PROM gain of 10. Stays: exam 10 days, conservative 91, referral 30, prosthesis 187.
    on('2025-01-06');
    a = await open();
    await examine(a, '2025-01-06', 29.4);
    await a.do('recordPatientReportedOutcomes', { clinicalDate: '2025-01-06', painScore: 7, oxfordHipScore: 20 });
    on('2025-01-16');
    await a.do('changeStage', { to: 'CONSERVATIVE_TREATMENT' });
    await expectShown(a, ['START_EXERCISE_THERAPY', 'CONSIDER_WALKING_AID']);
    await a.do('giveSuggestionFeedback', { code: 'START_EXERCISE_THERAPY', outcome: 'ACCEPTED' });
    await startTreatments(a, '2025-01-16', ['EDUCATION', 'EXERCISE_THERAPY', 'WEIGHT_MANAGEMENT', 'ORAL_NSAID', 'GASTROPROTECTION']);
    on('2025-04-17');
    await a.do('recordSurgicalIndication', {
      clinicalDate: '2025-04-17',
      qualityOfLifeSubstantiallyAffected: true,
      nonSurgicalTreatmentUnsuitable: false,
    });
    await a.do('changeStage', { to: 'SURGICAL_REFERRAL' });
    on('2025-05-17');
    await a.do('changeStage', { to: 'TOTAL_HIP_PROSTHESIS' });
    on('2025-05-20');
    await a.do('recordSurgery', { clinicalDate: '2025-05-20' });
    on('2025-11-20');
    await a.do('recordPostoperativeOutcome', { clinicalDate: '2025-11-20', oxfordHipScore: 30 });
    await a.do('changeStage', { to: 'CLOSED', closeReason: 'COMPLETED' });

    // B misses: an X-ray before conservative treatment, no exercise, no weight management at BMI 31, an NSAID without
    // gastroprotection, a strong and a weak opioid; referred as unsuitable for non-surgical care. Stays: exam 7 days,
    // conservative 30, referral open since 11 February. Two overrides.
    on('2026-01-05');
    b = await open();
    await examine(b, '2026-01-05', 31);
    await b.do('recordXrayOrdered', { clinicalDate: '2026-01-05' });
    on('2026-01-12');
    await b.do('changeStage', { to: 'CONSERVATIVE_TREATMENT' });
    await expectShown(b, ['START_EXERCISE_THERAPY', 'CONSIDER_WALKING_AID']);
    on('2026-01-13');
    await expectShown(b, ['START_EXERCISE_THERAPY', 'CONSIDER_WALKING_AID']);
    await expectShown(b, ['START_EXERCISE_THERAPY', 'CONSIDER_WALKING_AID']);
    await override(b, 'START_EXERCISE_THERAPY', 'PATIENT_PREFERENCE', 'Prefers swimming on her own');
    await override(b, 'CONSIDER_WALKING_AID', 'PATIENT_PREFERENCE', 'Declines a walking stick');
    await startTreatments(b, '2026-01-12', ['EDUCATION', 'ORAL_NSAID', 'STRONG_OPIOID', 'WEAK_OPIOID']);
    on('2026-02-11');
    await b.do('recordSurgicalIndication', {
      clinicalDate: '2026-02-11',
      qualityOfLifeSubstantiallyAffected: true,
      nonSurgicalTreatmentUnsuitable: true,
    });
    await b.do('changeStage', { to: 'SURGICAL_REFERRAL' });

    // C: exercise, BMI 22, referred after 4 weeks of core treatment against the guideline. Stays: exam 2 days,
    // conservative 30, referral open since 3 April. One override.
    on('2026-03-02');
    c = await open();
    await examine(c, '2026-03-02', 22);
    on('2026-03-04');
    await c.do('changeStage', { to: 'CONSERVATIVE_TREATMENT' });
    await override(c, 'CONSIDER_WALKING_AID', 'CLINICAL_JUDGEMENT', 'Walks well without aid');
    await startTreatments(c, '2026-03-04', ['EDUCATION', 'EXERCISE_THERAPY']);
    on('2026-04-03');
    await c.do('recordSurgicalIndication', {
      clinicalDate: '2026-04-03',
      qualityOfLifeSubstantiallyAffected: true,
      nonSurgicalTreatmentUnsuitable: false,
    });
    await c.do('changeStage', { to: 'SURGICAL_REFERRAL', deviationReason: 'Patient insists on surgery' });

    // D, without an exam: two deviations, operated 26 days before the report date (not yet due). Stays: exam 0 days,
    // conservative 10, referral 9, prosthesis open since 20 May.
    on('2026-05-01');
    d = await open();
    await d.do('changeStage', { to: 'CONSERVATIVE_TREATMENT', deviationReason: 'Exam done by the referring GP' });
    on('2026-05-11');
    await d.do('changeStage', { to: 'SURGICAL_REFERRAL', deviationReason: 'Patient insists on surgery' });
    on('2026-05-20');
    await d.do('changeStage', { to: 'TOTAL_HIP_PROSTHESIS' });
    await d.do('recordSurgery', { clinicalDate: '2026-05-20' });

    // E, without an exam: two deviations, a surgery back-dated before its referral (a data-quality flag) and no
    // postoperative score (a score missing). Stays: exam 0 days, conservative 2, referral 2, prosthesis open since 8 May.
    on('2026-05-04');
    e = await open();
    await e.do('changeStage', { to: 'CONSERVATIVE_TREATMENT', deviationReason: 'Exam done by the referring GP' });
    on('2026-05-06');
    await e.do('changeStage', { to: 'SURGICAL_REFERRAL', deviationReason: 'Patient insists on surgery' });
    on('2026-05-08');
    await e.do('changeStage', { to: 'TOTAL_HIP_PROSTHESIS' });
    await e.do('recordSurgery', { clinicalDate: '2025-06-01' });

    // Another site's pathway, in CLINICAL_EXAM.
    on('2026-06-01');
    const elsewhere = await open({ site: 'CAMPUS-B' });
    await examine(elsewhere, '2026-06-01', 27);

    on(REPORT_DATE);
    await app.app.get(SuggestionImpressionsService).flush();
  });

  describe('quality indicators', () => {
    it('counts each indicator, its separate counts, citations and direction exactly', async () => {
      const { qualityIndicators } = await asAuditor<{ qualityIndicators: { reportDate: string; indicators: Indicator[] } }>(QUALITY_INDICATORS, {
        filter: COHORT,
      });
      expect(qualityIndicators.reportDate).toBe(REPORT_DATE);
      const none = { unsuitableNonSurgicalCare: null, weakOpioids: null, notYetDue: null, scoreMissing: null };
      const higher = 'HIGHER_IS_BETTER';
      expect(qualityIndicators.indicators).toEqual([
        // A and C of A, B, C (D and E have no exam); B had an X-ray ordered before conservative treatment
        {
          code: 'QI_CLINICAL_DIAGNOSIS',
          numerator: 2,
          denominator: 3,
          percentage: 66.7,
          ...none,
          direction: higher,
          citations: [{ id: 'NICE-QS87' }],
        },
        { code: 'QI_EXERCISE', numerator: 2, denominator: 5, percentage: 40, ...none, direction: higher, citations: [{ id: 'NICE-QS87' }] },
        // A and B have BMI >= 25
        { code: 'QI_WEIGHT', numerator: 1, denominator: 2, percentage: 50, ...none, direction: higher, citations: [{ id: 'NICE-QS87' }] },
        // B, unsuitable for non-surgical care, is counted apart
        {
          code: 'QI_CORE_BEFORE_REFERRAL',
          numerator: 1,
          denominator: 4,
          percentage: 25,
          ...none,
          unsuitableNonSurgicalCare: 1,
          direction: higher,
          citations: [{ id: 'NICE-QS87' }],
        },
        {
          code: 'QI_NSAID_GASTROPROTECTION',
          numerator: 1,
          denominator: 2,
          percentage: 50,
          ...none,
          direction: higher,
          citations: [{ id: 'NICE-NG226' }],
        },
        {
          code: 'QI_AVOIDED_TREATMENTS',
          numerator: 1,
          denominator: 5,
          percentage: 20,
          ...none,
          weakOpioids: 1,
          direction: 'LOWER_IS_BETTER',
          citations: [{ id: 'NICE-NG226' }, { id: 'AAOS-2023' }],
        },
        {
          code: 'QI_PROM_GAIN',
          numerator: 1,
          denominator: 1,
          percentage: 100,
          ...none,
          notYetDue: 1,
          scoreMissing: 1,
          direction: higher,
          citations: [{ id: 'NICE-NG157' }],
        },
      ]);
    });

    it('lists a pathway that missed an indicator in its complement, page by page, and records the read in the access log', async () => {
      const page = (after?: string) =>
        asAuditor<{
          qualityIndicatorPathways: Connection<{ pathwayId: string; patientId: string; site: string; stage: string; cohortDate: string }>;
        }>(INDICATOR_PATHWAYS, { code: 'QI_EXERCISE', group: 'COMPLEMENT', filter: COHORT, first: 2, after });
      const first = (await page()).qualityIndicatorPathways;
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = (await page(first.pageInfo.endCursor!)).qualityIndicatorPathways;
      expect(second.pageInfo.hasNextPage).toBe(false);
      const listed = [...first.edges, ...second.edges].map((edge) => edge.node);
      expect(listed.map((node) => node.pathwayId)).toEqual([b.id, d.id, e.id].sort());
      expect(listed.find((node) => node.pathwayId === b.id)).toEqual({
        pathwayId: b.id,
        patientId: b.patientId,
        side: 'LEFT',
        stage: 'SURGICAL_REFERRAL',
        site: SITE,
        cohortDate: '2026-01-05',
      });

      const numerator = await asAuditor<{ qualityIndicatorPathways: Connection<{ pathwayId: string }> }>(INDICATOR_PATHWAYS, {
        code: 'QI_EXERCISE',
        group: 'NUMERATOR',
        filter: COHORT,
      });
      expect(numerator.qualityIndicatorPathways.edges.map((edge) => edge.node.pathwayId)).toEqual([a.id, c.id].sort());

      await app.app.get(AccessLogService).flush();
      const logged = await app.prisma.accessLog.findMany({ where: { actor: AUDITOR, operation: 'qualityIndicatorPathways' } });
      expect(logged.map((row) => row.patientId).sort()).toEqual([a, b, c, d, e].map((hip) => hip.patientId).sort());
      expect(logged.every((row) => row.role === 'AUDITOR' && row.actingFor === null)).toBe(true);
    });

    it('refuses a cursor it did not make', async () => {
      const response = await app.graphql(
        INDICATOR_PATHWAYS,
        { code: 'QI_EXERCISE', group: 'COMPLEMENT', after: 'not-a-cursor' },
        await app.token('AUDITOR'),
      );
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR', field: 'after' });
    });
  });

  describe('flow', () => {
    it('counts pathways per stage and the days of closed and open stays, to the report date', async () => {
      const { flowReport } = await asAuditor<{ flowReport: Flow }>(FLOW, { filter: COHORT });
      const none = { count: 0, medianDays: null, p90Days: null };
      expect(flowReport).toEqual({
        reportDate: REPORT_DATE,
        stages: [
          // exam stays 0, 0, 2, 7, 10 days; nearest rank: the 3rd and the 5th
          { stage: 'CLINICAL_EXAM', pathways: 0, closedStays: { count: 5, medianDays: 2, p90Days: 10 }, openStays: none },
          { stage: 'IMAGING', pathways: 0, closedStays: none, openStays: none },
          // 2, 10, 30, 30, 91
          { stage: 'CONSERVATIVE_TREATMENT', pathways: 0, closedStays: { count: 5, medianDays: 30, p90Days: 91 }, openStays: none },
          // closed 2, 9, 30; open since 11 February (124 days) and 3 April (73 days)
          {
            stage: 'SURGICAL_REFERRAL',
            pathways: 2,
            closedStays: { count: 3, medianDays: 9, p90Days: 30 },
            openStays: { count: 2, medianDays: 73, p90Days: 124 },
          },
          // closed 187; open since 20 May (26 days) and 8 May (38 days)
          {
            stage: 'TOTAL_HIP_PROSTHESIS',
            pathways: 2,
            closedStays: { count: 1, medianDays: 187, p90Days: 187 },
            openStays: { count: 2, medianDays: 26, p90Days: 38 },
          },
          { stage: 'CLOSED', pathways: 1, closedStays: null, openStays: null },
        ],
        // 32, 37, 101 days (D and E have no exam)
        examToReferral: { count: 3, medianDays: 37, p90Days: 101, dataQualityFlags: 0 },
        // 9 and 33 days; E's surgery is dated before its referral
        referralToSurgery: { count: 2, medianDays: 9, p90Days: 33, dataQualityFlags: 1 },
      });
    });

    it('filters on the clinician of the first exam: a pathway without an exam matches none', async () => {
      const { flowReport } = await asAuditor<{ flowReport: Flow }>(FLOW, { filter: { ...COHORT, clinician: 'dr.peeters' } });
      expect(flowReport.stages.map((stage) => stage.pathways)).toEqual([0, 0, 0, 2, 0, 1]);
      const everywhere = await asAuditor<{ flowReport: Flow }>(FLOW, { filter: null });
      expect(everywhere.flowReport.stages.map((stage) => stage.pathways)).toEqual([1, 0, 0, 2, 2, 1]);
    });

    it('lists the pathways waiting longer than a threshold in their stage, longest first', async () => {
      const page = (after?: string) =>
        asAuditor<{ waitingPathways: Connection<{ pathwayId: string; stage: string; enteredStageOn: string; daysInStage: number }> }>(WAITING, {
          filter: COHORT,
          after,
        });
      const first = (await page()).waitingPathways;
      const second = (await page(first.pageInfo.endCursor!)).waitingPathways;
      expect([...first.edges, ...second.edges].map((edge) => edge.node)).toEqual([
        { pathwayId: b.id, stage: 'SURGICAL_REFERRAL', enteredStageOn: '2026-02-11', daysInStage: 124 },
        { pathwayId: c.id, stage: 'SURGICAL_REFERRAL', enteredStageOn: '2026-04-03', daysInStage: 73 },
      ]);
      expect(second.pageInfo.hasNextPage).toBe(false);
    });
  });

  describe('deviations and suggestions', () => {
    it('lists every deviation with its reason, by whom and when, and counts them per reason and per move', async () => {
      const { deviationsReport } = await asAuditor<{
        deviationsReport: {
          total: number;
          byReason: unknown[];
          byMove: unknown[];
          deviations: Connection<Deviation>;
        };
      }>(DEVIATIONS, { filter: COHORT });
      expect(deviationsReport.total).toBe(5);
      expect(deviationsReport.byReason).toEqual([
        { reason: 'Patient insists on surgery', count: 3 },
        { reason: 'Exam done by the referring GP', count: 2 },
      ]);
      expect(deviationsReport.byMove).toEqual([
        { fromStage: 'CONSERVATIVE_TREATMENT', toStage: 'SURGICAL_REFERRAL', count: 3 },
        { fromStage: 'CLINICAL_EXAM', toStage: 'CONSERVATIVE_TREATMENT', count: 2 },
      ]);
      const moves = deviationsReport.deviations.edges.map((edge) => edge.node);
      expect(moves.map(({ pathwayId, movedOn }) => [pathwayId, movedOn])).toEqual([
        [c.id, '2026-04-03'],
        [d.id, '2026-05-01'],
        [e.id, '2026-05-04'],
        [e.id, '2026-05-06'],
        [d.id, '2026-05-11'],
      ]);
      expect(moves[0]).toEqual({
        pathwayId: c.id,
        patientId: c.patientId,
        sequence: expect.any(Number),
        fromStage: 'CONSERVATIVE_TREATMENT',
        toStage: 'SURGICAL_REFERRAL',
        reason: 'Patient insists on surgery',
        actor: 'dr.peeters',
        actingFor: null,
        recordedAt: '2026-04-03T10:00:00.000Z',
        movedOn: '2026-04-03',
      });
    });

    it('counts per suggestion code how often it was shown, accepted and overridden, with the reasons and comments', async () => {
      const { suggestionsReport } = await asAuditor<{
        suggestionsReport: { suggestions: SuggestionUsage[]; overrideComments: Connection<Record<string, string>> };
      }>(SUGGESTIONS, { filter: COHORT });
      const usage = (code: string) => suggestionsReport.suggestions.find((row) => row.code === code);
      // shown to A on 16 January 2025, and to B on 12 and (twice) 13 January 2026
      expect(usage('START_EXERCISE_THERAPY')).toEqual({
        code: 'START_EXERCISE_THERAPY',
        shown: 3,
        accepted: 1,
        overridden: 1,
        overrideReasons: [{ reasonCode: 'PATIENT_PREFERENCE', count: 1 }],
      });
      expect(usage('CONSIDER_WALKING_AID')).toEqual({
        code: 'CONSIDER_WALKING_AID',
        shown: 3,
        accepted: 0,
        overridden: 2,
        overrideReasons: expect.arrayContaining([
          { reasonCode: 'PATIENT_PREFERENCE', count: 1 },
          { reasonCode: 'CLINICAL_JUDGEMENT', count: 1 },
        ]),
      });
      expect(suggestionsReport.suggestions.reduce((total, row) => total + row.accepted + row.overridden, 0)).toBe(4);
      expect(suggestionsReport.overrideComments.edges.map((edge) => edge.node)).toEqual([
        { code: 'CONSIDER_WALKING_AID', reasonCode: 'PATIENT_PREFERENCE', comment: 'Declines a walking stick', givenOn: '2026-01-13' },
        { code: 'CONSIDER_WALKING_AID', reasonCode: 'CLINICAL_JUDGEMENT', comment: 'Walks well without aid', givenOn: '2026-03-04' },
        { code: 'START_EXERCISE_THERAPY', reasonCode: 'PATIENT_PREFERENCE', comment: 'Prefers swimming on her own', givenOn: '2026-01-13' },
      ]);
    });
  });

  describe('as CSV', () => {
    const query = `site=${SITE}`;

    it.each([
      ['EN', ','],
      ['NL', ';'],
    ] as const)('writes quality-indicators.csv as the GraphQL answer, in %s format', async (locale, delimiter) => {
      const { qualityIndicators } = await asAuditor<{ qualityIndicators: { indicators: Indicator[] } }>(QUALITY_INDICATORS, { filter: COHORT });
      const response = await csv(`quality-indicators.csv?${query}&locale=${locale}`);
      const text = await response.text();
      expect(text.split('\n')[0]).toBe(
        ['code', 'numerator', 'denominator', 'percentage', 'unsuitableNonSurgicalCare', 'weakOpioids', 'notYetDue', 'scoreMissing'].join(delimiter),
      );
      const rows = parse<Record<string, string>>(text, { columns: true, delimiter });
      expect(rows).toEqual(
        qualityIndicators.indicators.map(
          ({ code, numerator, denominator, percentage, unsuitableNonSurgicalCare, weakOpioids, notYetDue, scoreMissing }) => ({
            code,
            numerator: cell(numerator),
            denominator: cell(denominator),
            percentage: cell(percentage, locale),
            unsuitableNonSurgicalCare: cell(unsuitableNonSurgicalCare),
            weakOpioids: cell(weakOpioids),
            notYetDue: cell(notYetDue),
            scoreMissing: cell(scoreMissing),
          }),
        ),
      );
      expect(rows[0].percentage).toBe(locale === 'NL' ? '66,7' : '66.7');
    });

    it('writes flow.csv, deviations.csv and suggestions.csv as the GraphQL answers', async () => {
      const { flowReport } = await asAuditor<{ flowReport: Flow }>(FLOW, { filter: COHORT });
      const flowRows = await csvRows(`flow.csv?${query}`);
      const days = (statistics: Days | null) => ({
        count: cell(statistics?.count),
        medianDays: cell(statistics?.medianDays),
        p90Days: cell(statistics?.p90Days),
      });
      expect(flowRows).toEqual([
        ...flowReport.stages.map(({ stage, pathways }) => ({
          measure: 'PATHWAYS',
          stage,
          count: cell(pathways),
          medianDays: '',
          p90Days: '',
          dataQualityFlags: '',
        })),
        ...flowReport.stages
          .filter((stage) => stage.closedStays)
          .map(({ stage, closedStays }) => ({ measure: 'CLOSED_STAYS', stage, ...days(closedStays), dataQualityFlags: '' })),
        ...flowReport.stages
          .filter((stage) => stage.openStays)
          .map(({ stage, openStays }) => ({ measure: 'OPEN_STAYS', stage, ...days(openStays), dataQualityFlags: '' })),
        { measure: 'EXAM_TO_REFERRAL', stage: '', ...days(flowReport.examToReferral), dataQualityFlags: '0' },
        { measure: 'REFERRAL_TO_SURGERY', stage: '', ...days(flowReport.referralToSurgery), dataQualityFlags: '1' },
      ]);

      const { deviationsReport } = await asAuditor<{ deviationsReport: { deviations: Connection<Deviation> } }>(DEVIATIONS, { filter: COHORT });
      expect(await csvRows(`deviations.csv?${query}`)).toEqual(
        deviationsReport.deviations.edges.map(({ node }) => Object.fromEntries(Object.entries(node).map(([key, value]) => [key, cell(value)]))),
      );

      const { suggestionsReport } = await asAuditor<{ suggestionsReport: { suggestions: SuggestionUsage[] } }>(SUGGESTIONS, { filter: COHORT });
      const suggestionRows = await csvRows(`suggestions.csv?${query}`);
      expect(suggestionRows.map(({ code, shown, accepted, overridden }) => ({ code, shown, accepted, overridden }))).toEqual(
        suggestionsReport.suggestions.map(({ code, shown, accepted, overridden }) => ({
          code,
          shown: cell(shown),
          accepted: cell(accepted),
          overridden: cell(overridden),
        })),
      );
      expect(suggestionRows.find((row) => row.code === 'CONSIDER_WALKING_AID')).toMatchObject({
        PATIENT_PREFERENCE: '1',
        CLINICAL_JUDGEMENT: '1',
        OTHER: '0',
      });
    });

    it('writes pathways.csv, one projection row per pathway of the cohort, and records the read', async () => {
      const rows = await csvRows(`pathways.csv?${query}`);
      expect(rows.map((row) => row.pathwayId)).toEqual([a, b, c, d, e].map((hip) => hip.id).sort());
      expect(rows.find((row) => row.pathwayId === a.id)).toMatchObject({
        patientId: a.patientId,
        side: 'LEFT',
        site: SITE,
        stage: 'CLOSED',
        openedOn: '2025-01-06',
        cohortDate: '2025-01-06',
        firstExamClinician: 'dr.peeters',
        enteredReferralOn: '2025-04-17',
        surgeryOn: '2025-05-20',
        qiExercise: 'true',
        qiAvoidedTreatments: 'false',
        preoperativeOxfordHipScore: '20',
        postoperativeOxfordHipScore: '30',
        qiPromGain: 'true',
      });
      expect(rows.find((row) => row.pathwayId === d.id)).toMatchObject({
        firstExamOn: '',
        firstExamClinician: '',
        qiClinicalDiagnosis: '',
        qiPromGain: '',
      });
      await app.app.get(AccessLogService).flush();
      const logged = await app.prisma.accessLog.findMany({ where: { operation: 'GET /reports/pathways.csv' } });
      expect(logged.map((row) => row.patientId).sort()).toEqual([a, b, c, d, e].map((hip) => hip.patientId).sort());
    });

    it('streams a cohort larger than a batch, each pathway once', async () => {
      const bulk = Array.from({ length: 2345 }, () => ({
        pathwayId: randomUUID(),
        patientId: randomUUID(),
        side: 'RIGHT',
        site: 'BULK',
        stage: 'IMAGING',
        openedOn: fromDateOnly('2026-02-01'),
        cohortDate: fromDateOnly('2026-02-01'),
        updatedAt: new Date(),
      }));
      await app.prisma.pathwayReport.createMany({ data: bulk });
      const rows = await csvRows('pathways.csv?site=BULK');
      expect(rows.map((row) => row.pathwayId)).toEqual(bulk.map((row) => row.pathwayId).sort());
    });

    it('writes access-log.csv: the reads of a period, as the access log holds them', async () => {
      await asAuditor(INDICATOR_PATHWAYS, { code: 'QI_WEIGHT', group: 'NUMERATOR', filter: COHORT });
      await app.app.get(AccessLogService).flush();
      const rows = await csvRows(`access-log.csv?from=${REPORT_DATE}&to=${REPORT_DATE}&actor=${AUDITOR}&locale=NL`, ';');
      const stored = await app.prisma.accessLog.findMany({ where: { actor: AUDITOR }, orderBy: [{ accessedAt: 'asc' }, { id: 'asc' }] });
      expect(stored.length).toBeGreaterThan(0);
      expect(rows).toEqual(
        stored.map(({ accessedAt, actor, actingFor, role, patientId, operation }) => ({
          accessedAt: accessedAt.toISOString(),
          actor,
          actingFor: cell(actingFor),
          role,
          patientId,
          operation,
        })),
      );
      expect(await csvRows(`access-log.csv?from=2026-06-16&to=2026-06-30&actor=${AUDITOR}`)).toEqual([]);
    });

    it('refuses an access-log period that ends before it starts', async () => {
      const response = await csv('access-log.csv?from=2026-06-16&to=2026-06-15');
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', field: 'to' });
    });

    it.each([
      ['an unknown side', 'side=UP', 'side'],
      ['a date that does not exist', 'from=2026-02-30', 'from'],
      ['a period that ends before it starts', 'from=2026-03-02&to=2026-03-01', 'to'],
      ['an unknown parameter, named by its parent only', 'patient=1', 'query'],
      ['an unknown locale', 'locale=FR', 'locale'],
    ])('refuses %s with 400 and a machine-readable body', async (_label, parameters, field) => {
      const response = await csv(`pathways.csv?${parameters}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', field });
    });
  });

  describe('roles', () => {
    it('lets no auditor write', async () => {
      const response = await a.write('recordClinicalExam', { clinicalDate: REPORT_DATE, limping: true }, await app.token('AUDITOR'));
      expect(response.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    });

    it.each(['CLINICIAN', 'INTEGRATION'] as const)('refuses the cohort reports and their CSV to the role %s', async (role) => {
      const token = await app.token(role);
      for (const [report, variables] of [
        [QUALITY_INDICATORS, {}],
        [INDICATOR_PATHWAYS, { code: 'QI_EXERCISE', group: 'COMPLEMENT' }],
        [FLOW, {}],
        [WAITING, {}],
        [DEVIATIONS, {}],
        [SUGGESTIONS, {}],
      ] as const) {
        const response = await app.graphql(report, variables, token);
        expect(response.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      }
      for (const name of ['quality-indicators', 'flow', 'deviations', 'suggestions', 'pathways']) {
        const response = await csv(`${name}.csv`, role);
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ code: 'FORBIDDEN' });
      }
      expect((await csv(`access-log.csv?from=${REPORT_DATE}&to=${REPORT_DATE}`, role)).status).toBe(403);
    });

    it('asks for a bearer token on the CSV exports', async () => {
      const response = await fetch(`${app.baseUrl}/reports/quality-indicators.csv`);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });
});
