import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verifyAuditLog } from '../src/audit/audit-verifier.js';
import { canonicalJson } from '../src/audit/domain/hash-chain.js';
import { replayStoredEvents } from '../src/pathways/domain/pathway-replay.js';
import { readStreamEvents } from '../src/audit/stream-events.js';
import { verifyPathwayStates } from '../src/pathways/pathway-state-verifier.js';
import { daysAgo, PathwayDriver, type PathwayView } from './support/pathway-steps.js';
import { TestApp } from './support/test-app.js';
import { onPostgres } from './support/test-database.js';

const PATIENT_PATHWAYS = `query ($id: ID!) { patient(id: $id) { pathways { id stage version facts { bmi redFlagsScreened treatments } } } }`;
type PatientPathways = { patient: { pathways: { id: string; stage: string; version: number; facts: Record<string, unknown> }[] } };

/** What a read shows of a pathway, without the instant it was evaluated at. */
const shown = ({ id, stage, version, deviationCount, closeReason, facts, nextSteps, checklist }: PathwayView) => ({
  id,
  stage,
  version,
  deviationCount,
  closeReason,
  facts,
  nextSteps,
  checklist,
});

describe('pathway states checked against their events', () => {
  /** On PGlite the app uses a folder, so that the CLI can open the same database while the app is stopped. */
  let pgliteFolder: string;
  let app: TestApp;
  let examined: PathwayDriver;
  let treated: PathwayDriver;

  const start = () => TestApp.start(onPostgres() ? {} : { env: { PGLITE_DATA_DIR: pgliteFolder } });

  beforeAll(async () => {
    pgliteFolder = await mkdtemp(path.join(tmpdir(), 'heupartrose-state-replay-'));
    app = await start();
  });
  afterAll(async () => {
    await app.close();
    await rm(pgliteFolder, { recursive: true, force: true });
  });

  async function storedRow(id: string) {
    const [row] = await app.prisma.$queryRaw<{ state: unknown; stage: string; version: number; state_schema_version: number }[]>`
      SELECT state, stage, version, state_schema_version FROM pathway WHERE id = ${id}::uuid`;
    return row;
  }

  /** Runs `npm run audit:verify` against the test database; PGlite admits one process, so the app stops meanwhile. */
  async function runVerifyCli() {
    const database = onPostgres() ? { DATABASE_URL: app.environment.DATABASE_URL! } : { DATABASE_URL: '', PGLITE_DATA_DIR: pgliteFolder };
    if (!onPostgres()) await app.close();
    const result = spawnSync(process.execPath, ['dist/audit/cli/verify-audit.js'], {
      env: { ...process.env, NODE_ENV: 'test', ...database },
      encoding: 'utf8',
    });
    if (!onPostgres()) app = await start();
    return result;
  }

  it('finds every stored state equal to the replay of its events, notes and corrections included', async () => {
    examined = await PathwayDriver.open(app, 'LEFT');
    await examined.do('recordClinicalExam', { clinicalDate: daysAgo(30), limping: true, painLocations: ['GROIN'] });
    const [wrongBmi] = await examined.do('recordRiskFactors', { clinicalDate: daysAgo(30), bmi: 41, note: 'From the GP letter' });
    await examined.do('markEnteredInError', { targetSequence: wrongBmi, reason: 'BMI of another patient' });
    await examined.do('changeStage', { to: 'CONSERVATIVE_TREATMENT', note: 'Discussed with the patient' });

    treated = await PathwayDriver.open(app, 'RIGHT');
    await treated.do('recordRedFlagScreening', { clinicalDate: daysAgo(20), redFlags: [] });
    await treated.do('recordClinicalExam', { clinicalDate: daysAgo(20), activityRelatedPain: true });
    await treated.do('changeStage', { to: 'CONSERVATIVE_TREATMENT' });
    await treated.do('startTreatment', { clinicalDate: daysAgo(15), treatment: 'EXERCISE_THERAPY' });

    expect(await verifyPathwayStates(app.prisma)).toEqual({ pathways: 2, inOtherSchemaVersion: 0 });
    expect((await verifyAuditLog(app.prisma)).firstBrokenLink).toBeUndefined();
    const events = (await readStreamEvents(app.prisma, [examined.id])).get(examined.id)!;
    expect(events.some((event) => (event.payload as { note?: string }).note === 'From the GP letter')).toBe(true);
    expect(canonicalJson(replayStoredEvents(events))).toBe(canonicalJson((await storedRow(examined.id)).state));
  });

  it('answers from the events for a row of an older state schema, and rebuilds the row on its next write', async () => {
    const before = shown(await treated.read());
    const [beforeInList] = (await app.graphqlOk<PatientPathways>(PATIENT_PATHWAYS, { id: treated.patientId })).patient.pathways;
    const oldShape = JSON.stringify({ stage: 'CLOSED', findings: { limping: false }, recordings: [] });
    await app.prisma.$executeRaw`UPDATE pathway SET state_schema_version = 0, state = ${oldShape}::jsonb WHERE id = ${treated.id}::uuid`;

    expect(shown(await treated.read())).toEqual(before);
    expect((await app.graphqlOk<PatientPathways>(PATIENT_PATHWAYS, { id: treated.patientId })).patient.pathways).toEqual([beforeInList]);
    expect(await storedRow(treated.id)).toMatchObject({ state_schema_version: 0, state: JSON.parse(oldShape) });
    expect(await verifyPathwayStates(app.prisma)).toEqual({ pathways: 2, inOtherSchemaVersion: 1 });

    await treated.do('recordPatientReportedOutcomes', { clinicalDate: daysAgo(1), painScore: 4 });
    const rebuilt = await storedRow(treated.id);
    expect(rebuilt).toMatchObject({ state_schema_version: 1, stage: 'CONSERVATIVE_TREATMENT', version: 6 });
    expect((rebuilt.state as { recordings: { type: string }[] }).recordings.map((recording) => recording.type)).toEqual([
      'RED_FLAGS_SCREENED',
      'CLINICAL_EXAM_RECORDED',
      'TREATMENT_STARTED',
      'PATIENT_REPORTED_OUTCOMES_RECORDED',
    ]);
    const after = await treated.read();
    expect(after).toMatchObject({ stage: before.stage, version: 6 });
    expect(after.facts).toEqual({ ...before.facts, painScore: 4 });
    expect(await verifyPathwayStates(app.prisma)).toEqual({ pathways: 2, inOtherSchemaVersion: 0 });
  });

  it.each([
    ['the stage inside the state', `state = jsonb_set(state, '{stage}', '"IMAGING"')`, 'STATE_MISMATCH'],
    ['a recording dropped from the state', `state = jsonb_set(state, '{recordings}', (state->'recordings') - 0)`, 'STATE_MISMATCH'],
    ['the stage column', `stage = 'CLOSED'`, 'STAGE_MISMATCH'],
    ['the version column', `version = version - 1`, 'VERSION_MISMATCH'],
  ])('names the pathway whose row differs from its events (%s), leaving the chain intact', async (_changed, assignment, problem) => {
    const original = await app.prisma.$queryRaw<{ state: string; stage: string; version: number }[]>`
      SELECT state::text AS state, stage, version FROM pathway WHERE id = ${examined.id}::uuid`;
    await app.prisma.$executeRawUnsafe(`UPDATE pathway SET ${assignment} WHERE id = $1::uuid`, examined.id);
    expect((await verifyPathwayStates(app.prisma)).firstMismatch).toEqual({ pathwayId: examined.id, problem });
    expect((await verifyAuditLog(app.prisma)).firstBrokenLink).toBeUndefined();
    const { state, stage, version } = original[0];
    await app.prisma.$executeRaw`UPDATE pathway SET state = ${state}::jsonb, stage = ${stage}, version = ${version} WHERE id = ${examined.id}::uuid`;
    expect((await verifyPathwayStates(app.prisma)).firstMismatch).toBeUndefined();
  });

  it('makes `npm run audit:verify` exit non-zero naming the pathway whose state differs', async () => {
    const intact = await runVerifyCli();
    expect(intact.stderr).toBe('');
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(/Audit log intact: \d+ events in 4 streams verified/);
    expect(intact.stdout).toContain('Pathway states match their events: 2 pathways replayed.');

    await app.prisma
      .$executeRaw`UPDATE pathway SET state = jsonb_set(state, '{recordings}', (state->'recordings') - 0) WHERE id = ${examined.id}::uuid`;
    const tampered = await runVerifyCli();
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toMatch(/Audit log intact/);
    expect(tampered.stderr).toContain(`Pathway state DIFFERS from its events: pathway ${examined.id}: STATE_MISMATCH`);
    expect(tampered.stderr + tampered.stdout).not.toContain(examined.patientId);
  });
});
