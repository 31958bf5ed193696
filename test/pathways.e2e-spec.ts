import { describe, expect, it } from '@jest/globals';
import { verifyAuditLog } from '../src/audit/audit-verifier.js';
import { Clock } from '../src/common/clock.js';
import { FixedClock } from './support/fixed-clock.js';
import { codesOf, PathwayDriver } from './support/pathway-steps.js';
import { newKey } from './support/test-app.js';
import { useTestApp } from './support/use-test-app.js';
import { TYPICAL_EXAM } from './support/clinical-fixtures.js';

/** The service's today: ages, week counts and "not in the future" do not depend on the wall clock. */
const clock = new FixedClock();
const daysAgo = (days: number) => clock.daysAgo(days);

/** A pathway's timeline as a query selects it, `Node` being the fields of each event. */
type TimelineOf<Node> = { pathway: { timeline: { edges: { node: Node }[] } } };

describe('pathways over HTTP: whole pathways', () => {
  const app = useTestApp({ overrides: [{ provide: Clock, useValue: clock }] });

  /** After every step: the stored pathway's nextSteps equal evaluateGuideline on its facts. */
  async function expectNextStepsMatchGuideline(driver: PathwayDriver, locale: 'EN' | 'NL' = 'EN') {
    const { nextSteps, stateless, pathway } = await driver.nextStepsAndStatelessAnswer(locale);
    expect(nextSteps).toEqual(stateless);
    return pathway;
  }

  it('walks a typical patient from exam to conservative treatment, referral, prosthesis and closure', async () => {
    const hip = await PathwayDriver.open(app, 'LEFT', { birthDate: '1956-03-14' });
    let pathway = await expectNextStepsMatchGuideline(hip);
    expect(pathway.stage).toBe('CLINICAL_EXAM');
    expect(codesOf(pathway.nextSteps)).toEqual(['SCREEN_RED_FLAGS', 'COMPLETE_CLINICAL_EXAM']);
    expect(pathway.checklist.find((item) => item.code === 'ASK_PAIN_LOCATION')?.status).toBe('TODO');

    await hip.do('recordClinicalExam', { clinicalDate: daysAgo(400), ...TYPICAL_EXAM });
    await hip.do('recordRedFlagScreening', { clinicalDate: daysAgo(400), redFlags: [] });
    await hip.do('recordRiskFactors', { clinicalDate: daysAgo(400), riskFactors: ['HEAVY_PHYSICAL_WORK'], bmi: 29.4 });
    await hip.do('recordPatientReportedOutcomes', { clinicalDate: daysAgo(400), painScore: 7, oxfordHipScore: 21 });
    pathway = await expectNextStepsMatchGuideline(hip, 'NL');
    expect(codesOf(pathway.nextSteps)).toEqual(['DIAGNOSE_CLINICALLY_WITHOUT_IMAGING']);
    expect(pathway.facts).toMatchObject({ ageYears: 70, bmi: 29.4, painLocations: ['GROIN', 'THIGH'], redFlags: [], redFlagsScreened: true });
    expect(pathway.checklist.filter((item) => item.status !== 'DONE').map((item) => item.code)).toEqual([]);

    await hip.do('changeStage', { to: 'CONSERVATIVE_TREATMENT' });
    pathway = await expectNextStepsMatchGuideline(hip);
    expect(codesOf(pathway.nextSteps)).toEqual([
      'PROVIDE_OA_INFORMATION',
      'START_EXERCISE_THERAPY',
      'SUPPORT_WEIGHT_LOSS',
      'CONSIDER_WALKING_AID',
      'CONTINUE_AND_REVIEW_CONSERVATIVE_TREATMENT',
    ]);
    await hip.do('recordNsaidRiskFactors', { clinicalDate: daysAgo(395), nsaidRiskFactors: [] });
    expect(codesOf((await expectNextStepsMatchGuideline(hip)).nextSteps)).toContain('CONSIDER_ORAL_NSAID');

    for (const treatment of ['EDUCATION', 'EXERCISE_THERAPY', 'WEIGHT_MANAGEMENT', 'WALKING_AID', 'ORAL_NSAID', 'GASTROPROTECTION']) {
      await hip.do('startTreatment', { clinicalDate: daysAgo(390), treatment });
    }
    await hip.do('recordNsaidRiskFactors', { clinicalDate: daysAgo(390), nsaidRiskFactors: [] });
    await hip.do('planFollowUp', { clinicalDate: daysAgo(390), followUpDate: daysAgo(300) });
    pathway = await expectNextStepsMatchGuideline(hip);
    expect(pathway.facts.conservativeTreatmentWeeks).toBe(55);
    expect(codesOf(pathway.nextSteps)).toEqual(['REVIEW_NSAID_RISK', 'CONSIDER_INTRA_ARTICULAR_CORTICOSTEROID']);

    await hip.do('stopTreatment', { clinicalDate: daysAgo(300), treatment: 'ORAL_NSAID' });
    await hip.do('recordSurgicalIndication', {
      clinicalDate: daysAgo(300),
      qualityOfLifeSubstantiallyAffected: true,
      nonSurgicalTreatmentUnsuitable: false,
    });
    pathway = await expectNextStepsMatchGuideline(hip);
    expect(codesOf(pathway.nextSteps)).toEqual(['REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT', 'CONSIDER_XRAY_HIP_AND_PELVIS', 'CONSIDER_ORAL_NSAID']);
    expect(pathway.facts.treatments).toEqual(expect.arrayContaining(['EDUCATION', 'GASTROPROTECTION']));
    expect(pathway.facts.treatments).not.toContain('ORAL_NSAID');

    await hip.do('changeStage', { to: 'SURGICAL_REFERRAL' });
    pathway = await expectNextStepsMatchGuideline(hip);
    expect(pathway.deviationCount).toBe(0);
    expect(codesOf(pathway.nextSteps)).toEqual(['DISCUSS_SHARED_DECISION', 'CONSIDER_XRAY_HIP_AND_PELVIS']);

    await hip.do('recordXrayOrdered', { clinicalDate: daysAgo(290) });
    expect((await hip.read()).facts.xrayPerformed).toBeNull();
    await hip.do('recordXrayResult', { clinicalDate: daysAgo(288), kellgrenLawrenceGrade: 3, findings: 'Joint space narrowing, osteophytes' });
    await hip.do('recordSurgicalRiskFactors', { clinicalDate: daysAgo(288), smoker: true, diabetesUncontrolled: false });
    await hip.do('documentSharedDecision', { clinicalDate: daysAgo(288) });
    pathway = await expectNextStepsMatchGuideline(hip);
    expect(codesOf(pathway.nextSteps)).toEqual(['OPTIMISE_BEFORE_SURGERY']);

    await hip.do('changeStage', { to: 'TOTAL_HIP_PROSTHESIS' });
    await hip.do('recordSurgery', { clinicalDate: daysAgo(200) });
    pathway = await expectNextStepsMatchGuideline(hip);
    expect(pathway.facts.weeksSinceSurgery).toBe(28);
    expect(codesOf(pathway.nextSteps)).toEqual(['RECORD_POSTOPERATIVE_OUTCOME']);

    await hip.do('recordPostoperativeOutcome', { clinicalDate: daysAgo(10), oxfordHipScore: 27 });
    pathway = await expectNextStepsMatchGuideline(hip);
    expect(codesOf(pathway.nextSteps)).toEqual(['REVIEW_POOR_POSTOPERATIVE_OUTCOME']);
    await hip.do('recordPostoperativeOutcome', { clinicalDate: daysAgo(1), oxfordHipScore: 43 });
    pathway = await expectNextStepsMatchGuideline(hip);
    expect(codesOf(pathway.nextSteps)).toEqual([]);

    await hip.do('changeStage', { to: 'CLOSED', closeReason: 'COMPLETED' });
    pathway = await expectNextStepsMatchGuideline(hip);
    expect(pathway).toMatchObject({ stage: 'CLOSED', closeReason: 'COMPLETED', nextSteps: [], checklist: [] });

    const refused = await hip.write('recordPatientReportedOutcomes', { clinicalDate: daysAgo(0), painScore: 2 });
    expect(refused.errors?.[0]?.extensions.code).toBe('CONFLICT');
    const reopened = await app.graphqlOk<{ openPathway: { pathway: { stage: string } } }>(
      `mutation ($input: OpenPathwayInput!) { openPathway(input: $input) { pathway { stage } } }`,
      { input: { patientId: hip.patientId, side: 'LEFT', idempotencyKey: newKey() } },
    );
    expect(reopened.openPathway.pathway.stage).toBe('CLINICAL_EXAM');
  });

  it('puts a critical red flag first, suspends the routine pathway, and closes as a red-flag referral', async () => {
    const hip = await PathwayDriver.open(app, 'RIGHT');
    await hip.do('recordClinicalExam', { clinicalDate: daysAgo(1), ...TYPICAL_EXAM });
    await hip.do('recordRedFlagScreening', { clinicalDate: daysAgo(0), redFlags: ['SUSPECTED_INFECTION', 'RADICULAR_SIGNS'] });
    const pathway = await expectNextStepsMatchGuideline(hip);
    expect(codesOf(pathway.nextSteps)).toEqual(['RED_FLAG_SUSPECTED_INFECTION', 'RED_FLAG_RADICULAR']);
    expect(pathway.nextSteps[0]?.indicator).toBe('CRITICAL');
    await hip.do('changeStage', { to: 'CLOSED', closeReason: 'RED_FLAG_REFERRAL' });
    expect((await hip.read()).closeReason).toBe('RED_FLAG_REFERRAL');
  });

  it('returns a patient whose surgery is declined to conservative treatment, then closes as declined', async () => {
    const hip = await PathwayDriver.open(app);
    await hip.do('recordClinicalExam', { clinicalDate: daysAgo(200), ...TYPICAL_EXAM });
    await hip.do('recordRedFlagScreening', { clinicalDate: daysAgo(200), redFlags: [] });
    await hip.do('changeStage', { to: 'CONSERVATIVE_TREATMENT' });
    await hip.do('recordSurgicalIndication', {
      clinicalDate: daysAgo(10),
      qualityOfLifeSubstantiallyAffected: true,
      nonSurgicalTreatmentUnsuitable: true,
    });
    await hip.do('changeStage', { to: 'SURGICAL_REFERRAL' });
    expect((await hip.read()).deviationCount).toBe(0);

    await hip.do('changeStage', { to: 'CONSERVATIVE_TREATMENT', note: 'Patient declines surgery for now' });
    const pathway = await expectNextStepsMatchGuideline(hip);
    expect(pathway.stage).toBe('CONSERVATIVE_TREATMENT');
    expect(codesOf(pathway.nextSteps)).toContain('REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT');
    await hip.do('changeStage', { to: 'CLOSED', closeReason: 'PATIENT_DECLINED' });
    expect((await hip.read()).stage).toBe('CLOSED');
  });

  it('refuses a move the guideline does not support until a deviation reason is given, then stores and counts it', async () => {
    const hip = await PathwayDriver.open(app);
    const before = await app.auditEventCount();
    const withoutReason = await hip.write('changeStage', { to: 'CONSERVATIVE_TREATMENT' });
    expect(withoutReason.errors?.[0]?.extensions.code).toBe('DEVIATION_REASON_REQUIRED');
    const blankReason = await hip.write('changeStage', { to: 'CONSERVATIVE_TREATMENT', deviationReason: '   ' });
    expect(blankReason.errors?.[0]?.extensions.code).toBe('DEVIATION_REASON_REQUIRED');
    expect(await app.auditEventCount()).toBe(before);

    await hip.do('changeStage', { to: 'CONSERVATIVE_TREATMENT', deviationReason: 'Exam done by the referring GP' });
    const pathway = await expectNextStepsMatchGuideline(hip);
    expect(pathway.deviationCount).toBe(1);

    const toReferral = await hip.write('changeStage', { to: 'SURGICAL_REFERRAL' });
    expect(toReferral.errors?.[0]?.extensions.code).toBe('DEVIATION_REASON_REQUIRED');
    const timeline = await app.graphqlOk<TimelineOf<{ type: string; payload: unknown; reason: string | null }>>(
      `query ($id: ID!) { pathway(id: $id) { timeline(first: 10) { edges { node { type payload reason } } } } }`,
      { id: hip.id },
    );
    const stageChange = timeline.pathway.timeline.edges.at(-1)?.node;
    expect(stageChange).toMatchObject({
      type: 'STAGE_CHANGED',
      payload: { from: 'CLINICAL_EXAM', to: 'CONSERVATIVE_TREATMENT', deviation: true, deviationReason: 'Exam done by the referring GP' },
      reason: 'Exam done by the referring GP',
    });
  });

  it.each([
    ['CLINICAL_EXAM to TOTAL_HIP_PROSTHESIS', 'TOTAL_HIP_PROSTHESIS'],
    ['CLINICAL_EXAM to SURGICAL_REFERRAL', 'SURGICAL_REFERRAL'],
    ['CLINICAL_EXAM to itself', 'CLINICAL_EXAM'],
  ])('refuses the move %s with INVALID_TRANSITION, even with a deviation reason', async (_label, to) => {
    const hip = await PathwayDriver.open(app);
    const response = await hip.write('changeStage', { to, deviationReason: 'Because' });
    expect(response.errors?.[0]?.extensions.code).toBe('INVALID_TRANSITION');
    expect((await hip.read()).version).toBe(1);
  });

  it("says which stages a pathway may move to next, the contract's allowed moves, and none once closed", async () => {
    const hip = await PathwayDriver.open(app);
    const movesOf = async () =>
      (
        await app.graphqlOk<{ pathway: { stage: string; allowedMoves: string[] } }>('query ($id: ID!) { pathway(id: $id) { stage allowedMoves } }', {
          id: hip.id,
        })
      ).pathway;
    expect(await movesOf()).toEqual({ stage: 'CLINICAL_EXAM', allowedMoves: ['IMAGING', 'CONSERVATIVE_TREATMENT', 'CLOSED'] });
    await hip.do('changeStage', { to: 'CONSERVATIVE_TREATMENT', deviationReason: 'Diagnosis clear from the history alone' });
    expect(await movesOf()).toEqual({ stage: 'CONSERVATIVE_TREATMENT', allowedMoves: ['IMAGING', 'SURGICAL_REFERRAL', 'CLOSED'] });
    await hip.do('changeStage', { to: 'CLOSED', closeReason: 'ALTERNATIVE_DIAGNOSIS' });
    expect(await movesOf()).toEqual({ stage: 'CLOSED', allowedMoves: [] });
  });

  it('refuses a second open pathway on the same hip, and allows the other hip', async () => {
    const hip = await PathwayDriver.open(app, 'LEFT');
    const token = await app.token('CLINICIAN');
    const second = await app.graphql(
      `mutation ($input: OpenPathwayInput!) { openPathway(input: $input) { pathway { id } } }`,
      { input: { patientId: hip.patientId, side: 'LEFT', idempotencyKey: newKey() } },
      token,
    );
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'side' });
    const right = await app.graphql(
      `mutation ($input: OpenPathwayInput!) { openPathway(input: $input) { pathway { id } } }`,
      { input: { patientId: hip.patientId, side: 'RIGHT', idempotencyKey: newKey() } },
      token,
    );
    expect(right.errors).toBeUndefined();
  });

  it('marks a recording entered-in-error: the earlier value counts again, the log keeps both', async () => {
    const hip = await PathwayDriver.open(app);
    await hip.do('recordRiskFactors', { clinicalDate: daysAgo(20), bmi: 31 });
    const [wrong] = await hip.do('recordRiskFactors', { clinicalDate: daysAgo(2), bmi: 13 });
    expect((await hip.read()).facts.bmi).toBe(13);

    const noReason = await hip.write('markEnteredInError', { targetSequence: wrong, reason: '' });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    await hip.do('markEnteredInError', { targetSequence: wrong, reason: 'BMI typed in the wrong field' });
    expect((await hip.read()).facts.bmi).toBe(31);
    const again = await hip.write('markEnteredInError', { targetSequence: wrong, reason: 'twice' });
    expect(again.errors?.[0]?.extensions.code).toBe('CONFLICT');
    const missing = await hip.write('markEnteredInError', { targetSequence: 999, reason: 'no such' });
    expect(missing.errors?.[0]?.extensions.code).toBe('NOT_FOUND');

    const { pathway } = await app.graphqlOk<
      TimelineOf<{ sequence: number; type: string; enteredInError: boolean; actor: string; role: string; reason: string | null; recordedAt: string }>
    >(
      `query ($id: ID!) { pathway(id: $id) { timeline(first: 100) { edges { node { sequence type enteredInError actor role reason recordedAt } } } } }`,
      { id: hip.id },
      'AUDITOR',
    );
    const events = pathway.timeline.edges.map((edge) => edge.node);
    expect(events.map((event) => event.type)).toEqual([
      'PATHWAY_OPENED',
      'RISK_FACTORS_RECORDED',
      'RISK_FACTORS_RECORDED',
      'RECORDING_ENTERED_IN_ERROR',
    ]);
    expect(events[2]).toMatchObject({ sequence: wrong, enteredInError: true, actor: 'dr.peeters', role: 'CLINICIAN' });
    expect(events[3]).toMatchObject({ reason: 'BMI typed in the wrong field', enteredInError: false });
  });

  it('pages through the timeline in recording order', async () => {
    const hip = await PathwayDriver.open(app);
    for (const painScore of [2, 4, 6, 8]) await hip.do('recordPatientReportedOutcomes', { clinicalDate: daysAgo(1), painScore });
    const page = async (after?: string) =>
      (
        await app.graphqlOk<{
          pathway: { timeline: { edges: { cursor: string; node: { sequence: number } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
        }>(
          `query ($id: ID!, $after: String) { pathway(id: $id) { timeline(first: 2, after: $after) { edges { cursor node { sequence } } pageInfo { hasNextPage endCursor } } } }`,
          { id: hip.id, after },
        )
      ).pathway.timeline;
    const sequences: number[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const timeline = await page(after);
      pages += 1;
      sequences.push(...timeline.edges.map((edge: { node: { sequence: number } }) => edge.node.sequence));
      if (!timeline.pageInfo.hasNextPage) break;
      after = timeline.pageInfo.endCursor;
    }
    expect(sequences).toEqual([1, 2, 3, 4, 5]);
    expect(pages).toBe(3);
    const beyondInt = Buffer.from('[1e20]').toString('base64url');
    const refused = await app.graphql(
      `query ($id: ID!, $after: String) { pathway(id: $id) { timeline(after: $after) { edges { cursor } } } }`,
      { id: hip.id, after: beyondInt },
      await app.token('CLINICIAN'),
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('ticks the checklist from what was recorded and lets a clinician mark an item not applicable', async () => {
    const hip = await PathwayDriver.open(app);
    await hip.do('recordClinicalExam', { clinicalDate: daysAgo(0), limping: false, difficultyWithFootwear: false });
    let checklist = (await hip.read()).checklist;
    expect(checklist.find((item) => item.code === 'ASK_FUNCTION')?.status).toBe('DONE');
    expect(checklist.find((item) => item.code === 'RECORD_BMI')?.status).toBe('TODO');

    await hip.do('markChecklistItemNotApplicable', { item: 'RECORD_BMI', reason: 'Wheelchair user, cannot be weighed today' });
    checklist = (await hip.read('NL')).checklist;
    expect(checklist.find((item) => item.code === 'RECORD_BMI')).toMatchObject({
      status: 'NOT_APPLICABLE',
      reason: 'Wheelchair user, cannot be weighed today',
    });
    const otherStage = await hip.write('markChecklistItemNotApplicable', { item: 'SHARED_DECISION', reason: 'n/a' });
    expect(otherStage.errors?.[0]?.extensions.code).toBe('CONFLICT');
  });

  it('stores feedback on a shown suggestion with its code, rule-set version and actor; an override needs a reason', async () => {
    const hip = await PathwayDriver.open(app);
    const integration = await app.token('INTEGRATION', 'ehr-sidebar', 'dr.janssens');
    const notShown = await hip.write('giveSuggestionFeedback', { code: 'REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT', outcome: 'ACCEPTED' }, integration);
    expect(notShown.errors?.[0]?.extensions.code).toBe('CONFLICT');
    const withoutReason = await hip.write('giveSuggestionFeedback', { code: 'SCREEN_RED_FLAGS', outcome: 'OVERRIDDEN' }, integration);
    expect(withoutReason.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');

    const feedback = {
      code: 'SCREEN_RED_FLAGS',
      outcome: 'OVERRIDDEN',
      reasonCode: 'ALREADY_DONE',
      comment: 'Screened at the emergency department',
      note: 'Seen in the ED letter',
    };
    const response = await hip.write('giveSuggestionFeedback', feedback, integration);
    expect(response.errors).toBeUndefined();
    const event = await app.prisma.auditEvent.findFirstOrThrow({ where: { streamId: hip.id, type: 'SUGGESTION_FEEDBACK_GIVEN' } });
    expect(event.payload).toMatchObject({ note: 'Seen in the ED letter' });
    expect(event).toMatchObject({
      actor: 'ehr-sidebar',
      actingFor: 'dr.janssens',
      role: 'INTEGRATION',
      ruleSetVersion: 'hip-oa-2026.12',
      payload: {
        code: 'SCREEN_RED_FLAGS',
        outcome: 'OVERRIDDEN',
        reasonCode: 'ALREADY_DONE',
        comment: 'Screened at the emergency department',
        ruleSetVersion: 'hip-oa-2026.12',
      },
    });
    const recording = await hip.write('recordRiskFactors', { clinicalDate: daysAgo(0), bmi: 25 }, integration);
    expect(recording.errors?.[0]?.extensions.code).toBe('FORBIDDEN');

    // One EHR acting for two clinicians: the same idempotency key is each clinician's own.
    const input = { pathwayId: hip.id, idempotencyKey: newKey(), code: 'SCREEN_RED_FLAGS', outcome: 'ACCEPTED' };
    const give = `mutation ($input: GiveSuggestionFeedbackInput!) { giveSuggestionFeedback(input: $input) { replayed pathway { version } } }`;
    type Given = { giveSuggestionFeedback: { replayed: boolean; pathway: { version: number } } };
    const first = await app.graphql<Given>(give, { input: { ...input, expectedVersion: hip.version } }, integration);
    const forColleague = await app.graphql<Given>(
      give,
      { input: { ...input, expectedVersion: first.data!.giveSuggestionFeedback.pathway.version } },
      await app.token('INTEGRATION', 'ehr-sidebar', 'dr.maes'),
    );
    expect(forColleague.data?.giveSuggestionFeedback.replayed).toBe(false);
    const actingFor = (
      await app.prisma.auditEvent.findMany({ where: { streamId: hip.id, type: 'SUGGESTION_FEEDBACK_GIVEN' }, orderBy: { sequence: 'asc' } })
    ).map((e) => e.actingFor);
    expect(actingFor).toEqual(['dr.janssens', 'dr.janssens', 'dr.maes']);
  });

  it.each([
    ['a clinical date in the future', 'recordPatientReportedOutcomes', { clinicalDate: daysAgo(-2), painScore: 3 }, 'clinicalDate'],
    ['a pain score of 11', 'recordPatientReportedOutcomes', { clinicalDate: daysAgo(0), painScore: 11 }, 'painScore'],
    ['an unknown red flag', 'recordRedFlagScreening', { clinicalDate: daysAgo(0), redFlags: ['HEADACHE'] }, 'redFlags'],
    ['a repeated pain location', 'recordClinicalExam', { clinicalDate: daysAgo(0), painLocations: ['GROIN', 'GROIN'] }, 'painLocations'],
    ['a close without reason', 'changeStage', { to: 'CLOSED' }, 'closeReason'],
    ['a stop of a treatment never started', 'stopTreatment', { clinicalDate: daysAgo(0), treatment: 'ORAL_NSAID' }, 'treatment'],
  ])('refuses %s, naming the field and recording nothing', async (_label, mutation, fields, field) => {
    const hip = await PathwayDriver.open(app);
    const before = await app.auditEventCount();
    const response = await hip.write(mutation, fields);
    expect(response.errors?.[0]?.extensions.field ?? response.errors?.[0]?.message).toContain(field);
    expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(response.errors?.[0]?.extensions.code);
    expect(await app.auditEventCount()).toBe(before);
  });

  it('refuses a stale expectedVersion with CONFLICT and records nothing', async () => {
    const hip = await PathwayDriver.open(app);
    await hip.do('recordPatientReportedOutcomes', { clinicalDate: daysAgo(0), painScore: 5 });
    const before = await app.auditEventCount();
    hip.version -= 1;
    const stale = await hip.write('recordPatientReportedOutcomes', { clinicalDate: daysAgo(0), painScore: 9 });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
    expect(await app.auditEventCount()).toBe(before);
    expect((await hip.read()).facts.painScore).toBe(5);
  });

  it('answers an idempotent retry with the first answer and records nothing', async () => {
    const hip = await PathwayDriver.open(app);
    const input = { pathwayId: hip.id, expectedVersion: hip.version, idempotencyKey: newKey(), clinicalDate: daysAgo(0), painScore: 4 };
    const mutation = `mutation ($input: RecordPatientReportedOutcomesInput!) { recordPatientReportedOutcomes(input: $input) { eventSequences replayed } }`;
    const first = await app.graphqlOk(mutation, { input });
    const retry = await app.graphqlOk(mutation, { input });
    expect(first.recordPatientReportedOutcomes).toEqual({ eventSequences: [2], replayed: false });
    expect(retry.recordPatientReportedOutcomes).toEqual({ eventSequences: [2], replayed: true });
    expect(await app.prisma.auditEvent.count({ where: { streamId: hip.id } })).toBe(2);
  });

  it('keeps 20 concurrent clients that retry on CONFLICT to exactly 20 events, unbroken and verifiable', async () => {
    const hip = await PathwayDriver.open(app);
    const token = await app.token('CLINICIAN');
    const readVersion = async () =>
      (await app.graphqlOk<{ pathway: { version: number } }>(`query ($id: ID!) { pathway(id: $id) { version } }`, { id: hip.id })).pathway.version;
    const client = async (index: number) => {
      const idempotencyKey = newKey();
      for (let attempt = 0; attempt < 200; attempt += 1) {
        const response = await app.graphql(
          `mutation ($input: RecordPatientReportedOutcomesInput!) { recordPatientReportedOutcomes(input: $input) { replayed } }`,
          { input: { pathwayId: hip.id, expectedVersion: await readVersion(), idempotencyKey, clinicalDate: daysAgo(0), painScore: index % 11 } },
          token,
        );
        if (!response.errors) return attempt;
        expect(response.errors[0]?.extensions.code).toBe('CONFLICT');
      }
      throw new Error('gave up');
    };
    const attempts = await Promise.all(Array.from({ length: 20 }, (_, index) => client(index)));
    expect(attempts.some((count) => count > 0)).toBe(true);

    const events = await app.prisma.auditEvent.findMany({ where: { streamId: hip.id }, orderBy: { sequence: 'asc' } });
    expect(events.map((event) => event.sequence)).toEqual(Array.from({ length: 21 }, (_, index) => index + 1));
    expect(events.filter((event) => event.type === 'PATIENT_REPORTED_OUTCOMES_RECORDED')).toHaveLength(20);
    expect((await hip.read()).version).toBe(21);
    expect((await verifyAuditLog(app.prisma)).firstBrokenLink).toBeUndefined();
  });
});
