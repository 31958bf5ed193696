import { beforeAll, describe, expect, it } from '@jest/globals';
import { AccessLogService } from '../src/audit/access-log/access-log.service.js';
import { Clock } from '../src/common/clock.js';
import { FixedClock } from './support/fixed-clock.js';
import { codesOf, PathwayDriver } from './support/pathway-steps.js';
import { useTestApp } from './support/use-test-app.js';
import { TYPICAL_EXAM } from './support/clinical-fixtures.js';

const clock = new FixedClock('2026-06-15T08:00:00Z');
const today = () => clock.daysAgo(0);

const PATHWAY_REPORT = `query ($id: ID!, $locale: Locale) {
  pathwayReport(pathwayId: $id, locale: $locale) {
    pathway { id side stage }
    ruleSetVersion
    timeline {
      sequence type clinicalDate recordedAt actor actingFor role reason enteredInError
      activeSuggestions { code indicator title }
      followedSuggestion
    }
    deviations { sequence from to reason actor actingFor recordedAt }
    overrides { sequence code reasonCode comment actor actingFor recordedAt }
    auditTrail { intact eventsChecked firstBrokenSequence }
  }
}`;
const VERIFY_AUDIT_TRAIL = `query ($id: ID!) { verifyAuditTrail(pathwayId: $id) { intact eventsChecked firstBrokenSequence } }`;

interface AuditTrail {
  intact: boolean;
  eventsChecked: number;
  firstBrokenSequence: number | null;
}

interface PathwayReport {
  pathway: { id: string; side: string; stage: string };
  ruleSetVersion: string;
  timeline: {
    sequence: number;
    type: string;
    clinicalDate: string | null;
    recordedAt: string;
    actor: string;
    actingFor: string | null;
    role: string;
    reason: string | null;
    enteredInError: boolean;
    activeSuggestions: { code: string; indicator: string; title: string }[];
    followedSuggestion: string | null;
  }[];
  deviations: Record<string, unknown>[];
  overrides: Record<string, unknown>[];
  auditTrail: AuditTrail;
}

