import { beforeAll, describe, expect, it } from '@jest/globals';
import { verifyAuditLog } from '../src/audit/audit-verifier.js';
import { Clock } from '../src/common/clock.js';
import { toDateOnly } from '../src/common/dates.js';
import { verifyPathwayStates } from '../src/pathways/pathway-state-verifier.js';
import { generateCohort, type CohortProgress } from '../src/reports/generator/generate-cohort.js';
import { SITES } from '../src/reports/generator/patient-history.js';
import { FixedClock } from './support/fixed-clock.js';
import {
  qualityIndicators,
  readPathway,
  type OracleEvent,
  type OracleFigures,
  type OracleFilter,
  type OraclePathway,
} from './support/quality-indicator-oracle.js';
import { useTestApp } from './support/use-test-app.js';

const QUALITY_INDICATORS = `query ($filter: CohortFilter) {
  qualityIndicators(filter: $filter) {
    reportDate
    indicators { code numerator denominator percentage unsuitableNonSurgicalCare weakOpioids notYetDue scoreMissing }
  }
}`;

const clock = new FixedClock('2026-06-15T10:00:00Z');
const REPORT_DATE = '2026-06-15';

/**
 * The correctness oracle of the audit reports: a cohort written by the data generator, the quality
 * indicators from SQL (GraphQL over HTTP, as an auditor) against a plain in-memory reading of the
 * same pathways' events through the pure core (test/support/quality-indicator-oracle.ts).
 */
describe('quality indicators on a generated cohort, against an in-memory reading of the events', () => {
  const app = useTestApp({ overrides: [{ provide: Clock, useValue: clock }] });
  let written: CohortProgress;
  let pathways: OraclePathway[];

  beforeAll(async () => {
    written = await generateCohort(app.prisma, { patients: 520, seed: 2026, lastDay: clock.daysAgo(1) });
    const rows = await app.prisma.pathway.findMany({ select: { id: true, patient: { select: { birthDate: true } } } });
    const events = await app.prisma.auditEvent.findMany({
      where: { streamId: { in: rows.map((row) => row.id) } },
      orderBy: [{ streamId: 'asc' }, { sequence: 'asc' }],
      select: { streamId: true, sequence: true, type: true, payload: true, clinicalDate: true, recordedAt: true, actor: true, actingFor: true },
    });
    const byPathway = new Map<string, OracleEvent[]>(rows.map((row) => [row.id, []]));
    for (const { streamId, clinicalDate, ...event } of events)
      byPathway.get(streamId)!.push({ ...event, clinicalDate: clinicalDate && toDateOnly(clinicalDate) });
    pathways = rows.map((row) => readPathway(byPathway.get(row.id)!, toDateOnly(row.patient.birthDate), REPORT_DATE));
  }, 300_000);

  async function sqlFigures(filter: OracleFilter): Promise<OracleFigures[]> {
    const response = await app.graphql<{ qualityIndicators: { reportDate: string; indicators: OracleFigures[] } }>(
      QUALITY_INDICATORS,
      { filter },
      await app.token('AUDITOR', 'auditor.oracle'),
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.qualityIndicators.reportDate).toBe(REPORT_DATE);
    return response.data!.qualityIndicators.indicators;
  }

  it('writes at least 500 pathways whose hash chains and states verify, as npm run audit:verify checks them', async () => {
    expect(written.pathways).toBeGreaterThanOrEqual(500);
    expect(pathways).toHaveLength(written.pathways);
    const chains = await verifyAuditLog(app.prisma);
    expect(chains).toEqual({ streams: written.patients + written.pathways, events: written.events });
    const states = await verifyPathwayStates(app.prisma);
    expect(states).toEqual({ pathways: written.pathways, inOtherSchemaVersion: 0 });
  });

  it('gives a cohort in which every indicator has pathways in its numerator and its complement, and every separate count some', () => {
    const all = qualityIndicators(pathways, {});
    for (const { numerator, denominator } of all) {
      expect(numerator).toBeGreaterThan(0);
      expect(denominator).toBeGreaterThan(numerator);
    }
    const [, , , coreBeforeReferral, , avoidedTreatments, promGain] = all;
    expect(coreBeforeReferral.unsuitableNonSurgicalCare).toBeGreaterThan(0);
    expect(avoidedTreatments.weakOpioids).toBeGreaterThan(0);
    expect(promGain.notYetDue).toBeGreaterThan(0);
    expect(promGain.scoreMissing).toBeGreaterThan(0);
  });

  it.each<[string, () => OracleFilter]>([
    ['the whole cohort', () => ({})],
    ['the left hips', () => ({ side: 'LEFT' })],
    ['a period of six months', () => ({ from: '2025-07-01', to: '2025-12-31' })],
    ['a site', () => ({ site: SITES[1] })],
    ['a site and a side in a year', () => ({ site: SITES[2], side: 'RIGHT', from: '2025-06-15', to: '2026-06-14' })],
    ['the pathways now in TOTAL_HIP_PROSTHESIS', () => ({ stage: 'TOTAL_HIP_PROSTHESIS' })],
    ['the first exams of one clinician', () => ({ clinician: pathways.find((pathway) => pathway.firstExamClinician !== null)!.firstExamClinician! })],
  ])('gives SQL figures equal to the in-memory reading for %s', async (_label, filterOf) => {
    const filter = filterOf();
    const expected = qualityIndicators(pathways, filter);
    expect(expected[1].denominator).toBeGreaterThan(0);
    expect(await sqlFigures(filter)).toEqual(expected);
  });
});
