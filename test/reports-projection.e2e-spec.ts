import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock } from '../src/common/clock.js';
import { rebuildPathwayReports } from '../src/reports/rebuild-pathway-reports.js';
import { FixedClock } from './support/fixed-clock.js';
import { PathwayDriver } from './support/pathway-steps.js';
import { newKey, TestApp } from './support/test-app.js';
import { onPostgres } from './support/test-database.js';

const clock = new FixedClock('2026-01-05T10:00:00Z');

const TYPICAL_EXAM = {
  painLocations: ['GROIN'],
  activityRelatedPain: true,
  morningStiffnessMinutes: 15,
  internalRotationDegrees: 10,
  painOnInternalRotation: true,
  limping: true,
};

/** Rows as JSON with their columns' names; dates as 'YYYY-MM-DD' and instants in UTC ISO form, whatever the session's time zone. */
type Row = Record<string, unknown>;
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

describe('the reporting projection, written with each pathway write and rebuilt from the events', () => {
  /** On PGlite the app uses a folder, so that the rebuild CLI can open the same database while the app is stopped. */
  let pgliteFolder: string;
  let app: TestApp;
  let treated: PathwayDriver;
  let deviated: PathwayDriver;

  const start = () =>
    TestApp.start({ overrides: [{ provide: Clock, useValue: clock }], ...(onPostgres() ? {} : { env: { PGLITE_DATA_DIR: pgliteFolder } }) });

  beforeAll(async () => {
    pgliteFolder = await mkdtemp(path.join(tmpdir(), 'heupartrose-reports-projection-'));
    app = await start();
  });
  afterAll(async () => {
    await app.close();
    await rm(pgliteFolder, { recursive: true, force: true });
  });

  async function reportRow(pathwayId: string): Promise<Row | undefined> {
    const rows = await app.prisma.$queryRawUnsafe<{ row: Row }[]>(
      `SELECT to_jsonb(r) || jsonb_build_object('updated_at', ${iso('r.updated_at')}) AS row FROM pathway_report r WHERE pathway_id = $1::uuid`,
      pathwayId,
    );
    return rows[0]?.row;
  }

  async function stageMoves(pathwayId: string): Promise<Row[]> {
    const rows = await app.prisma.$queryRawUnsafe<{ row: Row }[]>(
      `SELECT to_jsonb(m) - 'pathway_id' || jsonb_build_object('recorded_at', ${iso('m.recorded_at')}) AS row
       FROM stage_move m WHERE pathway_id = $1::uuid ORDER BY sequence`,
      pathwayId,
    );
    return rows.map(({ row }) => row);
  }

  async function suggestionFeedback(pathwayId: string): Promise<Row[]> {
    const rows = await app.prisma.$queryRawUnsafe<{ row: Row }[]>(
      `SELECT to_jsonb(f) - 'pathway_id' || jsonb_build_object('recorded_at', ${iso('f.recorded_at')}) AS row
       FROM suggestion_feedback f WHERE pathway_id = $1::uuid ORDER BY sequence`,
      pathwayId,
    );
    return rows.map(({ row }) => row);
  }

  /** Every row of the three projection tables, in a stable order. */
  async function wholeProjection() {
    const all = async (table: string, order: string) =>
      (await app.prisma.$queryRawUnsafe<{ row: Row }[]>(`SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY ${order}`)).map(({ row }) => row);
    return {
      reports: await all('pathway_report', 'pathway_id'),
      stageMoves: await all('stage_move', 'pathway_id, sequence'),
      suggestionFeedback: await all('suggestion_feedback', 'pathway_id, sequence'),
    };
  }

  /** Runs `npm run reports:rebuild` against the test database; PGlite admits one process, so the app stops meanwhile. */
  async function runRebuildCli() {
    const database = onPostgres() ? { DATABASE_URL: app.environment.DATABASE_URL! } : { DATABASE_URL: '', PGLITE_DATA_DIR: pgliteFolder };
    if (!onPostgres()) await app.close();
    const result = spawnSync(process.execPath, ['dist/reports/cli/rebuild-reports.js'], {
      env: { ...process.env, NODE_ENV: 'test', ...database },
      encoding: 'utf8',
    });
    if (!onPostgres()) app = await start();
    return result;
  }

  const moveRow = { actor: 'dr.peeters', acting_for: null, deviation: false, deviation_reason: null, close_reason: null };
  const opening = (recordedAt: string) => ({
    ...moveRow,
    sequence: 1,
    from_stage: null,
    to_stage: 'CLINICAL_EXAM',
    moved_on: recordedAt.slice(0, 10),
    recorded_at: recordedAt,
  });
  const emptyReport = {
    first_exam_on: null,
    first_exam_clinician: null,
    entered_conservative_on: null,
    entered_referral_on: null,
    surgery_on: null,
    qi_clinical_diagnosis: null,
    qi_exercise: null,
    qi_weight: null,
    qi_core_before_referral: null,
    referral_non_surgical_unsuitable: false,
    qi_nsaid_gastroprotection: null,
    qi_avoided_treatments: null,
    weak_opioid_started: null,
    preoperative_oxford_hip_score: null,
    postoperative_oxford_hip_score: null,
  };

  it('writes the report row and the opening move in the transaction that opens a pathway, with its site', async () => {
    clock.set('2026-01-05T10:00:00Z');
    treated = await PathwayDriver.open(app, 'LEFT', { birthDate: '1956-04-12' }, { site: 'CAMPUS-NOORD' });
    expect(await reportRow(treated.id)).toEqual({
      ...emptyReport,
      pathway_id: treated.id,
      patient_id: treated.patientId,
      side: 'LEFT',
      site: 'CAMPUS-NOORD',
      stage: 'CLINICAL_EXAM',
      opened_on: '2026-01-05',
      cohort_date: '2026-01-05',
      updated_at: '2026-01-05T10:00:00.000Z',
    });
    expect(await stageMoves(treated.id)).toEqual([opening('2026-01-05T10:00:00.000Z')]);
    const stored = await app.prisma.pathway.findUniqueOrThrow({ where: { id: treated.id }, select: { site: true } });
    expect(stored.site).toBe('CAMPUS-NOORD');
    const shown = await app.graphqlOk<{ pathway: { site: string | null } }>('query ($id: ID!) { pathway(id: $id) { site } }', { id: treated.id });
    expect(shown.pathway.site).toBe('CAMPUS-NOORD');
  });

  it('refuses a site that breaks its rule, naming the rule and not the value', async () => {
    const patientId = treated.patientId;
    const response = await app.graphql(
      'mutation ($input: OpenPathwayInput!) { openPathway(input: $input) { replayed } }',
      { input: { patientId, side: 'RIGHT', site: 'Campus Noord!', idempotencyKey: newKey() } },
      await app.token('CLINICIAN'),
    );
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', field: 'input.site' });
    expect(response.errors?.[0].message).toBe('Invalid value for field input.site: 1 to 50 characters of A-Z a-z 0-9 . _ -');
  });

  it('follows a pathway through treatment, referral, surgery and closure: every indicator, move and feedback', async () => {
    const janssens = await app.token('CLINICIAN', 'dr.janssens');
    for (const [mutation, fields] of [
      ['recordClinicalExam', { clinicalDate: '2026-01-04', ...TYPICAL_EXAM }],
      ['recordRedFlagScreening', { clinicalDate: '2026-01-04', redFlags: [] }],
      ['recordRiskFactors', { clinicalDate: '2026-01-04', bmi: 29.4 }],
    ] as const) {
      expect((await treated.write(mutation, fields, janssens)).errors).toBeUndefined();
    }
    // 00:30 on 7 January in Brussels.
    clock.set('2026-01-06T23:30:00Z');
    await treated.do('changeStage', { to: 'CONSERVATIVE_TREATMENT' });
    const integration = await app.token('INTEGRATION', 'epd-bridge', 'dr.janssens');
    const override = { code: 'SUPPORT_WEIGHT_LOSS', outcome: 'OVERRIDDEN', reasonCode: 'PATIENT_PREFERENCE', comment: 'Exercise first' };
    expect((await treated.write('giveSuggestionFeedback', override, integration)).errors).toBeUndefined();
    await treated.do('giveSuggestionFeedback', { code: 'PROVIDE_OA_INFORMATION', outcome: 'ACCEPTED' });
    expect(await suggestionFeedback(treated.id)).toEqual([
      {
        sequence: 6,
        code: 'SUPPORT_WEIGHT_LOSS',
        outcome: 'OVERRIDDEN',
        reason_code: 'PATIENT_PREFERENCE',
        comment: 'Exercise first',
        given_on: '2026-01-07',
        recorded_at: '2026-01-06T23:30:00.000Z',
        actor: 'epd-bridge',
        acting_for: 'dr.janssens',
        rule_set_version: 'hip-oa-2026.12',
        channel: 'GRAPHQL',
        card_uuid: null,
        card_pathway_version: null,
      },
      {
        sequence: 7,
        code: 'PROVIDE_OA_INFORMATION',
        outcome: 'ACCEPTED',
        reason_code: null,
        comment: null,
        given_on: '2026-01-07',
        recorded_at: '2026-01-06T23:30:00.000Z',
        actor: 'dr.peeters',
        acting_for: null,
        rule_set_version: 'hip-oa-2026.12',
        channel: 'GRAPHQL',
        card_uuid: null,
        card_pathway_version: null,
      },
    ]);

    clock.set('2026-01-10T10:00:00Z');
    for (const [treatment, clinicalDate] of [
      ['EDUCATION', '2026-01-07'],
      ['EXERCISE_THERAPY', '2026-01-07'],
      ['ORAL_NSAID', '2026-01-08'],
      ['GASTROPROTECTION', '2026-01-09'],
    ]) {
      await treated.do('startTreatment', { clinicalDate, treatment });
    }
    // Ordered the day after the first move to conservative treatment: the diagnosis was still clinical.
    await treated.do('recordXrayOrdered', { clinicalDate: '2026-01-08' });
    clock.set('2026-04-01T09:00:00Z');
    await treated.do('changeStage', { to: 'SURGICAL_REFERRAL', deviationReason: 'Pain at night despite treatment' });
    clock.set('2026-04-21T09:00:00Z');
    await treated.do('recordPatientReportedOutcomes', { clinicalDate: '2026-04-20', oxfordHipScore: 18 });
    await treated.do('recordSurgery', { clinicalDate: '2026-04-20' });
    await treated.do('changeStage', { to: 'TOTAL_HIP_PROSTHESIS' });
    clock.set('2026-10-20T09:00:00Z');
    // 181 days after the surgery: not yet the postoperative score QI_PROM_GAIN reads; 182 days: it is.
    await treated.do('recordPostoperativeOutcome', { clinicalDate: '2026-10-18', oxfordHipScore: 35 });
    expect(await reportRow(treated.id)).toMatchObject({ preoperative_oxford_hip_score: 18, postoperative_oxford_hip_score: null });
    await treated.do('recordPostoperativeOutcome', { clinicalDate: '2026-10-19', oxfordHipScore: 40 });
    await treated.do('changeStage', { to: 'CLOSED', closeReason: 'COMPLETED' });

    expect(await reportRow(treated.id)).toEqual({
      pathway_id: treated.id,
      patient_id: treated.patientId,
      side: 'LEFT',
      site: 'CAMPUS-NOORD',
      stage: 'CLOSED',
      opened_on: '2026-01-05',
      cohort_date: '2026-01-04',
      first_exam_on: '2026-01-04',
      first_exam_clinician: 'dr.janssens',
      entered_conservative_on: '2026-01-07',
      entered_referral_on: '2026-04-01',
      surgery_on: '2026-04-20',
      qi_clinical_diagnosis: true,
      qi_exercise: true,
      qi_weight: false,
      qi_core_before_referral: false,
      referral_non_surgical_unsuitable: false,
      qi_nsaid_gastroprotection: true,
      qi_avoided_treatments: false,
      weak_opioid_started: false,
      preoperative_oxford_hip_score: 18,
      postoperative_oxford_hip_score: 40,
      updated_at: '2026-10-20T09:00:00.000Z',
    });
    expect(await stageMoves(treated.id)).toEqual([
      opening('2026-01-05T10:00:00.000Z'),
      {
        ...moveRow,
        sequence: 5,
        from_stage: 'CLINICAL_EXAM',
        to_stage: 'CONSERVATIVE_TREATMENT',
        moved_on: '2026-01-07',
        recorded_at: '2026-01-06T23:30:00.000Z',
      },
      {
        ...moveRow,
        sequence: 13,
        from_stage: 'CONSERVATIVE_TREATMENT',
        to_stage: 'SURGICAL_REFERRAL',
        moved_on: '2026-04-01',
        recorded_at: '2026-04-01T09:00:00.000Z',
        deviation: true,
        deviation_reason: 'Pain at night despite treatment',
      },
      {
        ...moveRow,
        sequence: 16,
        from_stage: 'SURGICAL_REFERRAL',
        to_stage: 'TOTAL_HIP_PROSTHESIS',
        moved_on: '2026-04-21',
        recorded_at: '2026-04-21T09:00:00.000Z',
      },
      {
        ...moveRow,
        sequence: 19,
        from_stage: 'TOTAL_HIP_PROSTHESIS',
        to_stage: 'CLOSED',
        moved_on: '2026-10-20',
        recorded_at: '2026-10-20T09:00:00.000Z',
        close_reason: 'COMPLETED',
      },
    ]);
    expect(await suggestionFeedback(treated.id)).toHaveLength(2);
  });

  it('recomputes the row from the corrected record when a recording is marked entered-in-error', async () => {
    clock.set('2026-02-01T10:00:00Z');
    deviated = await PathwayDriver.open(app, 'RIGHT', { birthDate: '1980-02-29' });
    await deviated.do('changeStage', { to: 'CONSERVATIVE_TREATMENT', deviationReason: 'Examined by the GP' });
    const [strongOpioid] = await deviated.do('startTreatment', { clinicalDate: '2026-02-01', treatment: 'STRONG_OPIOID' });
    const before = {
      ...emptyReport,
      pathway_id: deviated.id,
      patient_id: deviated.patientId,
      side: 'RIGHT',
      site: null,
      stage: 'CONSERVATIVE_TREATMENT',
      opened_on: '2026-02-01',
      cohort_date: '2026-02-01',
      entered_conservative_on: '2026-02-01',
      qi_exercise: false,
      qi_avoided_treatments: true,
      weak_opioid_started: false,
      updated_at: '2026-02-01T10:00:00.000Z',
    };
    expect(await reportRow(deviated.id)).toEqual(before);

    clock.set('2026-02-02T10:00:00Z');
    await deviated.do('markEnteredInError', { targetSequence: strongOpioid, reason: 'Prescribed to another patient' });
    expect(await reportRow(deviated.id)).toEqual({ ...before, qi_avoided_treatments: false, updated_at: '2026-02-02T10:00:00.000Z' });
    expect(await stageMoves(deviated.id)).toEqual([
      opening('2026-02-01T10:00:00.000Z'),
      {
        ...moveRow,
        sequence: 2,
        from_stage: 'CLINICAL_EXAM',
        to_stage: 'CONSERVATIVE_TREATMENT',
        moved_on: '2026-02-01',
        recorded_at: '2026-02-01T10:00:00.000Z',
        deviation: true,
        deviation_reason: 'Examined by the GP',
      },
    ]);
  });

  it('leaves the projection untouched when the write fails after projecting (one transaction)', async () => {
    await app.prisma.$executeRawUnsafe(`CREATE FUNCTION refuse_marked_key() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.key LIKE 'refused-%' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`);
    await app.prisma.$executeRawUnsafe(
      `CREATE TRIGGER refuse_marked_key BEFORE INSERT ON idempotency_record FOR EACH ROW EXECUTE FUNCTION refuse_marked_key()`,
    );
    try {
      const before = await wholeProjection();
      const events = await app.auditEventCount();
      clock.set('2026-02-03T10:00:00Z');
      const refused = (fields: Record<string, unknown>) => ({ ...fields, idempotencyKey: `refused-${newKey()}` });
      const feedback = refused({ code: 'PROVIDE_OA_INFORMATION', outcome: 'OVERRIDDEN', reasonCode: 'OTHER', comment: 'Leaflet given' });
      expect((await deviated.write('giveSuggestionFeedback', feedback)).errors?.[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      const close = refused({ to: 'CLOSED', closeReason: 'TRANSFERRED' });
      expect((await deviated.write('changeStage', close)).errors?.[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await app.auditEventCount()).toBe(events);
      expect(await wholeProjection()).toEqual(before);
    } finally {
      await app.prisma.$executeRawUnsafe('DROP TRIGGER refuse_marked_key ON idempotency_record');
      await app.prisma.$executeRawUnsafe('DROP FUNCTION refuse_marked_key()');
    }
  });

  it('rebuilds the same rows from the events with `npm run reports:rebuild`, again and again', async () => {
    const written = await wholeProjection();
    expect(written.reports).toHaveLength(2);
    expect(written.stageMoves).toHaveLength(7);
    expect(written.suggestionFeedback).toHaveLength(2);

    await app.prisma.$executeRaw`DELETE FROM pathway_report`;
    await app.prisma.$executeRaw`DELETE FROM stage_move`;
    await app.prisma.$executeRaw`DELETE FROM suggestion_feedback`;
    const rebuilt = await runRebuildCli();
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stdout).toContain('Reporting projection rebuilt: 2 pathways.');
    expect(await wholeProjection()).toEqual(written);

    // Part of the projection missing (a pathway written before it existed): the rest is kept, the gaps filled.
    await app.prisma.$executeRaw`DELETE FROM stage_move WHERE sequence > 1`;
    await app.prisma.$executeRaw`UPDATE pathway_report SET qi_exercise = NULL, stage = 'IMAGING'`;
    expect((await runRebuildCli()).status).toBe(0);
    expect(await wholeProjection()).toEqual(written);
  });

  it('rebuilds batch after batch, each pathway once', async () => {
    const written = await wholeProjection();
    await app.prisma.$executeRaw`DELETE FROM pathway_report`;
    await app.prisma.$executeRaw`DELETE FROM stage_move`;
    const batches: number[] = [];
    expect(await rebuildPathwayReports(app.prisma, { pathwaysPerBatch: 1, onBatch: (soFar) => batches.push(soFar) })).toBe(2);
    expect(batches).toEqual([1, 2, 2]);
    expect(await wholeProjection()).toEqual(written);
  });

  it('lets a later write on a pathway without projection rows write its whole report row and its new moves', async () => {
    await app.prisma.$executeRaw`DELETE FROM pathway_report WHERE pathway_id = ${deviated.id}::uuid`;
    await app.prisma.$executeRaw`DELETE FROM stage_move WHERE pathway_id = ${deviated.id}::uuid`;
    clock.set('2026-02-04T10:00:00Z');
    // Through the app as it is now: on PGlite the rebuild restarted it, and the driver still points at the first one.
    const input = { pathwayId: deviated.id, expectedVersion: deviated.version, idempotencyKey: newKey(), to: 'CLOSED', closeReason: 'TRANSFERRED' };
    await app.graphqlOk('mutation ($input: ChangeStageInput!) { changeStage(input: $input) { replayed } }', { input });
    expect(await reportRow(deviated.id)).toMatchObject({ stage: 'CLOSED', qi_avoided_treatments: false, updated_at: '2026-02-04T10:00:00.000Z' });
    expect((await stageMoves(deviated.id)).map((move) => move.sequence)).toEqual([5]);
  });
});