describe('the per-pathway report for case review', () => {
  const app = useTestApp({ overrides: [{ provide: Clock, useValue: clock }] });
  let hip: PathwayDriver;

  const reportOf = async (id: string, locale: 'EN' | 'NL' = 'EN') =>
    (await app.graphqlOk<{ pathwayReport: PathwayReport }>(PATHWAY_REPORT, { id, locale }, 'AUDITOR')).pathwayReport;
  const verify = async (id: string) => (await app.graphqlOk<{ verifyAuditTrail: AuditTrail }>(VERIFY_AUDIT_TRAIL, { id }, 'ADMIN')).verifyAuditTrail;

  /** A typical hip walked through the API: a followed suggestion, an override by an integration, an unsupported referral, a correction. */
  beforeAll(async () => {
    hip = await PathwayDriver.open(app, 'LEFT', { birthDate: '1956-03-14' });
    clock.advanceDays(1);
    await hip.do('recordRedFlagScreening', { clinicalDate: today(), redFlags: [] }); // 2
    await hip.do('recordClinicalExam', { clinicalDate: today(), ...TYPICAL_EXAM }); // 3
    await hip.do('recordRiskFactors', { clinicalDate: today(), bmi: 29.4 }); // 4
    await hip.do('changeStage', { to: 'CONSERVATIVE_TREATMENT' }); // 5
    const integration = await app.token('INTEGRATION', 'ehr-sidebar', 'dr.janssens');
    const feedback = { code: 'CONSIDER_WALKING_AID', outcome: 'OVERRIDDEN', reasonCode: 'PATIENT_PREFERENCE', comment: 'declines a stick' };
    expect((await hip.write('giveSuggestionFeedback', feedback, integration)).errors).toBeUndefined(); // 6
    clock.advanceDays(7);
    await hip.do('startTreatment', { clinicalDate: today(), treatment: 'EXERCISE_THERAPY' }); // 7
    await hip.do('startTreatment', { clinicalDate: today(), treatment: 'ICE' }); // 8
    clock.advanceDays(14);
    await hip.do('changeStage', { to: 'SURGICAL_REFERRAL', deviationReason: 'night pain, patient insists' }); // 9
    await hip.do('markEnteredInError', { targetSequence: 8, reason: 'other hip' }); // 10
  });

  it('shows every event, the suggestions active just before it and the one it followed', async () => {
    const report = await reportOf(hip.id);
    expect(report.pathway).toEqual({ id: hip.id, side: 'LEFT', stage: 'SURGICAL_REFERRAL' });
    expect(report.ruleSetVersion).toBe('hip-oa-2026.12');
    expect(report.timeline.map(({ sequence, type, followedSuggestion }) => [sequence, type, followedSuggestion])).toEqual([
      [1, 'PATHWAY_OPENED', null],
      [2, 'RED_FLAGS_SCREENED', 'SCREEN_RED_FLAGS'],
      [3, 'CLINICAL_EXAM_RECORDED', 'COMPLETE_CLINICAL_EXAM'],
      [4, 'RISK_FACTORS_RECORDED', null],
      [5, 'STAGE_CHANGED', 'DIAGNOSE_CLINICALLY_WITHOUT_IMAGING'],
      [6, 'SUGGESTION_FEEDBACK_GIVEN', null],
      [7, 'TREATMENT_STARTED', 'START_EXERCISE_THERAPY'],
      [8, 'TREATMENT_STARTED', null],
      [9, 'STAGE_CHANGED', null],
      [10, 'RECORDING_ENTERED_IN_ERROR', null],
    ]);
    const activeBefore = (sequence: number) => codesOf(report.timeline[sequence - 1].activeSuggestions);
    expect(activeBefore(1)).toEqual([]);
    expect(activeBefore(2)).toEqual(['SCREEN_RED_FLAGS', 'COMPLETE_CLINICAL_EXAM']);
    expect(activeBefore(3)).toEqual(['COMPLETE_CLINICAL_EXAM']);
    expect(activeBefore(5)).toEqual(['DIAGNOSE_CLINICALLY_WITHOUT_IMAGING']);
    expect(activeBefore(7)).toEqual([
      'PROVIDE_OA_INFORMATION',
      'START_EXERCISE_THERAPY',
      'SUPPORT_WEIGHT_LOSS',
      'CONSIDER_WALKING_AID',
      'CONTINUE_AND_REVIEW_CONSERVATIVE_TREATMENT',
      'RECORD_PATIENT_REPORTED_OUTCOMES',
    ]);
    expect(activeBefore(8)).not.toContain('START_EXERCISE_THERAPY');
    expect(activeBefore(9)).not.toContain('REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT');
    expect(report.timeline[6].activeSuggestions[1]).toEqual({ code: 'START_EXERCISE_THERAPY', indicator: 'INFO', title: expect.any(String) });
    expect(report.timeline.filter((event) => event.enteredInError).map((event) => event.sequence)).toEqual([8]);
    expect(report.timeline[5]).toMatchObject({ actor: 'ehr-sidebar', actingFor: 'dr.janssens', role: 'INTEGRATION' });
    expect(report.timeline[6]).toMatchObject({ clinicalDate: '2026-06-23', recordedAt: '2026-06-23T08:00:00.000Z', actor: 'dr.peeters' });
  });

  it('gives the suggestion titles in the requested language', async () => {
    const [english, dutch] = await Promise.all([reportOf(hip.id, 'EN'), reportOf(hip.id, 'NL')]);
    expect(codesOf(dutch.timeline[1].activeSuggestions)).toEqual(codesOf(english.timeline[1].activeSuggestions));
    expect(dutch.timeline[1].activeSuggestions[0].title).not.toBe(english.timeline[1].activeSuggestions[0].title);
  });

  it('lists the deviation and the override with who made them and when', async () => {
    const report = await reportOf(hip.id);
    expect(report.deviations).toEqual([
      {
        sequence: 9,
        from: 'CONSERVATIVE_TREATMENT',
        to: 'SURGICAL_REFERRAL',
        reason: 'night pain, patient insists',
        actor: 'dr.peeters',
        actingFor: null,
        recordedAt: '2026-07-07T08:00:00.000Z',
      },
    ]);
    expect(report.overrides).toEqual([
      {
        sequence: 6,
        code: 'CONSIDER_WALKING_AID',
        reasonCode: 'PATIENT_PREFERENCE',
        comment: 'declines a stick',
        actor: 'ehr-sidebar',
        actingFor: 'dr.janssens',
        recordedAt: '2026-06-16T08:00:00.000Z',
      },
    ]);
  });

  it("records the read in the access log, for the pathway's patient", async () => {
    const accessLog = app.app.get(AccessLogService);
    await accessLog.flush();
    const before = await app.prisma.accessLog.count({ where: { patientId: hip.patientId, operation: 'pathwayReport' } });
    await app.graphqlOk(PATHWAY_REPORT, { id: hip.id }, 'AUDITOR');
    await accessLog.flush();
    const rows = await app.prisma.accessLog.findMany({ where: { patientId: hip.patientId, operation: 'pathwayReport' }, orderBy: { id: 'asc' } });
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ actor: 'dr.peeters', actingFor: null, role: 'AUDITOR' });
  });

  it('finds the audit trail intact, then a tampered event by its sequence', async () => {
    const tampered = await PathwayDriver.open(app, 'RIGHT');
    await tampered.do('recordClinicalExam', { clinicalDate: today(), ...TYPICAL_EXAM });
    await tampered.do('startTreatment', { clinicalDate: today(), treatment: 'EXERCISE_THERAPY' });
    await tampered.do('recordRedFlagScreening', { clinicalDate: today(), redFlags: [] });
    expect(await verify(tampered.id)).toEqual({ intact: true, eventsChecked: 4, firstBrokenSequence: null });
    expect((await reportOf(tampered.id)).auditTrail).toEqual({ intact: true, eventsChecked: 4, firstBrokenSequence: null });

    // What someone with the database's superuser could do: switch the append-only trigger off and rewrite a treatment.
    await app.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete');
      await tx.$executeRaw`UPDATE audit_event SET payload = '{"treatment": "PHYSIOTHERAPY"}'::jsonb WHERE stream_id = ${tampered.id}::uuid AND sequence = 3`;
      await tx.$executeRawUnsafe('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete');
    });

    expect(await verify(tampered.id)).toEqual({ intact: false, eventsChecked: 4, firstBrokenSequence: 3 });
    const report = await reportOf(tampered.id);
    expect(report.auditTrail).toEqual({ intact: false, eventsChecked: 4, firstBrokenSequence: 3 });
    // The review reads only what the chain vouches for: nothing from the altered event on.
    expect(report.timeline.map((entry) => entry.sequence)).toEqual([1, 2]);
    expect(report.pathway).toEqual({ id: tampered.id, side: 'RIGHT', stage: 'CLINICAL_EXAM' });
    expect(await verify(hip.id)).toEqual({ intact: true, eventsChecked: 10, firstBrokenSequence: null });
  });

  it('still answers the case review when a tampered event could no longer be replayed', async () => {
    const tampered = await PathwayDriver.open(app, 'LEFT');
    await tampered.do('recordClinicalExam', { clinicalDate: today(), ...TYPICAL_EXAM });
    await tampered.do('recordRedFlagScreening', { clinicalDate: today(), redFlags: [] });
    await app.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete');
      await tx.$executeRaw`UPDATE audit_event SET type = 'FORGED_EVENT' WHERE stream_id = ${tampered.id}::uuid AND sequence = 2`;
      await tx.$executeRawUnsafe('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete');
    });

    const report = await reportOf(tampered.id);
    expect(report.auditTrail).toEqual({ intact: false, eventsChecked: 3, firstBrokenSequence: 2 });
    expect(report.timeline.map((entry) => [entry.sequence, entry.type])).toEqual([[1, 'PATHWAY_OPENED']]);
  });

  it('answers NOT_FOUND for an id that is no pathway, a patient included', async () => {
    for (const id of ['6f0c2f4e-4a51-4b8e-9c39-2f7c0d5e8a11', hip.patientId]) {
      for (const query of [PATHWAY_REPORT, VERIFY_AUDIT_TRAIL]) {
        const response = await app.graphql(query, { id }, await app.token('AUDITOR'));
        expect(response.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'PATHWAY_NOT_FOUND', field: 'pathwayId' });
      }
    }
  });

  it('refuses clinicians and integrations', async () => {
    for (const role of ['CLINICIAN', 'INTEGRATION'] as const) {
      for (const query of [PATHWAY_REPORT, VERIFY_AUDIT_TRAIL]) {
        const response = await app.graphql(query, { id: hip.id }, await app.token(role));
        expect(response.errors?.[0].extensions.code).toBe('FORBIDDEN');
        expect(response.data).toBeNull();
      }
    }
  });
});
