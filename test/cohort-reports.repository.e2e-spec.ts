import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fromDateOnly } from '../src/common/dates.js';
import { openDatabase } from '../src/database/database-connection.js';
import { migrateDatabase } from '../src/database/migrations.js';
import { PrismaService } from '../src/database/prisma.service.js';
import type { Prisma } from '../src/generated/prisma/client.js';
import { CohortReportsRepository } from '../src/reports/cohort-reports.repository.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const REPORT_DATE = '2026-06-15';

type ReportFields = Omit<Prisma.PathwayReportCreateManyInput, 'pathwayId' | 'patientId' | 'updatedAt'>;

/**
 * The cohort reports' SQL straight on a fresh database, over projection rows inserted directly:
 * each scenario has its own site, so the site filter keeps them apart.
 */
describe('the cohort reports repository', () => {
  let database: TestDatabase;
  let prisma: PrismaService;
  let reports: CohortReportsRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    const connection = await openDatabase({ DATABASE_URL: database.url, PGLITE_DATA_DIR: database.pgliteDataDir });
    await migrateDatabase(connection);
    prisma = new PrismaService(connection);
    reports = new CohortReportsRepository(prisma);
  });
  afterAll(async () => {
    await prisma.onModuleDestroy();
    await database.drop();
  });

  /** Inserts projection rows (an opening on 2026-01-01 in CLINICAL_EXAM unless told otherwise); returns their pathway ids, in order. */
  async function insertPathways(site: string | null, rows: Partial<ReportFields>[]): Promise<string[]> {
    const data = rows.map((fields) => ({
      pathwayId: randomUUID(),
      patientId: randomUUID(),
      side: 'LEFT',
      site,
      stage: 'CLINICAL_EXAM',
      openedOn: fromDateOnly('2026-01-01'),
      cohortDate: fromDateOnly('2026-01-01'),
      updatedAt: new Date(),
      ...fields,
    }));
    await prisma.pathwayReport.createMany({ data });
    return data.map((row) => row.pathwayId);
  }

  /** Inserts a pathway's stage moves, the opening first, each on its date (recorded at noon UTC). */
  async function insertMoves(pathwayId: string, moves: { to: string; on: string; deviationReason?: string; actor?: string; actingFor?: string }[]) {
    await prisma.stageMove.createMany({
      data: moves.map((move, index) => ({
        pathwayId,
        sequence: index * 2 + 1,
        fromStage: index === 0 ? null : moves[index - 1].to,
        toStage: move.to,
        movedOn: fromDateOnly(move.on),
        recordedAt: new Date(`${move.on}T12:00:00Z`),
        actor: move.actor ?? 'dr.peeters',
        actingFor: move.actingFor ?? null,
        deviation: move.deviationReason !== undefined,
        deviationReason: move.deviationReason ?? null,
      })),
    });
  }

  const idsOf = (rows: { pathwayId: string }[]) => rows.map((row) => row.pathwayId);
  const sorted = (ids: string[]) => [...ids].sort();

  describe('quality indicators', () => {
    let ids: string[];

    beforeAll(async () => {
      ids = await insertPathways(
        'PCT',
        Array.from({ length: 16 }, (_, index) => ({
          // 1 of 16 (6.25 rounds half up to 6.3), 1 of 8 (12.5), 2 of 3 (66.7), no denominator (empty)
          qiClinicalDiagnosis: index === 0,
          qiWeight: index < 8 ? index === 0 : null,
          qiExercise: index < 3 ? index < 2 : null,
          qiNsaidGastroprotection: null,
          // 1 of 2, and 2 whose facts at referral had nonSurgicalTreatmentUnsuitable (never in the denominator)
          qiCoreBeforeReferral: index < 2 ? index === 0 : null,
          referralNonSurgicalUnsuitable: index === 4 || index === 5,
          // 1 of 5 (lower is better), 2 of the denominator with a weak opioid started
          qiAvoidedTreatments: index < 5 ? index === 0 : null,
          weakOpioidStarted: index < 5 ? index === 1 || index === 2 : null,
          ...[
            // a gain of exactly 8, and of 7
            { surgeryOn: fromDateOnly('2025-01-10'), preoperativeOxfordHipScore: 20, postoperativeOxfordHipScore: 28 },
            { surgeryOn: fromDateOnly('2025-01-10'), preoperativeOxfordHipScore: 20, postoperativeOxfordHipScore: 27 },
            // operated exactly 182 days before the report's date: due, its score missing
            { surgeryOn: fromDateOnly('2025-12-15'), preoperativeOxfordHipScore: 20 },
            // operated 181 days before: not yet due
            { surgeryOn: fromDateOnly('2025-12-16'), preoperativeOxfordHipScore: 20 },
            // a postoperative score but no preoperative one: a score missing
            { surgeryOn: fromDateOnly('2024-01-01'), postoperativeOxfordHipScore: 40 },
          ][index],
        })),
      );
    });

    it('counts numerators, denominators and separate counts, rounding percentages half up to one decimal', async () => {
      const figures = await reports.qualityIndicators({ site: 'PCT' }, REPORT_DATE);
      expect(figures.indicators).toEqual([
        { code: 'QI_CLINICAL_DIAGNOSIS', numerator: 1, denominator: 16, percentage: 6.3 },
        { code: 'QI_EXERCISE', numerator: 2, denominator: 3, percentage: 66.7 },
        { code: 'QI_WEIGHT', numerator: 1, denominator: 8, percentage: 12.5 },
        { code: 'QI_CORE_BEFORE_REFERRAL', numerator: 1, denominator: 2, percentage: 50 },
        { code: 'QI_NSAID_GASTROPROTECTION', numerator: 0, denominator: 0, percentage: null },
        { code: 'QI_AVOIDED_TREATMENTS', numerator: 1, denominator: 5, percentage: 20 },
        { code: 'QI_PROM_GAIN', numerator: 1, denominator: 2, percentage: 50 },
      ]);
      expect(figures.separateCounts).toEqual({ unsuitableNonSurgicalCare: 2, weakOpioids: 2, notYetDue: 1, scoreMissing: 2 });
    });

    it('counts a surgery as not yet due by the report date', async () => {
      const later = await reports.qualityIndicators({ site: 'PCT' }, '2026-06-16');
      expect(later.separateCounts).toMatchObject({ notYetDue: 0, scoreMissing: 3 });
    });

    it('answers zeros and empty percentages for an empty cohort', async () => {
      const figures = await reports.qualityIndicators({ site: 'NONE' }, REPORT_DATE);
      expect(figures.indicators.every(({ numerator, denominator, percentage }) => numerator === 0 && denominator === 0 && percentage === null)).toBe(
        true,
      );
      expect(figures.separateCounts).toEqual({ unsuitableNonSurgicalCare: 0, weakOpioids: 0, notYetDue: 0, scoreMissing: 0 });
    });

    it('lists the pathways behind a numerator and its complement, page by page', async () => {
      const numerator = await reports.indicatorPathways('QI_EXERCISE', 'NUMERATOR', { site: 'PCT' }, 10);
      expect(idsOf(numerator)).toEqual(sorted([ids[0], ids[1]]));
      const complement = await reports.indicatorPathways('QI_EXERCISE', 'COMPLEMENT', { site: 'PCT' }, 10);
      expect(complement).toEqual([
        { pathwayId: ids[2], patientId: expect.any(String), side: 'LEFT', stage: 'CLINICAL_EXAM', site: 'PCT', cohortDate: '2026-01-01' },
      ]);
      expect(idsOf(await reports.indicatorPathways('QI_PROM_GAIN', 'COMPLEMENT', { site: 'PCT' }, 10))).toEqual([ids[1]]);

      const complementOfWeight = sorted(ids.slice(1, 8));
      const firstPage = await reports.indicatorPathways('QI_WEIGHT', 'COMPLEMENT', { site: 'PCT' }, 4);
      const secondPage = await reports.indicatorPathways('QI_WEIGHT', 'COMPLEMENT', { site: 'PCT' }, 4, firstPage[3].pathwayId);
      expect([...idsOf(firstPage), ...idsOf(secondPage)]).toEqual(complementOfWeight);
    });

    it('lists the projection rows, with QI_PROM_GAIN per pathway', async () => {
      const rows = await reports.pathwayReports({ site: 'PCT' }, 100);
      expect(rows).toHaveLength(16);
      const byId = new Map(rows.map((row) => [row.pathwayId, row]));
      expect(byId.get(ids[0])).toMatchObject({
        qiPromGain: true,
        surgeryOn: '2025-01-10',
        cohortDate: '2026-01-01',
        qiExercise: true,
        referralNonSurgicalUnsuitable: false,
        preoperativeOxfordHipScore: 20,
      });
      expect([1, 2, 5].map((index) => byId.get(ids[index])?.qiPromGain)).toEqual([false, null, null]);
    });
  });

  describe('the cohort filter', () => {
    let rows: Record<'a' | 'b' | 'c' | 'd' | 'e', string>;

    beforeAll(async () => {
      const fields: Partial<ReportFields>[] = [
        { cohortDate: fromDateOnly('2026-01-01'), side: 'LEFT', stage: 'CLINICAL_EXAM', firstExamClinician: 'dr.filter', site: 'F1' },
        { cohortDate: fromDateOnly('2026-01-31'), side: 'RIGHT', stage: 'IMAGING', firstExamClinician: 'dr.other', site: 'F1' },
        { cohortDate: fromDateOnly('2026-02-01'), side: 'LEFT', stage: 'IMAGING', firstExamClinician: null, site: 'F1' },
        { cohortDate: fromDateOnly('2025-12-31'), side: 'LEFT', stage: 'IMAGING', firstExamClinician: 'dr.filter', site: 'F2' },
        { cohortDate: fromDateOnly('2026-01-15'), side: 'LEFT', stage: 'IMAGING', firstExamClinician: 'dr.filter', site: null },
      ];
      const ids = await Promise.all(fields.map(({ site, ...rest }) => insertPathways(site ?? null, [rest]).then(([id]) => id)));
      rows = { a: ids[0], b: ids[1], c: ids[2], d: ids[3], e: ids[4] };
    });

    const cohortOf = async (filter: Parameters<CohortReportsRepository['pathwayReports']>[0]) =>
      sorted(idsOf(await reports.pathwayReports(filter, 100)));

    it('keeps the period inclusive, the side, the current stage, the first exam clinician and the site', async () => {
      expect(await cohortOf({ from: '2026-01-01', to: '2026-01-31', site: 'F1' })).toEqual(sorted([rows.a, rows.b]));
      expect(await cohortOf({ side: 'LEFT', site: 'F1' })).toEqual(sorted([rows.a, rows.c]));
      expect(await cohortOf({ stage: 'IMAGING', site: 'F1' })).toEqual(sorted([rows.b, rows.c]));
      expect(await cohortOf({ clinician: 'dr.filter' })).toEqual(sorted([rows.a, rows.d, rows.e]));
      expect(await cohortOf({ site: 'F2' })).toEqual([rows.d]);
      expect(await cohortOf({ from: '2026-01-01', to: '2026-01-31', clinician: 'dr.filter' })).toEqual(sorted([rows.a, rows.e]));
    });
  });

  describe('flow', () => {
    let ids: string[];

    beforeAll(async () => {
      // Ten pathways leave CLINICAL_EXAM after 1 to 10 days; the first five close on 1 February, the others still wait in IMAGING.
      ids = await insertPathways(
        'FLOW',
        Array.from({ length: 10 }, (_, index) => ({ stage: index < 5 ? 'CLOSED' : 'IMAGING' })),
      );
      for (const [index, id] of ids.entries()) {
        const imagingOn = `2026-01-${String(2 + index).padStart(2, '0')}`;
        const moves = [
          { to: 'CLINICAL_EXAM', on: '2026-01-01' },
          { to: 'IMAGING', on: imagingOn },
        ];
        await insertMoves(id, index < 5 ? [...moves, { to: 'CLOSED', on: '2026-02-01' }] : moves);
      }
      await insertPathways('INTERVALS', [
        { firstExamOn: fromDateOnly('2026-01-01'), enteredReferralOn: fromDateOnly('2026-01-11'), surgeryOn: fromDateOnly('2026-02-10') },
        { firstExamOn: fromDateOnly('2026-01-01'), enteredReferralOn: fromDateOnly('2026-01-21') },
        // surgery dated 10 days before the referral move, and a referral move 5 days before the first exam's date: flagged
        { firstExamOn: fromDateOnly('2026-01-01'), enteredReferralOn: fromDateOnly('2026-01-31'), surgeryOn: fromDateOnly('2026-01-21') },
        { firstExamOn: fromDateOnly('2026-01-10'), enteredReferralOn: fromDateOnly('2026-01-05') },
        { firstExamOn: fromDateOnly('2026-01-10') },
      ]);
    });

    it('counts pathways per current stage', async () => {
      expect(await reports.stageCounts({ site: 'FLOW' })).toEqual(
        expect.arrayContaining([
          { stage: 'CLOSED', pathways: 5 },
          { stage: 'IMAGING', pathways: 5 },
        ]),
      );
    });

    it('gives nearest-rank median and 90th percentile days of closed and open stays, CLOSED left out', async () => {
      const stays = await reports.stays({ site: 'FLOW' }, REPORT_DATE);
      expect(stays.sort((a, b) => a.stage.localeCompare(b.stage))).toEqual([
        // 1..10 days: nearest rank 5 and 9 (not 5.5 and 9.1 interpolated)
        { stage: 'CLINICAL_EXAM', closed: { count: 10, medianDays: 5, p90Days: 9 }, open: { count: 0, medianDays: null, p90Days: null } },
        // closed 26..30 days; open since 7..11 January: 155..159 days by 15 June
        { stage: 'IMAGING', closed: { count: 5, medianDays: 28, p90Days: 30 }, open: { count: 5, medianDays: 157, p90Days: 159 } },
      ]);
    });

    it('gives the days from first exam to referral and from referral to surgery, flagging intervals below 0', async () => {
      const intervals = await reports.intervals({ site: 'INTERVALS' });
      expect(intervals.sort((a, b) => a.interval.localeCompare(b.interval))).toEqual([
        { interval: 'EXAM_TO_REFERRAL', count: 3, medianDays: 20, p90Days: 30, dataQualityFlags: 1 },
        { interval: 'REFERRAL_TO_SURGERY', count: 1, medianDays: 30, p90Days: 30, dataQualityFlags: 1 },
      ]);
    });

    it('lists open pathways waiting longer than a threshold in their current stage, longest first, page by page', async () => {
      const firstPage = await reports.waitingPathways({ site: 'FLOW' }, REPORT_DATE, 156, 2);
      expect(firstPage.map(({ pathwayId, enteredStageOn, daysInStage }) => ({ pathwayId, enteredStageOn, daysInStage }))).toEqual([
        { pathwayId: ids[5], enteredStageOn: '2026-01-07', daysInStage: 159 },
        { pathwayId: ids[6], enteredStageOn: '2026-01-08', daysInStage: 158 },
      ]);
      const last = firstPage[1];
      const secondPage = await reports.waitingPathways({ site: 'FLOW' }, REPORT_DATE, 156, 2, last);
      expect(secondPage.map(({ pathwayId, daysInStage }) => ({ pathwayId, daysInStage }))).toEqual([{ pathwayId: ids[7], daysInStage: 157 }]);
    });
  });

  describe('deviations', () => {
    let ids: string[];

    beforeAll(async () => {
      ids = await insertPathways('DEV', [{}, {}, {}]);
      await insertMoves(ids[0], [
        { to: 'CLINICAL_EXAM', on: '2026-01-01' },
        { to: 'SURGICAL_REFERRAL', on: '2026-03-01', deviationReason: 'Patient insists on surgery' },
      ]);
      await insertMoves(ids[1], [
        { to: 'CLINICAL_EXAM', on: '2026-01-01' },
        { to: 'SURGICAL_REFERRAL', on: '2026-03-02', deviationReason: 'Patient insists on surgery', actor: 'ehr-bridge', actingFor: 'dr.janssens' },
        { to: 'TOTAL_HIP_PROSTHESIS', on: '2026-03-03', deviationReason: 'Surgeon decision' },
      ]);
      await insertMoves(ids[2], [
        { to: 'CLINICAL_EXAM', on: '2026-01-01' },
        { to: 'IMAGING', on: '2026-01-05' },
      ]);
    });

    it('counts deviations per reason and per move', async () => {
      expect(await reports.deviationCounts({ site: 'DEV' })).toEqual({
        total: 3,
        byReason: [
          { reason: 'Patient insists on surgery', count: 2 },
          { reason: 'Surgeon decision', count: 1 },
        ],
        byMove: [
          { fromStage: 'CLINICAL_EXAM', toStage: 'SURGICAL_REFERRAL', count: 2 },
          { fromStage: 'SURGICAL_REFERRAL', toStage: 'TOTAL_HIP_PROSTHESIS', count: 1 },
        ],
      });
    });

    it('lists every deviation with its reason, who and when, in recording order, page by page', async () => {
      const firstPage = await reports.deviations({ site: 'DEV' }, 2);
      expect(firstPage[1]).toEqual({
        pathwayId: ids[1],
        patientId: expect.any(String),
        sequence: 3,
        fromStage: 'CLINICAL_EXAM',
        toStage: 'SURGICAL_REFERRAL',
        reason: 'Patient insists on surgery',
        actor: 'ehr-bridge',
        actingFor: 'dr.janssens',
        recordedAt: new Date('2026-03-02T12:00:00Z'),
        movedOn: '2026-03-02',
      });
      const secondPage = await reports.deviations({ site: 'DEV' }, 2, firstPage[1]);
      expect([...firstPage, ...secondPage].map(({ pathwayId, toStage }) => [pathwayId, toStage])).toEqual([
        [ids[0], 'SURGICAL_REFERRAL'],
        [ids[1], 'SURGICAL_REFERRAL'],
        [ids[1], 'TOTAL_HIP_PROSTHESIS'],
      ]);
    });
  });

  describe('suggestions', () => {
    beforeAll(async () => {
      const [first, second] = await insertPathways('SUG', [{}, {}]);
      const [outside] = await insertPathways('ELSEWHERE', [{}]);
      await prisma.suggestionImpression.createMany({
        data: [
          [first, 'START_EXERCISE_THERAPY', '2026-06-01'],
          [first, 'START_EXERCISE_THERAPY', '2026-06-02'],
          [second, 'START_EXERCISE_THERAPY', '2026-06-01'],
          [first, 'SUPPORT_WEIGHT_LOSS', '2026-06-01'],
          [outside, 'START_EXERCISE_THERAPY', '2026-06-01'],
        ].map(([pathwayId, code, shownOn]) => ({ pathwayId, code, shownOn: fromDateOnly(shownOn) })),
      });
      let sequence = 10;
      const feedback = (pathwayId: string, code: string, outcome: string, reasonCode?: string, comment?: string) => {
        sequence += 1;
        return {
          pathwayId,
          sequence,
          code,
          outcome,
          reasonCode: reasonCode ?? null,
          comment: comment ?? null,
          givenOn: fromDateOnly('2026-06-02'),
          recordedAt: new Date(Date.UTC(2026, 5, 2, 8, sequence)),
          actor: 'dr.peeters',
          ruleSetVersion: 'hip-oa-2026.12',
        };
      };
      await prisma.suggestionFeedback.createMany({
        data: [
          feedback(first, 'START_EXERCISE_THERAPY', 'ACCEPTED'),
          feedback(second, 'START_EXERCISE_THERAPY', 'OVERRIDDEN', 'PATIENT_PREFERENCE', 'Prefers swimming'),
          feedback(first, 'SUPPORT_WEIGHT_LOSS', 'OVERRIDDEN', 'CLINICAL_JUDGEMENT', 'Weight is stable'),
          feedback(second, 'SUPPORT_WEIGHT_LOSS', 'OVERRIDDEN', 'CLINICAL_JUDGEMENT', 'Already followed by a dietitian'),
          feedback(outside, 'START_EXERCISE_THERAPY', 'OVERRIDDEN', 'OTHER', 'Not in the cohort'),
          feedback(first, 'PROVIDE_OA_INFORMATION', 'ACCEPTED'),
        ],
      });
    });

    it('counts per code how often it was shown, accepted and overridden, and the override reasons', async () => {
      expect(await reports.suggestionUsage({ site: 'SUG' })).toEqual([
        { code: 'PROVIDE_OA_INFORMATION', shown: 0, accepted: 1, overridden: 0 },
        { code: 'START_EXERCISE_THERAPY', shown: 3, accepted: 1, overridden: 1 },
        { code: 'SUPPORT_WEIGHT_LOSS', shown: 1, accepted: 0, overridden: 2 },
      ]);
      expect(await reports.overrideReasons({ site: 'SUG' })).toEqual([
        { code: 'START_EXERCISE_THERAPY', reasonCode: 'PATIENT_PREFERENCE', count: 1 },
        { code: 'SUPPORT_WEIGHT_LOSS', reasonCode: 'CLINICAL_JUDGEMENT', count: 2 },
      ]);
    });

    it('lists the override comments by code, then in recording order, page by page', async () => {
      const firstPage = await reports.overrideComments({ site: 'SUG' }, 2);
      const secondPage = await reports.overrideComments({ site: 'SUG' }, 2, firstPage[1]);
      expect([...firstPage, ...secondPage].map(({ code, reasonCode, comment, givenOn }) => ({ code, reasonCode, comment, givenOn }))).toEqual([
        { code: 'START_EXERCISE_THERAPY', reasonCode: 'PATIENT_PREFERENCE', comment: 'Prefers swimming', givenOn: '2026-06-02' },
        { code: 'SUPPORT_WEIGHT_LOSS', reasonCode: 'CLINICAL_JUDGEMENT', comment: 'Weight is stable', givenOn: '2026-06-02' },
        { code: 'SUPPORT_WEIGHT_LOSS', reasonCode: 'CLINICAL_JUDGEMENT', comment: 'Already followed by a dietitian', givenOn: '2026-06-02' },
      ]);
    });
  });
});
