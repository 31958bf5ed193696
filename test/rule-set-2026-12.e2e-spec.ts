import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codesOf, daysAgo, PathwayDriver } from './support/pathway-steps.js';
import { TestApp } from './support/test-app.js';

const TYPICAL_EXAM = {
  activityRelatedPain: true,
  morningStiffnessMinutes: 15,
  internalRotationDegrees: 10,
  painOnInternalRotation: true,
  limping: false,
};

/** The readings rule set hip-oa-2026.12 changed, walked through the service. */
describe('rule set hip-oa-2026.12 over HTTP', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  /** The stored pathway, after checking that its nextSteps equal evaluateGuideline on its facts. */
  async function readChecked(driver: PathwayDriver) {
    const { nextSteps, stateless, pathway } = await driver.nextStepsAndStatelessAnswer();
    expect(nextSteps).toEqual(stateless);
    return pathway;
  }

  it('counts conservative treatment weeks from the day core treatment became complete, never from a medicine', async () => {
    const hip = await PathwayDriver.open(app);
    await hip.do('recordClinicalExam', { clinicalDate: daysAgo(200), ...TYPICAL_EXAM });
    await hip.do('recordRedFlagScreening', { clinicalDate: daysAgo(200), redFlags: [] });
    await hip.do('recordRiskFactors', { clinicalDate: daysAgo(200), bmi: 29 });
    await hip.do('recordPatientReportedOutcomes', { clinicalDate: daysAgo(200), painScore: 6, oxfordHipScore: 22 });
    await hip.do('changeStage', { to: 'CONSERVATIVE_TREATMENT' });

    await hip.do('startTreatment', { clinicalDate: daysAgo(140), treatment: 'PARACETAMOL' });
    await hip.do('recordSurgicalIndication', {
      clinicalDate: daysAgo(140),
      qualityOfLifeSubstantiallyAffected: true,
      nonSurgicalTreatmentUnsuitable: false,
    });
    let pathway = await readChecked(hip);
    expect(pathway.facts).toMatchObject({ treatments: ['PARACETAMOL'], conservativeTreatmentWeeks: null });
    expect(codesOf(pathway.nextSteps)).toContain('CONTINUE_AND_REVIEW_CONSERVATIVE_TREATMENT');

    // Education and exercise, but at BMI 29 core treatment also needs weight management.
    await hip.do('startTreatment', { clinicalDate: daysAgo(100), treatment: 'EDUCATION' });
    await hip.do('startTreatment', { clinicalDate: daysAgo(90), treatment: 'EXERCISE_THERAPY' });
    pathway = await readChecked(hip);
    expect(pathway.facts.conservativeTreatmentWeeks).toBeNull();
    expect(codesOf(pathway.nextSteps)).toEqual(expect.arrayContaining(['SUPPORT_WEIGHT_LOSS', 'CONTINUE_AND_REVIEW_CONSERVATIVE_TREATMENT']));
    const early = await hip.write('changeStage', { to: 'SURGICAL_REFERRAL' });
    expect(early.errors?.[0]?.extensions.code).toBe('DEVIATION_REASON_REQUIRED');

    const [weightManagement] = await hip.do('startTreatment', { clinicalDate: daysAgo(83), treatment: 'WEIGHT_MANAGEMENT' });
    pathway = await readChecked(hip);
    expect(pathway.facts.conservativeTreatmentWeeks).toBe(11);
    expect(codesOf(pathway.nextSteps)).not.toContain('REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT');
    expect(codesOf(pathway.nextSteps)).not.toContain('SUPPORT_WEIGHT_LOSS');

    // The start was one day earlier: corrected, core treatment became complete 84 days ago.
    await hip.do('markEnteredInError', { targetSequence: weightManagement, reason: 'Wrong start date' });
    await hip.do('startTreatment', { clinicalDate: daysAgo(84), treatment: 'WEIGHT_MANAGEMENT' });
    pathway = await readChecked(hip);
    expect(pathway.facts.conservativeTreatmentWeeks).toBe(12);
    expect(codesOf(pathway.nextSteps)).toContain('REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT');
    expect(codesOf(pathway.nextSteps)).not.toContain('CONTINUE_AND_REVIEW_CONSERVATIVE_TREATMENT');

    await hip.do('changeStage', { to: 'SURGICAL_REFERRAL' });
    expect((await hip.read()).deviationCount).toBe(0);
  });

  it('counts an injection on the day given and the 90 days after, at referral', async () => {
    const hip = await PathwayDriver.open(app);
    await hip.do('recordClinicalExam', { clinicalDate: daysAgo(300), ...TYPICAL_EXAM });
    await hip.do('changeStage', { to: 'CONSERVATIVE_TREATMENT' });
    await hip.do('recordSurgicalIndication', {
      clinicalDate: daysAgo(300),
      qualityOfLifeSubstantiallyAffected: true,
      nonSurgicalTreatmentUnsuitable: true,
    });
    await hip.do('recordRedFlagScreening', { clinicalDate: daysAgo(300), redFlags: [] });
    await hip.do('changeStage', { to: 'SURGICAL_REFERRAL' });

    await hip.do('startTreatment', { clinicalDate: daysAgo(91), treatment: 'INTRA_ARTICULAR_CORTICOSTEROID' });
    let pathway = await readChecked(hip);
    expect(pathway.facts.treatments).toEqual([]);
    expect(codesOf(pathway.nextSteps)).not.toContain('RECENT_INTRA_ARTICULAR_INJECTION');

    await hip.do('startTreatment', { clinicalDate: daysAgo(90), treatment: 'INTRA_ARTICULAR_CORTICOSTEROID' });
    pathway = await readChecked(hip);
    expect(pathway.facts.treatments).toEqual(['INTRA_ARTICULAR_CORTICOSTEROID']);
    expect(codesOf(pathway.nextSteps)).toContain('RECENT_INTRA_ARTICULAR_INJECTION');
  });

  it('takes the Oxford Hip Score of the surgery day as the preoperative score', async () => {
    const hip = await PathwayDriver.open(app);
    await hip.do('recordClinicalExam', { clinicalDate: daysAgo(300), ...TYPICAL_EXAM });
    await hip.do('changeStage', { to: 'CONSERVATIVE_TREATMENT' });
    await hip.do('recordSurgicalIndication', {
      clinicalDate: daysAgo(300),
      qualityOfLifeSubstantiallyAffected: true,
      nonSurgicalTreatmentUnsuitable: true,
    });
    await hip.do('recordRedFlagScreening', { clinicalDate: daysAgo(300), redFlags: [] });
    await hip.do('changeStage', { to: 'SURGICAL_REFERRAL' });
    await hip.do('changeStage', { to: 'TOTAL_HIP_PROSTHESIS' });
    await hip.do('recordPatientReportedOutcomes', { clinicalDate: daysAgo(200), oxfordHipScore: 18 });
    await hip.do('recordSurgery', { clinicalDate: daysAgo(200) });
    await hip.do('recordPatientReportedOutcomes', { clinicalDate: daysAgo(199), oxfordHipScore: 24 });
    const pathway = await readChecked(hip);
    expect(pathway.facts).toMatchObject({ oxfordHipScore: 18, postoperativeOxfordHipScore: 24, weeksSinceSurgery: 28 });
    expect(codesOf(pathway.nextSteps)).toEqual(['REVIEW_POOR_POSTOPERATIVE_OUTCOME']);
  });
});
